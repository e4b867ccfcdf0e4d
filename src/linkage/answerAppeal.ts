// Answers an appeal at its level: advice given, no action needed; the appeal is concluded there.
// The caller holds 'linkage.handle'; the seat is checked here.
import { recordAudit } from '../audit/index.js';
import type { UserActor } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { actingSeat, appealFor, viewerOf } from './access.js';
import type { AppealRow } from './repository.js';
import { applyAppealStep } from './transition.js';

export async function answerAppeal(
  database: Database,
  ctx: RequestContext,
  actor: UserActor,
  appealId: string,
  input: { answer: string },
): Promise<AppealRow> {
  const viewer = await viewerOf(database.db, database.dialect, actor);
  return database.db.transaction().execute(async (trx) => {
    const appeal = await appealFor(trx, database.dialect, viewer, appealId);
    const who = actingSeat(viewer, appeal);
    const next = await applyAppealStep(trx, database.dialect, ctx.now, appeal, {
      action: 'answer',
      actor: who,
      toStatus: 'answered',
      reason: input.answer.trim(),
      patch: { outcome: input.answer.trim() },
    });
    await recordAudit(trx, ctx, {
      action: 'linkage.appeal.answer',
      entityType: 'linkageAppeal',
      entityId: appeal.id,
      orgPath: appeal.org_path,
      detail: { level: appeal.level },
    });
    return next;
  });
}
