// Generates the demo grid layer: towns, villages and grids as nested Voronoi cells clipped to the real district
// outline, so grids tile each village, villages tile each town and towns tile the district, with no gap and no overlap.
import { Delaunay } from 'd3-delaunay';
import Flatbush from 'flatbush';
import {
  bboxOf,
  COORD_DIGITS,
  fromPolygons,
  intersect,
  polygonsOf,
  roundGeometry,
  type GridGeometry,
  type PolygonGeometry,
  type Position,
  type Ring,
  compilePolygon,
  containsPoint,
} from '../grids/index.js';
import { seededRandom } from './chineseNames.js';

export { seededRandom };

export type LayerInput = {
  seed: number;
  outline: GridGeometry;
  towns: { code: string; villages: { code: string; isCommunity: boolean }[] }[];
  targetGrids: number;
};

export type GeneratedGrid = {
  villageCode: string;
  code: string;
  /** 1-based sequence inside the village. */
  sequence: number;
  geometry: GridGeometry;
  /** A point inside the grid (its generating seed), for placing things in it. */
  seedPoint: Position;
};

export type GridLayer = {
  outline: GridGeometry;
  towns: { code: string; geometry: GridGeometry }[];
  villages: { code: string; geometry: GridGeometry }[];
  grids: GeneratedGrid[];
};

/** Rough real positions of the town seats, so the demo towns sit about where they are. */
const TOWN_SEATS: Record<string, Position> = {
  '320612001': [121.075, 32.075],
  '320612002': [120.98, 32.08],
  '320612003': [120.98, 32.0],
  '320612004': [121.11, 32.04],
  '320612101': [120.97, 32.14],
  '320612102': [121.2, 32.18],
  '320612103': [121.15, 32.12],
  '320612104': [121.33, 32.12],
  '320612107': [121.1, 32.2],
  '320612110': [120.95, 32.22],
  '320612112': [120.85, 32.18],
  '320612114': [120.78, 32.1],
  '320612116': [120.8, 31.97],
  '320612117': [120.9, 32.07],
  '320612119': [121.05, 31.93],
  '320612120': [121.16, 32.0],
  '320612401': [121.26, 32.03],
};

/** k well-spread points inside the area (Mitchell's best candidate), starting from the given points. */
function spreadPoints(
  area: GridGeometry,
  k: number,
  random: () => number,
  fixed: Position[] = [],
): Position[] {
  const compiled = compilePolygon(area);
  const box = bboxOf(area);
  const sample = (): Position => {
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const x = box.minLng + random() * (box.maxLng - box.minLng);
      const y = box.minLat + random() * (box.maxLat - box.minLat);
      if (containsPoint(compiled, x, y)) {
        return [x, y];
      }
    }
    return polygonsOf(area)[0]![0]![0]!;
  };
  const points: Position[] = fixed.filter(([x, y]) => containsPoint(compiled, x, y));
  while (points.length < k) {
    let best: Position | null = null;
    let bestDistance = -1;
    for (let c = 0; c < 12; c++) {
      const candidate = sample();
      let nearest = Infinity;
      for (const p of points) {
        nearest = Math.min(nearest, (p[0] - candidate[0]) ** 2 + (p[1] - candidate[1]) ** 2);
      }
      if (nearest > bestDistance) {
        bestDistance = nearest;
        best = candidate;
      }
    }
    points.push(best!);
  }
  return points.slice(0, k);
}

/** Voronoi cells of the points, clipped to the area: they tile it. A cell wholly inside is kept without clipping. */
function tile(area: GridGeometry, points: Position[]): GridGeometry[] {
  if (points.length === 1) {
    return [area];
  }
  const box = bboxOf(area);
  const pad = 1e-3;
  const voronoi = Delaunay.from(points).voronoi([
    box.minLng - pad,
    box.minLat - pad,
    box.maxLng + pad,
    box.maxLat + pad,
  ]);
  const compiled = compilePolygon(area);
  const areaVertices = polygonsOf(area).flat(2);
  const vertexTree = new Flatbush(areaVertices.length);
  for (const [x, y] of areaVertices) {
    vertexTree.add(x, y, x, y);
  }
  vertexTree.finish();
  return points
    .map((_, i) => {
      const ring = voronoi.cellPolygon(i) as unknown as Ring | null;
      if (ring === null) {
        return null;
      }
      const cell: PolygonGeometry = { type: 'Polygon', coordinates: [ring.map(([x, y]) => [x, y])] };
      const cb = bboxOf(cell);
      const isInside =
        ring.every(([x, y]) => containsPoint(compiled, x, y)) &&
        vertexTree.search(cb.minLng, cb.minLat, cb.maxLng, cb.maxLat).length === 0;
      return isInside ? cell : intersect(cell, area);
    })
    .filter((g): g is GridGeometry => g !== null);
}

/** Splits total into parts proportional to the weights (largest remainder), each at least min. */
function apportion(weights: number[], total: number, min: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => Math.max(min, (w / sum) * total));
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ i, frac: r - Math.floor(r) })).sort((a, b) => b.frac - a.frac);
  for (const { i } of order) {
    if (left <= 0) {
      break;
    }
    out[i]! += 1;
    left -= 1;
  }
  return out;
}

