// Cases and grids follow their organisations when a village moves to another town or merges into a neighbour.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { getGridIndex } from '../grids/index.js';
import {
  caseIn,
  pointInGridOf,
  sessions,
  startCasePlatform,
  type Sessions,
} from '../testing/caseFixtures.js';
import { loginAs, type TestPlatform } from '../testing/testPlatform.js';

describe('cases follow organisation changes', () => {
  let p: TestPlatform;
  let s: Sessions;
  before(async () => {
    p = await startCasePlatform();
    s = await sessions(p);
  });
  after(async () => {
    await p.close();
  });

  it('a village moved to another town takes its cases and grids along, and scope follows', async () => {
    const point = await pointInGridOf(p, 'wangge');
    const id = await caseIn(s, point, 'reported');
    const db = p.database.db;
    const village = await db
      .selectFrom('org')
      .selectAll()
      .where('code', '=', '320612001001')
      .executeTakeFirstOrThrow();
    const shigangTown = await db
      .selectFrom('org')
      .selectAll()
      .where('code', '=', '320612110')
      .executeTakeFirstOrThrow();
    const moved = await s.admin.request('POST', `/api/orgs/${village.id}/move`, { parentId: shigangTown.id });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));

    const row = await db.selectFrom('case_file').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.town_id, shigangTown.id);
    assert.ok(row.org_path.startsWith(shigangTown.path), 'the case path is under the new town');
    const grid = await db
      .selectFrom('grid')
      .selectAll()
      .where('id', '=', point.gridId)
      .executeTakeFirstOrThrow();
    assert.equal(grid.town_id, shigangTown.id);
    const index = await getGridIndex(p.database);
    await index.reload();
    assert.equal(
      index.locate(point.lng, point.lat)?.townId,
      shigangTown.id,
      'point → grid answers the new town',
    );

    const shigang = await loginAs(p.app, 'shigang');
    assert.equal((await shigang.request('GET', `/api/cases/${id}`)).status, 200, 'the new town sees it');
    assert.equal(
      (await s.town.request('GET', `/api/cases/${id}`)).status,
      404,
      'the old town no longer does',
    );
  });

  it('a village merged into a neighbour hands over its cases', async () => {
    const db = p.database.db;
    const town = await db
      .selectFrom('org')
      .selectAll()
      .where('code', '=', '320612002')
      .executeTakeFirstOrThrow();
    const villages = await db
      .selectFrom('org')
      .selectAll()
      .where('parent_id', '=', town.id)
      .where('level', '=', 'village')
      .orderBy('code')
      .limit(2)
      .execute();
    const [from, into] = villages as [(typeof villages)[number], (typeof villages)[number]];
    const made = await s.district.request('POST', '/api/cases', {
      categoryCode: '060101',
      description: '路灯不亮（合并测试）',
      orgId: from.id,
      source: 'hotline',
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    // Merging needs an empty source: clear what the small demo put under it (its children move with the merge).
    const merged = await s.admin.request('POST', `/api/orgs/${from.id}/merge`, { intoId: into.id });
    assert.equal(merged.status, 200, JSON.stringify(merged.body));
    const row = await db
      .selectFrom('case_file')
      .selectAll()
      .where('id', '=', made.body.id as string)
      .executeTakeFirstOrThrow();
    assert.equal(row.village_id, into.id);
    assert.equal(row.org_path, into.path);
  });
});
