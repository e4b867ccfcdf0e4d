// The sheet's workflow as data: the village submits (figures refreshed, typed-in points need their evidence), the
// town returns it with a reason or completes its review, the district approves. One table, one function; every move
// is logged with who, when and why. The route has checked the action's permission; the sheet must be in scope.
import { recordAudit } from '../audit/index.js';
import type { Scope } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import {
  changeOf,
  isComputedLine,
  requireReason,
  sheetOrThrow,
  treeOf,
  type AssessmentDeps,
} from './deps.js';
import { computeFigures, writeFigures } from './refreshFigures.js';
import { assessmentRepository, type SheetRow } from './repository.js';
import { linesOf } from './tree.js';

export const sheetStates = [
  'draft',
  'submitted',
  'returned',
  'reviewed',
  'approved',
  'notice',
  'final',
] as const;
export type SheetState = (typeof sheetStates)[number];

export const sheetMoves = {
  submit: { from: ['draft', 'returned'], to: 'submitted', needsReason: false },
  return: { from: ['submitted', 'reviewed'], to: 'returned', needsReason: true },
  completeReview: { from: ['submitted'], to: 'reviewed', needsReason: false },
  approve: { from: ['reviewed'], to: 'approved', needsReason: false },
} as const satisfies Record<string, { from: readonly SheetState[]; to: SheetState; needsReason: boolean }>;
export type SheetMove = keyof typeof sheetMoves;

export async function moveSheet(
  deps: AssessmentDeps,
  ctx: RequestContext,
  scope: Scope,
  input: { sheetId: string; move: SheetMove; reason?: string | null },
): Promise<SheetRow> {
  const rule = sheetMoves[input.move];
  const reason = rule.needsReason ? requireReason(input.reason) : (input.reason?.trim() ?? null);
  const repo = assessmentRepository(deps.database.db);
  const before = await sheetOrThrow(repo, scope, input.sheetId);
  if (!(rule.from as readonly string[]).includes(before.status)) {
    throw new AppError('workflow.transition_not_allowed');
  }
  if (input.move === 'submit') {
    // The figures the town will see are the ones of the moment of submission.
    await writeFigures(deps, before.id, await computeFigures(deps, before, ctx.now), ctx.now);
  }
  return deps.database.db.transaction().execute(async (trx) => {
    const tx = assessmentRepository(trx);
    const sheet = await sheetOrThrow(tx, scope, input.sheetId);
    if (sheet.status !== before.status) {
      throw new AppError('record.conflict');
    }
    if (input.move === 'submit') {
      const tree = await treeOf(tx, sheet.tree_id);
      const lines = new Map((await tx.linesOf(sheet.id)).map((l) => [l.code, l]));
      const missing = linesOf(tree)
        .filter((r) => !isComputedLine(r.line))
        .filter((r) => {
          const l = lines.get(r.line.code);
          return (l?.self_points ?? 0) > 0 && (JSON.parse(l?.evidence_ids ?? '[]') as string[]).length === 0;
        })
        .map((r) => r.line.code);
      if (missing.length > 0) {
        throw new AppError('assessment.evidence_required', {
          errors: missing.map((code) => ({ field: code, message: 'evidence required' })),
        });
      }
    }
    const stamp: Partial<SheetRow> =
      input.move === 'submit'
        ? { submitted_at: ctx.now }
        : input.move === 'completeReview'
          ? { reviewed_at: ctx.now }
          : input.move === 'approve'
            ? { approved_at: ctx.now }
            : {};
    const patch: Partial<SheetRow> = { status: rule.to, updated_at: ctx.now, ...stamp };
    await tx.updateSheet(sheet.id, patch);
    await tx.insertChanges([
      changeOf(ctx, sheet, {
        code: null,
        kind: `status.${input.move}`,
        from_value: null,
        to_value: null,
        reason: reason === '' ? null : reason,
      }),
    ]);
    await recordAudit(trx, ctx, {
      action: `assessment.sheet.${input.move}`,
      entityType: 'assessmentSheet',
      entityId: sheet.id,
      orgPath: sheet.org_path,
      detail: { from: sheet.status, to: rule.to },
    });
    return { ...sheet, ...patch };
  });
}
