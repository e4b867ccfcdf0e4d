// Benchmark of the point → grid index: lookups per second on one core for 2,000 and 20,000 grids, against
// brute force, with every answer checked. Run: node --import tsx bench/pointToGrid.ts (npm run bench uses measurePointToGrid).
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { seededRandom } from '../src/demo/generateGrids.js';
import { buildGridIndex, type GridIndex, bboxOf } from '../src/grids/index.js';
import { demoLayer } from '../src/grids/testing.js';

const POINTS = 1_000_000;
const BRUTE_POINTS = 5_000;

export type PointToGridRow = {
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

/** The layer and random points a measurement uses, so PostGIS can be asked the same questions. */
export function pointToGridInputs(target: number, n: number) {
  const layer = demoLayer(1, target);
  return { layer, points: points(n, 99, bboxOf(layer.outline)) };
}

/** Index against brute force on the same points; `checkAll` also checks every point against the linear scan. */
export function measurePointToGrid(
  target: number,
  options: { points: number; brutePoints: number; checkAll: boolean } = {
    points: POINTS,
    brutePoints: BRUTE_POINTS,
    checkAll: true,
  },
): PointToGridRow {
  const { layer, points: pts } = pointToGridInputs(target, options.points);
  const index = buildGridIndex(
    layer.grids.map((g) => ({
      gridId: g.code,
      villageId: g.villageCode,
      townId: '',
      code: g.code,
      geometry: g.geometry,
    })),
  );
  // Warm up, then measure.
  timeLookups(Math.min(100_000, options.points), pts, (x, y) => index.locate(x, y));
  const fast = timeLookups(options.points, pts, (x, y) => index.locate(x, y));
  const brute = timeLookups(options.brutePoints, pts, (x, y) => index.locateBruteForce(x, y));
  let mismatches = 0;
  for (let i = 0; i < options.brutePoints; i++) {
    if (brute.answers[i] !== fast.answers[i]) {
      mismatches += 1;
    }
  }
  // Every point of the run, against the linear scan that tests every grid (bounding box, then the polygon).
  for (let i = 0; options.checkAll && i < options.points; i++) {
    if ((index.locateLinear(pts[2 * i]!, pts[2 * i + 1]!)?.gridId ?? null) !== fast.answers[i]) {
      mismatches += 1;
    }
  }
  return {
    grids: index.size,
    indexPerSec: Math.round(fast.perSec),
    brutePerSec: Math.round(brute.perSec),
    speedup: Math.round(fast.perSec / brute.perSec),
    checked: options.checkAll ? options.points : options.brutePoints,
    mismatches,
  };
}

function main(): void {
  const rows = [measurePointToGrid(2_000), measurePointToGrid(20_000)];
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
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main();
}
