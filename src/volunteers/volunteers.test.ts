import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { hashPassword, seedMemberLink, seedUser } from '../identity/index.js';
import { makeIdNumber } from '../members/index.js';
import { orgDirectory } from '../orgs/index.js';
import { manualClock, type ManualClock } from '../platform/clock.js';
import { instantOfLocalDate } from '../platform/time.js';
import {
  call,
  loginAs,
  startTestPlatform,
  TEST_PASSWORD,
  type Session,
  type TestPlatform,
} from '../testing/testPlatform.js';
import { volunteerNumbers } from './numbers.js';

type Json = Record<string, unknown>;

// Friday 6 March 2026, 09:00 in the district.
const START = instantOfLocalDate('2026-03-06') + 9 * 3_600_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PLACE = { lng: 121.0, lat: 32.0 };

describe('volunteers: 双报到, activities with on-site check-in, the hours and points ledger', () => {
  let p: TestPlatform;
  let clock: ManualClock;
  let admin: Session;
  let cadre: Session;
  let otherTown: Session;
  let seq = 0;
  const ids = {} as Record<
    'village' | 'branch' | 'otherBranch' | 'a' | 'b' | 'c' | 'unit' | 'activity',
    string
  >;
  const s = {} as Record<'a' | 'b' | 'c', Session>;

  const ok = async (session: Session, method: 'GET' | 'POST', url: string, body?: unknown) => {
    const res = await session.request(method, url, body);
    assert.equal(res.status, 200, `${method} ${url}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const refused = async (
    session: Session,
    method: 'GET' | 'POST',
    url: string,
    body: unknown,
    code: string,
  ) => {
    const res = await session.request(method, url, body);
    assert.equal(res.body.code, code, `${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  const member = async (name: string, branchId: string) =>
    (
      (
        await ok(admin, 'POST', '/api/members', {
          name,
          ethnicity: '汉族',
          education: 'college',
          idNumber: makeIdNumber('320612', '1980-01-01', ++seq),
          phone: null,
          joinedOn: '2005-07-01',
          status: 'full',
          branchId,
          groupId: null,
          communityId: null,
        })
      ).item as Json
    ).id as string;
  const account = async (username: string, orgId: string, memberId: string) => {
    const userId = await seedUser(p.database.db, {
      username,
      displayName: username,
      passwordHash: await hashPassword(TEST_PASSWORD),
      roles: [{ role: 'partyMember', orgId }],
      now: clock.now(),
    });
    await seedMemberLink(p.database.db, p.database.dialect, userId!, memberId, clock.now());
    return loginAs(p.app, username);
  };

  before(async () => {
    clock = manualClock(START);
    p = await startTestPlatform({ SESSION_TTL_HOURS: '720' }, { clock });
    admin = await loginAs(p.app, 'admin');
    cadre = await loginAs(p.app, 'dongshi');
    otherTown = await loginAs(p.app, 'shigang');
    const orgs = orgDirectory(p.database.db, p.database.dialect);
    ids.village = (await orgs.findByCode('320612001001'))!.id;
    const town = (await orgs.findByCode('320612001'))!.id;
    ids.unit = (
      (
        await ok(admin, 'POST', '/api/orgs', {
          parentId: town,
          level: 'unit',
          type: 'school',
          name: '金沙中学',
        })
      ).item as Json
    ).id as string;
    ids.branch = (
      (
        await ok(admin, 'POST', '/api/orgs', {
          parentId: ids.unit,
          level: 'branch',
          type: 'schoolBranch',
          name: '金沙中学党支部',
        })
      ).item as Json
    ).id as string;
    ids.otherBranch = (
      (
        await ok(admin, 'POST', '/api/orgs', {
          parentId: ids.village,
          level: 'branch',
          type: 'branch',
          name: '东市第九党支部',
        })
      ).item as Json
    ).id as string;
    ids.a = await member('赵在职', ids.branch);
    ids.b = await member('钱在职', ids.branch);
    ids.c = await member('孙在职', ids.branch);
    s.a = await account('v_a', ids.branch, ids.a);
    s.b = await account('v_b', ids.branch, ids.b);
    s.c = await account('v_c', ids.branch, ids.c);
  });
  after(async () => {
    await p.close();
  });

  it('registers a member with the community, confirmed there, lapsing after half a year; units register too', async () => {
    clock.set(START);
    const mine = await ok(s.a, 'POST', '/api/volunteers/my/registration', { communityId: ids.village });
    const reg = mine.item as Json;
    assert.equal(reg.state, 'pending');
    await refused(
      s.a,
      'POST',
      '/api/volunteers/my/registration',
      { communityId: ids.village },
      'volunteer.already_registered',
    );
    await refused(
      s.b,
      'POST',
      '/api/volunteers/my/registration',
      { communityId: ids.branch },
      'volunteer.not_community',
    );

    const list = (await ok(cadre, 'GET', '/api/volunteers/registrations?status=pending')).items as Json[];
    assert.deepEqual(
      list.map((r) => r.id),
      [reg.id],
    );
    // Another town's command centre cannot decide it.
    const foreign = await otherTown.request(
      'POST',
      `/api/volunteers/registrations/${reg.id as string}/decision`,
      { decision: 'confirm' },
    );
    assert.equal(foreign.status, 404);
    const confirmed = (
      await ok(cadre, 'POST', `/api/volunteers/registrations/${reg.id as string}/decision`, {
        decision: 'confirm',
      })
    ).item as Json;
    assert.equal(confirmed.state, 'confirmed');
    assert.equal(confirmed.confirmations, 1);
    const record = (await ok(admin, 'GET', `/api/members/${ids.a}`)).item as Json;
    assert.equal((record.community as Json).id, ids.village);

    let unregistered = await ok(admin, 'GET', `/api/volunteers/unregistered?orgId=${ids.branch}`);
    assert.equal((unregistered.employer as Json).id, ids.unit);
    assert.equal(unregistered.members, 3);
    assert.equal(unregistered.registered, 1);
    assert.deepEqual((unregistered.items as Json[]).map((i) => i.memberId).sort(), [ids.b, ids.c].sort());

    // Half a year later the confirmation has lapsed: back on the list until the community confirms again.
    clock.set(START + 184 * DAY);
    admin = await loginAs(p.app, 'admin');
    cadre = await loginAs(p.app, 'dongshi');
    s.a = await loginAs(p.app, 'v_a');
    unregistered = await ok(admin, 'GET', `/api/volunteers/unregistered?orgId=${ids.branch}`);
    assert.equal((unregistered.items as Json[]).find((i) => i.memberId === ids.a)?.state, 'lapsed');
    assert.equal(((await ok(s.a, 'GET', '/api/volunteers/my')).registration as Json).state, 'lapsed');
    const again = (
      await ok(cadre, 'POST', `/api/volunteers/registrations/${reg.id as string}/decision`, {
        decision: 'confirm',
      })
    ).item as Json;
    assert.equal(again.confirmations, 2);
    unregistered = await ok(admin, 'GET', `/api/volunteers/unregistered?orgId=${ids.branch}`);
    assert.equal(unregistered.registered, 1);

    // A refusal needs a reason.
    clock.set(START);
    const b = (await ok(s.b, 'POST', '/api/volunteers/my/registration', { communityId: ids.village }))
      .item as Json;
    assert.equal(
      (
        await cadre.request('POST', `/api/volunteers/registrations/${b.id as string}/decision`, {
          decision: 'refuse',
        })
      ).status,
      400,
    );
    await ok(cadre, 'POST', `/api/volunteers/registrations/${b.id as string}/decision`, {
      decision: 'confirm',
    });

    // The unit registers with the community it sits in; a branch is not a unit.
    await refused(
      admin,
      'POST',
      '/api/volunteers/registrations',
      { unitOrgId: ids.branch, communityId: ids.village },
      'volunteer.not_unit',
    );
    const unit = (
      await ok(admin, 'POST', '/api/volunteers/registrations', {
        unitOrgId: ids.unit,
        communityId: ids.village,
      })
    ).item as Json;
    assert.equal(unit.kind, 'unit');
    await ok(cadre, 'POST', `/api/volunteers/registrations/${unit.id as string}/decision`, {
      decision: 'confirm',
    });
  });

  it('signs in and out on site: window, QR code, position and a second sign-in are checked; the organiser confirms', async () => {
    clock.set(START);
    const starts = START + DAY;
    const scheduled = (
      await ok(cadre, 'POST', '/api/volunteers/activities', {
        communityId: ids.village,
        category: 'health',
        title: '义诊进社区',
        description: '为老人量血压',
        placeName: '东市社区党群服务中心',
        ...PLACE,
        radiusM: 200,
        startsAt: starts,
        endsAt: starts + 3 * HOUR,
        places: 2,
        skills: ['医疗'],
      })
    ).item as Json;
    ids.activity = scheduled.id as string;
    const url = `/api/volunteers/activities/${ids.activity}`;
    assert.equal((await otherTown.request('GET', url)).status, 404);
    const token = (await ok(cadre, 'GET', url)).checkinToken as string;

    await ok(s.a, 'POST', `${url}/sign-up`);
    await refused(s.a, 'POST', `${url}/sign-up`, undefined, 'volunteer.already_signed_up');
    await ok(s.b, 'POST', `${url}/sign-up`);
    await refused(s.c, 'POST', `${url}/sign-up`, undefined, 'volunteer.full');
    const upcoming = (await ok(s.a, 'GET', '/api/volunteers/my/activities')).upcoming as Json[];
    assert.ok(upcoming.some((a) => a.id === ids.activity && a.taken === 2));

    const checkIn = (who: Session, body: Json) =>
      who.request('POST', `${url}/check-in`, { token, ...PLACE, direction: 'in', ...body });
    assert.equal((await checkIn(s.a, {})).body.code, 'volunteer.checkin_outside_window');
    clock.set(starts - 10 * 60_000);
    assert.equal((await checkIn(s.a, { token: 'wrong' })).body.code, 'volunteer.invalid_checkin');
    assert.equal((await checkIn(s.a, { lng: 121.01 })).body.code, 'volunteer.checkin_far');
    assert.equal((await checkIn(s.c, {})).body.code, 'volunteer.not_signed_up');
    assert.equal((await checkIn(s.a, { lng: 121.0005 })).status, 200);
    assert.equal((await checkIn(s.a, {})).body.code, 'volunteer.already_signed_in');
    assert.equal((await checkIn(s.b, { direction: 'out' })).body.code, 'volunteer.not_signed_in');
    clock.set(starts + 30 * 60_000);
    assert.equal((await checkIn(s.b, {})).status, 200);
    clock.set(starts + 2 * HOUR + 40 * 60_000);
    assert.equal((await checkIn(s.a, { direction: 'out' })).status, 200);
    assert.equal((await checkIn(s.a, { direction: 'out' })).body.code, 'volunteer.already_signed_out');

    // Nothing counts before the organiser confirms.
    assert.equal(((await ok(s.a, 'GET', '/api/points/my')).balances as Json).minutes, 0);
    clock.set(starts + 3 * HOUR + 30 * 60_000);
    const view = await ok(cadre, 'GET', url);
    const signups = view.signups as Json[];
    assert.equal(signups.find((x) => x.memberId === ids.a)!.minutes, 150);
    assert.equal(signups.find((x) => x.memberId === ids.b)!.minutes, 0);
    const bId = signups.find((x) => x.memberId === ids.b)!.id as string;
    const confirmed = await ok(cadre, 'POST', `${url}/confirm`, {
      adjustments: [{ signupId: bId, minutes: 120 }],
    });
    const act = confirmed.act as Json;
    assert.equal(act.members, 2);
    assert.equal(act.total, 270);
    assert.equal(act.approverName, '东市社区书记');
    await refused(cadre, 'POST', `${url}/confirm`, {}, 'workflow.transition_not_allowed');

    const ledger = await ok(s.a, 'GET', '/api/points/my');
    assert.equal((ledger.balances as Json).minutes, 150);
    const entry = (ledger.entries as Json[])[0]!;
    assert.equal(entry.ruleCode, 'service');
    assert.match(entry.evidence as string, /义诊进社区/);

    const numbers = await volunteerNumbers(
      p.database.db,
      p.database.dialect,
      (await orgDirectory(p.database.db, p.database.dialect).findByCode('320612001001'))!.path,
      { from: START - DAY, to: starts + 2 * DAY },
      clock.now(),
    );
    assert.equal(numbers.total.hours, 4.5);
    assert.equal(numbers.total.membersServing, 2);
    assert.equal(numbers.total.activitiesHeld, 1);
    assert.equal(numbers.total.unitsRegistered, 1);
    assert.deepEqual(
      numbers.members.map((m) => m.hours),
      [2.5, 2],
    );
  });

  it('keeps points in one append-only ledger: one act for many, signs, caps, reversals, no edits', async () => {
    clock.set(START + 10 * DAY);
    const award = (session: Session, ruleCode: string, lines: { memberId: string; amount: number }[]) =>
      session.request('POST', '/api/points/acts', {
        ruleCode,
        lines,
        evidence: '支部主题党日签到表',
        occurredOn: '2026-03-15',
      });
    const all = (amount: number) => [ids.a, ids.b, ids.c].map((memberId) => ({ memberId, amount }));
    const first = await award(cadre, 'meeting', all(2));
    assert.equal(first.status, 404, 'the village cadre does not approve for a unit’s branch');
    const act1 = (
      await ok(admin, 'POST', '/api/points/acts', {
        ruleCode: 'meeting',
        lines: all(2),
        evidence: '签到表',
        occurredOn: '2026-03-15',
      })
    ).item as Json;
    assert.equal(act1.members, 3);
    assert.equal((await award(admin, 'meeting', all(-2))).body.code, 'volunteer.wrong_sign');
    assert.equal((await award(admin, 'meeting', all(0))).body.code, 'volunteer.zero_amount');
    assert.equal(
      (await award(admin, 'misconduct', [{ memberId: ids.c, amount: 10 }])).body.code,
      'volunteer.wrong_sign',
    );
    assert.equal(
      (
        await award(admin, 'meeting', [
          { memberId: ids.a, amount: 2 },
          { memberId: ids.a, amount: 2 },
        ])
      ).status,
      400,
    );
    assert.equal((await award(otherTown, 'meeting', all(2))).status, 403);
    assert.equal((await award(s.a, 'meeting', all(2))).status, 403);
    assert.equal((await call(p.app, 'POST', '/api/points/acts', { body: {} })).status, 401);
    // The monthly cap of 6: two more meetings fit, the fourth is refused whole (nothing written for anyone).
    await ok(admin, 'POST', '/api/points/acts', {
      ruleCode: 'meeting',
      lines: all(2),
      evidence: '签到表',
      occurredOn: '2026-03-16',
    });
    await ok(admin, 'POST', '/api/points/acts', {
      ruleCode: 'meeting',
      lines: [{ memberId: ids.a, amount: 2 }],
      evidence: '签到表',
      occurredOn: '2026-03-16',
    });
    const over = await award(admin, 'meeting', all(2));
    assert.equal(over.body.code, 'volunteer.cap_exceeded');
    assert.deepEqual(
      (over.body.errors as Json[]).map((e) => e.message),
      ['赵在职'],
    );
    assert.equal(((await ok(s.b, 'GET', '/api/points/my')).balances as Json).points, 4, 'refused whole');
    await ok(admin, 'POST', '/api/points/acts', {
      ruleCode: 'misconduct',
      lines: [{ memberId: ids.c, amount: -10 }],
      evidence: '支委会决定',
    });
    const balanceOf = async (session: Session) =>
      ((await ok(session, 'GET', '/api/points/my')).balances as Json).points;
    assert.equal(await balanceOf(s.a), 6);
    assert.equal(await balanceOf(s.b), 4);
    assert.equal(await balanceOf(s.c), -6);

    // A correction is a new act that reverses; the original stays as it was.
    const reversal = (
      await ok(admin, 'POST', `/api/points/acts/${act1.id as string}/reverse`, {
        memberIds: [ids.b],
        reason: '当日请假，误记',
      })
    ).item as Json;
    assert.equal(reversal.total, -2);
    assert.equal(reversal.reversesActId, act1.id);
    await refused(
      admin,
      'POST',
      `/api/points/acts/${act1.id as string}/reverse`,
      { memberIds: [ids.b], reason: '再次' },
      'volunteer.already_reversed',
    );
    assert.equal(await balanceOf(s.b), 2);
    const original = await ok(admin, 'GET', `/api/points/acts/${act1.id as string}`);
    assert.equal((original.item as Json).total, 6);
    assert.equal((original.entries as Json[]).find((e) => e.memberId === ids.b)!.isReversed, true);

    const entryId = (original.entries as Json[])[0]!.id as string;
    for (const method of ['PATCH', 'DELETE'] as const) {
      const res = await admin.request(
        method,
        `/api/points/entries/${entryId}`,
        method === 'PATCH' ? { amount: 5 } : undefined,
      );
      assert.equal(res.body.code, 'volunteer.entry_fixed');
    }
    await assert.rejects(
      sql`update points_entry set amount = 100 where id = ${entryId}`.execute(p.database.db),
    );
    await assert.rejects(sql`delete from points_entry where id = ${entryId}`.execute(p.database.db));
    await assert.rejects(
      sql`update points_act set approver_name = 'x' where id = ${act1.id}`.execute(p.database.db),
    );

    // The member sees the branch ranking: points first, then hours.
    const ranking = await ok(s.b, 'GET', '/api/points/my/ranking');
    assert.deepEqual(
      (ranking.items as Json[]).map((r) => [r.memberId, r.rank, r.points]),
      [
        [ids.a, 1, 6],
        [ids.b, 2, 2],
        [ids.c, 3, -6],
      ],
    );
    const mine = await ok(s.a, 'GET', '/api/volunteers/my');
    assert.equal(mine.rank, 1);
    assert.equal(mine.branchSize, 3);
  });
});
