// The coverage validator (无缝覆盖): for a village, town or the district, every gap (outline not covered by any grid)
// and every overlap between two grids, with its area in m² and its geometry. The caller holds 'grid.read'.
import Flatbush from 'flatbush';
import { scopeOf } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { AppError, notFound } from '../platform/errors.js';
import { orgDirectory, type OrgRow } from '../orgs/index.js';
import {
  areaM2,
  bboxOf,
  intersect,
  NOISE_AREA_M2,
  partsOf,
  subtract,
  unionAll,
  type GridGeometry,
  type PolygonGeometry,
} from './geometry.js';
import { gridRepository } from './repository.js';

export type CoverageGap = { areaM2: number; geometry: PolygonGeometry };
export type CoverageOverlap = {
  gridIds: [string, string];
  codes: [string, string];
  areaM2: number;
  geometry: GridGeometry;
};
export type CoverageReport = {
  org: OrgRow;
  hasOutline: boolean;
  outlineAreaM2: number;
  gridCount: number;
  gridAreaM2: number;
  gapAreaM2: number;
  overlapAreaM2: number;
  gaps: CoverageGap[];
  overlaps: CoverageOverlap[];
};

export type CoverageGrid = { id: string; code: string; geometry: GridGeometry };

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** The pure computation, for tests and tools: gaps of the outline and pairwise overlaps of the grids. */
export function measureCoverage(
  outline: GridGeometry | null,
  grids: CoverageGrid[],
): Omit<CoverageReport, 'org' | 'hasOutline'> {
  const overlaps: CoverageOverlap[] = [];
  if (grids.length > 1) {
    const boxes = grids.map((g) => bboxOf(g.geometry));
    const tree = new Flatbush(grids.length);
    for (const b of boxes) {
      tree.add(b.minLng, b.minLat, b.maxLng, b.maxLat);
    }
    tree.finish();
    boxes.forEach((b, i) => {
      for (const j of tree.search(b.minLng, b.minLat, b.maxLng, b.maxLat)) {
        if (j <= i) {
          continue;
        }
        const a = grids[i]!;
        const c = grids[j]!;
        const shared = intersect(a.geometry, c.geometry);
        const area = areaM2(shared);
        if (shared !== null && area > NOISE_AREA_M2) {
          const [first, second] = a.code < c.code ? [a, c] : [c, a];
          overlaps.push({
            gridIds: [first.id, second.id],
            codes: [first.code, second.code],
            areaM2: round2(area),
            geometry: shared,
          });
        }
      }
    });
  }
  overlaps.sort((x, y) => (x.codes[0] + x.codes[1] < y.codes[0] + y.codes[1] ? -1 : 1));
  const gridAreaM2 = grids.reduce((sum, g) => sum + areaM2(g.geometry), 0);
  const gaps: CoverageGap[] =
    outline === null
      ? []
      : partsOf(subtract(outline, unionAll(grids.map((g) => g.geometry))))
          .map((geometry) => ({ geometry, areaM2: round2(areaM2(geometry)) }))
          .filter((g) => g.areaM2 > NOISE_AREA_M2)
          .sort((x, y) => y.areaM2 - x.areaM2);
  return {
    outlineAreaM2: round2(areaM2(outline)),
    gridCount: grids.length,
    gridAreaM2: round2(gridAreaM2),
    gapAreaM2: round2(gaps.reduce((s, g) => s + g.areaM2, 0)),
    overlapAreaM2: round2(overlaps.reduce((s, o) => s + o.areaM2, 0)),
    gaps,
    overlaps,
  };
}

export async function checkCoverage(
  database: Database,
  ctx: RequestContext,
  orgId: string,
): Promise<CoverageReport> {
  if (ctx.actor.kind !== 'user') {
    throw new AppError('auth.required');
  }
  const scope = scopeOf(ctx.actor);
  const org = await orgDirectory(database.db, database.dialect).findById(scope, orgId);
  if (org === undefined) {
    throw notFound();
  }
  if (!['district', 'town', 'village'].includes(org.level)) {
    throw new AppError('request.invalid', {
      errors: [{ field: 'orgId', message: 'a district, town or village' }],
    });
  }
  const repo = gridRepository(database.db);
  const own = await repo.outlineOf(org.id);
  let outline: GridGeometry | null = own === undefined ? null : (JSON.parse(own.geometry) as GridGeometry);
  if (outline === null) {
    // No outline of its own: the union of the village outlines below it.
    const villages = await repo.outlines(scope, 'village', org.path);
    outline = unionAll(villages.map((v) => JSON.parse(v.geometry) as GridGeometry));
  }
  const grids = await repo.withGeometry(scope, { underPath: org.path, status: 'active' });
  const measured = measureCoverage(
    outline,
    grids.map((g) => ({ id: g.id, code: g.code, geometry: JSON.parse(g.geometry) as GridGeometry })),
  );
  return { org, hasOutline: outline !== null, ...measured };
}
