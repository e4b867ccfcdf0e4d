// Starts a patrol of one grid. The caller holds 'patrol.own'; here: the grid is in scope and they serve it, and
// they have no other patrol running.
import { recordAudit } from '../audit/index.js';
import { findGridInScope, isGridStaff } from '../grids/index.js';
import { scopeOf } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { AppError, notFound } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { patrolRepository, type PatrolRow } from './repository.js';

export async function startPatrol(
  database: Database,
  ctx: RequestContext,
  gridId: string,
): Promise<PatrolRow> {
  if (ctx.actor.kind !== 'user') {
    throw new AppError('auth.required');
  }
  const actor = ctx.actor;
  const grid = await findGridInScope(database.db, scopeOf(actor), gridId);
  if (grid === null) {
    throw notFound();
  }
  if (!grid.isActive) {
    throw new AppError('grid.retired');
  }
  if (!(await isGridStaff(database.db, grid.id, actor.userId))) {
    throw new AppError('auth.forbidden');
  }
  const repo = patrolRepository(database.db);
  if ((await repo.activeOfUser(actor.userId)) !== undefined) {
    throw new AppError('workflow.transition_not_allowed', {
      detail: { zh: '已有进行中的巡查，请先结束', en: 'A patrol is already running; end it first' },
    });
  }
  const row: PatrolRow = {
    id: newId(ctx.now),
    grid_id: grid.id,
    org_path: grid.orgPath,
    user_id: actor.userId,
    worker_name: actor.displayName,
    status: 'active',
    started_at: ctx.now,
    ended_at: null,
    note: null,
    point_count: 0,
    distance_m: 0,
  };
  await database.db.transaction().execute(async (trx) => {
    await patrolRepository(trx).insert(row);
    await recordAudit(trx, ctx, {
      action: 'patrol.start',
      entityType: 'patrol',
      entityId: row.id,
      orgPath: row.org_path,
      detail: { grid: grid.code },
    });
  });
  return row;
}
