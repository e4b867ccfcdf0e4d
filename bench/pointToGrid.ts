// Benchmark of the point → grid index: lookups per second on one core for 2,000 and 20,000 grids, against
// brute force, with every answer checked. Run: node --import tsx bench/pointToGrid.ts
import { performance } from 'node:perf_hooks';
import { seededRandom } from '../src/demo/generateGrids.js';
import { buildGridIndex, type GridIndex } from '../src/grids/gridIndex.js';
import { bboxOf } from '../src/grids/geometry.js';
import { demoLayer } from '../src/grids/testing.js';

const POINTS = 1_000_000;
const BRUTE_POINTS = 5_000;

type Row = {
  grids: number;
  indexPerSec: number;
  brutePerSec: number;
  speedup: number;
  checked: number;
  mismatches: number;
};

function points(n: number, seed: number, box: ReturnType<typeof bboxOf>): Float64Array {
  const random = seededRandom(seed);
  const out = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    out[2 * i] = box.minLng + random() * (box.maxLng - box.minLng);
    out[2 * i + 1] = box.minLat + random() * (box.maxLat - box.minLat);
  }
  return out;
}

function timeLookups(
  n: number,
  pts: Float64Array,
  locate: GridIndex['locate'],
): { perSec: number; answers: (string | null)[] } {
  const answers: (string | null)[] = new Array<string | null>(n);
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    answers[i] = locate(pts[2 * i]!, pts[2 * i + 1]!)?.gridId ?? null;
  }
  const ms = performance.now() - start;
  return { perSec: (n / ms) * 1000, answers };
}

function run(target: number): Row {
  const layer = demoLayer(1, target);
  const index = buildGridIndex(
    layer.grids.map((g) => ({
      gridId: g.code,
      villageId: g.villageCode,
      townId: '',
      code: g.code,
      geometry: g.geometry,
    })),
  );
  const pts = points(POINTS, 99, bboxOf(layer.outline));
  // Warm up, then measure.
  timeLookups(100_000, pts, (x, y) => index.locate(x, y));
  const fast = timeLookups(POINTS, pts, (x, y) => index.locate(x, y));
  const brute = timeLookups(BRUTE_POINTS, pts, (x, y) => index.locateBruteForce(x, y));
  let mismatches = 0;
  for (let i = 0; i < BRUTE_POINTS; i++) {
    if (brute.answers[i] !== fast.answers[i]) {
      mismatches += 1;
    }
  }
  // Every point of the run, against the linear scan that tests every grid (bounding box, then the polygon).
  for (let i = 0; i < POINTS; i++) {
    if ((index.locateLinear(pts[2 * i]!, pts[2 * i + 1]!)?.gridId ?? null) !== fast.answers[i]) {
      mismatches += 1;
    }
  }
  return {
    grids: index.size,
    indexPerSec: Math.round(fast.perSec),
    brutePerSec: Math.round(brute.perSec),
    speedup: Math.round(fast.perSec / brute.perSec),
    checked: POINTS,
    mismatches,
  };
}

const rows = [run(2_000), run(20_000)];
process.stdout.write('point → grid, one core, random points over the district bounding box\n');
process.stdout.write(
  'grids   index lookups/s   brute force lookups/s   speed-up   points checked   mismatches\n',
);
for (const r of rows) {
  process.stdout.write(
    `${String(r.grids).padStart(6)}   ${String(r.indexPerSec).padStart(15)}   ${String(r.brutePerSec).padStart(21)}   ${String(r.speedup).padStart(7)}×   ${String(r.checked).padStart(14)}   ${String(r.mismatches).padStart(10)}\n`,
  );
}
const ok =
  rows[0]!.indexPerSec >= 1_000_000 &&
  rows[1]!.indexPerSec >= 500_000 &&
  rows.every((r) => r.speedup >= 100 && r.mismatches === 0);
process.stdout.write(
  ok
    ? 'targets met (≥ 1M/s at 2,000, ≥ 500k/s at 20,000, ≥ 100× brute force, same answers)\n'
    : 'TARGETS MISSED\n',
);
process.exitCode = ok ? 0 : 1;
