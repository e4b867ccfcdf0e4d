// Checks that an untrusted GeoJSON geometry is a usable grid polygon: shape, closed rings, coordinate ranges, no self-intersections.
import Flatbush from 'flatbush';
import { msg, type Message } from '../platform/i18n.js';
import type { GridGeometry, Position, Ring } from './geometry.js';

export type GeometryProblem = { code: string; message: Message };

const problem = (code: string, zh: string, en: string): GeometryProblem => ({ code, message: msg(zh, en) });

const isPosition = (value: unknown): value is Position =>
  Array.isArray(value) &&
  (value.length === 2 || value.length === 3) &&
  value.every((n) => typeof n === 'number' && Number.isFinite(n));

/** Returns the geometry (2-D, as given) when valid, or the problems found. */
export function validateGeometry(
  value: unknown,
): { geometry: GridGeometry; problems: [] } | { geometry: null; problems: GeometryProblem[] } {
  const problems: GeometryProblem[] = [];
  if (typeof value !== 'object' || value === null) {
    return {
      geometry: null,
      problems: [problem('geometry.missing', '缺少几何图形', 'The geometry is missing')],
    };
  }
  const g = value as { type?: unknown; coordinates?: unknown };
  let polygonsRaw: unknown[];
  if (g.type === 'Polygon') {
    polygonsRaw = [g.coordinates];
  } else if (g.type === 'MultiPolygon' && Array.isArray(g.coordinates)) {
    polygonsRaw = g.coordinates;
  } else {
    return {
      geometry: null,
      problems: [
        problem(
          'geometry.type',
          '几何类型须为 Polygon 或 MultiPolygon',
          'The geometry must be a Polygon or MultiPolygon',
        ),
      ],
    };
  }
  if (polygonsRaw.length === 0) {
    problems.push(problem('geometry.empty', '几何图形为空', 'The geometry is empty'));
  }
  const polygons: Ring[][] = [];
  for (const polygonRaw of polygonsRaw) {
    if (!Array.isArray(polygonRaw) || polygonRaw.length === 0) {
      problems.push(problem('geometry.empty', '几何图形为空', 'The geometry is empty'));
      continue;
    }
    const rings: Ring[] = [];
    for (const ringRaw of polygonRaw as unknown[]) {
      if (!Array.isArray(ringRaw) || !ringRaw.every(isPosition)) {
        problems.push(
          problem('geometry.coordinate', '坐标不是有效的数字对', 'A coordinate is not a pair of numbers'),
        );
        continue;
      }
      const ring: Ring = ringRaw.map((p) => [p[0], p[1]]);
      if (ring.some(([lng, lat]) => lng < -180 || lng > 180 || lat < -90 || lat > 90)) {
        problems.push(
          problem(
            'geometry.range',
            '坐标超出经纬度范围',
            'A coordinate is outside the longitude/latitude range',
          ),
        );
        continue;
      }
      if (ring.length < 4) {
        problems.push(
          problem('geometry.too_few_points', '环至少需要 4 个点', 'A ring needs at least 4 positions'),
        );
        continue;
      }
      const first = ring[0]!;
      const last = ring.at(-1)!;
      if (first[0] !== last[0] || first[1] !== last[1]) {
        problems.push(
          problem(
            'geometry.ring_open',
            '环未闭合（首尾点不同）',
            'A ring is not closed (first and last positions differ)',
          ),
        );
        continue;
      }
      rings.push(ring);
    }
    if (rings.length > 0) {
      polygons.push(rings);
    }
  }
  if (problems.length > 0) {
    return { geometry: null, problems };
  }
  const allRings = polygons.flat();
  if (hasSelfIntersection(allRings)) {
    problems.push(problem('geometry.self_intersection', '多边形自相交', 'The polygon intersects itself'));
  }
  if (allRings.some((ring) => Math.abs(signedArea(ring)) === 0)) {
    problems.push(problem('geometry.zero_area', '多边形面积为零', 'A ring has no area'));
  }
  if (problems.length > 0) {
    return { geometry: null, problems };
  }
  const geometry: GridGeometry =
    polygons.length === 1
      ? { type: 'Polygon', coordinates: polygons[0]! }
      : { type: 'MultiPolygon', coordinates: polygons };
  return { geometry, problems: [] };
}

function signedArea(ring: Ring): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    s += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  }
  return s / 2;
}

const orient = (a: Position, b: Position, c: Position): number => {
  const v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
};
const onSegment = (a: Position, b: Position, p: Position): boolean =>
  Math.min(a[0], b[0]) <= p[0] &&
  p[0] <= Math.max(a[0], b[0]) &&
  Math.min(a[1], b[1]) <= p[1] &&
  p[1] <= Math.max(a[1], b[1]);

function segmentsIntersect(a: Position, b: Position, c: Position, d: Position): boolean {
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  if (o1 !== o2 && o3 !== o4) {
    return true;
  }
  return (
    (o1 === 0 && onSegment(a, b, c)) ||
    (o2 === 0 && onSegment(a, b, d)) ||
    (o3 === 0 && onSegment(c, d, a)) ||
    (o4 === 0 && onSegment(c, d, b))
  );
}

/** Any two edges of the rings that meet, other than consecutive edges of one ring at their shared vertex. */
function hasSelfIntersection(rings: Ring[]): boolean {
  type Seg = { ring: number; i: number; n: number; a: Position; b: Position };
  const segs: Seg[] = [];
  rings.forEach((ring, r) => {
    for (let i = 0; i + 1 < ring.length; i++) {
      segs.push({ ring: r, i, n: ring.length - 1, a: ring[i]!, b: ring[i + 1]! });
    }
  });
  const tree = new Flatbush(Math.max(segs.length, 1));
  for (const s of segs) {
    tree.add(
      Math.min(s.a[0], s.b[0]),
      Math.min(s.a[1], s.b[1]),
      Math.max(s.a[0], s.b[0]),
      Math.max(s.a[1], s.b[1]),
    );
  }
  if (segs.length === 0) {
    tree.add(0, 0, 0, 0);
  }
  tree.finish();
  for (let k = 0; k < segs.length; k++) {
    const s = segs[k]!;
    const hits = tree.search(
      Math.min(s.a[0], s.b[0]),
      Math.min(s.a[1], s.b[1]),
      Math.max(s.a[0], s.b[0]),
      Math.max(s.a[1], s.b[1]),
    );
    for (const j of hits) {
      if (j <= k) {
        continue;
      }
      const t = segs[j]!;
      const isAdjacent = s.ring === t.ring && (t.i === s.i + 1 || (s.i === 0 && t.i === s.n - 1));
      if (isAdjacent) {
        // Consecutive edges share one vertex; they only conflict when they fold back over each other.
        if (orient(s.a, s.b, t.b) === 0 && !(s.i === 0 && t.i === s.n - 1) && onSegment(s.a, s.b, t.b)) {
          return true;
        }
        continue;
      }
      if (segmentsIntersect(s.a, s.b, t.a, t.b)) {
        return true;
      }
    }
  }
  return false;
}
