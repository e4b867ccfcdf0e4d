// Grids through the API: the overlap rule and its audited override, coverage with exact areas, locate, scope, history.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import turfArea from '@turf/area';
import { orgDirectory } from '../orgs/index.js';
import { loginAs, startTestPlatform, type Session, type TestPlatform } from '../testing/testPlatform.js';
import { measureCoverage } from './checkCoverage.js';
import { bboxOf, type GridGeometry } from './geometry.js';
import { fromWgs84 } from './crs.js';
import { gridRepository } from './repository.js';
import { rect } from './testing.js';

const ALL_NETS = ['partyBuilding', 'environment', 'illegalConstruction', 'petitionStability', 'workSafety'];

describe('grids', () => {
  let p: TestPlatform;
  let admin: Session;
  let jinsha: Session;
  let dongshiId: string;
  let shigangVillageId: string;
  let shigangId: string;

  const create = (
    s: Session,
    villageId: string,
    geometry: GridGeometry,
    extra: Record<string, unknown> = {},
  ) => s.request('POST', '/api/grids', { villageId, type: 'basic', nets: ALL_NETS, geometry, ...extra });

  before(async () => {
    p = await startTestPlatform();
    admin = await loginAs(p.app, 'admin');
    jinsha = await loginAs(p.app, 'jinsha');
    const orgs = orgDirectory(p.database.db, p.database.dialect);
    dongshiId = (await orgs.findByCode('320612001001'))!.id;
    const shigang = (await orgs.findByCode('320612110'))!;
    shigangId = shigang.id;
    shigangVillageId = (await orgs.children({ path: '/' }, shigang.id, 1, null))[0]!.id;
    // The village outline the coverage check measures against.
    const dongshi = (await orgs.findById({ path: '/' }, dongshiId))!;
    const outline = rect(121.0, 32.0, 121.01, 32.01);
    const b = bboxOf(outline);
    await gridRepository(p.database.db).upsertOutline({
      org_id: dongshi.id,
      org_path: dongshi.path,
      level: 'village',
      geometry: JSON.stringify(outline),
      min_lng: b.minLng,
      min_lat: b.minLat,
      max_lng: b.maxLng,
      max_lat: b.maxLat,
      source: 'test',
      updated_at: Date.now(),
    });
  });
  after(async () => {
    await p.close();
  });

  it('measures crafted gaps and overlaps with exact areas', () => {
    const outline = rect(121.0, 32.0, 121.01, 32.01);
    const a = rect(121.0, 32.0, 121.005, 32.01);
    const b = rect(121.006, 32.0, 121.01, 32.01);
    const c = rect(121.0, 32.0, 121.003, 32.005);
    const report = measureCoverage(outline, [
      { id: 'a', code: '320612001001001', geometry: a },
      { id: 'b', code: '320612001001002', geometry: b },
      { id: 'c', code: '320612001001003', geometry: c },
    ]);
    const gapArea = turfArea(rect(121.005, 32.0, 121.006, 32.01));
    assert.equal(report.gaps.length, 1);
    assert.ok(Math.abs(report.gaps[0]!.areaM2 - gapArea) < 0.01, `${report.gaps[0]!.areaM2} vs ${gapArea}`);
    assert.equal(report.overlaps.length, 1);
    assert.deepEqual(report.overlaps[0]!.codes, ['320612001001001', '320612001001003']);
    assert.ok(Math.abs(report.overlaps[0]!.areaM2 - turfArea(c)) < 0.01);
    // Two gaps of different sizes are reported separately, largest first.
    const two = measureCoverage(outline, [
      { id: 'x', code: '320612001001001', geometry: rect(121.001, 32.0, 121.009, 32.01) },
    ]);
    assert.equal(two.gaps.length, 2);
    assert.ok(Math.abs(two.gapAreaM2 - 2 * turfArea(rect(121.0, 32.0, 121.001, 32.01))) < 0.02);
    const tight = measureCoverage(outline, [
      { id: 'a', code: '320612001001001', geometry: a },
      { id: 'b', code: '320612001001002', geometry: rect(121.005, 32.0, 121.01, 32.01) },
    ]);
    assert.deepEqual([tight.gaps.length, tight.overlaps.length], [0, 0]);
  });

  it('refuses an overlapping grid naming the neighbour; an authorised override with a reason is audited', async () => {
    const a = await create(jinsha, dongshiId, rect(121.0, 32.0, 121.005, 32.01));
    assert.equal(a.status, 200, JSON.stringify(a.body));
    const itemA = a.body.item as { code: string; id: string; areaM2: number; version: number };
    assert.equal(itemA.code, '320612001001001');
    assert.ok(Math.abs(itemA.areaM2 - turfArea(rect(121.0, 32.0, 121.005, 32.01))) < 0.01);
    const b = await create(jinsha, dongshiId, rect(121.006, 32.0, 121.01, 32.01));
    assert.equal((b.body.item as { code: string }).code, '320612001001002');

    const c = rect(121.0, 32.0, 121.003, 32.005);
    const refused = await create(jinsha, dongshiId, c);
    assert.equal(refused.status, 409);
    assert.equal(refused.body.code, 'grid.overlap');
    assert.deepEqual(
      (refused.body.neighbours as { code: string }[]).map((n) => n.code),
      ['320612001001001'],
    );
    // A town command centre may not override, reason or not.
    assert.equal((await create(jinsha, dongshiId, c, { overrideReason: '临时调整' })).status, 409);
    // The district may, but only with a reason.
    assert.equal(
      (await create(admin, dongshiId, c, { overrideReason: '  ' })).body.code,
      'grid.override_reason_required',
    );
    const allowed = await create(admin, dongshiId, c, { overrideReason: '学校专属网格与居住网格交叉管理' });
    assert.equal(allowed.status, 200);
    const audit = await p.database.db
      .selectFrom('audit_log')
      .select(['detail'])
      .where('action', '=', 'grid.create')
      .where('entity_id', '=', (allowed.body.item as { id: string }).id)
      .executeTakeFirstOrThrow();
    assert.match(audit.detail ?? '', /overlapOverridden/);
    assert.match(audit.detail ?? '', /学校专属网格/);

    const coverage = await jinsha.request('GET', `/api/grids/coverage?orgId=${dongshiId}`);
    assert.equal(coverage.status, 200);
    const report = coverage.body as {
      gaps: { areaM2: number }[];
      overlaps: { areaM2: number; codes: string[] }[];
    };
    assert.equal(report.gaps.length, 1);
    assert.ok(Math.abs(report.gaps[0]!.areaM2 - turfArea(rect(121.005, 32.0, 121.006, 32.01))) < 0.01);
    assert.equal(report.overlaps.length, 1);
    assert.ok(Math.abs(report.overlaps[0]!.areaM2 - turfArea(c)) < 0.01);

    // Redrawing B to close the gap is fine; redrawing it over A is refused.
    const id = (b.body.item as { id: string }).id;
    const closed = await jinsha.request('PUT', `/api/grids/${id}/geometry`, {
      geometry: rect(121.005, 32.0, 121.01, 32.01),
    });
    assert.equal(closed.status, 200);
    assert.equal((closed.body.item as { version: number }).version, 2);
    const over = await jinsha.request('PUT', `/api/grids/${id}/geometry`, {
      geometry: rect(121.004, 32.0, 121.01, 32.01),
    });
    assert.equal(over.body.code, 'grid.overlap');
    const history = await jinsha.request('GET', `/api/grids/${id}/history`);
    assert.deepEqual(
      (history.body.items as { change: string }[]).map((h) => h.change),
      ['redraw', 'create'],
    );
  });

  it('rejects broken polygons with field errors', async () => {
    const open = await create(jinsha, dongshiId, {
      type: 'Polygon',
      coordinates: [
        [
          [121.02, 32.0],
          [121.03, 32.0],
          [121.03, 32.01],
        ],
      ],
    } as unknown as GridGeometry);
    assert.equal(open.status, 422);
    assert.equal(open.body.code, 'grid.invalid_geometry');
    const bowtie = await create(jinsha, dongshiId, {
      type: 'Polygon',
      coordinates: [
        [
          [121.02, 32.0],
          [121.03, 32.01],
          [121.03, 32.0],
          [121.02, 32.01],
          [121.02, 32.0],
        ],
      ],
    });
    assert.equal(bowtie.body.code, 'grid.invalid_geometry');
    assert.match(JSON.stringify(bowtie.body.errors), /自相交/);
  });

  it('locates a point in WGS-84 or GCJ-02 with grid, village and town in one call', async () => {
    const wgs = await jinsha.request('GET', '/api/grids/locate?lng=121.002&lat=32.008');
    assert.equal(wgs.status, 200);
    const body = wgs.body as { grid: { code: string }; village: { name: string }; town: { name: string } };
    assert.equal(body.grid.code, '320612001001001');
    assert.equal(body.village.name, '东市社区');
    assert.equal(body.town.name, '金沙街道');
    const [gLng, gLat] = fromWgs84(121.002, 32.008, 'gcj02');
    const gcj = await jinsha.request('GET', `/api/grids/locate?lng=${gLng}&lat=${gLat}&crs=gcj02`);
    assert.equal((gcj.body as { grid: { code: string } }).grid.code, '320612001001001');
    // The same GCJ-02 numbers read as WGS-84 land a few hundred metres away, in the neighbouring grid.
    const misread = await jinsha.request('GET', `/api/grids/locate?lng=${gLng}&lat=${gLat}`);
    assert.equal((misread.body as { grid: { code: string } }).grid.code, '320612001001002');
    assert.equal((await jinsha.request('GET', '/api/grids/locate?lng=120&lat=20')).status, 404);
  });

  it('keeps another town’s grids out of sight of a town user', async () => {
    const g = await create(admin, shigangVillageId, rect(120.95, 32.2, 120.96, 32.21));
    assert.equal(g.status, 200);
    const id = (g.body.item as { id: string }).id;
    assert.equal((await jinsha.request('GET', `/api/grids/${id}`)).status, 404);
    assert.equal((await jinsha.request('GET', `/api/grids/${id}/history`)).status, 404);
    assert.equal(
      (
        await jinsha.request('PUT', `/api/grids/${id}/geometry`, {
          geometry: rect(120.95, 32.2, 120.97, 32.21),
        })
      ).status,
      404,
    );
    assert.equal((await jinsha.request('GET', '/api/grids/locate?lng=120.955&lat=32.205')).status, 404);
    assert.equal((await admin.request('GET', '/api/grids/locate?lng=120.955&lat=32.205')).status, 200);
    assert.equal((await jinsha.request('GET', `/api/grids/coverage?orgId=${shigangId}`)).status, 404);
    assert.equal((await jinsha.request('GET', `/api/grids?orgId=${shigangId}`)).status, 404);
    assert.equal(
      (
        await jinsha.request('POST', '/api/grids', {
          villageId: shigangVillageId,
          type: 'basic',
          nets: [],
          geometry: rect(120.9, 32.2, 120.91, 32.21),
        })
      ).status,
      404,
    );
    const list = await jinsha.request('GET', '/api/grids?limit=500');
    const codes = (list.body.items as { code: string }[]).map((i) => i.code);
    assert.ok(codes.length >= 3);
    assert.ok(codes.every((c) => c.startsWith('320612001')));
    const layer = await jinsha.request('GET', '/api/grids/layer');
    assert.ok(
      (layer.body.features as { properties: { code: string } }[]).every((f) =>
        f.properties.code.startsWith('320612001'),
      ),
    );
    const cadre = await loginAs(p.app, 'dongshi');
    assert.equal(
      (
        await cadre.request('POST', '/api/grids', {
          villageId: dongshiId,
          type: 'basic',
          nets: [],
          geometry: rect(121.1, 32.1, 121.11, 32.11),
        })
      ).status,
      403,
    );
  });

  it('keeps staff phones encrypted and masked, and counts grids up the tree', async () => {
    const list = await jinsha.request('GET', `/api/grids?orgId=${dongshiId}`);
    const id = (list.body.items as { id: string }[])[0]!.id;
    const added = await jinsha.request('POST', `/api/grids/${id}/staff`, {
      name: '王建国',
      phone: '13812345678',
      role: 'leader',
    });
    assert.equal(added.status, 200);
    assert.equal((added.body.item as { phone: string }).phone, '138****5678');
    const stored = await p.database.db
      .selectFrom('grid_staff')
      .selectAll()
      .where('grid_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.ok(stored.phone_enc !== null && !stored.phone_enc.includes('13812345678'));
    assert.equal(p.services.cipher.decrypt(stored.phone_enc), '13812345678');
    const detail = await jinsha.request('GET', `/api/grids/${id}`);
    assert.doesNotMatch(JSON.stringify(detail.body), /13812345678/);
    const orgs = await admin.request('GET', `/api/orgs/${dongshiId}`);
    assert.equal((orgs.body.item as { counts: Record<string, number> }).counts.grid, 3);
  });

  it('links grid staff only to an active account in the caller’s scope', async () => {
    const list = await jinsha.request('GET', `/api/grids?orgId=${dongshiId}`);
    const id = (list.body.items as { id: string }[])[0]!.id;
    const staffCount = async () =>
      Number(
        (
          await p.database.db
            .selectFrom('grid_staff')
            .select((eb) => eb.fn.countAll<number | string>().as('n'))
            .where('grid_id', '=', id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await staffCount();
    const users = await p.database.db.selectFrom('app_user').select(['id', 'username']).execute();
    const idOf = (username: string) => users.find((u) => u.username === username)!.id;
    for (const userId of ['no-such-account', idOf('shigang')]) {
      const refused = await jinsha.request('POST', `/api/grids/${id}/staff`, {
        name: '张网格',
        role: 'worker',
        userId,
      });
      assert.equal(refused.status, 400, JSON.stringify(refused.body));
      assert.equal(refused.body.code, 'request.invalid');
    }
    assert.equal(await staffCount(), before, 'a refused link writes nothing');
    const linked = await jinsha.request('POST', `/api/grids/${id}/staff`, {
      name: '东市网格员',
      role: 'worker',
      userId: idOf('dongshi'),
    });
    assert.equal(linked.status, 200, JSON.stringify(linked.body));
    assert.equal(await staffCount(), before + 1);
    const staffId = (linked.body.item as { id: string }).id;
    const removed = await jinsha.request('DELETE', `/api/grids/${id}/staff/${staffId}`);
    assert.equal(removed.status, 204, JSON.stringify(removed.body));
    const detail = await jinsha.request('GET', `/api/grids/${id}`);
    const staff = (detail.body.item as { staff: { id: string }[] }).staff;
    assert.ok(!staff.some((x) => x.id === staffId), 'the removed worker leaves the grid');
  });

  it('as the district command, an unknown or malformed account id is refused, never a 500 (a miss of the fuzz run)', async () => {
    // The fuzz sent POST /api/grids/:id/staff as districtCommand with a userId naming no account: the insert broke
    // grid_staff's foreign key to app_user and answered 500. The account is now looked up first.
    const qzh = await loginAs(p.app, 'qzh');
    const list = await qzh.request('GET', `/api/grids?orgId=${dongshiId}`);
    const id = (list.body.items as { id: string }[])[0]!.id;
    const before = await p.database.db
      .selectFrom('grid_staff')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    for (const userId of ['01m00000000000000000', 'no-such-account', '__proto__', '\u0000', 'x'.repeat(64)]) {
      const refused = await qzh.request('POST', `/api/grids/${id}/staff`, {
        name: '区网格员',
        role: 'leader',
        userId,
      });
      assert.equal(refused.status, 400, `${userId}: ${JSON.stringify(refused.body)}`);
      assert.equal(refused.body.code, 'request.invalid');
    }
    const after = await p.database.db
      .selectFrom('grid_staff')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(after.n, before.n, 'a refused link writes nothing');
  });
});
