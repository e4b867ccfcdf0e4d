import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Role } from '../access/index.js';
import { establishCouncils } from '../consultations/index.js';
import { hashPassword, seedMemberLink, seedUser } from '../identity/index.js';
import { makeIdNumber } from '../members/index.js';
import { orgDirectory } from '../orgs/index.js';
import { manualClock } from '../platform/clock.js';
import { DAY_MS, instantOfLocalDate } from '../platform/time.js';
import {
  loginAs,
  startTestPlatform,
  TEST_PASSWORD,
  type Session,
  type TestPlatform,
} from '../testing/testPlatform.js';
import { linkageRepository, type VisitRow } from './repository.js';
import { visitDue } from './visitPlan.js';
import { sendVisitReminders } from './visitReminders.js';

type Json = Record<string, unknown>;

// Friday 6 March 2026, 09:00 in the district.
const NOW = instantOfLocalDate('2026-03-06') + 9 * 3_600_000;

describe('the visit rule', () => {
  it('visits quarterly, monthly in need, and a household never visited at once', () => {
    const quiet = visitDue({ lastVisitAt: NOW - 40 * DAY_MS, appealsInQuarter: 1, isInRelief: false }, NOW);
    assert.deepEqual(quiet, {
      lastVisitAt: NOW - 40 * DAY_MS,
      needs: [],
      isInNeed: false,
      dueAt: NOW + 51 * DAY_MS,
      isOverdue: false,
    });
    const appeals = visitDue({ lastVisitAt: NOW - 40 * DAY_MS, appealsInQuarter: 2, isInRelief: false }, NOW);
    assert.deepEqual(
      [appeals.needs, appeals.dueAt, appeals.isOverdue],
      [['appeals'], NOW - 10 * DAY_MS, true],
    );
    const relief = visitDue({ lastVisitAt: NOW - 29 * DAY_MS, appealsInQuarter: 0, isInRelief: true }, NOW);
    assert.deepEqual([relief.needs, relief.isOverdue], [['relief'], false]);
    const never = visitDue({ lastVisitAt: null, appealsInQuarter: 0, isInRelief: false }, NOW);
    assert.deepEqual([never.dueAt, never.isOverdue], [null, true]);
  });
});

