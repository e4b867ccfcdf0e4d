import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeIdNumber } from '../members/index.js';
import { orgDirectory } from '../orgs/index.js';
import { loginAs, startTestPlatform, type Session, type TestPlatform } from '../testing/testPlatform.js';
import { listHouseholdIdsByVillage, placeHouseholds } from './repository.js';

type Json = Record<string, unknown>;

describe('central households and household linkage', () => {
  let p: TestPlatform;
  let admin: Session;
  const ids = { village: '', other: '', branch: '', group: '', member: '', central: '' };

  before(async () => {
    p = await startTestPlatform();
    admin = await loginAs(p.app, 'admin');
    const repo = orgDirectory(p.database.db, p.database.dialect);
    ids.village = (await repo.findByCode('320612001001'))!.id;
    ids.other = (await repo.findByCode('320612001002'))!.id;
    const post = async (url: string, body: Json) => {
      const res = await admin.request('POST', url, body);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.item as Json;
    };
    ids.branch = (
      await post('/api/orgs', { parentId: ids.village, level: 'branch', type: 'branch', name: '一支部' })
    ).id as string;
    ids.group = (
      await post('/api/orgs', { parentId: ids.branch, level: 'group', type: 'group', name: '一小组' })
    ).id as string;
    ids.member = (
      await post('/api/members', {
        name: '施红梅',
        ethnicity: '汉族',
        education: 'college',
        idNumber: makeIdNumber('320612', '1972-04-04', 20),
        phone: null,
        joinedOn: '1996-07-01',
        status: 'full',
        branchId: ids.branch,
        groupId: ids.group,
        communityId: null,
      })
    ).id as string;
    ids.central = (
      await post('/api/central-households', { groupId: ids.group, headMemberId: ids.member, name: null })
    ).id as string;
  });
  after(async () => {
    await p.close();
  });

  it('links households of the village, counts them up the chain, refuses other villages', async () => {
    const mine: string[] = [];
    for (let i = 1; i <= 6; i++) {
      const res = await admin.request('POST', '/api/households', {
        villageId: ids.village,
        headName: `户主${i}`,
        address: `东市路${i}号`,
        size: 3,
      });
      mine.push((res.body.item as Json).id as string);
    }
    const stranger = await admin.request('POST', '/api/households', {
      villageId: ids.other,
      headName: '外村',
      address: '别处1号',
      size: 2,
    });
    for (const id of mine.slice(0, 5)) {
      assert.equal(
        (await admin.request('POST', `/api/households/${id}/link`, { centralHouseholdId: ids.central }))
          .status,
        200,
      );
    }
    const refused = await admin.request(
      'POST',
      `/api/households/${(stranger.body.item as Json).id as string}/link`,
      { centralHouseholdId: ids.central },
    );
    assert.equal(refused.body.code, 'household.invalid_link');
    const view = await admin.request('GET', `/api/central-households/${ids.central}`);
    assert.equal((view.body.item as Json).linkedCount, 5);
    assert.equal((view.body.households as Json[]).length, 5);
    const counts = async (id: string) =>
      ((await admin.request('GET', `/api/orgs/${id}`)).body.item as { counts: Record<string, number> })
        .counts;
    assert.equal((await counts(ids.group)).household, 5);
    assert.equal((await counts(ids.group)).centralHousehold, 1);
    assert.equal((await counts(ids.village)).household, 6);
    await admin.request('POST', `/api/households/${mine[0]!}/unlink`);
    assert.equal((await counts(ids.group)).household, 4);
    assert.equal((await counts(ids.village)).household, 6);
    const unlinked = await admin.request('GET', `/api/households?orgId=${ids.village}&unlinked=true`);
    assert.equal((unlinked.body.items as Json[]).length, 2);

    const cadre = await loginAs(p.app, 'dongshi');
    const list = await cadre.request('GET', '/api/central-households');
    assert.deepEqual(
      (list.body.items as Json[]).map((c) => c.id),
      [ids.central],
    );
    assert.equal((await cadre.request('GET', `/api/households?orgId=${ids.other}`)).status, 404);
  });

  it('lets the grid module place households in bulk', async () => {
    const idsOf = await listHouseholdIdsByVillage(p.database.db, ids.village);
    assert.equal(idsOf.length, 6);
    await placeHouseholds(
      p.database.db,
      idsOf.map((id, i) => ({
        id,
        gridId: i % 2 === 0 ? 'grid-a' : null,
        lng: 120.9 + i / 1000,
        lat: i === 0 ? null : 32.0,
      })),
    );
    const rows = await p.database.db
      .selectFrom('household')
      .select(['id', 'grid_id', 'lng', 'lat'])
      .where('village_id', '=', ids.village)
      .orderBy('id')
      .execute();
    assert.equal(rows.filter((r) => r.grid_id === 'grid-a').length, 3);
    assert.equal(rows[0]!.lat, null);
    assert.ok(Math.abs(rows[1]!.lng! - 120.901) < 1e-9);
  });
});
