// Removes a grid leader or worker from a grid (kept as history). The caller holds 'grid.write'; scope is checked here.
import { recordAudit } from '../audit/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { notFound } from '../platform/errors.js';
import { requireGrid } from './gridChange.js';
import { gridRepository } from './repository.js';

export async function removeGridStaff(
  database: Database,
  ctx: RequestContext,
  input: { gridId: string; staffId: string },
): Promise<void> {
  const grid = await requireGrid(database.db, ctx, input.gridId);
  const staff = await gridRepository(database.db).findStaff(grid.id, input.staffId);
  if (staff === undefined) {
    throw notFound();
  }
  await database.db.transaction().execute(async (trx) => {
    await gridRepository(trx).removeStaff(staff.id, ctx.now);
    await recordAudit(trx, ctx, {
      action: 'grid.staff.remove',
      entityType: 'grid',
      entityId: grid.id,
      orgPath: grid.org_path,
      detail: { code: grid.code, staffId: staff.id, role: staff.role },
    });
  });
}
