// Passes an appeal up to the next level of the chain with a reason. The caller holds 'linkage.handle'; the seat
// is checked here.
import { recordAudit } from '../audit/index.js';
import type { UserActor } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { actingSeat, appealFor, viewerOf } from './access.js';
import { chainAbove, nextStop, type ChainLevel } from './chain.js';
import type { AppealRow } from './repository.js';
import { applyAppealStep } from './transition.js';

export async function passAppealUp(
  database: Database,
  ctx: RequestContext,
  actor: UserActor,
  appealId: string,
  input: { reason: string },
): Promise<AppealRow> {
  const viewer = await viewerOf(database.db, database.dialect, actor);
  return database.db.transaction().execute(async (trx) => {
    const appeal = await appealFor(trx, database.dialect, viewer, appealId);
    const who = actingSeat(viewer, appeal);
    const to = nextStop(await chainAbove(trx, database.dialect, appeal.org_path), appeal.level as ChainLevel);
    if (to === undefined) {
      throw new AppError('linkage.top_of_chain');
    }
    const next = await applyAppealStep(trx, database.dialect, ctx.now, appeal, {
      action: 'passUp',
      actor: who,
      toStatus: 'open',
      to,
      reason: input.reason.trim(),
    });
    await recordAudit(trx, ctx, {
      action: 'linkage.appeal.passUp',
      entityType: 'linkageAppeal',
      entityId: appeal.id,
      orgPath: appeal.org_path,
      detail: { from: appeal.level, to: to.level },
    });
    return next;
  });
}
