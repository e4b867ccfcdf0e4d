// A progress update on an outcome (落实进度) with a note and evidence; 100 % marks it done. An outcome that follows
// an open case is completed by that case closing, not by hand. The caller holds council.write over the outcome.
import { recordAudit } from '../audit/index.js';
import { maskPersonalText } from '../cases/index.js';
import type { Scope, UserActor } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { msg } from '../platform/i18n.js';
import { newId } from '../platform/ids.js';
import { outcomeOrThrow, type ConsultationDeps } from './deps.js';
import { tellOutcome } from './notices.js';
import { isCaseFinal } from './followCases.js';
import { consultationRepository, type OutcomeRow } from './repository.js';

export async function reportProgress(
  deps: ConsultationDeps,
  ctx: RequestContext,
  scope: Scope,
  performer: UserActor,
  input: { outcomeId: string; progress: number; note?: string | null; evidence?: string | null },
): Promise<OutcomeRow> {
  return deps.database.db.transaction().execute(async (trx) => {
    const repo = consultationRepository(trx, deps.database.dialect);
    const outcome = await outcomeOrThrow(repo, scope, input.outcomeId);
    if (outcome.status === 'done') {
      throw new AppError('workflow.transition_not_allowed');
    }
    if (input.progress >= 100 && outcome.case_id !== null && !isCaseFinal(outcome.case_state)) {
      throw new AppError('workflow.transition_not_allowed', {
        detail: msg('该成果随事件办结而完成', 'This outcome is completed when its case closes'),
      });
    }
    const isDone = input.progress >= 100;
    const patch = {
      progress: Math.min(100, input.progress),
      status: isDone ? 'done' : 'inProgress',
      done_at: isDone ? ctx.now : null,
      updated_at: ctx.now,
    };
    await repo.updateOutcome(outcome.id, patch);
    if (isDone) {
      await tellOutcome(trx, deps.database.dialect, outcome, {
        event: 'consultation.outcome',
        title: msg(`协商成果已落实：${outcome.title}`, `A consultation outcome is done: ${outcome.title}`),
        body: msg(
          `由${outcome.owner_unit}办结，欢迎评价。`,
          `Completed by ${outcome.owner_unit}; you may rate it.`,
        ),
        link: `/consultations/outcomes/${outcome.id}`,
        data: { outcomeId: outcome.id },
        exceptUserId: performer.userId,
        now: ctx.now,
      });
    }
    await repo.insertProgress({
      id: newId(ctx.now),
      outcome_id: outcome.id,
      at: ctx.now,
      kind: isDone ? 'done' : 'progress',
      progress: patch.progress,
      note: input.note?.trim() ? maskPersonalText(input.note.trim()) : null,
      evidence: input.evidence?.trim() || null,
      by_name: performer.displayName,
    });
    await recordAudit(trx, ctx, {
      action: 'outcome.progress',
      entityType: 'consultationOutcome',
      entityId: outcome.id,
      orgPath: outcome.org_path,
      detail: { progress: patch.progress },
    });
    return { ...outcome, ...patch };
  });
}
