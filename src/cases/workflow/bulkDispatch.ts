// Bulk dispatch (批量派遣): several registered cases, each to the department given or, without one, to the one its
// routing rules name. Each case is its own transaction, so one refusal fails that case alone; the answer lists
// which were dispatched and why the others were not. Scope is the action's own: a case out of reach fails as
// not found.
import type { UserActor } from '../../access/index.js';
import type { RequestContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { recordGuardRefusal } from '../hooks.js';
import { caseRepository } from '../repository.js';
import { resolveRoute } from '../routing/resolveRoute.js';
import { applyCaseAction } from './applyCaseAction.js';

export type BulkDispatchResult = { dispatched: string[]; failed: { id: string; code: string }[] };

export async function bulkDispatch(
  database: Database,
  ctx: RequestContext,
  actor: UserActor,
  caseIds: readonly string[],
  departmentId: string | undefined,
): Promise<BulkDispatchResult> {
  const { db, dialect } = database;
  const result: BulkDispatchResult = { dispatched: [], failed: [] };
  for (const id of caseIds) {
    try {
      await db.transaction().execute(async (trx) => {
        const target = departmentId ?? (await routedDepartment(trx, dialect, id));
        await applyCaseAction(trx, dialect, ctx, { kind: 'user', actor }, id, {
          action: 'dispatch',
          departmentId: target,
        });
      });
      result.dispatched.push(id);
    } catch (error) {
      await recordGuardRefusal(db, error);
      result.failed.push({ id, code: error instanceof AppError ? error.code : 'internal' });
    }
  }
  return result;
}

/** The department a case's routing rules name; a case without one cannot be dispatched in bulk. */
async function routedDepartment(
  trx: Database['db'],
  dialect: Database['dialect'],
  caseId: string,
): Promise<string> {
  const c = await caseRepository(trx, dialect).findById(caseId);
  const route =
    c === undefined
      ? null
      : await resolveRoute(trx, {
          categoryCode: c.category_code,
          platform: c.platform,
          townId: c.town_id,
          villageId: c.village_id,
          gridId: c.grid_id,
        });
  const departmentId = route?.route?.departmentId;
  if (departmentId === undefined) {
    throw new AppError('request.invalid', {
      errors: [{ field: 'departmentId', message: 'no route for this case' }],
    });
  }
  return departmentId;
}
