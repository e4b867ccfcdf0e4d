// Residents and participants rate a done outcome (落实/回音) on the five-level scale; a poor rating (dissatisfied or
// worse) reopens it for another round of work. The rater is known only by a keyed hash, once per round.
import { recordAudit } from '../audit/index.js';
import { maskPersonalText } from '../cases/index.js';
import type { RequestContext } from '../platform/context.js';
import { AppError, notFound } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import type { ConsultationDeps } from './deps.js';
import { consultationRepository, type OutcomeRow } from './repository.js';

export const ratings = ['verySatisfied', 'satisfied', 'basic', 'dissatisfied', 'veryDissatisfied'] as const;
export type Rating = (typeof ratings)[number];
export const isPoorRating = (r: Rating): boolean => r === 'dissatisfied' || r === 'veryDissatisfied';

export async function rateOutcome(
  deps: ConsultationDeps,
  ctx: RequestContext,
  input: { outcomeId: string; raterKey: string; rating: Rating; comment?: string | null },
): Promise<OutcomeRow> {
  return deps.database.db.transaction().execute(async (trx) => {
    const repo = consultationRepository(trx, deps.database.dialect);
    const outcome = await repo.findOutcomePublished(input.outcomeId);
    if (outcome === undefined) {
      throw notFound();
    }
    if (outcome.status !== 'done') {
      throw new AppError('workflow.transition_not_allowed');
    }
    const isNew = await repo.insertRating({
      id: newId(ctx.now),
      outcome_id: outcome.id,
      rater_key: input.raterKey,
      round: outcome.reopen_count,
      rating: input.rating,
      comment: input.comment?.trim() ? maskPersonalText(input.comment.trim()) : null,
      at: ctx.now,
    });
    if (!isNew) {
      throw new AppError('record.conflict');
    }
    let patch: Partial<OutcomeRow> = {};
    if (isPoorRating(input.rating)) {
      patch = {
        status: 'inProgress',
        progress: Math.min(outcome.progress, 90),
        done_at: null,
        reopen_count: outcome.reopen_count + 1,
        updated_at: ctx.now,
      };
      await repo.updateOutcome(outcome.id, patch);
      await repo.insertProgress({
        id: newId(ctx.now),
        outcome_id: outcome.id,
        at: ctx.now,
        kind: 'reopened',
        progress: patch.progress ?? outcome.progress,
        note: null,
        evidence: null,
        by_name: null,
      });
    }
    await recordAudit(trx, ctx, {
      action: 'outcome.rate',
      entityType: 'consultationOutcome',
      entityId: outcome.id,
      orgPath: outcome.org_path,
      detail: { rating: input.rating, isReopened: isPoorRating(input.rating) },
    });
    return { ...outcome, ...patch };
  });
}
