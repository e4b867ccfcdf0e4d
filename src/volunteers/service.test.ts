import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hashPassword, seedMemberLink, seedUser } from '../identity/index.js';
import { makeIdNumber } from '../members/index.js';
import { orgDirectory } from '../orgs/index.js';
import { manualClock, type ManualClock } from '../platform/clock.js';
import { runDueJobs } from '../platform/jobs/jobs.js';
import { instantOfLocalDate } from '../platform/time.js';
import sharp from 'sharp';
import { CASE_STAGES, pointInGridOf } from '../testing/caseFixtures.js';
import { draftFeedback, FEEDBACK_JOB, sendFeedback, volunteerJobHandlers } from './feedback.js';
import { ensureVolunteerJobs } from './index.js';
import {
  loginAs,
  startTestPlatform,
  TEST_PASSWORD,
  type Session,
  type TestPlatform,
} from '../testing/testPlatform.js';

type Json = Record<string, unknown>;

// Friday 6 March 2026, 09:00 in the district: a fixed clock, so the quarter and the notice are the same every run.
const START = instantOfLocalDate('2026-03-06') + 9 * 3_600_000;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('volunteers: certificates, feedback to employers, sunshine relief', () => {
  let p: TestPlatform;
  let clock: ManualClock;
  let admin: Session;
  let otherTown: Session;
  let memberA: Session;
  const ids = {} as Record<'town' | 'unit' | 'branch' | 'a' | 'b' | 'c', string>;
  let seq = 0;

  const ok = async (session: Session, method: 'GET' | 'POST', url: string, body?: unknown) => {
    const res = await session.request(method, url, body);
    assert.equal(res.status, 200, `${method} ${url}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const refused = async (session: Session, url: string, body: unknown, code: string) => {
    const res = await session.request('POST', url, body);
    assert.equal(res.body.code, code, `${url}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  const hours = (memberId: string, minutes: number, on: string) =>
    ok(admin, 'POST', '/api/points/acts', {
      ruleCode: 'service',
      lines: [{ memberId, amount: minutes }],
      evidence: '社区签到表',
      occurredOn: on,
    });
  const relogin = async () => {
    admin = await loginAs(p.app, 'admin');
    otherTown = await loginAs(p.app, 'shigang');
    memberA = await loginAs(p.app, 'v_cert_a');
  };

  before(async () => {
    clock = manualClock(START);
    p = await startTestPlatform(
      { SESSION_TTL_HOURS: '720', JOB_INTERVAL_MS: '600000' },
      { stages: CASE_STAGES, orgScale: 0.02, clock },
    );
    admin = await loginAs(p.app, 'admin');
    ids.town = (await orgDirectory(p.database.db, p.database.dialect).findByCode('320612001'))!.id;
    const org = async (parentId: string, level: string, type: string, name: string) =>
      ((await ok(admin, 'POST', '/api/orgs', { parentId, level, type, name })).item as Json).id as string;
    ids.unit = await org(ids.town, 'unit', 'school', '金沙实验小学');
    ids.branch = await org(ids.unit, 'branch', 'schoolBranch', '金沙实验小学党支部');
    const member = async (name: string) =>
      (
        (
          await ok(admin, 'POST', '/api/members', {
            name,
            ethnicity: '汉族',
            education: 'college',
            idNumber: makeIdNumber('320612', '1985-05-01', ++seq),
            phone: null,
            joinedOn: '2010-07-01',
            status: 'full',
            branchId: ids.branch,
            groupId: null,
            communityId: null,
          })
        ).item as Json
      ).id as string;
    ids.a = await member('赵在职');
    ids.b = await member('钱在职');
    ids.c = await member('孙在职');
    const userId = await seedUser(p.database.db, {
      username: 'v_cert_a',
      displayName: '赵在职',
      passwordHash: await hashPassword(TEST_PASSWORD),
      roles: [{ role: 'partyMember', orgId: ids.branch }],
      now: clock.now(),
    });
    await seedMemberLink(p.database.db, p.database.dialect, userId!, ids.a, clock.now());
    await relogin();
  });
  after(async () => {
    await p.close();
  });

  it('puts a certificate on a 7-day notice, holds it on an objection, then issues it with a code anyone verifies', async () => {
    await hours(ids.a, 240, '2026-03-05');
    await refused(
      admin,
      '/api/volunteers/certificates',
      { memberId: ids.c, year: 2026 },
      'volunteer.below_bar',
    );
    const made = (await ok(admin, 'POST', '/api/volunteers/certificates', { memberId: ids.a, year: 2026 }))
      .item as Json;
    assert.equal(made.status, 'notice');
    assert.equal(made.hours, 4);
    assert.equal(made.noticeUntil, START + 7 * DAY);
    await refused(
      admin,
      '/api/volunteers/certificates',
      { memberId: ids.a, year: 2026 },
      'volunteer.certificate_exists',
    );
    const code = made.code as string;
    assert.match(code, /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);

    const verify = async (c: string) => {
      const res = await p.app.inject({ method: 'GET', url: `/api/public/certificates/${c}` });
      return { status: res.statusCode, body: JSON.parse(res.payload) as Json };
    };
    const during = await verify(code.toLowerCase());
    assert.equal(during.status, 200);
    assert.equal(during.body.memberName, '赵*职', 'the public page masks the name');
    assert.equal(during.body.status, 'notice');
    assert.equal(during.body.orgName, '金沙实验小学党支部');

    const decide = (decision: string, note: string) =>
      admin.request('POST', `/api/volunteers/certificates/${made.id as string}/decision`, { decision, note });
    assert.equal((await decide('issue', '')).body.code, 'volunteer.notice_running');

    const objection = await p.app.inject({
      method: 'POST',
      url: `/api/public/certificates/${code}/objection`,
      payload: { text: '三月五日他并未到场，可致电 13912345678 核实' },
    });
    assert.equal(objection.statusCode, 204);
    const held = (await ok(admin, 'GET', `/api/volunteers/certificates?orgId=${ids.town}`)).items as Json[];
    const mine = held.find((c) => c.id === made.id)!;
    assert.equal(mine.status, 'objected');
    assert.ok(!(mine.objection as string).includes('13912345678'), 'numbers in an objection are masked');

    clock.set(START + 8 * DAY);
    await relogin();
    assert.equal((await decide('issue', '')).body.code, 'volunteer.objection_open');
    assert.equal((await decide('dismissObjection', '')).status, 400, 'dismissing needs a reason');
    const dismissed = await decide('dismissObjection', '已核对签到表与现场照片，属实');
    assert.equal(dismissed.status, 200, JSON.stringify(dismissed.body));
    assert.equal((dismissed.body.item as Json).status, 'notice');
    assert.equal(
      (dismissed.body.item as Json).noticeUntil,
      START + 15 * DAY,
      'the notice runs again in full',
    );
    assert.equal((await decide('issue', '')).body.code, 'volunteer.notice_running');

    clock.set(START + 16 * DAY);
    await relogin();
    const issued = await decide('issue', '');
    assert.equal(issued.status, 200, JSON.stringify(issued.body));
    assert.equal((issued.body.item as Json).issuedAt, START + 16 * DAY);
    assert.equal((await verify(code)).body.status, 'issued');
    assert.equal((await verify('ZZZZ-ZZZZ-ZZ')).status, 404);

    // Another town neither lists nor decides it.
    assert.equal(
      (await otherTown.request('GET', `/api/volunteers/certificates?orgId=${ids.town}`)).status,
      404,
    );
    const foreign = await otherTown.request(
      'POST',
      `/api/volunteers/certificates/${made.id as string}/decision`,
      {
        decision: 'withdraw',
        note: '撤回',
      },
    );
    assert.equal(foreign.status, 404);
  });

  it('reports a unit’s members’ quarter to the employer, with the evaluation and who is behind the bar', async () => {
    // A hand-built first quarter: a serves 4 h + 8 h, b 8 h + 8 h + 4 h, c nothing.
    await hours(ids.a, 480, '2026-02-10');
    await hours(ids.b, 480, '2026-01-12');
    await hours(ids.b, 480, '2026-02-14');
    await hours(ids.b, 240, '2026-03-01');
    const report = await ok(
      admin,
      'GET',
      `/api/volunteers/employer-report?unitOrgId=${ids.unit}&quarter=2026-Q1`,
    );
    assert.equal(report.unitName, '金沙实验小学');
    const lines = report.lines as {
      memberId: string;
      hours: number;
      evaluation: string;
      isBehindBar: boolean;
    }[];
    const of = (id: string) => lines.find((l) => l.memberId === id)!;
    // The pace of the 50-hour bar is 12.5 h a quarter: 1.5× is excellent, the pace good, half of it adequate.
    assert.deepEqual(
      [of(ids.b), of(ids.a), of(ids.c)].map((l) => [l.hours, l.evaluation, l.isBehindBar]),
      [
        [20, 'excellent', false],
        [12, 'adequate', true],
        [0, 'behind', true],
      ],
    );
    assert.deepEqual(
      lines.map((l) => l.memberId),
      [ids.b, ids.a, ids.c],
    );
    const q2 = await ok(
      admin,
      'GET',
      `/api/volunteers/employer-report?unitOrgId=${ids.unit}&quarter=2026-Q2`,
    );
    assert.ok((q2.lines as { hours: number }[]).every((l) => l.hours === 0));

    const village = (await orgDirectory(p.database.db, p.database.dialect).findByCode('320612001001'))!.id;
    const notUnit = await admin.request(
      'GET',
      `/api/volunteers/employer-report?unitOrgId=${village}&quarter=2026-Q1`,
    );
    assert.equal(notUnit.body.code, 'volunteer.not_unit');
    const bad = await admin.request(
      'GET',
      `/api/volunteers/employer-report?unitOrgId=${ids.unit}&quarter=2026-Q5`,
    );
    assert.equal(bad.status, 400);
    const foreign = await otherTown.request(
      'GET',
      `/api/volunteers/employer-report?unitOrgId=${ids.unit}&quarter=2026-Q1`,
    );
    assert.equal(foreign.status, 404);
  });

  it('sends each unit and branch its quarter when the quarter ends, once, naming no member', async () => {
    // The unit's party secretary holds the account that hears of the unit and of its branch (which has none).
    const secretaryId = await seedUser(p.database.db, {
      username: 'v_unit_sec',
      displayName: '金沙实验小学党支部书记',
      passwordHash: await hashPassword(TEST_PASSWORD),
      roles: [{ role: 'villageCadre', orgId: ids.unit }],
      now: clock.now(),
    });
    assert.ok(secretaryId !== null);
    const handlers = volunteerJobHandlers(p.database);
    const run = () => runDueJobs(p.database, handlers, { now: () => clock.now() });
    // The server ensures the current quarter's job at every start; ensuring it again changes nothing.
    await ensureVolunteerJobs(p.database.db, clock.now());
    await ensureVolunteerJobs(p.database.db, clock.now());
    const jobs = await p.database.db
      .selectFrom('job')
      .select(['key', 'due_at', 'status'])
      .where('kind', '=', FEEDBACK_JOB)
      .execute();
    assert.deepEqual(jobs, [
      {
        key: 'volunteers.feedback:2026-Q1',
        due_at: instantOfLocalDate('2026-04-01') + 9 * 3_600_000,
        status: 'pending',
      },
    ]);
    assert.equal(await run(), 0, 'nothing is due before the quarter ends');

    clock.set(instantOfLocalDate('2026-04-01') + 10 * 3_600_000);
    await relogin();
    assert.equal(await run(), 1);
    const sent = (await ok(admin, 'GET', `/api/volunteers/feedback?orgId=${ids.town}&period=2026-Q1`))
      .items as Json[];
    const row = (kind: string) => {
      const r = sent.find(
        (x) => x.kind === kind && (x.org as Json).id === ids[kind === 'employer' ? 'unit' : 'branch'],
      );
      assert.ok(r !== undefined, `a ${kind} row`);
      return [r.members, r.unregistered, r.behindBar, r.hours, r.recipients];
    };
    // In the quarter a served 12 h (behind the 12.5 h pace), b 20 h, c nothing; none registered with a community.
    assert.deepEqual(row('employer'), [3, 3, 2, 32, 1]);
    assert.deepEqual(row('branch'), [3, 3, 2, 32, 1]);
    const secretary = await loginAs(p.app, 'v_unit_sec');
    const inbox = (await ok(secretary, 'GET', '/api/notifications')).items as Json[];
    const notices = inbox.filter((n) => n.event === 'volunteer.feedback');
    assert.equal(notices.length, 2, 'one notice for the unit, one for its branch');
    for (const n of notices) {
      assert.ok(!JSON.stringify(n).includes('赵在职'), 'a notice names no member');
      assert.match((n.data as Json).link as string, /^\/volunteers\?tab=/);
    }

    // The next quarter's job is set; running again, or sending the same quarter again, tells nobody twice.
    const next = await p.database.db
      .selectFrom('job')
      .select(['status'])
      .where('key', '=', 'volunteers.feedback:2026-Q2')
      .executeTakeFirst();
    assert.equal(next?.status, 'pending');
    assert.equal(await run(), 0);
    const drafts = await draftFeedback(p.database, '2026-Q1', clock.now());
    const again = await p.database.db
      .transaction()
      .execute((trx) => sendFeedback(trx, p.database.dialect, '2026-Q1', drafts, clock.now()));
    assert.equal(again, 0);
    const inboxAfter = (await ok(secretary, 'GET', '/api/notifications')).items as Json[];
    assert.equal(inboxAfter.filter((n) => n.event === 'volunteer.feedback').length, 2);

    // Another town sees none of it.
    assert.equal((await otherTown.request('GET', `/api/volunteers/feedback?orgId=${ids.town}`)).status, 404);
    const theirs = (await ok(otherTown, 'GET', '/api/volunteers/feedback')).items as Json[];
    assert.ok(theirs.every((x) => (x.org as Json).id !== ids.unit && (x.org as Json).id !== ids.branch));
  });

  it('records relief visits on the phone and flags the implausible ones', async () => {
    const point = await pointInGridOf(p, 'wangge');
    const grid = await p.database.db
      .selectFrom('grid')
      .select('village_id')
      .where('id', '=', point.gridId)
      .executeTakeFirstOrThrow();
    const household = async (headName: string) =>
      (
        (
          await ok(admin, 'POST', '/api/households', {
            villageId: grid.village_id,
            headName,
            address: '东市社区 3 栋',
            size: 2,
          })
        ).item as Json
      ).id as string;
    const pair = async (householdId: string) =>
      (await ok(admin, 'POST', '/api/relief/pairings', { householdId, memberId: ids.a, visitsPerQuarter: 3 }))
        .item as Json;
    const first = await pair(await household('王困难'));
    assert.equal(first.householdName, '王*难');
    const second = await pair(await household('李大伯'));
    const neither = await admin.request('POST', '/api/relief/pairings', {
      householdId: first.householdId,
      visitsPerQuarter: 3,
    });
    assert.equal(neither.status, 400);

    const now = clock.now();
    const visit = (pairingId: string, from: number, to: number, at: { lng: number; lat: number } | null) =>
      memberA.request('POST', '/api/relief/visits', {
        pairingId,
        startedAt: from,
        endedAt: to,
        lng: at?.lng ?? null,
        lat: at?.lat ?? null,
        note: '了解近况，老人说电话 13800001111 可以联系',
        help: '送米面油',
      });
    const plain = await visit(first.id as string, now - 60 * MINUTE, now - 20 * MINUTE, point);
    assert.equal(plain.status, 200, JSON.stringify(plain.body));
    assert.deepEqual((plain.body.item as Json).flags, []);
    assert.ok(!((plain.body.item as Json).note as string).includes('13800001111'));
    // Five minutes, at the very spot where another household was visited.
    const short = await visit(second.id as string, now - 10 * MINUTE, now - 5 * MINUTE, point);
    assert.deepEqual(((short.body.item as Json).flags as string[]).sort(), ['samePosition', 'tooShort']);
    // Outside the household's village (outside the district altogether).
    const away = await visit(first.id as string, now - 3 * 60 * MINUTE, now - 2 * 60 * MINUTE, {
      lng: 120.5,
      lat: 31.5,
    });
    assert.deepEqual((away.body.item as Json).flags, ['outsideVillage']);
    const blind = await visit(first.id as string, now - 5 * 60 * MINUTE, now - 4 * 60 * MINUTE, null);
    assert.deepEqual((blind.body.item as Json).flags, ['noPosition']);
    const backwards = await visit(first.id as string, now - 20 * MINUTE, now - 30 * MINUTE, point);
    assert.equal(backwards.status, 400);

    const my = (await ok(memberA, 'GET', '/api/relief/my')).items as Json[];
    assert.equal(my.length, 2);
    assert.equal(my.find((x) => x.id === first.id)!.visits, 3);
    assert.equal(my.find((x) => x.id === first.id)!.flaggedVisits, 2);
    const visits = (await ok(admin, 'GET', `/api/relief/pairings/${first.id as string}/visits`))
      .items as Json[];
    assert.equal(visits.length, 3);
    assert.equal(
      (await otherTown.request('GET', `/api/relief/pairings/${first.id as string}/visits`)).status,
      404,
    );
    // Someone else's pairing is not the caller's to record.
    const cadre = await loginAs(p.app, 'wangge');
    const notMine = await cadre.request('POST', '/api/relief/visits', {
      pairingId: first.id,
      startedAt: now - 60 * MINUTE,
      endedAt: now - 20 * MINUTE,
      lng: point.lng,
      lat: point.lat,
      note: '走访',
      help: null,
    });
    assert.ok(notMine.status === 404 || notMine.status === 403, String(notMine.status));
  });
  it('keeps a visit’s photo without its metadata, for the scope only; a bad photo writes no visit', async () => {
    const point = await pointInGridOf(p, 'wangge');
    const grid = await p.database.db
      .selectFrom('grid')
      .select('village_id')
      .where('id', '=', point.gridId)
      .executeTakeFirstOrThrow();
    const household = (
      (
        await ok(admin, 'POST', '/api/households', {
          villageId: grid.village_id,
          headName: '周照片',
          address: '东市社区 5 栋',
          size: 1,
        })
      ).item as Json
    ).id as string;
    const pairing = (
      await ok(admin, 'POST', '/api/relief/pairings', {
        householdId: household,
        memberId: ids.a,
        visitsPerQuarter: 3,
      })
    ).item as Json;
    // A camera's picture: a JPEG carrying its maker and position in EXIF.
    const picture = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#88aa66' } })
      .withExif({
        IFD0: { Make: 'PhoneMaker', Model: 'X1' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '32/1 5/1 0/1' },
      })
      .jpeg()
      .toBuffer();
    assert.ok((await sharp(picture).metadata()).exif !== undefined, 'the upload carries EXIF');
    const now = clock.now();
    const visitsBefore = await p.database.db
      .selectFrom('relief_visit')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    const body = (photo: unknown) => ({
      pairingId: pairing.id,
      startedAt: now - 50 * MINUTE,
      endedAt: now - 10 * MINUTE,
      lng: point.lng,
      lat: point.lat,
      note: '走访并拍照',
      help: null,
      photo,
    });
    const bad = await memberA.request(
      'POST',
      '/api/relief/visits',
      body({ data: Buffer.from('not an image at all').toString('base64') }),
    );
    assert.equal(bad.status, 400);
    assert.equal(bad.body.code, 'request.invalid');
    const visitsAfterBad = await p.database.db
      .selectFrom('relief_visit')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(visitsAfterBad.n), Number(visitsBefore.n), 'a refused photo writes no visit');

    const made = await memberA.request(
      'POST',
      '/api/relief/visits',
      body({ data: `data:image/jpeg;base64,${picture.toString('base64')}` }),
    );
    assert.equal(made.status, 200, JSON.stringify(made.body));
    const item = made.body.item as Json;
    assert.equal(item.hasPhoto, true);
    const got = await p.app.inject({
      method: 'GET',
      url: `/api/relief/visits/${item.id as string}/photo`,
      headers: { cookie: admin.cookie },
    });
    assert.equal(got.statusCode, 200);
    assert.equal(got.headers['content-type'], 'image/jpeg');
    const stored = await sharp(got.rawPayload).metadata();
    assert.equal(stored.exif, undefined, 'no EXIF (no maker, no position) is kept');
    assert.equal(stored.width, 800);
    const foreign = await p.app.inject({
      method: 'GET',
      url: `/api/relief/visits/${item.id as string}/photo`,
      headers: { cookie: otherTown.cookie },
    });
    assert.equal(foreign.statusCode, 404);
    const listed = (await ok(admin, 'GET', `/api/relief/pairings/${pairing.id as string}/visits`))
      .items as Json[];
    assert.deepEqual(
      listed.map((v) => v.hasPhoto),
      [true],
    );
  });
});
