// The district answers an objection; the answer may change the points of the line objected to (the answer is the
// reason logged with the change). Answered once, while the sheet is still in its notice.
// The caller holds assessment.approve; the objection must be in scope.
import type { Scope } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import { AppError, notFound } from '../platform/errors.js';
import {
  changeOf,
  checkPoints,
  isComputedLine,
  lineRefOrThrow,
  requireReason,
  sheetOrThrow,
  treeOf,
  type AssessmentDeps,
} from './deps.js';
import { assessmentRepository, type ObjectionRow } from './repository.js';
import { scoreLine } from './scoring.js';

export async function answerObjection(
  deps: AssessmentDeps,
  ctx: RequestContext,
  scope: Scope,
  input: { objectionId: string; answer: string; lineCode?: string | null; points?: number | null },
): Promise<ObjectionRow> {
  const answer = requireReason(input.answer);
  return deps.database.db.transaction().execute(async (trx) => {
    const repo = assessmentRepository(trx);
    const objection = await repo.findObjection(scope, input.objectionId);
    if (objection === undefined) {
      throw notFound();
    }
    if (objection.status !== 'open') {
      throw new AppError('workflow.transition_not_allowed');
    }
    const sheet = await sheetOrThrow(repo, scope, objection.sheet_id);
    if (sheet.status !== 'notice') {
      throw new AppError('assessment.not_editable');
    }
    let changed: number | null = null;
    if (input.points !== undefined && input.points !== null) {
      const code = input.lineCode ?? objection.line_code;
      if (code === null) {
        throw new AppError('request.invalid', {
          errors: [{ field: 'lineCode', message: 'the line to change' }],
        });
      }
      const tree = await treeOf(repo, sheet.tree_id);
      const ref = lineRefOrThrow(tree, code);
      checkPoints(ref, input.points);
      const line = await repo.findLine(sheet.id, code);
      if (line === undefined) {
        throw notFound();
      }
      const before = scoreLine(
        ref,
        { code, figure: line.figure, selfPoints: line.self_points, adjustedPoints: line.adjusted_points },
        isComputedLine,
      ).points;
      await repo.updateLine(sheet.id, code, {
        adjusted_points: input.points,
        adjusted_reason: answer,
        adjusted_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        adjusted_at: ctx.now,
        updated_at: ctx.now,
      });
      await repo.insertChanges([
        changeOf(ctx, sheet, {
          code,
          kind: 'objection',
          from_value: before,
          to_value: input.points,
          reason: answer,
        }),
      ]);
      changed = input.points;
    }
    const patch: Partial<ObjectionRow> = {
      status: 'answered',
      answer,
      changed_points: changed,
      line_code: input.lineCode ?? objection.line_code,
      answered_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      answered_at: ctx.now,
    };
    await repo.updateObjection(objection.id, patch);
    return { ...objection, ...patch };
  });
}
