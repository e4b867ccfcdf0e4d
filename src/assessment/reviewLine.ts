// The town reviews a submitted sheet item by item: it sees the self-score, the computed figure and the evidence side
// by side, and may set a line's points with a required reason (or clear its adjustment). The caller holds
// assessment.review; the sheet must be in scope and submitted.
import type { Scope } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import { AppError, notFound } from '../platform/errors.js';
import {
  changeOf,
  checkPoints,
  lineRefOrThrow,
  requireReason,
  sheetOrThrow,
  treeOf,
  type AssessmentDeps,
} from './deps.js';
import { assessmentRepository, type LineRow } from './repository.js';
import { scoreLine } from './scoring.js';
import { isComputedLine } from './deps.js';

export async function reviewLine(
  deps: AssessmentDeps,
  ctx: RequestContext,
  scope: Scope,
  input: { sheetId: string; code: string; points: number | null; reason?: string | null },
): Promise<LineRow> {
  const reason = requireReason(input.reason);
  return deps.database.db.transaction().execute(async (trx) => {
    const repo = assessmentRepository(trx);
    const sheet = await sheetOrThrow(repo, scope, input.sheetId);
    if (sheet.status !== 'submitted') {
      throw new AppError('assessment.not_editable');
    }
    const tree = await treeOf(repo, sheet.tree_id);
    const ref = lineRefOrThrow(tree, input.code);
    if (input.points !== null) {
      checkPoints(ref, input.points);
    }
    const line = await repo.findLine(sheet.id, input.code);
    if (line === undefined) {
      throw notFound();
    }
    const before = scoreLine(
      ref,
      {
        code: line.code,
        figure: line.figure,
        selfPoints: line.self_points,
        adjustedPoints: line.adjusted_points,
      },
      isComputedLine,
    ).points;
    const patch: Partial<LineRow> = {
      adjusted_points: input.points,
      adjusted_reason: input.points === null ? null : reason,
      adjusted_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      adjusted_at: ctx.now,
      updated_at: ctx.now,
    };
    await repo.updateLine(sheet.id, line.code, patch);
    const after = scoreLine(
      ref,
      { code: line.code, figure: line.figure, selfPoints: line.self_points, adjustedPoints: input.points },
      isComputedLine,
    ).points;
    await repo.insertChanges([
      changeOf(ctx, sheet, { code: line.code, kind: 'review', from_value: before, to_value: after, reason }),
    ]);
    await repo.updateSheet(sheet.id, { updated_at: ctx.now });
    return { ...line, ...patch };
  });
}
