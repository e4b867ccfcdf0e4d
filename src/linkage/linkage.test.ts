import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { placeHouseholds } from '../households/index.js';
import { type Role } from '../access/index.js';
import { hashPassword, seedMemberLink, seedUser } from '../identity/index.js';
import { makeIdNumber } from '../members/index.js';
import { orgDirectory } from '../orgs/index.js';
import { manualClock, type ManualClock } from '../platform/clock.js';
import { runDueJobs } from '../platform/jobs/jobs.js';
import { instantOfLocalDate } from '../platform/time.js';
import {
  call,
  loginAs,
  startTestPlatform,
  TEST_PASSWORD,
  type Session,
  type TestPlatform,
} from '../testing/testPlatform.js';
import { establishCouncils } from '../consultations/index.js';
import { linkageJobHandlers } from './escalateOverdue.js';
import { ensureLinkageJobs, linkageJobHandlers as linkageDoorJobHandlers } from './index.js';
import { nextReminderRun } from './visitReminders.js';
import { linkageRepository, type AppealRow } from './repository.js';

type Json = Record<string, unknown>;

// Friday 6 March 2026, 09:00 in the district: no holiday around it.
const START = instantOfLocalDate('2026-03-06') + 9 * 3_600_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('the linkage: visits, appeals up the chain, indicators', () => {
  let p: TestPlatform;
  let clock: ManualClock;
  let admin: Session;
  let seq = 0;
  type IdKey =
    | 'village'
    | 'branch'
    | 'group'
    | 'otherGroup'
    | 'head'
    | 'leader'
    | 'plain'
    | 'secretary'
    | 'otherHead'
    | 'central'
    | 'otherCentral'
    | 'h1'
    | 'h2'
    | 'stranger';
  type SessionKey =
    'head' | 'leader' | 'plain' | 'secretary' | 'otherHead' | 'village' | 'town' | 'otherTown';
  const ids = {} as Record<IdKey, string>;
  const s = {} as Record<SessionKey, Session>;

  const post = async (url: string, body: Json): Promise<Json> => {
    const res = await admin.request('POST', url, body);
    assert.equal(res.status, 200, `${url}: ${JSON.stringify(res.body)}`);
    return res.body.item as Json;
  };
  const put = async (url: string, body: Json): Promise<void> => {
    const res = await admin.request('PUT', url, body);
    assert.equal(res.status, 200, `${url}: ${JSON.stringify(res.body)}`);
  };
  const org = async (parentId: string, level: 'branch' | 'group', name: string) =>
    (await post('/api/orgs', { parentId, level, type: level, name })).id as string;
  const member = async (name: string, branchId: string, groupId: string | null) =>
    (
      await post('/api/members', {
        name,
        ethnicity: '汉族',
        education: 'college',
        idNumber: makeIdNumber('320612', '1970-01-01', ++seq),
        phone: null,
        joinedOn: '1995-07-01',
        status: 'full',
        branchId,
        groupId,
        communityId: null,
      })
    ).id as string;
  const central = async (groupId: string, headMemberId: string) =>
    (await post('/api/central-households', { groupId, headMemberId, name: null })).id as string;
  const household = async (villageId: string, centralId: string, name: string) => {
    const id = (
      await post('/api/households', { villageId, headName: name, address: `东市路${++seq}号`, size: 3 })
    ).id as string;
    await post(`/api/households/${id}/link`, { centralHouseholdId: centralId });
    return id;
  };
  const account = async (username: string, role: Role, orgId: string, memberId: string | null) => {
    const userId = await seedUser(p.database.db, {
      username,
      displayName: username,
      passwordHash: await hashPassword(TEST_PASSWORD),
      roles: [{ role, orgId }],
      now: clock.now(),
    });
    if (memberId !== null) {
      await seedMemberLink(p.database.db, p.database.dialect, userId!, memberId, clock.now());
    }
    return loginAs(p.app, username);
  };
  const ok = async (session: Session, method: 'GET' | 'POST' | 'PUT', url: string, body?: Json) => {
    const res = await session.request(method, url, body);
    assert.equal(res.status, 200, `${method} ${url}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const runJobs = () => runDueJobs(p.database, linkageJobHandlers(p.database), { now: () => clock.now() });

  before(async () => {
    clock = manualClock(START);
    p = await startTestPlatform({ SESSION_TTL_HOURS: '720' }, { clock });
    admin = await loginAs(p.app, 'admin');
    const orgs = orgDirectory(p.database.db, p.database.dialect);
    ids.village = (await orgs.findByCode('320612001001'))!.id;
    ids.branch = await org(ids.village, 'branch', '东市一支部');
    ids.group = await org(ids.branch, 'group', '东市一小组');
    ids.otherGroup = await org(ids.branch, 'group', '东市二小组');
    ids.head = await member('周小华', ids.branch, ids.group);
    ids.leader = await member('吴组长', ids.branch, ids.group);
    ids.plain = await member('陈党员', ids.branch, ids.group);
    ids.secretary = await member('钱书记', ids.branch, null);
    ids.otherHead = await member('孙户主', ids.branch, ids.otherGroup);
    await put(`/api/orgs/${ids.group}/officers`, {
      memberId: ids.leader,
      role: 'groupLeader',
      isAppointed: true,
    });
    await put(`/api/orgs/${ids.branch}/officers`, {
      memberId: ids.secretary,
      role: 'secretary',
      isAppointed: true,
    });
    ids.central = await central(ids.group, ids.head);
    ids.otherCentral = await central(ids.otherGroup, ids.otherHead);
    ids.h1 = await household(ids.village, ids.central, '李一');
    ids.h2 = await household(ids.village, ids.central, '李二');
    ids.stranger = await household(ids.village, ids.otherCentral, '王三');
    // h1 lives at a known point (in a grid the test does not draw).
    await placeHouseholds(p.database.db, [{ id: ids.h1, gridId: null, lng: 121.0, lat: 32.0 }]);
    s.head = await account('t_head', 'partyMember', ids.group, ids.head);
    s.leader = await account('t_leader', 'partyMember', ids.group, ids.leader);
    s.plain = await account('t_plain', 'partyMember', ids.group, ids.plain);
    s.secretary = await account('t_secretary', 'partyMember', ids.branch, ids.secretary);
    s.otherHead = await account('t_other', 'partyMember', ids.otherGroup, ids.otherHead);
    s.village = await loginAs(p.app, 'dongshi');
    s.town = await loginAs(p.app, 'jinsha');
    s.otherTown = await loginAs(p.app, 'shigang');
  });
  after(async () => {
    await p.close();
  });

  it('shows the head only his own households, masked', async () => {
    const mine = await ok(s.head, 'GET', '/api/linkage/my/households');
    const items = mine.items as Json[];
    assert.deepEqual(items.map((i) => i.id).sort(), [ids.h1, ids.h2].sort());
    assert.ok(
      items.every((i) => !/\d/.test(i.address as string)),
      'house numbers are masked',
    );
    const stranger = await s.head.request('GET', `/api/linkage/my/households/${ids.stranger}`);
    assert.equal(stranger.status, 404);
    assert.equal(stranger.body.code, 'linkage.household_not_linked');
    const notHead = await s.village.request('GET', '/api/linkage/my/households');
    assert.equal(notHead.body.code, 'linkage.not_head');
    const revealed = await ok(s.head, 'POST', `/api/linkage/my/households/${ids.h1}/reveal`, {
      reason: '上门走访',
    });
    assert.match(revealed.address as string, /东市路\d+号/);
  });

  it('logs visits: a household outside his links and a position far from the household are refused', async () => {
    const visit = (householdId: string, extra: Json = {}) =>
      s.head.request('POST', `/api/linkage/my/households/${householdId}/visits`, {
        visitedOn: '2026-03-05',
        kind: 'home',
        heard: '说家里电话13912345678打不通，身份证320612197001011234丢了',
        ...extra,
      });
    const refused = await visit(ids.stranger);
    assert.equal(refused.status, 404);
    assert.equal(refused.body.code, 'linkage.household_not_linked');
    // About 5.5 km east of the household.
    const far = await visit(ids.h1, { lng: 121.06, lat: 32.0 });
    assert.equal(far.status, 422);
    assert.equal(far.body.code, 'linkage.visit_far');
    const future = await visit(ids.h1, { visitedOn: '2026-03-07' });
    assert.equal(future.status, 400);
    const near = await visit(ids.h1, { lng: 121.0005, lat: 32.0 });
    assert.equal(near.status, 200, JSON.stringify(near.body));
    const heard = (near.body.item as Json).heard as string;
    assert.ok(heard.includes('139****5678') && !heard.includes('13912345678'), heard);
    assert.ok(!heard.includes('320612197001011234'), heard);
    const record = await ok(s.head, 'GET', `/api/linkage/my/households/${ids.h1}`);
    assert.equal((record.visits as Json[]).length, 1);
    assert.equal((record.item as Json).lastVisitAt, instantOfLocalDate('2026-03-05'));
  });

  const recordAppeal = async (householdId: string, text: string, extra: Json = {}) =>
    (await ok(s.head, 'POST', `/api/linkage/my/households/${householdId}/appeals`, { text, ...extra }))
      .item as Json;

  it('settles an appeal at the group, confirmed by the household on the tracking page', async () => {
    const a = await recordAppeal(ids.h1, '门前路灯坏了，联系电话13900001111');
    assert.equal(a.level, 'group');
    assert.ok(!(a.text as string).includes('13900001111'));
    // Not only hidden in the answer: the number is not stored in plaintext either.
    const stored = await p.database.db
      .selectFrom('linkage_appeal')
      .select('text')
      .where('id', '=', a.id as string)
      .executeTakeFirstOrThrow();
    assert.ok(!stored.text.includes('13900001111'), stored.text);
    const queue = await ok(s.leader, 'GET', '/api/linkage/appeals');
    assert.deepEqual(
      (queue.items as Json[]).map((i) => i.id),
      [a.id],
    );
    // The branch sees it in its subtree but may not act on it while it waits at the group.
    const all = await ok(s.secretary, 'GET', '/api/linkage/appeals?view=all');
    assert.ok((all.items as Json[]).some((i) => i.id === a.id));
    assert.equal((await ok(s.secretary, 'GET', '/api/linkage/appeals')).items instanceof Array, true);
    const early = await s.secretary.request('POST', `/api/linkage/appeals/${a.id as string}/settle`, {
      outcome: '已修',
    });
    assert.equal(early.status, 409);
    assert.equal(early.body.code, 'linkage.not_your_level');
    // A party member of the group without the leader's post holds no seat.
    assert.equal((await s.plain.request('GET', `/api/linkage/appeals/${a.id as string}`)).status, 404);

    clock.advance(2 * HOUR);
    const settled = await ok(s.leader, 'POST', `/api/linkage/appeals/${a.id as string}/settle`, {
      outcome: '已联系电工修好路灯',
    });
    assert.equal((settled.item as Json).status, 'awaitingConfirmation');
    const code = a.trackingCode as string;
    const publicView = await call(p.app, 'GET', `/api/public/linkage/${code}`);
    assert.equal(publicView.status, 200);
    assert.equal(publicView.body.isAwaitingConfirmation, true);
    assert.ok(!JSON.stringify(publicView.body).includes('吴组长'), 'no names on the public page');
    const confirmed = await call(p.app, 'POST', `/api/public/linkage/${code}/confirm`, {
      body: { isConfirmed: true },
    });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    assert.equal(confirmed.body.status, 'settled');
    const detail = await ok(s.leader, 'GET', `/api/linkage/appeals/${a.id as string}`);
    assert.equal((detail.item as Json).concludedLevel, 'group');
    assert.deepEqual(
      (detail.steps as Json[]).map((x) => [x.action, x.fromLevel, x.toLevel, x.toStatus]),
      [
        ['record', null, 'group', 'open'],
        ['settle', 'group', 'group', 'awaitingConfirmation'],
        ['confirm', 'group', 'group', 'settled'],
      ],
    );
    const again = await call(p.app, 'POST', `/api/public/linkage/${code}/confirm`, {
      body: { isConfirmed: true },
    });
    assert.equal(again.body.code, 'linkage.not_awaiting_confirmation');
  });

  it('passes an appeal up to the village, which turns it into a case keeping the household link', async () => {
    const a = await recordAppeal(ids.h1, '村道塌陷一段，车辆无法通行');
    const id = a.id as string;
    const passed = await ok(s.leader, 'POST', `/api/linkage/appeals/${id}/pass-up`, {
      reason: '需村里协调施工',
    });
    assert.equal((passed.item as Json).level, 'branch');
    const toCaseTooLow = await s.secretary.request('POST', `/api/linkage/appeals/${id}/to-case`, {
      reason: '转',
    });
    assert.equal(toCaseTooLow.body.code, 'linkage.case_from_village');
    await ok(s.secretary, 'POST', `/api/linkage/appeals/${id}/pass-up`, { reason: '支部无力修路' });
    const mine = await ok(s.village, 'GET', '/api/linkage/appeals');
    assert.ok((mine.items as Json[]).some((i) => i.id === id));
    const turned = await ok(s.village, 'POST', `/api/linkage/appeals/${id}/to-case`, {
      reason: '需交通部门处置',
    });
    assert.equal((turned.item as Json).status, 'case');
    const caseId = (turned.item as Json).caseId as string;
    const c = await ok(s.town, 'GET', `/api/cases/${caseId}`);
    assert.equal((c.item as Json).source, 'centralHousehold');
    // The appeal's tracking code is the household's key; the case's text does not carry it.
    assert.ok(!JSON.stringify(c.item).includes(a.trackingCode as string));
    const record = await ok(s.head, 'GET', `/api/linkage/my/households/${ids.h1}`);
    const entry = (record.appeals as Json[]).find((x) => (x.item as Json).id === id)!;
    assert.equal(typeof (entry.case as Json).trackingCode, 'string');
    const publicView = await call(p.app, 'GET', `/api/public/linkage/${a.trackingCode as string}`);
    assert.equal((publicView.body.case as Json).trackingCode, (entry.case as Json).trackingCode);
  });

  it('moves an overdue appeal up by itself on the working-time clock, and flags it', async () => {
    clock.set(START); // Friday 09:00; the group has three working days.
    const a = await recordAppeal(ids.h2, '邻居装修噪声扰民');
    const id = a.id as string;
    assert.equal(a.dueAt, instantOfLocalDate('2026-03-11') + 9 * HOUR);
    clock.set(instantOfLocalDate('2026-03-10') + 17 * HOUR); // Tuesday 17:00: four days, not three working days
    await runJobs();
    const waiting = (await linkageRepository(p.database.db, p.database.dialect).findAppeal(id)) as AppealRow;
    assert.equal(waiting.level, 'group');
    assert.equal(waiting.is_overdue, 0);
    clock.set(instantOfLocalDate('2026-03-11') + 9 * HOUR + 60_000);
    assert.ok((await runJobs()) >= 1);
    const moved = await ok(s.secretary, 'GET', `/api/linkage/appeals/${id}`);
    assert.equal((moved.item as Json).level, 'branch');
    assert.equal((moved.item as Json).isOverdue, true);
    const last = (moved.steps as Json[]).at(-1)!;
    assert.deepEqual(
      [last.action, last.fromLevel, last.toLevel, last.actorName],
      ['escalate', 'group', 'branch', null],
    );
    assert.equal(moved.canAct, true);
    // The branch acts in time: its own timer is replaced by the next level's.
    await ok(s.secretary, 'POST', `/api/linkage/appeals/${id}/answer`, { answer: '已告知装修时间规定' });
    clock.advance(20 * DAY);
    await runJobs();
    const done = (await linkageRepository(p.database.db, p.database.dialect).findAppeal(id)) as AppealRow;
    assert.equal(done.status, 'answered');
    assert.equal(done.concluded_level, 'branch');
  });

  it('keeps each level to its own subtree (404 outside)', async () => {
    const a = await recordAppeal(ids.h2, '想了解养老补贴政策');
    const id = a.id as string;
    assert.equal((await s.otherHead.request('GET', `/api/linkage/appeals/${id}`)).status, 404);
    assert.equal((await s.town.request('GET', `/api/linkage/appeals/${id}`)).status, 200);
    assert.equal((await s.otherTown.request('GET', `/api/linkage/appeals/${id}`)).status, 404);
    assert.equal(
      (await s.otherTown.request('POST', `/api/linkage/appeals/${id}/settle`, { outcome: 'x' })).status,
      404,
    );
    assert.equal((await s.head.request('GET', `/api/linkage/appeals/${id}`)).status, 200);
    const anonymous = await call(p.app, 'GET', `/api/linkage/appeals/${id}`);
    assert.equal(anonymous.status, 401);
    // The head answers it himself only while it is at his level; at the group it is the leader's.
    assert.equal(
      (await s.head.request('POST', `/api/linkage/appeals/${id}/answer`, { answer: 'x' })).body.code,
      'linkage.not_your_level',
    );
    const kept = await recordAppeal(ids.h2, '咨询垃圾分类时间', { isKeptByHead: true });
    assert.equal(kept.level, 'central');
    await ok(s.head, 'POST', `/api/linkage/appeals/${kept.id as string}/answer`, { answer: '每天早七点' });
    const other = await s.otherHead.request('GET', '/api/linkage/my/households');
    assert.deepEqual(
      ((other.body.items as Json[]) ?? []).map((i) => i.id),
      [ids.stranger],
    );
  });

  it('turns an appeal at the village into a topic of its consultation room, once the village has one', async () => {
    const a = await recordAppeal(ids.h2, '小区停车位不够，想商量划线方案');
    const id = a.id as string;
    await ok(s.leader, 'POST', `/api/linkage/appeals/${id}/pass-up`, { reason: '需全体居民商量' });
    const early = await s.secretary.request('POST', `/api/linkage/appeals/${id}/to-topic`, {
      title: '停车位划线',
      reason: '居民协商',
    });
    assert.equal(early.body.code, 'linkage.topic_from_village');
    await ok(s.secretary, 'POST', `/api/linkage/appeals/${id}/pass-up`, { reason: '村里议事会商量' });
    const topicsBefore = await p.database.db.selectFrom('consultation_topic').select('id').execute();
    const noCouncil = await s.village.request('POST', `/api/linkage/appeals/${id}/to-topic`, {
      title: '停车位划线',
      reason: '交议事会协商',
    });
    assert.equal(noCouncil.status, 422);
    assert.equal(noCouncil.body.code, 'linkage.no_council');
    assert.equal(
      (await p.database.db.selectFrom('consultation_topic').select('id').execute()).length,
      topicsBefore.length,
    );
    const still = (await linkageRepository(p.database.db, p.database.dialect).findAppeal(id)) as AppealRow;
    assert.deepEqual([still.status, still.topic_id], ['open', null]);

    const village = await p.database.db
      .selectFrom('org')
      .select('path')
      .where('id', '=', ids.village)
      .executeTakeFirstOrThrow();
    await establishCouncils(p.database.db, p.database.dialect, { path: village.path }, clock.now());
    const blank = await s.village.request('POST', `/api/linkage/appeals/${id}/to-topic`, {
      title: '',
      reason: 'x',
    });
    assert.equal(blank.status, 400);
    const turned = await ok(s.village, 'POST', `/api/linkage/appeals/${id}/to-topic`, {
      title: '小区停车位划线方案，联系13912345678',
      reason: '涉及全体住户，交议事会协商',
    });
    const item = turned.item as Json;
    assert.deepEqual([item.status, item.concludedLevel], ['topic', 'village']);
    const topic = await p.database.db
      .selectFrom('consultation_topic')
      .selectAll()
      .where('id', '=', item.topicId as string)
      .executeTakeFirstOrThrow();
    assert.deepEqual([topic.source, topic.status], ['appeal', 'submitted']);
    assert.ok(!topic.body.includes(a.trackingCode as string), 'the household’s key stays off the topic');
    assert.ok(!topic.title.includes('13912345678'), topic.title);
    assert.ok(!topic.body.includes('李二'), 'the household is not named on the topic');
    // The village's cadre sees the topic in its consultation room, as the branch reviews it.
    const seen = await ok(s.village, 'GET', `/api/topics/${topic.id}`);
    assert.equal((seen.item as Json).id, topic.id);
    const detail = await ok(s.village, 'GET', `/api/linkage/appeals/${id}`);
    assert.deepEqual((detail.steps as Json[]).at(-1)!.action, 'toTopic');
    // Taken up in the village's own room, it counts as settled within the village (小事不出村).
    const indicators = await ok(s.village, 'GET', `/api/linkage/indicators?orgId=${ids.village}`);
    const unit = (indicators.unit as Json).indicators as Json;
    assert.equal(unit.topics, 1);
    assert.equal((unit.topicsAt as Json).village, 1);
    // Nothing more to do on it: a second turn is refused.
    const twice = await s.village.request('POST', `/api/linkage/appeals/${id}/to-topic`, {
      title: 'x',
      reason: 'x',
    });
    assert.equal(twice.body.code, 'linkage.appeal_not_open');
  });

  it('lets the district set each level’s time, applied to appeals arriving from then on', async () => {
    const before = await ok(s.village, 'GET', '/api/linkage/limits');
    assert.deepEqual((before.limits as Json).group, { amount: 3, unit: 'workDays' });
    const limits = { ...(before.limits as Json), group: { amount: 1, unit: 'workDays' } };
    const forbidden = await s.village.request('PUT', '/api/linkage/limits', { limits, reason: '提速' });
    assert.equal(forbidden.status, 403);
    const tooLong = await admin.request('PUT', '/api/linkage/limits', {
      limits: { ...limits, town: { amount: 91, unit: 'workDays' } },
      reason: '放宽',
    });
    assert.equal(tooLong.status, 422);
    assert.equal(tooLong.body.code, 'linkage.limit_invalid');
    const noReason = await admin.request('PUT', '/api/linkage/limits', { limits, reason: '  ' });
    assert.equal(noReason.body.code, 'linkage.limit_invalid');
    assert.deepEqual((await ok(s.village, 'GET', '/api/linkage/limits')).limits, before.limits);

    const saved = await admin.request('PUT', '/api/linkage/limits', {
      limits,
      reason: '小组一个工作日内响应',
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    clock.set(START); // Friday 09:00: one working day at the group is Monday 09:00.
    const a = await recordAppeal(ids.h1, '楼道灯不亮');
    assert.equal(a.dueAt, instantOfLocalDate('2026-03-09') + 9 * HOUR);
    const audit = await p.database.db
      .selectFrom('audit_log')
      .select(['detail'])
      .where('action', '=', 'linkage.limits.save')
      .execute();
    assert.equal(audit.length, 1);
    await ok(admin, 'PUT', '/api/linkage/limits', { limits: before.limits, reason: '恢复默认' });
  });

  it('reminds each head on Monday morning of the households due a visit, those in need first', async () => {
    assert.equal(nextReminderRun(START), instantOfLocalDate('2026-03-09') + 8 * HOUR);
    const monday = instantOfLocalDate('2026-04-13') + 8 * HOUR;
    assert.equal(nextReminderRun(monday - HOUR), monday);
    assert.equal(nextReminderRun(monday), monday + 7 * DAY);
    // Forty days on both of his households raised two appeals or more this quarter (in need, so visited monthly):
    // 李一, visited on 5 March, is due by the monthly rule only, 李二 was never visited; the other head's one
    // household was never visited either.
    clock.set(monday - 3 * DAY);
    await ensureLinkageJobs(p.database.db, clock.now());
    const handlers = linkageDoorJobHandlers(p.database);
    const reminders = () =>
      p.database.db.selectFrom('notification').select('id').where('event', '=', 'linkage.visitDue').execute();
    // Earlier appeals' timers may fall due on the way; the reminders wait for Monday 08:00.
    await runDueJobs(p.database, handlers, { now: () => clock.now() });
    assert.equal((await reminders()).length, 0);
    clock.set(monday + 60_000);
    await runDueJobs(p.database, handlers, { now: () => clock.now() });
    const told = await p.database.db
      .selectFrom('notification')
      .innerJoin('app_user', 'app_user.id', 'notification.user_id')
      .select(['app_user.username', 'notification.title_zh', 'notification.body_zh'])
      .where('notification.event', '=', 'linkage.visitDue')
      .orderBy('app_user.username')
      .execute();
    assert.deepEqual(
      told.map((n) => [n.username, n.title_zh]),
      [
        ['t_head', '本周待走访 2 户'],
        ['t_other', '本周待走访 1 户'],
      ],
    );
    assert.match(told[0]!.body_zh, /有 2 户到了走访时间，其中 2 户为困难户/);
    assert.match(told[1]!.body_zh, /有 1 户本季度尚未走访/);
    // The run set the next Monday's, once.
    const next = await p.database.db
      .selectFrom('job')
      .select(['due_at'])
      .where('kind', '=', 'linkage.visitReminders')
      .where('status', '=', 'pending')
      .execute();
    assert.deepEqual(
      next.map((j) => j.due_at),
      [monday + 7 * DAY],
    );
  });
});
