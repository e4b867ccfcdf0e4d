// What the assessment use cases are given, and the look-ups they share: a sheet in scope (else 404), the tree a sheet
// was opened under, the change-log entry every score or star change writes, and the assessed period of a year.
import type { Scope } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { AppError, notFound } from '../platform/errors.js';
import { instantOfLocalDate } from '../platform/time.js';
import { maskPersonalText } from '../cases/index.js';
import type { AssessmentRepository, ChangeInput, SheetRow } from './repository.js';
import { findSource } from './sources.js';
import { linesOf, maxPointsOf, type LineDef, type LineRef, type TreeDefinition } from './tree.js';

export type AssessmentDeps = { database: Database };

/** The whole district: for the demo stage, notices and public reads, which are not bound to a caller's subtree. */
export const DISTRICT_SCOPE: Scope = { path: '/' };

export async function sheetOrThrow(repo: AssessmentRepository, scope: Scope, id: string): Promise<SheetRow> {
  const row = await repo.findSheet(scope, id);
  if (row === undefined) {
    throw notFound();
  }
  return row;
}

export async function treeOf(repo: AssessmentRepository, treeId: string): Promise<TreeDefinition> {
  const row = await repo.treeById(treeId);
  if (row === undefined) {
    throw notFound();
  }
  return JSON.parse(row.body) as TreeDefinition;
}

export function lineRefOrThrow(tree: TreeDefinition, code: string): LineRef {
  const ref = linesOf(tree).find((r) => r.line.code === code);
  if (ref === undefined) {
    throw notFound();
  }
  return ref;
}

/** A line is computed when its source is registered by some module; otherwise it is typed in with evidence. */
export const isComputedLine = (line: LineDef): boolean =>
  line.source !== undefined && findSource(line.source) !== undefined;

export function checkPoints(ref: LineRef, points: number): void {
  const max = maxPointsOf(ref);
  const isWhole = ref.kind === 'basic' || ref.kind === 'veto' ? Number.isInteger(points) : true;
  if (!(points >= 0 && points <= max) || !isWhole) {
    throw new AppError('assessment.score_out_of_range', {
      errors: [{ field: 'points', message: `0 to ${max}` }],
    });
  }
}

export function requireReason(reason: string | null | undefined): string {
  const text = reason?.trim() ?? '';
  if (text === '') {
    throw new AppError('assessment.reason_required', { errors: [{ field: 'reason', message: 'required' }] });
  }
  return maskPersonalText(text);
}

export function changeOf(
  ctx: RequestContext,
  sheet: SheetRow,
  entry: Pick<ChangeInput, 'code' | 'kind' | 'from_value' | 'to_value' | 'reason'>,
): ChangeInput {
  return {
    sheet_id: sheet.id,
    year: sheet.year,
    ...entry,
    actor_id: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    actor_name: ctx.actor.kind === 'user' ? ctx.actor.displayName : null,
    at: ctx.now,
  };
}

/** The assessed period of a year: the district's calendar year, up to now while it is still running. */
export function periodOf(year: number, now: number) {
  const from = instantOfLocalDate(`${year}-01-01`);
  const end = instantOfLocalDate(`${year + 1}-01-01`);
  return { year, from, to: Math.min(end, Math.max(from + 1, now)) };
}

export function notEditable(): AppError {
  return new AppError('assessment.not_editable');
}

/** The lines of a sheet as the scoring functions read them. */
export function statesOf(
  lines: readonly {
    code: string;
    figure: number | null;
    self_points: number | null;
    adjusted_points: number | null;
  }[],
) {
  return new Map(
    lines.map((l) => [
      l.code,
      { code: l.code, figure: l.figure, selfPoints: l.self_points, adjustedPoints: l.adjusted_points },
    ]),
  );
}
