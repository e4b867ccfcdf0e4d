// Puts a task (a patrol round, a survey, a data collection) on a grid's worker. Refused, and counted, unless the
// grid's admission list holds the task in force and no negative list bars it. The caller holds admission.assign;
// the grid lies where the caller serves (a department: the area of the district or town it belongs to).
import { recordAudit } from '../audit/index.js';
import { recordGuardRefusal } from '../cases/index.js';
import { gridDirectory } from '../grids/index.js';
import type { UserActor } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { notFound } from '../platform/errors.js';
import { admittedOrRefuse, recordAssignment, refuseIfNegative } from './enforce.js';

/** Where the caller's work reaches: a department serves the area of the district or town it belongs to. */
export function servingPath(actor: UserActor): string {
  const a = actor.active;
  if (a.orgLevel !== 'department') {
    return a.orgPath;
  }
  const parts = a.orgPath.split('/').filter((p) => p !== '');
  return `/${parts.slice(0, -1).join('/')}/`;
}

export async function assignGridTask(
  database: Database,
  ctx: RequestContext,
  actor: UserActor,
  input: { gridId: string; taskCode: string; note?: string },
): Promise<{ id: string; workerName: string; title: string }> {
  try {
    return await database.db.transaction().execute(async (trx) => {
      const grid = await gridDirectory(trx).findByIdUnscoped(input.gridId);
      if (grid === undefined || grid.status !== 'active' || !grid.org_path.startsWith(servingPath(actor))) {
        throw notFound();
      }
      const place = { level: 'grid' as const, path: grid.org_path, name: grid.name };
      await refuseIfNegative(
        trx,
        database.dialect,
        place,
        { taskCode: input.taskCode },
        actor.userId,
        ctx.now,
      );
      const item = await admittedOrRefuse(
        trx,
        database.dialect,
        grid,
        input.taskCode,
        ctx.now,
        actor.userId,
        true,
        null,
      );
      const title = item?.title ?? input.taskCode;
      const { id, workerName } = await recordAssignment(
        trx,
        database.dialect,
        grid,
        {
          kind: item?.task_kind ?? 'dataCollection',
          code: input.taskCode,
          title,
          itemId: item?.id ?? null,
          caseId: null,
        },
        actor.userId,
        ctx.now,
      );
      await recordAudit(trx, ctx, {
        action: 'admission.assign',
        entityType: 'gridTask',
        entityId: id,
        orgPath: grid.org_path,
        detail: { taskCode: input.taskCode, gridId: grid.id },
      });
      return { id, workerName, title };
    });
  } catch (error) {
    await recordGuardRefusal(database.db, error);
    throw error;
  }
}
