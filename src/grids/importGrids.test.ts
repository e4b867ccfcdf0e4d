// GeoJSON import: broken files are reported feature by feature and change nothing; a good file round-trips.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loginAs, startTestPlatform, type Session, type TestPlatform } from '../testing/testPlatform.js';
import { rect } from './testing.js';

const feature = (code: unknown, geometry: unknown, properties: Record<string, unknown> = {}) => ({
  type: 'Feature',
  properties: { code, ...properties },
  geometry,
});
const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

describe('grid import and export', () => {
  let p: TestPlatform;
  let town: Session;
  const count = async () =>
    Number(
      (
        await p.database.db
          .selectFrom('grid')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const audits = async () =>
    Number(
      (
        await p.database.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('action', '=', 'grid.import')
          .executeTakeFirstOrThrow()
      ).n,
    );

  before(async () => {
    p = await startTestPlatform();
    town = await loginAs(p.app, 'jinsha');
  });
  after(async () => {
    await p.close();
  });

  it('reports every broken feature and imports nothing', async () => {
    const good = feature('320612001001001', rect(121.0, 32.0, 121.01, 32.01));
    const cases: [string, unknown, RegExp][] = [
      [
        'open ring',
        feature('320612001001002', {
          type: 'Polygon',
          coordinates: [
            [
              [121.1, 32],
              [121.2, 32],
              [121.2, 32.1],
              [121.1, 32.1],
            ],
          ],
        }),
        /未闭合/,
      ],
      [
        'self-intersection',
        feature('320612001001003', {
          type: 'Polygon',
          coordinates: [
            [
              [121.1, 32],
              [121.2, 32.1],
              [121.2, 32],
              [121.1, 32.1],
              [121.1, 32],
            ],
          ],
        }),
        /自相交/,
      ],
      ['out of range', feature('320612001001004', rect(181, 32, 182, 33)), /超出/],
      [
        'not numbers',
        feature('320612001001005', {
          type: 'Polygon',
          coordinates: [
            [
              ['a', 1],
              [2, 2],
              [3, 3],
              ['a', 1],
            ],
          ],
        }),
        /数字/,
      ],
      [
        'wrong type',
        feature('320612001001006', {
          type: 'LineString',
          coordinates: [
            [121, 32],
            [121.1, 32],
          ],
        }),
        /Polygon/,
      ],
      ['bad code', feature('32061200100100', rect(121.3, 32.3, 121.31, 32.31)), /15 位/],
      ['unknown village', feature('320612999999001', rect(121.3, 32.3, 121.31, 32.31)), /不存在/],
      ['another town', feature('320612110001001', rect(121.3, 32.3, 121.31, 32.31)), /不存在或不在/],
      ['overlap in file', feature('320612001001007', rect(121.005, 32.005, 121.02, 32.02)), /重叠/],
      ['duplicate code', feature('320612001001001', rect(121.4, 32.4, 121.41, 32.41)), /重复/],
      [
        'bad sub-type',
        feature('320612001001008', rect(121.5, 32.5, 121.51, 32.51), { type: 'dedicated', subType: 'zoo' }),
        /子类型/,
      ],
      ['not a feature', { type: 'Point' }, /Feature/],
    ];
    for (const [label, bad, message] of cases) {
      const res = await town.request('POST', '/api/grids/import', { file: fc(good, bad) });
      assert.equal(res.status, 422, label);
      assert.equal(res.body.code, 'import.invalid_file', label);
      const rows = res.body.rows as { index: number; errors: string[] }[];
      assert.match(rows[1]!.errors.join(' '), message, `${label}: ${JSON.stringify(rows[1])}`);
      assert.equal(await count(), 0, `${label} imported nothing`);
    }
    assert.equal(
      (await town.request('POST', '/api/grids/import', { file: { type: 'Topology' } })).body.code,
      'import.invalid_file',
    );
    assert.equal(await audits(), 0);
  });

  it('imports a good file in one go, checks overlaps with stored grids, and exports it back', async () => {
    const dry = await town.request('POST', '/api/grids/import', {
      file: fc(feature('320612001001001', rect(121.0, 32.0, 121.01, 32.01), { name: '东市一网格' })),
      dryRun: true,
    });
    assert.equal(dry.status, 200);
    assert.equal(await count(), 0, 'a dry run writes nothing');
    const res = await town.request('POST', '/api/grids/import', {
      file: fc(
        feature('320612001001001', rect(121.0, 32.0, 121.01, 32.01), { name: '东市一网格' }),
        feature('320612001001002', rect(121.01, 32.0, 121.02, 32.01), {
          type: 'dedicated',
          subType: 'school',
          nets: ['partyBuilding', 'workSafety'],
        }),
      ),
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual([res.body.created, res.body.updated], [2, 0]);
    assert.equal(await count(), 2);
    // A later file that overlaps a stored grid is refused as a whole.
    const clash = await town.request('POST', '/api/grids/import', {
      file: fc(feature('320612001002001', rect(121.015, 32.0, 121.03, 32.01))),
    });
    assert.match((clash.body.rows as { errors: string[] }[])[0]!.errors.join(), /320612001001002/);
    assert.equal(await count(), 2);
    // Re-importing a stored code redraws it (a new version), which may then move away from its old place.
    const redraw = await town.request('POST', '/api/grids/import', {
      file: fc(
        feature('320612001001002', rect(121.01, 32.0, 121.025, 32.01), {
          type: 'dedicated',
          subType: 'school',
        }),
      ),
    });
    assert.deepEqual([redraw.body.created, redraw.body.updated], [0, 1]);

    const exported = await town.request('GET', '/api/grids/export');
    assert.match(String(exported.headers['content-type']), /^application\/geo\+json/);
    const raw = exported.body as {
      type: string;
      features: {
        properties: { code: string; name: string; subType: string | null; villageName: string | null };
      }[];
    };
    assert.equal(raw.type, 'FeatureCollection');
    assert.equal(raw.features[0]!.properties.villageName, '东市社区');
    assert.deepEqual(
      raw.features.map((f) => f.properties.code),
      ['320612001001001', '320612001001002'],
    );
    assert.equal(raw.features[0]!.properties.name, '东市一网格');
    assert.equal(raw.features[1]!.properties.subType, 'school');
    // Exported files import again unchanged.
    const back = await town.request('POST', '/api/grids/import', { file: exported.body, dryRun: true });
    assert.deepEqual([back.status, back.body.updated], [200, 2]);
    const shigang = await loginAs(p.app, 'shigang');
    assert.deepEqual((await shigang.request('GET', '/api/grids/export')).body.features, []);
  });
});
