// The district sets a village's star level by hand, with a reason: only to a level the village earned, at most the
// yearly rise above last year's, and within the level's quota. Logged with who, when and why.
// The caller holds assessment.approve; the award must be in scope.
import type { Scope } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import { AppError, notFound } from '../platform/errors.js';
import {
  changeOf,
  isComputedLine,
  requireReason,
  sheetOrThrow,
  statesOf,
  treeOf,
  type AssessmentDeps,
} from './deps.js';
import { assessmentRepository, type AwardRow } from './repository.js';
import { scoreSheet } from './scoring.js';
import { movementOf, quotaOf } from './stars.js';

export async function setAward(
  deps: AssessmentDeps,
  ctx: RequestContext,
  scope: Scope,
  input: { awardId: string; level: number; reason: string },
): Promise<AwardRow> {
  const reason = requireReason(input.reason);
  return deps.database.db.transaction().execute(async (trx) => {
    const repo = assessmentRepository(trx);
    const award = await repo.findAward(scope, input.awardId);
    if (award === undefined) {
      throw notFound();
    }
    const sheet = await sheetOrThrow(repo, scope, award.sheet_id);
    const tree = await treeOf(repo, sheet.tree_id);
    const score = scoreSheet(tree, statesOf(await repo.linesOf(sheet.id)), isComputedLine);
    if (input.level > score.earned.length) {
      throw new AppError('assessment.star_not_earned');
    }
    if (input.level > award.previous_level + tree.maxRisePerYear) {
      throw new AppError('assessment.rise_too_far');
    }
    if (input.level !== award.level) {
      const held = (await repo.levelCounts(award.year)).get(input.level) ?? 0;
      if (held + 1 > quotaOf(tree, input.level, await repo.countSheets(award.year))) {
        throw new AppError('assessment.quota_exceeded');
      }
    }
    const patch: Partial<AwardRow> = {
      level: input.level,
      stars: JSON.stringify(score.earned.slice(0, input.level)),
      movement: movementOf(award.previous_level, input.level),
      reason: `manual:${reason}`,
      decided_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      decided_at: ctx.now,
    };
    await repo.updateAward(award.id, patch);
    await repo.insertChanges([
      changeOf(ctx, sheet, {
        code: null,
        kind: `star.${patch.movement}`,
        from_value: award.level,
        to_value: input.level,
        reason,
      }),
    ]);
    return { ...award, ...patch };
  });
}
