// Point-in-polygon for grids, in flat typed arrays so a lookup allocates nothing.
//
// The edge rule. A point belongs to a grid by the crossing-number test with half-open edges, and every
// edge is evaluated from its lower end to its upper end whichever way the ring runs. Two grids that share
// an edge (the same two vertices) therefore decide a point on that edge identically, and it lands in
// exactly one of them: for a sloping or vertical edge the grid to its east, for a horizontal edge the grid
// to its north. Points that no grid claims by this test but that lie within BOUNDARY_EPS of a grid's
// boundary (the district's outer edge) go to the lowest-coded such grid; if two grids ever claim the same
// point (an overlap that was allowed by override), the lowest code wins.
import { polygonsOf, type GridGeometry } from './geometry.js';

/** About 0.1 mm: how close to an outer edge still counts as on it. */
export const BOUNDARY_EPS = 1e-9;

export type CompiledPolygon = {
  /** x0, y0, x1, y1, … of every ring, each ring closed (its first point repeated at its end). */
  coords: Float64Array;
  /** Where each ring ends in coords (exclusive). */
  ringEnds: Int32Array;
};

export function compilePolygon(geometry: GridGeometry): CompiledPolygon {
  const values: number[] = [];
  const ends: number[] = [];
  for (const polygon of polygonsOf(geometry)) {
    for (const ring of polygon) {
      for (const [x, y] of ring) {
        values.push(x, y);
      }
      const first = ring[0];
      const last = ring.at(-1);
      if (first !== undefined && last !== undefined && (first[0] !== last[0] || first[1] !== last[1])) {
        values.push(first[0], first[1]);
      }
      ends.push(values.length);
    }
  }
  return { coords: Float64Array.from(values), ringEnds: Int32Array.from(ends) };
}

export function containsPoint(polygon: CompiledPolygon, x: number, y: number): boolean {
  const c = polygon.coords;
  const ends = polygon.ringEnds;
  let inside = false;
  let start = 0;
  for (let r = 0; r < ends.length; r++) {
    const end = ends[r]!;
    for (let i = start; i + 3 < end; i += 2) {
      const y1 = c[i + 1]!;
      const y2 = c[i + 3]!;
      // Half-open in y, always from the lower end, so the same edge gives the same answer in every ring.
      if (y1 < y2) {
        if (y >= y1 && y < y2) {
          const x1 = c[i]!;
          if (x < x1 + ((y - y1) * (c[i + 2]! - x1)) / (y2 - y1)) {
            inside = !inside;
          }
        }
      } else if (y2 < y1) {
        if (y >= y2 && y < y1) {
          const x2 = c[i + 2]!;
          if (x < x2 + ((y - y2) * (c[i]! - x2)) / (y1 - y2)) {
            inside = !inside;
          }
        }
      }
    }
    start = end;
  }
  return inside;
}

/** Whether the point is within eps (degrees) of any edge. */
export function isOnBoundary(polygon: CompiledPolygon, x: number, y: number, eps = BOUNDARY_EPS): boolean {
  const c = polygon.coords;
  const ends = polygon.ringEnds;
  let start = 0;
  for (let r = 0; r < ends.length; r++) {
    const end = ends[r]!;
    for (let i = start; i + 3 < end; i += 2) {
      const ax = c[i]!;
      const ay = c[i + 1]!;
      const dx = c[i + 2]! - ax;
      const dy = c[i + 3]! - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
      const px = ax + t * dx - x;
      const py = ay + t * dy - y;
      if (px * px + py * py <= eps * eps) {
        return true;
      }
    }
    start = end;
  }
  return false;
}
