// The geometry of the console's static SVG maps (no tiles, no pan-and-zoom): a polygon's rings, an equirectangular
// projection fitted to a set of rings, and a polygon as an SVG path in that projection.
import type { Geometry } from '../grids/api';

export type Ring = number[][];

export const ringsOf = (g: Geometry): Ring[] => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat());

export type Projection = { project: (p: number[]) => [number, number]; width: number; height: number };

/** The width of every drawing in SVG units; the height follows the area's shape. */
const WIDTH = 1000;

/** An equirectangular projection fitted to the rings (lengths shrink with the cosine of the latitude). */
export const projectionOf = (rings: readonly Ring[]): Projection | null => {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const ring of rings) {
    for (const [x = 0, y = 0] of ring) {
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  }
  if (!Number.isFinite(minX) || maxX <= minX || maxY <= minY) {
    return null;
  }
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const scale = WIDTH / ((maxX - minX) * k);
  const height = Math.max(1, (maxY - minY) * scale);
  return {
    project: ([x = 0, y = 0]) => [(x - minX) * k * scale, (maxY - y) * scale],
    width: WIDTH,
    height,
  };
};

export const pathOf = (g: Geometry, projection: Projection): string =>
  ringsOf(g)
    .map(
      (ring) =>
        `M${ring
          .map((p) => {
            const [x, y] = projection.project(p);
            return `${x.toFixed(1)} ${y.toFixed(1)}`;
          })
          .join('L')}Z`,
    )
    .join('');

/** The viewBox of a drawing in the projection, with a margin around it. */
export const viewBoxOf = (projection: Projection, pad = 8): string =>
  `${-pad} ${-pad} ${projection.width + 2 * pad} ${projection.height + 2 * pad}`;
