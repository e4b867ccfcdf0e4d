// Retires a grid (its area must then be covered by others). The caller holds 'grid.write'; scope is checked here.
import { recordAudit } from '../audit/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { orgRollups } from '../orgs/index.js';
import { rebuildIndex, requireActive, requireGrid, writeVersion } from './gridChange.js';
import { markGridsChanged } from './indexService.js';
import { gridRepository, type GridRow } from './repository.js';
import { GRID_METRIC } from './vocabulary.js';

export async function retireGrid(
  database: Database,
  ctx: RequestContext,
  input: { gridId: string; reason: string },
): Promise<GridRow> {
  const grid = await requireGrid(database.db, ctx, input.gridId);
  requireActive(grid);
  const next: GridRow = {
    ...grid,
    status: 'retired',
    version: grid.version + 1,
    retired_at: ctx.now,
    updated_at: ctx.now,
  };
  await database.db.transaction().execute(async (trx) => {
    await gridRepository(trx).update(grid.id, {
      status: 'retired',
      version: next.version,
      retired_at: ctx.now,
      updated_at: ctx.now,
    });
    await writeVersion(trx, ctx, next, 'retire', { reason: input.reason });
    await orgRollups(trx, database.dialect).adjustRollup(grid.org_path, GRID_METRIC, -1);
    await recordAudit(trx, ctx, {
      action: 'grid.retire',
      entityType: 'grid',
      entityId: grid.id,
      orgPath: grid.org_path,
      detail: { code: grid.code, reason: input.reason },
    });
    await markGridsChanged(trx, ctx.now);
  });
  await rebuildIndex(database);
  return next;
}
