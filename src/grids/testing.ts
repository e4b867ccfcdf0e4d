// Test builders of the grid module: the generated demo layer, crafted squares, and stored grids.
import divisions from '../platform/reference-data/tongzhou-divisions.json' with { type: 'json' };
import { generateGridLayer, type GridLayer } from '../demo/generateGrids.js';
import { districtOutline } from '../demo/seedGrids.js';
import type { PolygonGeometry } from './geometry.js';

type Divisions = { towns: { code: string; villages: { code: string; name: string }[] }[] };

export function demoLayer(seed = 1, targetGrids = 2000): GridLayer {
  return generateGridLayer({
    seed,
    outline: districtOutline(),
    targetGrids,
    towns: (divisions as Divisions).towns.map((t) => ({
      code: t.code,
      villages: t.villages.map((v) => ({ code: v.code, isCommunity: v.name.includes('社区') })),
    })),
  });
}

/** An axis-aligned rectangle in degrees. */
export function rect(minLng: number, minLat: number, maxLng: number, maxLat: number): PolygonGeometry {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [minLng, minLat],
        [maxLng, minLat],
        [maxLng, maxLat],
        [minLng, maxLat],
        [minLng, minLat],
      ],
    ],
  };
}
