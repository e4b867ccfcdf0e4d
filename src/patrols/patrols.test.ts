// Patrols: a grid worker starts, tracks and ends a patrol of their grid; lists per grid and worker; others may not.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedDemo } from '../demo/seedDemo.js';
import { fromWgs84 } from '../grids/index.js';
import {
  loginAs,
  startTestPlatform,
  TEST_PASSWORD,
  type Session,
  type TestPlatform,
} from '../testing/testPlatform.js';

describe('patrols', () => {
  let p: TestPlatform;
  let worker: Session;
  let gridId: string;
  before(async () => {
    p = await startTestPlatform();
    await seedDemo(p.database, { seed: 1, password: TEST_PASSWORD, stages: ['grids'] });
    worker = await loginAs(p.app, 'wangge');
    gridId = ((await worker.request('GET', '/api/grids/mine')).body.items as { id: string }[])[0]!.id;
  });
  after(async () => {
    await p.close();
  });

  it('runs a patrol with track points in GCJ-02 and notes, and lists it per grid and worker', async () => {
    const started = await worker.request('POST', '/api/patrols', { gridId });
    assert.equal(started.status, 200, JSON.stringify(started.body));
    const id = (started.body.item as { id: string }).id;
    assert.equal(
      (await worker.request('POST', '/api/patrols', { gridId })).body.code,
      'workflow.transition_not_allowed',
    );
    const [aLng, aLat] = fromWgs84(121.07, 32.07, 'gcj02');
    const [bLng, bLat] = fromWgs84(121.071, 32.07, 'gcj02');
    const added = await worker.request('POST', `/api/patrols/${id}/points`, {
      crs: 'gcj02',
      points: [
        { lng: aLng, lat: aLat },
        { lng: bLng, lat: bLat, note: '发现暴露垃圾一处' },
      ],
    });
    assert.equal(added.status, 200);
    const item = added.body.item as { pointCount: number; distanceM: number };
    assert.equal(item.pointCount, 2);
    // 0.001° of longitude at 32.07° N is about 94 m.
    assert.ok(Math.abs(item.distanceM - 94.3) < 1, `${item.distanceM}`);
    const ended = await worker.request('POST', `/api/patrols/${id}/end`, { note: '正常' });
    assert.equal((ended.body.item as { status: string }).status, 'ended');
    assert.equal(
      (await worker.request('POST', `/api/patrols/${id}/points`, { points: [{ lng: 121, lat: 32 }] })).status,
      422,
    );

    const detail = await worker.request('GET', `/api/patrols/${id}`);
    const points = (detail.body.item as { points: { lng: number; lat: number; note: string | null }[] })
      .points;
    assert.ok(
      Math.abs(points[0]!.lng - 121.07) < 1e-6 && Math.abs(points[0]!.lat - 32.07) < 1e-6,
      'stored as WGS-84',
    );
    assert.equal(points[1]!.note, '发现暴露垃圾一处');
    const mine = await worker.request('GET', '/api/patrols?mine=true');
    assert.deepEqual(
      (mine.body.items as { id: string }[]).map((x) => x.id),
      [id],
    );
    const town = await loginAs(p.app, 'jinsha');
    const byGrid = await town.request('GET', `/api/patrols?gridId=${gridId}`);
    assert.deepEqual(
      (byGrid.body.items as { id: string }[]).map((x) => x.id),
      [id],
    );
    const other = await loginAs(p.app, 'shigang');
    assert.equal((await other.request('GET', `/api/patrols/${id}`)).status, 404);
    assert.deepEqual((await other.request('GET', `/api/patrols?gridId=${gridId}`)).body.items, []);
  });

  it('lets only grid workers patrol, and only grids they serve', async () => {
    const town = await loginAs(p.app, 'jinsha');
    assert.equal((await town.request('POST', '/api/patrols', { gridId })).status, 403);
    const other = (await town.request('GET', '/api/grids?limit=5')).body.items as { id: string }[];
    const notMine = other.find((g) => g.id !== gridId)!;
    assert.equal((await worker.request('POST', '/api/patrols', { gridId: notMine.id })).status, 403);
  });
});
