// The in-process point → grid index: a flatbush R-tree over grid bounding boxes, then the exact test of pointInGrid.
import Flatbush from 'flatbush';
import { bboxOf, type GridGeometry } from './geometry.js';
import {
  BOUNDARY_EPS,
  compilePolygon,
  containsPoint,
  isOnBoundary,
  type CompiledPolygon,
} from './pointInGrid.js';

export type GridLocation = { gridId: string; villageId: string; townId: string; code: string };
export type IndexEntry = GridLocation & { geometry: GridGeometry };

export type GridIndex = {
  readonly size: number;
  /** The grid that contains the WGS-84 point, by the edge rule of pointInGrid.ts; null outside every grid. */
  locate(lng: number, lat: number): GridLocation | null;
  /** The same answer by testing every grid: the reference for tests and the benchmark. */
  locateBruteForce(lng: number, lat: number): GridLocation | null;
  /** Also every grid, but skipping those whose bounding box misses the point: a faster reference for long checks. */
  locateLinear(lng: number, lat: number): GridLocation | null;
};

const NONE = 0x7fffffff;

export function buildGridIndex(entries: readonly IndexEntry[]): GridIndex {
  // Position in this order is the tie-break: the lowest code wins.
  const sorted = [...entries].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const locations: GridLocation[] = sorted.map(({ gridId, villageId, townId, code }) => ({
    gridId,
    villageId,
    townId,
    code,
  }));
  const polygons: CompiledPolygon[] = sorted.map((e) => compilePolygon(e.geometry));
  if (sorted.length === 0) {
    return { size: 0, locate: () => null, locateBruteForce: () => null, locateLinear: () => null };
  }
  const tree = new Flatbush(sorted.length);
  const boxes = new Float64Array(sorted.length * 4);
  sorted.forEach((entry, i) => {
    const b = bboxOf(entry.geometry);
    tree.add(b.minLng, b.minLat, b.maxLng, b.maxLat);
    boxes.set([b.minLng, b.minLat, b.maxLng, b.maxLat], i * 4);
  });
  tree.finish();

  // One filter closure for all queries; it keeps the best hit instead of collecting results.
  let qx = 0;
  let qy = 0;
  let best = NONE;
  const inside = (i: number): boolean => {
    if (i < best && containsPoint(polygons[i]!, qx, qy)) {
      best = i;
    }
    return false;
  };
  const onEdge = (i: number): boolean => {
    if (i < best && isOnBoundary(polygons[i]!, qx, qy)) {
      best = i;
    }
    return false;
  };

  return {
    size: sorted.length,
    locate(lng, lat) {
      qx = lng;
      qy = lat;
      best = NONE;
      tree.search(lng, lat, lng, lat, inside);
      if (best === NONE) {
        tree.search(lng - BOUNDARY_EPS, lat - BOUNDARY_EPS, lng + BOUNDARY_EPS, lat + BOUNDARY_EPS, onEdge);
      }
      return best === NONE ? null : locations[best]!;
    },
    locateBruteForce(lng, lat) {
      for (let i = 0; i < polygons.length; i++) {
        if (containsPoint(polygons[i]!, lng, lat)) {
          return locations[i]!;
        }
      }
      for (let i = 0; i < polygons.length; i++) {
        if (isOnBoundary(polygons[i]!, lng, lat)) {
          return locations[i]!;
        }
      }
      return null;
    },
    locateLinear(lng, lat) {
      const e = BOUNDARY_EPS;
      const near = (i: number, pad: number) =>
        lng >= boxes[i * 4]! - pad &&
        lat >= boxes[i * 4 + 1]! - pad &&
        lng <= boxes[i * 4 + 2]! + pad &&
        lat <= boxes[i * 4 + 3]! + pad;
      for (let i = 0; i < polygons.length; i++) {
        if (near(i, 0) && containsPoint(polygons[i]!, lng, lat)) {
          return locations[i]!;
        }
      }
      for (let i = 0; i < polygons.length; i++) {
        if (near(i, e) && isOnBoundary(polygons[i]!, lng, lat)) {
          return locations[i]!;
        }
      }
      return null;
    },
  };
}
