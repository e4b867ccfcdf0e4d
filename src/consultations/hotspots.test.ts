import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hashPassword, seedUser } from '../identity/index.js';
import { manualClock, type ManualClock } from '../platform/clock.js';
import { runDueJobs } from '../platform/jobs/jobs.js';
import { putSetting } from '../platform/settings.js';
import { DAY_MS, instantOfLocalDate } from '../platform/time.js';
import { CASE_STAGES, pointInGridOf } from '../testing/caseFixtures.js';
import {
  call,
  TEST_PASSWORD,
  loginAs,
  startTestPlatform,
  type Session,
  type TestPlatform,
} from '../testing/testPlatform.js';
import { consultationJobHandlers, HOTSPOT_JOB, HOTSPOT_SETTING } from './hotspots.js';
import { ensureConsultationJobs } from './index.js';

type Json = Record<string, unknown>;

// Sunday 10 May 2026, 09:00 in the district: a fixed clock, so the windows are the same every run.
const START = instantOfLocalDate('2026-05-10') + 9 * 3_600_000;
const HOUR = 3_600_000;

describe('topics from recurring appeals (诉求热点)', () => {
  let p: TestPlatform;
  let clock: ManualClock;
  let admin: Session;
  let cadre: Session;
  let otherTown: Session;
  let point: { lng: number; lat: number; gridId: string };

  const report = async (categoryCode: string, description: string) => {
    const made = await call(p.app, 'POST', '/api/public/cases', {
      body: { categoryCode, description, lng: point.lng, lat: point.lat },
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    return made.body.trackingCode as string;
  };
  const hotspotTopics = () =>
    p.database.db
      .selectFrom('consultation_topic')
      .selectAll()
      .where('source', '=', 'hotspot')
      .orderBy('created_at')
      .execute();
  const run = () => runDueJobs(p.database, consultationJobHandlers(p.database), { now: () => clock.now() });

  before(async () => {
    clock = manualClock(START);
    p = await startTestPlatform(
      { SESSION_TTL_HOURS: '720', JOB_INTERVAL_MS: '600000' },
      { stages: CASE_STAGES, orgScale: 0.02, clock },
    );
    admin = await loginAs(p.app, 'admin');
    cadre = await loginAs(p.app, 'dongshi');
    otherTown = await loginAs(p.app, 'shigang');
    assert.equal((await admin.request('POST', '/api/councils/establish')).status, 200);
    point = await pointInGridOf(p, 'wangge');
  });
  after(async () => {
    await p.close();
  });

  it('proposes one topic when a category recurs in a village, with its cases linked, and tells the village', async () => {
    // A hand-built month in 东市社区: five reports of one category over five days, four of another.
    const recurring: string[] = [];
    for (let i = 0; i < 5; i++) {
      recurring.push(await report('010101', `楼道堆放杂物，第 ${i + 1} 次反映`));
      if (i < 4) {
        await report('010102', `路灯不亮，第 ${i + 1} 次反映`);
      }
      clock.advance(DAY_MS);
    }
    await ensureConsultationJobs(p.database.db, clock.now());
    const job = await p.database.db
      .selectFrom('job')
      .select(['key', 'due_at'])
      .where('kind', '=', HOTSPOT_JOB)
      .execute();
    assert.deepEqual(job, [
      { key: `${HOTSPOT_JOB}:2026-05-16`, due_at: instantOfLocalDate('2026-05-16') + 6 * HOUR },
    ]);
    assert.equal(await run(), 0, 'not before six in the morning');
    clock.set(instantOfLocalDate('2026-05-16') + 6 * HOUR + 60_000);
    assert.equal(await run(), 1);

    const topics = await hotspotTopics();
    assert.equal(topics.length, 1, 'the category below the rule (4 of 5) proposes nothing');
    const topic = topics[0]!;
    assert.equal(topic.status, 'submitted', 'it goes to the branch for review at once');
    cadre = await loginAs(p.app, 'dongshi');
    const view = await cadre.request('GET', `/api/topics/${topic.id}`);
    assert.equal(view.status, 200, JSON.stringify(view.body));
    assert.equal((view.body.item as Json).source, 'hotspot');
    assert.equal((view.body.hotspot as Json).caseCount, 5);
    assert.equal((view.body.hotspot as Json).categoryCode, '010101');
    assert.deepEqual(
      ((view.body.linkedCases as Json[]).map((c) => c.trackingCode) as string[]).sort(),
      [...recurring].sort(),
    );
    // The village's cadre hears of it; another town neither sees the topic nor its cases.
    const inbox = (await cadre.request('GET', '/api/notifications')).body.items as Json[];
    assert.ok(inbox.some((n) => n.event === 'consultation.hotspot' && (n.data as Json).topicId === topic.id));
    otherTown = await loginAs(p.app, 'shigang');
    assert.equal((await otherTown.request('GET', `/api/topics/${topic.id}`)).status, 404);
    // The next day's run is set.
    const next = await p.database.db
      .selectFrom('job')
      .select('status')
      .where('key', '=', `${HOTSPOT_JOB}:2026-05-17`)
      .executeTakeFirst();
    assert.equal(next?.status, 'pending');
  });

  it('does not propose the same hotspot twice in its window; the rule is a setting', async () => {
    await report('010101', '楼道堆放杂物，第 6 次反映');
    clock.set(instantOfLocalDate('2026-05-17') + 6 * HOUR + 60_000);
    assert.equal(await run(), 1);
    assert.equal((await hotspotTopics()).length, 1, 'one topic per hotspot and window');

    // A rule of four in thirty days makes the other category a hotspot too.
    await putSetting(p.database.db, HOTSPOT_SETTING, JSON.stringify({ count: 4, days: 30 }), clock.now());
    clock.set(instantOfLocalDate('2026-05-18') + 6 * HOUR + 60_000);
    assert.equal(await run(), 1);
    const topics = await hotspotTopics();
    assert.equal(topics.length, 2);
    const second = await p.database.db
      .selectFrom('consultation_hotspot')
      .select(['category_code', 'case_count'])
      .where('topic_id', '=', topics[1]!.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(second, { category_code: '010102', case_count: 4 });
  });

  it('tells the invited of the meeting and the vote, and the council and proposer of an outcome done', async () => {
    const councils = (await cadre.request('GET', '/api/councils')).body.items as Json[];
    const councilId = councils[0]!.id as string;
    const memberUserId = await seedUser(p.database.db, {
      username: 'c_member',
      displayName: '议事会成员',
      passwordHash: await hashPassword(TEST_PASSWORD),
      roles: [{ role: 'partyMember', orgId: councils[0]!.orgId as string }],
      now: clock.now(),
    });
    const refused = await cadre.request('POST', `/api/councils/${councilId}/members`, {
      name: '查无此人',
      kind: 'residentRep',
      userId: 'no-such-account',
    });
    assert.equal(refused.status, 400, JSON.stringify(refused.body));
    const added = await cadre.request('POST', `/api/councils/${councilId}/members`, {
      name: '议事会成员',
      kind: 'residentRep',
      userId: memberUserId,
    });
    assert.equal(added.status, 200, JSON.stringify(added.body));
    const [topic] = await hotspotTopics();
    const approved = await cadre.request('POST', `/api/topics/${topic!.id}/review`, { action: 'approve' });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    const scheduled = await cadre.request('POST', `/api/councils/${councilId}/meetings`, {
      kind: 'council',
      title: '楼道杂物整治协商会',
      startsAt: clock.now() + DAY_MS,
      topicIds: [topic!.id],
      invitees: [],
    });
    assert.equal(scheduled.status, 200, JSON.stringify(scheduled.body));
    const meetingId = (scheduled.body.item as Json).id as string;
    const opened = await cadre.request('POST', `/api/meetings/${meetingId}/decisions`, {
      type: 'consensus',
      question: '是否开展楼道集中清理',
      topicId: topic!.id,
    });
    assert.equal(opened.status, 200, JSON.stringify(opened.body));
    const member = await loginAs(p.app, 'c_member');
    const events = async () =>
      ((await member.request('GET', '/api/notifications')).body.items as Json[]).map((n) => n.event);
    assert.deepEqual((await events()).sort(), ['consultation.invited', 'consultation.vote']);
    const cadreEvents = ((await cadre.request('GET', '/api/notifications')).body.items as Json[]).map(
      (n) => n.event,
    );
    assert.ok(!cadreEvents.includes('consultation.invited'), 'the one who scheduled it is not told');

    // An outcome reported done reaches the council's members; halfway progress tells nobody.
    const outcome = await cadre.request('POST', `/api/councils/${councilId}/outcomes`, {
      title: '清理三号楼楼道杂物',
      ownerUnit: '社区居委会',
      deadline: '2099-12-31',
      weight: 1,
      topicId: topic!.id,
    });
    assert.equal(outcome.status, 200, JSON.stringify(outcome.body));
    const outcomeId = (outcome.body.item as Json).id as string;
    await cadre.request('POST', `/api/outcomes/${outcomeId}/progress`, { progress: 50 });
    assert.ok(!(await events()).includes('consultation.outcome'));
    const done = await cadre.request('POST', `/api/outcomes/${outcomeId}/progress`, { progress: 100 });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal((await events()).filter((e) => e === 'consultation.outcome').length, 1);
  });

  it('moves a merged village’s council, topics and hotspots to the village it merged into', async () => {
    const dongshi = (await cadre.request('GET', '/api/councils')).body.items as Json[];
    const councilId = dongshi[0]!.id as string;
    const fromOrgId = dongshi[0]!.orgId as string;
    const siblings = await p.database.db
      .selectFrom('org')
      .select(['id', 'path'])
      .where(
        'parent_id',
        '=',
        (
          await p.database.db
            .selectFrom('org')
            .select('parent_id')
            .where('id', '=', fromOrgId)
            .executeTakeFirstOrThrow()
        ).parent_id,
      )
      .where('level', '=', 'village')
      .where('id', '!=', fromOrgId)
      .where('status', '=', 'active')
      .execute();
    const into = siblings[0]!;
    const target = await p.database.db
      .selectFrom('consultation_council')
      .select('id')
      .where('org_id', '=', into.id)
      .executeTakeFirstOrThrow();
    const merged = await admin.request('POST', `/api/orgs/${fromOrgId}/merge`, { intoId: into.id });
    assert.equal(merged.status, 200, JSON.stringify(merged.body));
    const left = await p.database.db
      .selectFrom('consultation_council')
      .select('id')
      .where('id', '=', councilId)
      .executeTakeFirst();
    assert.equal(left, undefined, 'the merged village’s council is folded into the target’s');
    const topics = await hotspotTopics();
    assert.ok(topics.every((t) => t.council_id === target.id && t.org_path === into.path));
    const hotspots = await p.database.db.selectFrom('consultation_hotspot').select('council_id').execute();
    assert.ok(hotspots.every((h) => h.council_id === target.id));
  });
});
