// Redraws a grid's outline. The caller holds 'grid.write'; scope and the overlap rule are checked here.
import { recordAudit } from '../audit/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import {
  enforceNoOverlap,
  geometryColumns,
  rebuildIndex,
  requireActive,
  requireGeometry,
  requireGrid,
  writeVersion,
} from './gridChange.js';
import { markGridsChanged } from './indexService.js';
import { gridRepository, type GridRow } from './repository.js';

export async function redrawGrid(
  database: Database,
  ctx: RequestContext,
  input: { gridId: string; geometry: unknown; overrideReason?: string | null },
): Promise<GridRow> {
  const grid = await requireGrid(database.db, ctx, input.gridId);
  requireActive(grid);
  const geometry = requireGeometry(ctx, input.geometry);
  const updated = await database.db.transaction().execute(async (trx) => {
    const allowed = await enforceNoOverlap(trx, ctx, geometry, [grid.id], input.overrideReason);
    const next: GridRow = {
      ...grid,
      ...geometryColumns(geometry),
      version: grid.version + 1,
      updated_at: ctx.now,
    };
    await gridRepository(trx).update(grid.id, {
      ...geometryColumns(geometry),
      version: next.version,
      updated_at: ctx.now,
    });
    await writeVersion(trx, ctx, next, 'redraw', {
      reason: allowed.length > 0 ? (input.overrideReason ?? null) : null,
    });
    await recordAudit(trx, ctx, {
      action: 'grid.redraw',
      entityType: 'grid',
      entityId: grid.id,
      orgPath: grid.org_path,
      detail: {
        code: grid.code,
        version: next.version,
        ...(allowed.length > 0
          ? { overlapOverridden: allowed.map((o) => o.code), reason: input.overrideReason }
          : {}),
      },
    });
    await markGridsChanged(trx, ctx.now);
    return next;
  });
  await rebuildIndex(database);
  return updated;
}