/**
 * Inserts into every edge the vertices of other grids that lie on it, so neighbours share exactly the same
 * vertices along their common boundary (no T-junctions): point location and coverage then agree to the bit.
 */
export function conformGrids(
  geometries: GridGeometry[],
  tolerance = 1.5 * 10 ** -COORD_DIGITS,
): GridGeometry[] {
  const unique = new Map<string, Position>();
  for (const g of geometries) {
    for (const p of polygonsOf(g).flat(2)) {
      unique.set(`${p[0]},${p[1]}`, p);
    }
  }
  const vertices = [...unique.values()];
  const tree = new Flatbush(Math.max(vertices.length, 1));
  for (const [x, y] of vertices) {
    tree.add(x, y, x, y);
  }
  if (vertices.length === 0) {
    tree.add(0, 0, 0, 0);
  }
  tree.finish();
  const fixRing = (ring: Ring): Ring => {
    const out: Ring = [];
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i]!;
      const b = ring[i + 1]!;
      out.push(a);
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const len2 = dx * dx + dy * dy;
      if (len2 === 0) {
        continue;
      }
      const hits = tree
        .search(
          Math.min(a[0], b[0]) - tolerance,
          Math.min(a[1], b[1]) - tolerance,
          Math.max(a[0], b[0]) + tolerance,
          Math.max(a[1], b[1]) + tolerance,
        )
        .map((j) => vertices[j]!)
        .filter((v) => (v[0] !== a[0] || v[1] !== a[1]) && (v[0] !== b[0] || v[1] !== b[1]))
        .map((v) => {
          const t = ((v[0] - a[0]) * dx + (v[1] - a[1]) * dy) / len2;
          const d2 = (a[0] + t * dx - v[0]) ** 2 + (a[1] + t * dy - v[1]) ** 2;
          return { v, t, d2 };
        })
        .filter((h) => h.t > 0 && h.t < 1 && h.d2 <= tolerance * tolerance)
        .sort((p, q) => p.t - q.t);
      for (const h of hits) {
        out.push(h.v);
      }
    }
    out.push(ring[0]!);
    return out;
  };
  return geometries.map((g) => fromPolygons(polygonsOf(g).map((polygon) => polygon.map(fixRing))) ?? g);
}

export function generateGridLayer(input: LayerInput): GridLayer {
  const random = seededRandom(input.seed);
  const outline = roundGeometry(input.outline);

  const townSeeds = spreadPoints(
    outline,
    input.towns.length,
    random,
    input.towns.map((t) => TOWN_SEATS[t.code] ?? [NaN, NaN]),
  );
  // spreadPoints drops seats that fall outside the outline and appends new points at the end; keep the order stable.
  const townCells = tile(outline, townSeeds);

  const allVillages = input.towns.flatMap((t) => t.villages);
  const gridCounts = apportion(
    allVillages.map((v) => (v.isCommunity ? 1.6 : 1)),
    input.targetGrids,
    2,
  );
  const countOf = new Map(allVillages.map((v, i) => [v.code, gridCounts[i]!]));

  const towns: GridLayer['towns'] = [];
  const villages: GridLayer['villages'] = [];
  const rawGrids: Omit<GeneratedGrid, 'geometry'>[] = [];
  const rawGeometries: GridGeometry[] = [];
  input.towns.forEach((town, ti) => {
    const townArea = roundGeometry(townCells[ti]!);
    towns.push({ code: town.code, geometry: townArea });
    const villageCells = tile(townArea, spreadPoints(townArea, town.villages.length, random));
    town.villages.forEach((village, vi) => {
      const villageArea = roundGeometry(villageCells[vi]!);
      villages.push({ code: village.code, geometry: villageArea });
      const seeds = spreadPoints(villageArea, countOf.get(village.code) ?? 2, random);
      const cells = tile(villageArea, seeds);
      cells.forEach((cell, gi) => {
        const sequence = gi + 1;
        rawGrids.push({
          villageCode: village.code,
          code: `${village.code}${String(sequence).padStart(3, '0')}`,
          sequence,
          seedPoint: seeds[gi]!,
        });
        rawGeometries.push(roundGeometry(cell));
      });
    });
  });
  // Outlines take part too, so an outline and the grids inside it share every vertex on their common edges.
  const conformed = conformGrids([
    ...rawGeometries,
    ...villages.map((v) => v.geometry),
    ...towns.map((t) => t.geometry),
    outline,
  ]);
  const at = (i: number) => conformed[i]!;
  const nGrids = rawGeometries.length;
  const nVillages = villages.length;
  return {
    outline: at(conformed.length - 1),
    towns: towns.map((t, i) => ({ ...t, geometry: at(nGrids + nVillages + i) })),
    villages: villages.map((v, i) => ({ ...v, geometry: at(nGrids + i) })),
    grids: rawGrids.map((g, i) => ({ ...g, geometry: at(i) })),
  };
}
