// Point → grid: the index against brute force on the generated district, shared edges and vertices, the edge rule.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { GridLayer } from '../demo/generateGrids.js';
import { seededRandom } from '../demo/generateGrids.js';
import { buildGridIndex, type GridIndex } from './gridIndex.js';
import { polygonsOf } from './geometry.js';
import { compilePolygon, containsPoint } from './pointInGrid.js';
import { demoLayer, rect } from './testing.js';

describe('point → grid index', () => {
  let layer: GridLayer;
  let index: GridIndex;
  before(() => {
    layer = demoLayer(1);
    index = buildGridIndex(
      layer.grids.map((g) => ({
        gridId: g.code,
        villageId: g.villageCode,
        townId: '',
        code: g.code,
        geometry: g.geometry,
      })),
    );
  });

  it('agrees with brute force on 100,000 random points, and finds a grid for every point inside the district', () => {
    const random = seededRandom(42);
    const outline = compilePolygon(layer.outline);
    let inside = 0;
    for (let i = 0; i < 100_000; i++) {
      const lng = 120.6 + random() * 0.9;
      const lat = 31.84 + random() * 0.44;
      const fast = index.locate(lng, lat);
      const slow = index.locateBruteForce(lng, lat);
      assert.equal(fast?.gridId ?? null, slow?.gridId ?? null, `point ${lng},${lat}`);
      if (containsPoint(outline, lng, lat)) {
        inside += 1;
        assert.notEqual(fast, null, `no grid for ${lng},${lat} inside the district`);
      }
    }
    assert.ok(inside > 30_000, 'enough points fell inside the district');
  });

  it('puts every point on a shared edge or vertex in exactly one grid, the same one brute force finds', () => {
    // Edges shared by two grids: the same two vertices in both rings.
    const owners = new Map<string, Set<number>>();
    const segments: [number, number, number, number][] = [];
    layer.grids.forEach((g, gi) => {
      for (const ring of polygonsOf(g.geometry).flat()) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const [a, b] = [ring[i]!, ring[i + 1]!];
          const key =
            a[0] < b[0] || (a[0] === b[0] && a[1] < b[1])
              ? `${a.join()}|${b.join()}`
              : `${b.join()}|${a.join()}`;
          const set = owners.get(key) ?? new Set<number>();
          if (set.size === 0) {
            segments.push([a[0], a[1], b[0], b[1]]);
          }
          set.add(gi);
          owners.set(key, set);
        }
      }
    });
    const shared = segments.filter(([ax, ay, bx, by]) => {
      const key = ax < bx || (ax === bx && ay < by) ? `${ax},${ay}|${bx},${by}` : `${bx},${by}|${ax},${ay}`;
      return owners.get(key)!.size === 2;
    });
    assert.ok(shared.length > 5_000, `found ${shared.length} shared edges`);
    const compiled = layer.grids.map((g) => compilePolygon(g.geometry));
    const random = seededRandom(7);
    let checked = 0;
    for (const [ax, ay, bx, by] of shared) {
      for (const t of [0, random(), 0.5]) {
        const x = ax + t * (bx - ax);
        const y = ay + t * (by - ay);
        const claims = compiled.filter((c) => containsPoint(c, x, y)).length;
        if (t > 0) {
          assert.equal(claims, 1, `point ${x},${y} inside a shared edge is claimed by ${claims} grids`);
        } else {
          // A vertex may sit on the district's outer edge, where the boundary fallback decides.
          assert.ok(claims <= 1, `vertex ${x},${y} is claimed by ${claims} grids`);
        }
        const found = index.locate(x, y);
        assert.notEqual(found, null, `no grid for ${x},${y}`);
        assert.equal(found?.gridId, index.locateBruteForce(x, y)?.gridId);
        checked += 1;
        if (checked >= 3_000) {
          return;
        }
      }
    }
  });

  it('documents the rule: on a shared vertical edge the eastern grid wins, on a horizontal one the northern', () => {
    const west = {
      gridId: 'w',
      villageId: 'v',
      townId: 't',
      code: '320612001001002',
      geometry: rect(0, 0, 1, 1),
    };
    const east = {
      gridId: 'e',
      villageId: 'v',
      townId: 't',
      code: '320612001001001',
      geometry: rect(1, 0, 2, 1),
    };
    const north = {
      gridId: 'n',
      villageId: 'v',
      townId: 't',
      code: '320612001001003',
      geometry: rect(0, 1, 2, 2),
    };
    const small = buildGridIndex([west, east, north]);
    assert.equal(small.locate(1, 0.5)?.gridId, 'e');
    assert.equal(small.locate(0.5, 1)?.gridId, 'n');
    assert.equal(small.locate(1, 1)?.gridId, 'n');
    // The outer boundary belongs to the grid it bounds (west edge, south edge, east edge, north edge).
    assert.equal(small.locate(0, 0.5)?.gridId, 'w');
    assert.equal(small.locate(0.5, 0)?.gridId, 'w');
    assert.equal(small.locate(2, 0.5)?.gridId, 'e');
    assert.equal(small.locate(1.5, 2)?.gridId, 'n');
    assert.equal(small.locate(2.5, 0.5), null);
    // Where grids overlap, the lower code wins.
    const overlapping = buildGridIndex([west, { ...east, geometry: rect(0.5, 0, 2, 1) }]);
    assert.equal(overlapping.locate(0.75, 0.5)?.gridId, 'e');
  });
});
