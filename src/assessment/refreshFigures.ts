// Computes the live figure of every computed line of a sheet from its source, with the records behind it. Allowed
// while the village is still working on its sheet; the figures the town reviews are the ones submitted.
// Sources run before the transaction opens (they read other modules' records); the writes are one transaction.
import type { Scope } from '../access/index.js';
import { AppError } from '../platform/errors.js';
import { toDbJson } from '../platform/db/database.js';
import {
  DISTRICT_SCOPE,
  isComputedLine,
  periodOf,
  sheetOrThrow,
  treeOf,
  type AssessmentDeps,
} from './deps.js';
import { assessmentRepository, type SheetRow } from './repository.js';
import { pointsForFigure } from './scoring.js';
import { findSource, sourceContext, type SourceContext, type SourceRecords } from './sources.js';
import { linesOf, maxPointsOf } from './tree.js';

export const EDITABLE_BY_VILLAGE = ['draft', 'returned'];

type Figure = { code: string; figure: number | null; points: number | null; records: SourceRecords | null };

export async function computeFigures(
  deps: AssessmentDeps,
  sheet: SheetRow,
  now: number,
  shared?: SourceContext,
): Promise<Figure[]> {
  const repo = assessmentRepository(deps.database.db);
  const tree = await treeOf(repo, sheet.tree_id);
  const ctx = shared ?? sourceContext(deps.database, now);
  const org = { id: sheet.org_id, path: sheet.org_path, name: sheet.org_name, level: 'village' };
  const period = periodOf(sheet.year, now);
  const out: Figure[] = [];
  for (const ref of linesOf(tree)) {
    if (!isComputedLine(ref.line)) {
      continue;
    }
    const source = findSource(ref.line.source ?? '')!;
    const f = await source.compute(ctx, org, period);
    const value = f.value === null ? null : Math.round(f.value * 10000) / 10000;
    out.push({
      code: ref.line.code,
      figure: value,
      points: pointsForFigure(ref.line.rule, maxPointsOf(ref), value),
      records: f.records,
    });
  }
  return out;
}

export async function writeFigures(deps: AssessmentDeps, sheetId: string, figures: Figure[], now: number) {
  await deps.database.db.transaction().execute(async (trx) => {
    const repo = assessmentRepository(trx);
    for (const f of figures) {
      await repo.updateLine(sheetId, f.code, {
        figure: f.figure,
        figure_points: f.points,
        records: toDbJson(f.records),
        updated_at: now,
      });
    }
    await repo.updateSheet(sheetId, { computed_at: now, updated_at: now });
  });
}

export async function refreshFigures(deps: AssessmentDeps, scope: Scope, sheetId: string, now: number) {
  const repo = assessmentRepository(deps.database.db);
  const sheet = await sheetOrThrow(repo, scope, sheetId);
  if (!EDITABLE_BY_VILLAGE.includes(sheet.status)) {
    throw new AppError('assessment.not_editable');
  }
  await writeFigures(deps, sheet.id, await computeFigures(deps, sheet, now), now);
  return sheetOrThrow(repo, DISTRICT_SCOPE, sheet.id);
}
