// Grid geometry in WGS-84 GeoJSON: shapes, bounding boxes, geodesic areas, and clipping through polyclip-ts.
import turfArea from '@turf/area';
import * as clip from 'polyclip-ts';

export type Position = [number, number];
export type Ring = Position[];
export type PolygonGeometry = { type: 'Polygon'; coordinates: Ring[] };
export type MultiPolygonGeometry = { type: 'MultiPolygon'; coordinates: Ring[][] };
export type GridGeometry = PolygonGeometry | MultiPolygonGeometry;
export type BBox = { minLng: number; minLat: number; maxLng: number; maxLat: number };

/** Pieces smaller than this are rounding noise of the clipping arithmetic, not real gaps or overlaps. */
export const NOISE_AREA_M2 = 1;

/** Coordinates are kept to 7 decimals (about 1 cm), so neighbours that share a vertex share it exactly. */
export const COORD_DIGITS = 7;

export function polygonsOf(geometry: GridGeometry): Ring[][] {
  switch (geometry.type) {
    case 'Polygon':
      return [geometry.coordinates];
    case 'MultiPolygon':
      return geometry.coordinates;
  }
}

export function bboxOf(geometry: GridGeometry): BBox {
  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  let maxLat = -Infinity;
  for (const polygon of polygonsOf(geometry)) {
    for (const ring of polygon) {
      for (const [lng, lat] of ring) {
        minLng = Math.min(minLng, lng);
        maxLng = Math.max(maxLng, lng);
        minLat = Math.min(minLat, lat);
        maxLat = Math.max(maxLat, lat);
      }
    }
  }
  return { minLng, minLat, maxLng, maxLat };
}

export const bboxesTouch = (a: BBox, b: BBox): boolean =>
  a.minLng <= b.maxLng && b.minLng <= a.maxLng && a.minLat <= b.maxLat && b.minLat <= a.maxLat;

/** Geodesic area in square metres. */
export function areaM2(geometry: GridGeometry | null): number {
  return geometry === null ? 0 : turfArea(geometry);
}

const round = (value: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/** Rounds every coordinate and drops vertices that became repeats; rings stay closed. */
export function roundGeometry(geometry: GridGeometry, digits = COORD_DIGITS): GridGeometry {
  const polygons = polygonsOf(geometry)
    .map((polygon) =>
      polygon
        .map((ring) => {
          const out: Ring = [];
          for (const [lng, lat] of ring) {
            const p: Position = [round(lng, digits), round(lat, digits)];
            const last = out.at(-1);
            if (last === undefined || last[0] !== p[0] || last[1] !== p[1]) {
              out.push(p);
            }
          }
          return out;
        })
        .filter((ring) => ring.length >= 4),
    )
    .filter((polygon) => polygon.length > 0);
  return fromPolygons(polygons) ?? geometry;
}

/** A Polygon when there is one part, a MultiPolygon for several, null for none. */
export function fromPolygons(polygons: Ring[][]): GridGeometry | null {
  if (polygons.length === 0) {
    return null;
  }
  if (polygons.length === 1) {
    return { type: 'Polygon', coordinates: polygons[0]! };
  }
  return { type: 'MultiPolygon', coordinates: polygons };
}

const asClip = (geometry: GridGeometry): clip.Geom => polygonsOf(geometry);

export function intersect(a: GridGeometry, b: GridGeometry): GridGeometry | null {
  return fromPolygons(clip.intersection(asClip(a), asClip(b)));
}

export function unionAll(geometries: GridGeometry[]): GridGeometry | null {
  const [first, ...rest] = geometries;
  if (first === undefined) {
    return null;
  }
  return fromPolygons(clip.union(asClip(first), ...rest.map(asClip)));
}

export function subtract(a: GridGeometry, b: GridGeometry | null): GridGeometry | null {
  return b === null ? a : fromPolygons(clip.difference(asClip(a), asClip(b)));
}

/** Splits a geometry into its connected parts, each as a Polygon. */
export function partsOf(geometry: GridGeometry | null): PolygonGeometry[] {
  return geometry === null
    ? []
    : polygonsOf(geometry).map((coordinates) => ({ type: 'Polygon', coordinates }));
}