describe('a linked household across modules, and the visit plan', () => {
  let p: TestPlatform;
  let admin: Session;
  let seq = 0;
  const ids = {} as Record<
    | 'village'
    | 'branch'
    | 'group'
    | 'head'
    | 'leader'
    | 'secretary'
    | 'otherHead'
    | 'central'
    | 'otherCentral',
    string
  >;
  // hA: two appeals, one a case, one a topic; hB: paired for relief; hC: quiet; hE: not visited for 100 days;
  // hD: the other head's, paired for relief too.
  const h = {} as Record<'A' | 'B' | 'C' | 'D' | 'E', string>;
  const s = {} as Record<'head' | 'leader' | 'secretary' | 'otherHead' | 'village', Session>;

  const ok = async (session: Session, method: 'GET' | 'POST' | 'PUT', url: string, body?: Json) => {
    const res = await session.request(method, url, body);
    assert.equal(res.status, 200, `${method} ${url}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const post = async (url: string, body: Json) => (await ok(admin, 'POST', url, body)).item as Json;
  const org = async (parentId: string, level: 'branch' | 'group', name: string) =>
    (await post('/api/orgs', { parentId, level, type: level, name })).id as string;
  const member = async (name: string, groupId: string | null) =>
    (
      await post('/api/members', {
        name,
        ethnicity: '汉族',
        education: 'college',
        idNumber: makeIdNumber('320612', '1972-03-03', ++seq),
        phone: null,
        joinedOn: '1996-07-01',
        status: 'full',
        branchId: ids.branch,
        groupId,
        communityId: null,
      })
    ).id as string;
  const household = async (centralId: string, name: string) => {
    const id = (
      await post('/api/households', {
        villageId: ids.village,
        headName: name,
        address: `南街${++seq}号`,
        size: 2,
      })
    ).id as string;
    await post(`/api/households/${id}/link`, { centralHouseholdId: centralId });
    return id;
  };
  const account = async (username: string, role: Role, orgId: string, memberId: string) => {
    const userId = await seedUser(p.database.db, {
      username,
      displayName: username,
      passwordHash: await hashPassword(TEST_PASSWORD),
      roles: [{ role, orgId }],
      now: NOW,
    });
    await seedMemberLink(p.database.db, p.database.dialect, userId!, memberId, NOW);
    return loginAs(p.app, username);
  };
  const toVillage = async (householdId: string, text: string) => {
    const a = (await ok(s.head, 'POST', `/api/linkage/my/households/${householdId}/appeals`, { text }))
      .item as Json;
    await ok(s.leader, 'POST', `/api/linkage/appeals/${a.id as string}/pass-up`, { reason: '需村里处理' });
    await ok(s.secretary, 'POST', `/api/linkage/appeals/${a.id as string}/pass-up`, { reason: '需村里处理' });
    return a.id as string;
  };
  const pairAndVisit = async (householdId: string, note: string, help: string) => {
    const pairing = (
      await ok(admin, 'POST', '/api/relief/pairings', {
        householdId,
        memberId: ids.leader,
        visitsPerQuarter: 3,
      })
    ).item as Json;
    await ok(s.leader, 'POST', '/api/relief/visits', {
      pairingId: pairing.id,
      startedAt: NOW - 3 * 3_600_000,
      endedAt: NOW - 2 * 3_600_000,
      lng: null,
      lat: null,
      note,
      help,
    });
    return pairing.id as string;
  };
  const record = async (session: Session, householdId: string) =>
    ok(session, 'GET', `/api/linkage/my/households/${householdId}`);

  before(async () => {
    p = await startTestPlatform({}, { clock: manualClock(NOW) });
    admin = await loginAs(p.app, 'admin');
    const orgs = orgDirectory(p.database.db, p.database.dialect);
    const village = (await orgs.findByCode('320612001001'))!;
    ids.village = village.id;
    await establishCouncils(p.database.db, p.database.dialect, { path: village.path }, NOW);
    ids.branch = await org(ids.village, 'branch', '南街支部');
    ids.group = await org(ids.branch, 'group', '南街一小组');
    ids.head = await member('郑户主', ids.group);
    ids.leader = await member('冯组长', ids.group);
    ids.secretary = await member('韩书记', null);
    ids.otherHead = await member('褚户主', ids.group);
    await ok(admin, 'PUT', `/api/orgs/${ids.group}/officers`, {
      memberId: ids.leader,
      role: 'groupLeader',
      isAppointed: true,
    });
    await ok(admin, 'PUT', `/api/orgs/${ids.branch}/officers`, {
      memberId: ids.secretary,
      role: 'secretary',
      isAppointed: true,
    });
    const central = async (memberId: string) =>
      (await post('/api/central-households', { groupId: ids.group, headMemberId: memberId, name: null }))
        .id as string;
    ids.central = await central(ids.head);
    ids.otherCentral = await central(ids.otherHead);
    h.A = await household(ids.central, '甲家');
    h.B = await household(ids.central, '乙家');
    h.C = await household(ids.central, '丙家');
    h.E = await household(ids.central, '戊家');
    h.D = await household(ids.otherCentral, '丁家');
    s.head = await account('t_head', 'partyMember', ids.group, ids.head);
    s.leader = await account('t_leader', 'partyMember', ids.group, ids.leader);
    s.secretary = await account('t_secretary', 'partyMember', ids.branch, ids.secretary);
    s.otherHead = await account('t_other', 'partyMember', ids.group, ids.otherHead);
    s.village = await loginAs(p.app, 'dongshi');

    const toCase = await toVillage(h.A, '村道塌陷，车辆无法通行');
    await ok(s.village, 'POST', `/api/linkage/appeals/${toCase}/to-case`, { reason: '需交通部门处置' });
    const toTopic = await toVillage(h.A, '小区停车位不够');
    await ok(s.village, 'POST', `/api/linkage/appeals/${toTopic}/to-topic`, {
      title: '停车位划线方案',
      reason: '交议事会协商',
    });
    await pairAndVisit(h.B, '陪同就医复查，家属电话13912345678', '送米面油，联系13987654321');
    await pairAndVisit(h.D, '了解近况', '代购药品');

    const group = (await orgs.findById({ path: '/' }, ids.group))!;
    let v = 0;
    const visit = (householdId: string, centralId: string, daysAgo: number): VisitRow => ({
      id: `visit-${++v}`,
      household_id: householdId,
      central_household_id: centralId,
      org_path: group.path,
      visited_at: NOW - daysAgo * DAY_MS,
      kind: 'home',
      heard: '',
      lng: null,
      lat: null,
      recorded_by: null,
      created_at: NOW - daysAgo * DAY_MS,
    });
    await linkageRepository(p.database.db, p.database.dialect).insertVisits([
      visit(h.A, ids.central, 40),
      visit(h.B, ids.central, 40),
      visit(h.C, ids.central, 40),
      visit(h.E, ids.central, 100),
      visit(h.D, ids.otherCentral, 10),
    ]);
  });
  after(async () => {
    await p.close();
  });

  it('shows the cases and topics a household’s appeals became, each with the page the head may open', async () => {
    const a = await record(s.head, h.A);
    const cases = a.cases as Json[];
    assert.equal(cases.length, 1);
    const c = cases[0]!;
    const appealCase = (a.appeals as Json[]).flatMap((x) => (x.case === null ? [] : [x.case as Json]));
    assert.equal(c.trackingCode, appealCase[0]!.trackingCode);
    assert.equal(c.link, `/track/${c.trackingCode as string}`);
    assert.equal(typeof c.state, 'string');
    const topics = a.topics as Json[];
    assert.deepEqual(
      topics.map((t) => [t.title, t.status]),
      [['停车位划线方案', 'submitted']],
    );
    const council = await p.database.db
      .selectFrom('consultation_council')
      .select('id')
      .where('org_id', '=', ids.village)
      .executeTakeFirstOrThrow();
    assert.equal(topics[0]!.link, `/consult/${council.id}`);
    assert.deepEqual(a.relief, { pairings: [], help: [] });
    // Another household of the same head shows none of them.
    const c2 = await record(s.head, h.C);
    assert.deepEqual([c2.cases, c2.topics, c2.relief], [[], [], { pairings: [], help: [] }]);
  });

  it('shows a household’s relief pairing and the help received, not the visit notes, and no one else’s', async () => {
    const b = await record(s.head, h.B);
    const relief = b.relief as { pairings: Json[]; help: Json[] };
    assert.deepEqual(
      relief.pairings.map((x) => [x.helperKind, x.helperName, x.visitsPerQuarter, x.endedAt]),
      [['member', '冯组长', 3, null]],
    );
    assert.equal(relief.help.length, 1);
    assert.equal(relief.help[0]!.pairingId, relief.pairings[0]!.id);
    assert.match(relief.help[0]!.help as string, /^送米面油/);
    const text = JSON.stringify(b);
    assert.ok(!text.includes('13987654321') && !text.includes('13912345678'), text);
    assert.ok(!text.includes('陪同就医'), 'the visit note stays with the volunteers');
    assert.ok(!text.includes('代购药品'), 'the other household’s help does not show');
    assert.deepEqual([b.cases, b.topics], [[], []]);
    // The other head sees his own household's pairing; neither head reaches the other's household.
    const d = await record(s.otherHead, h.D);
    assert.deepEqual(
      (d.relief as { help: Json[] }).help.map((x) => x.help),
      ['代购药品'],
    );
    assert.equal((await s.head.request('GET', `/api/linkage/my/households/${h.D}`)).status, 404);
    assert.equal((await s.otherHead.request('GET', `/api/linkage/my/households/${h.B}`)).status, 404);
  });

  it('applies one visit rule to the record, the overdue list and the Monday reminders', async () => {
    const plan = (await record(s.head, h.A)).plan as Json;
    assert.deepEqual(plan, { isInNeed: true, needs: ['appeals'], dueAt: NOW - 10 * DAY_MS, isOverdue: true });
    assert.deepEqual((await record(s.head, h.C)).plan, {
      isInNeed: false,
      needs: [],
      dueAt: NOW + 51 * DAY_MS,
      isOverdue: false,
    });

    // Visited 40 days ago: hA and hB are overdue as households in need, hC not; hE by the quarterly rule;
    // hD, in need but visited 10 days ago, is not. Those in need come first.
    const list = await ok(s.leader, 'GET', '/api/linkage/overdue-visits');
    const items = list.items as { household: Json; plan: Json }[];
    assert.deepEqual(
      items.map((x) => [x.household.id, x.plan.isInNeed, x.plan.needs]),
      [
        [h.A, true, ['appeals']],
        [h.B, true, ['relief']],
        [h.E, false, []],
      ],
    );

    // The head's own list, by the same rule: the households due a visit first (in need before the rest), then hC.
    const mine = (await ok(s.head, 'GET', '/api/linkage/my/households')).items as (Json & { plan: Json })[];
    assert.deepEqual(
      mine.map((x) => [x.id, x.plan.isOverdue, x.plan.isInNeed]),
      [
        [h.A, true, true],
        [h.B, true, true],
        [h.E, true, false],
        [h.C, false, false],
      ],
    );

    const told = await sendVisitReminders(p.database.db, p.database.dialect, NOW);
    assert.deepEqual(
      told.map((x) => [x.centralHouseholdId, x.due, x.inNeed]),
      [[ids.central, 3, 2]],
    );
  });
});
