// Opens a year's cycle: freezes the year's tree (the default tree when none was saved) and gives every active village
// and community a score sheet with one line per item. The caller holds assessment.approve.
import { recordAudit } from '../audit/index.js';
import { orgDirectory } from '../orgs/index.js';
import type { RequestContext } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { defaultTree } from './defaultTree.js';
import type { AssessmentDeps } from './deps.js';
import { assessmentRepository, type CycleRow, type LineRow, type SheetRow } from './repository.js';
import { checkTree, linesOf, type TreeDefinition } from './tree.js';

export async function openCycle(
  deps: AssessmentDeps,
  ctx: RequestContext,
  year: number,
): Promise<{ cycle: CycleRow; sheets: number }> {
  return deps.database.db.transaction().execute(async (trx) => {
    const repo = assessmentRepository(trx);
    if ((await repo.findCycle(year)) !== undefined) {
      throw new AppError('assessment.cycle_exists');
    }
    let tree = await repo.latestTree(year);
    if (tree === undefined) {
      const body = defaultTree(year);
      checkTree(body);
      tree = {
        id: newId(ctx.now),
        year,
        version: 1,
        body: JSON.stringify(body),
        frozen_at: null,
        created_by: null,
        created_at: ctx.now,
      };
      await repo.insertTree(tree);
    }
    await repo.freezeTree(tree.id, ctx.now);
    const definition = JSON.parse(tree.body) as TreeDefinition;
    const cycle: CycleRow = {
      year,
      tree_id: tree.id,
      status: 'open',
      opened_at: ctx.now,
      opened_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    };
    await repo.insertCycle(cycle);

    const orgs = orgDirectory(trx, deps.database.dialect);
    const villages = await orgs.activeAtLevel('village');
    const towns = new Map((await orgs.activeAtLevel('town')).map((t) => [t.id, t.name]));
    const codes = linesOf(definition).map((r) => r.line.code);
    const sheets: SheetRow[] = [];
    const lines: LineRow[] = [];
    for (const v of villages) {
      const id = newId(ctx.now);
      sheets.push({
        id,
        year,
        tree_id: tree.id,
        org_id: v.id,
        org_path: v.path,
        org_name: v.name,
        town_name: v.parent_id === null ? null : (towns.get(v.parent_id) ?? null),
        status: 'draft',
        notice_id: null,
        computed_at: null,
        submitted_at: null,
        reviewed_at: null,
        approved_at: null,
        created_at: ctx.now,
        updated_at: ctx.now,
      });
      for (const code of codes) {
        lines.push({
          sheet_id: id,
          code,
          org_path: v.path,
          figure: null,
          figure_points: null,
          records: null,
          self_points: null,
          self_note: null,
          adjusted_points: null,
          adjusted_reason: null,
          adjusted_by: null,
          adjusted_at: null,
          evidence_ids: '[]',
          updated_at: ctx.now,
        });
      }
    }
    await repo.insertSheets(sheets);
    await repo.insertLines(lines);
    await recordAudit(trx, ctx, {
      action: 'assessment.cycle.open',
      entityType: 'assessmentCycle',
      entityId: String(year),
      orgPath: null,
      detail: { treeId: tree.id, sheets: sheets.length },
    });
    return { cycle, sheets: sheets.length };
  });
}
