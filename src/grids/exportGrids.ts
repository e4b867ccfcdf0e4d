// Exports the active grids of a subtree as a GeoJSON FeatureCollection (WGS-84). The caller holds 'grid.read'.
import { scopeOf } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { AppError, notFound } from '../platform/errors.js';
import { orgDirectory } from '../orgs/index.js';
import { gridRepository } from './repository.js';

export type GridFeature = {
  type: 'Feature';
  id: string;
  properties: {
    code: string;
    name: string;
    type: string;
    subType: string | null;
    nets: string[];
    villageCode: string | null;
    villageName: string | null;
  };
  geometry: unknown;
};
export type GridFeatureCollection = { type: 'FeatureCollection'; features: GridFeature[] };

export async function exportGrids(
  database: Database,
  ctx: RequestContext,
  orgId: string | null,
): Promise<GridFeatureCollection> {
  if (ctx.actor.kind !== 'user') {
    throw new AppError('auth.required');
  }
  const scope = scopeOf(ctx.actor);
  const orgs = orgDirectory(database.db, database.dialect);
  let underPath: string | undefined;
  if (orgId !== null) {
    const org = await orgs.findById(scope, orgId);
    if (org === undefined) {
      throw notFound();
    }
    underPath = org.path;
  }
  const rows = await gridRepository(database.db).withGeometry(scope, { underPath, status: 'active' });
  const villages = new Map(
    (await orgs.byIds([...new Set(rows.map((r) => r.village_id))])).map((v) => [v.id, v]),
  );
  return {
    type: 'FeatureCollection',
    features: rows.map((r) => ({
      type: 'Feature',
      id: r.code,
      properties: {
        code: r.code,
        name: r.name,
        type: r.type,
        subType: r.sub_type,
        nets: JSON.parse(r.nets) as string[],
        villageCode: villages.get(r.village_id)?.code ?? null,
        villageName: villages.get(r.village_id)?.name ?? null,
      },
      geometry: JSON.parse(r.geometry) as unknown,
    })),
  };
}
