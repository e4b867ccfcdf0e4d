import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeIdNumber } from '../members/index.js';
import { orgDirectory } from '../orgs/index.js';
import { manualClock } from '../platform/clock.js';
import { DAY_MS, instantOfLocalDate } from '../platform/time.js';
import { loginAs, startTestPlatform, type Session, type TestPlatform } from '../testing/testPlatform.js';
import type { ChainLevel } from './chain.js';
import { linkageRepository, type AppealRow } from './repository.js';

type Json = Record<string, unknown>;
const NOW = instantOfLocalDate('2026-06-15') + 10 * 3_600_000;

describe('linkage indicators on a hand-built set', () => {
  let p: TestPlatform;
  let admin: Session;
  let seq = 0;
  type IdKey =
    'village' | 'branch' | 'b3' | 'g2' | 'g3' | 'c1' | 'c2' | 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
  const ids = {} as Record<IdKey, string>;

  const post = async (url: string, body: Json): Promise<Json> => {
    const res = await admin.request('POST', url, body);
    assert.equal(res.status, 200, `${url}: ${JSON.stringify(res.body)}`);
    return res.body.item as Json;
  };
  const org = async (parentId: string, level: 'branch' | 'group', name: string) =>
    (await post('/api/orgs', { parentId, level, type: level, name })).id as string;
  const central = async (branchId: string, groupId: string, memberGroupId: string | null, name: string) => {
    const memberId = (
      await post('/api/members', {
        name,
        ethnicity: '汉族',
        education: 'college',
        idNumber: makeIdNumber('320612', '1968-02-02', ++seq),
        phone: null,
        joinedOn: '1990-07-01',
        status: 'full',
        branchId,
        groupId: memberGroupId,
        communityId: null,
      })
    ).id as string;
    return (await post('/api/central-households', { groupId, headMemberId: memberId, name: null }))
      .id as string;
  };
  const household = async (centralId: string) => {
    const id = (
      await post('/api/households', {
        villageId: ids.village,
        headName: `户${++seq}`,
        address: `西路${seq}号`,
        size: 2,
      })
    ).id as string;
    await post(`/api/households/${id}/link`, { centralHouseholdId: centralId });
    return id;
  };

  before(async () => {
    p = await startTestPlatform({}, { clock: manualClock(NOW) });
    admin = await loginAs(p.app, 'admin');
    const orgs = orgDirectory(p.database.db, p.database.dialect);
    ids.village = (await orgs.findByCode('320612001002'))!.id;
    ids.branch = await org(ids.village, 'branch', '二支部');
    ids.g2 = await org(ids.branch, 'group', '二支部一小组');
    ids.b3 = await org(ids.village, 'branch', '三支部');
    ids.g3 = await org(ids.b3, 'group', '三支部一小组');
    ids.c1 = await central(ids.branch, ids.g2, ids.g2, '甲户主');
    ids.c2 = await central(ids.b3, ids.g3, ids.g3, '乙户主');
    for (const k of ['h1', 'h2', 'h3', 'h4'] as const) {
      ids[k] = await household(ids.c1);
    }
    for (const k of ['h5', 'h6'] as const) {
      ids[k] = await household(ids.c2);
    }
    const path = async (id: string) => (await orgs.findById({ path: '/' }, id))!.path;
    const g2Path = await path(ids.g2);
    const g3Path = await path(ids.g3);
    const repo = linkageRepository(p.database.db, p.database.dialect);
    let n = 0;
    const appeal = (
      centralId: string,
      groupPath: string,
      status: string,
      concluded: ChainLevel | null,
      highest: ChainLevel,
      isOverdue = false,
    ): AppealRow => ({
      id: `appeal-${++n}`,
      tracking_code: `LDTEST${n}`,
      household_id: centralId === ids.c1 ? ids.h1 : ids.h5,
      central_household_id: centralId,
      org_path: groupPath,
      text: '诉求',
      status,
      level: concluded ?? highest,
      level_org_id: centralId,
      highest_level: highest,
      concluded_level: concluded,
      outcome: null,
      case_id: null,
      topic_id: null,
      is_overdue: isOverdue ? 1 : 0,
      level_since: NOW - 40 * DAY_MS,
      due_at: null,
      recorded_at: NOW - 40 * DAY_MS,
      concluded_at: concluded === null ? null : NOW - 30 * DAY_MS,
      updated_at: NOW - 30 * DAY_MS,
    });
    await repo.insertAppeals([
      appeal(ids.c1, g2Path, 'settled', 'central', 'central'),
      appeal(ids.c1, g2Path, 'settled', 'group', 'group'),
      appeal(ids.c1, g2Path, 'answered', 'branch', 'branch'),
      appeal(ids.c1, g2Path, 'case', 'village', 'village', true),
      appeal(ids.c1, g2Path, 'settled', 'town', 'town', true),
      appeal(ids.c1, g2Path, 'open', null, 'branch'),
      appeal(ids.c2, g3Path, 'settled', 'group', 'group'),
      appeal(ids.c2, g3Path, 'settled', 'district', 'district'),
      appeal(ids.c2, g3Path, 'answered', 'village', 'village'),
    ]);
    let v = 0;
    const visit = (householdId: string, centralId: string, groupPath: string, daysAgo: number) => ({
      id: `visit-${++v}`,
      household_id: householdId,
      central_household_id: centralId,
      org_path: groupPath,
      visited_at: NOW - daysAgo * DAY_MS,
      kind: 'home',
      heard: '',
      lng: null,
      lat: null,
      recorded_by: null,
      created_at: NOW - daysAgo * DAY_MS,
    });
    await repo.insertVisits([
      visit(ids.h1, ids.c1, g2Path, 10),
      visit(ids.h2, ids.c1, g2Path, 100),
      visit(ids.h3, ids.c1, g2Path, 5),
      visit(ids.h3, ids.c1, g2Path, 20),
      visit(ids.h5, ids.c2, g3Path, 30),
    ]);
  });
  after(async () => {
    await p.close();
  });

  it('counts the village: levels, passed up, on time, the two shares and visit coverage', async () => {
    const res = await admin.request('GET', `/api/linkage/indicators?orgId=${ids.village}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const unit = (res.body.unit as Json).indicators as Json;
    assert.equal(unit.received, 9);
    assert.equal(unit.pending, 1);
    assert.deepEqual(unit.settledAt, { central: 1, group: 2, branch: 0, village: 0, town: 1, district: 1 });
    assert.deepEqual(unit.answeredAt, { central: 0, group: 0, branch: 1, village: 1, town: 0, district: 0 });
    assert.equal(unit.cases, 1);
    assert.equal(unit.concluded, 8);
    // Above the village: the one settled at the town and the one at the district.
    assert.equal(unit.passedUp, 2);
    assert.equal(unit.overdue, 2);
    assert.equal(unit.onTime, 6);
    // 小事不出村: settled 1 + 2, answered 1 + 1, of 8 concluded; 大事不出镇: those, the town's 1 and the case, of 8.
    assert.equal(unit.shareWithinVillage, 5 / 8);
    assert.equal(unit.shareWithinTown, 7 / 8);
    assert.equal(unit.linkedHouseholds, 6);
    // h1, h3 and h5 within the quarter; h2 only 100 days ago; h4 and h6 never.
    assert.equal(unit.visitedLastQuarter, 3);
    assert.equal(unit.coverage, 0.5);
    assert.equal(unit.neverVisited, 2);
    const parts = res.body.parts as Json[];
    const byId = new Map(parts.map((x) => [x.id, x.indicators as Json]));
    assert.equal(byId.get(ids.branch)!.received, 6);
    assert.equal(byId.get(ids.b3)!.received, 3);
  });

  it('counts a group and its central households at their own levels', async () => {
    const res = await admin.request('GET', `/api/linkage/indicators?orgId=${ids.g2}`);
    const unit = (res.body.unit as Json).indicators as Json;
    // Above the group: answered at the branch, the case at the village, the town's, the open one at the branch.
    assert.equal(unit.passedUp, 4);
    assert.equal(unit.shareWithinVillage, 3 / 5);
    const c1 = (res.body.parts as Json[]).find((x) => x.id === ids.c1)!.indicators as Json;
    assert.equal(c1.received, 6);
    assert.equal(c1.passedUp, 5);
    assert.equal(c1.linkedHouseholds, 4);
    assert.equal(c1.visitedLastQuarter, 2);
    assert.equal(c1.coverage, 0.5);
  });

  it('lists the households overdue for their quarterly visit', async () => {
    const res = await admin.request('GET', `/api/linkage/overdue-visits?orgId=${ids.g2}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const got = (res.body.items as Json[]).map((x) => (x.household as Json).id).sort();
    assert.deepEqual(got, [ids.h2, ids.h4].sort());
    const cadre = await loginAs(p.app, 'dongshi');
    assert.equal((await cadre.request('GET', `/api/linkage/indicators?orgId=${ids.village}`)).status, 404);
  });
});
