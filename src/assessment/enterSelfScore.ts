// The village enters its own points for a typed-in line, with a note and the evidence it attaches (once, reused by
// every line that needs it). Computed lines take no self points: their figure comes from the records.
// The caller holds assessment.self; the sheet must be in scope and still with the village.
import type { Scope } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import { AppError, notFound } from '../platform/errors.js';
import { maskPersonalText } from '../cases/index.js';
import {
  changeOf,
  checkPoints,
  isComputedLine,
  lineRefOrThrow,
  sheetOrThrow,
  treeOf,
  type AssessmentDeps,
} from './deps.js';
import { EDITABLE_BY_VILLAGE } from './refreshFigures.js';
import { assessmentRepository, type LineRow } from './repository.js';

export type SelfScoreInput = {
  sheetId: string;
  code: string;
  points?: number | null;
  note?: string | null;
  evidenceIds?: string[];
};

export async function enterSelfScore(
  deps: AssessmentDeps,
  ctx: RequestContext,
  scope: Scope,
  input: SelfScoreInput,
): Promise<LineRow> {
  return deps.database.db.transaction().execute(async (trx) => {
    const repo = assessmentRepository(trx);
    const sheet = await sheetOrThrow(repo, scope, input.sheetId);
    if (!EDITABLE_BY_VILLAGE.includes(sheet.status)) {
      throw new AppError('assessment.not_editable');
    }
    const tree = await treeOf(repo, sheet.tree_id);
    const ref = lineRefOrThrow(tree, input.code);
    const line = await repo.findLine(sheet.id, input.code);
    if (line === undefined) {
      throw notFound();
    }
    const patch: Partial<LineRow> = { updated_at: ctx.now };
    if (input.points !== undefined && input.points !== null) {
      if (isComputedLine(ref.line)) {
        throw new AppError('assessment.line_computed');
      }
      checkPoints(ref, input.points);
      patch.self_points = input.points;
    }
    if (input.note !== undefined) {
      const note = input.note?.trim() ?? '';
      patch.self_note = note === '' ? null : maskPersonalText(note);
    }
    if (input.evidenceIds !== undefined) {
      const ids = [...new Set(input.evidenceIds)];
      const found = await repo.evidenceByIds(ids);
      // Evidence is the village's own: anything else is not found.
      if (found.length !== ids.length || found.some((e) => e.org_id !== sheet.org_id)) {
        throw notFound();
      }
      patch.evidence_ids = JSON.stringify(ids);
    }
    await repo.updateLine(sheet.id, line.code, patch);
    if (patch.self_points !== undefined && patch.self_points !== line.self_points) {
      await repo.insertChanges([
        changeOf(ctx, sheet, {
          code: line.code,
          kind: 'self',
          from_value: line.self_points,
          to_value: patch.self_points,
          reason: patch.self_note ?? line.self_note,
        }),
      ]);
    }
    await repo.updateSheet(sheet.id, { updated_at: ctx.now });
    return { ...line, ...patch };
  });
}
