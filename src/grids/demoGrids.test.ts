// The demo grid layer: about 2,000 grids over the real outline, no gap, no overlap, staffed, with party organisations.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedDemo } from '../demo/seedDemo.js';
import { DEMO_GRID_WORKER } from '../demo/seedGrids.js';
import { orgDirectory } from '../orgs/index.js';
import { loginAs, startTestPlatform, TEST_PASSWORD, type TestPlatform } from '../testing/testPlatform.js';

describe('demo grids', () => {
  let p: TestPlatform;
  before(async () => {
    p = await startTestPlatform();
    // How long the stage takes is measured by the bench, not asserted here (shared machines are noisy).
    await seedDemo(p.database, { seed: 1, password: TEST_PASSWORD, stages: ['grids'] });
  });
  after(async () => {
    await p.close();
  });

  it('builds about 2,000 grids in every village', async () => {
    const admin = await loginAs(p.app, 'admin');
    const list = await admin.request('GET', '/api/grids?limit=1');
    assert.equal(list.body.total, 2000);
    const root = (await orgDirectory(p.database.db, p.database.dialect).findRoot())!;
    const counts = (await admin.request('GET', `/api/orgs/${root.id}`)).body.item as {
      counts: Record<string, number>;
    };
    assert.equal(counts.counts.grid, 2000);
    const perVillage = await p.database.db
      .selectFrom('grid')
      .select(['village_id'])
      .groupBy('village_id')
      .execute();
    assert.equal(perVillage.length, 278);
    const staffless = await p.database.db
      .selectFrom('grid')
      .select('id')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('grid_staff')
              .select('grid_staff.id')
              .whereRef('grid_staff.grid_id', '=', 'grid.id')
              .where('grid_staff.role', '=', 'leader'),
          ),
        ),
      )
      .execute();
    assert.equal(staffless.length, 0, 'every grid has a leader');
  });

  it('covers the district outline with no gap and no overlap', async () => {
    const admin = await loginAs(p.app, 'admin');
    const root = (await orgDirectory(p.database.db, p.database.dialect).findRoot())!;
    const report = (await admin.request('GET', `/api/grids/coverage?orgId=${root.id}`)).body as {
      hasOutline: boolean;
      gridCount: number;
      gaps: unknown[];
      overlaps: unknown[];
      outlineAreaM2: number;
      gridAreaM2: number;
    };
    assert.equal(report.hasOutline, true);
    assert.equal(report.gridCount, 2000);
    assert.deepEqual([report.gaps.length, report.overlaps.length], [0, 0]);
    assert.ok(Math.abs(report.outlineAreaM2 - report.gridAreaM2) < 1);
    const town = (await orgDirectory(p.database.db, p.database.dialect).findByCode('320612110'))!;
    const townReport = (await admin.request('GET', `/api/grids/coverage?orgId=${town.id}`)).body as {
      gaps: unknown[];
      overlaps: unknown[];
    };
    assert.deepEqual([townReport.gaps.length, townReport.overlaps.length], [0, 0]);
  });

  it('gives the demo grid worker a grid of 东市社区 and is not run twice', async () => {
    const wangge = await loginAs(p.app, DEMO_GRID_WORKER.username);
    const mine = await wangge.request('GET', '/api/grids/mine');
    const items = mine.body.items as { code: string }[];
    assert.equal(items.length, 1);
    assert.ok(items[0]!.code.startsWith(DEMO_GRID_WORKER.villageCode));
    const again = await seedDemo(p.database, { seed: 1, password: TEST_PASSWORD, stages: ['grids'] });
    assert.deepEqual(again.ranStages, []);
    // Located points answer with village and town.
    const grid = (await wangge.request('GET', `/api/grids/${(mine.body.items as { id: string }[])[0]!.id}`))
      .body.item as {
      geometry: { coordinates: number[][][] };
    };
    assert.ok(grid.geometry.coordinates.length > 0);
  });
});
