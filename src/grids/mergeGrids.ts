// Merges grids of one village into the first of them; the others are retired. The caller holds 'grid.write'.
import { recordAudit } from '../audit/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { orgRollups } from '../orgs/index.js';
import { roundGeometry, unionAll, type GridGeometry } from './geometry.js';
import { geometryColumns, rebuildIndex, requireActive, requireGrid, writeVersion } from './gridChange.js';
import { markGridsChanged } from './indexService.js';
import { gridRepository, type GridRow } from './repository.js';
import { GRID_METRIC } from './vocabulary.js';

export async function mergeGrids(
  database: Database,
  ctx: RequestContext,
  input: { gridIds: string[]; reason?: string | null },
): Promise<GridRow> {
  const ids = [...new Set(input.gridIds)];
  if (ids.length < 2) {
    throw new AppError('request.invalid', { errors: [{ field: 'gridIds', message: 'at least two grids' }] });
  }
  const grids: GridRow[] = [];
  for (const id of ids) {
    const g = await requireGrid(database.db, ctx, id);
    requireActive(g);
    grids.push(g);
  }
  const [keeper, ...others] = grids as [GridRow, ...GridRow[]];
  if (others.some((g) => g.village_id !== keeper.village_id)) {
    throw new AppError('request.invalid', {
      errors: [{ field: 'gridIds', message: 'grids of one village only' }],
    });
  }
  const union = unionAll(grids.map((g) => JSON.parse(g.geometry) as GridGeometry));
  if (union === null) {
    throw new AppError('grid.invalid_geometry');
  }
  const geometry = roundGeometry(union);
  const merged: GridRow = {
    ...keeper,
    ...geometryColumns(geometry),
    version: keeper.version + 1,
    updated_at: ctx.now,
  };
  await database.db.transaction().execute(async (trx) => {
    const repo = gridRepository(trx);
    await repo.update(keeper.id, {
      ...geometryColumns(geometry),
      version: merged.version,
      updated_at: ctx.now,
    });
    await writeVersion(trx, ctx, merged, 'merge', {
      related: others.map((g) => g.id),
      reason: input.reason ?? null,
    });
    for (const g of others) {
      const retired = { ...g, status: 'retired', version: g.version + 1 };
      await repo.update(g.id, {
        status: 'retired',
        version: retired.version,
        retired_at: ctx.now,
        updated_at: ctx.now,
      });
      await writeVersion(trx, ctx, retired, 'merge', { related: [keeper.id], reason: input.reason ?? null });
      await orgRollups(trx, database.dialect).adjustRollup(g.org_path, GRID_METRIC, -1);
    }
    await recordAudit(trx, ctx, {
      action: 'grid.merge',
      entityType: 'grid',
      entityId: keeper.id,
      orgPath: keeper.org_path,
      detail: { code: keeper.code, merged: others.map((g) => g.code), reason: input.reason ?? null },
    });
    await markGridsChanged(trx, ctx.now);
  });
  await rebuildIndex(database);
  return merged;
}
