// Saves a new version of a year's indicator tree. Refused once the year's cycle has opened (the tree is frozen then).
// The caller holds assessment.approve (the organisation department).
import { recordAudit } from '../audit/index.js';
import type { RequestContext } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import type { AssessmentDeps } from './deps.js';
import { assessmentRepository, type TreeRow } from './repository.js';
import { checkLeaderSchemes } from './leaders.js';
import { checkTree, type TreeDefinition } from './tree.js';

export async function saveTree(
  deps: AssessmentDeps,
  ctx: RequestContext,
  year: number,
  tree: TreeDefinition,
): Promise<TreeRow> {
  checkTree(tree);
  checkLeaderSchemes(tree.leaders ?? []);
  return deps.database.db.transaction().execute(async (trx) => {
    const repo = assessmentRepository(trx);
    const latest = await repo.latestTree(year);
    if ((latest !== undefined && latest.frozen_at !== null) || (await repo.findCycle(year)) !== undefined) {
      throw new AppError('assessment.tree_frozen');
    }
    const row: TreeRow = {
      id: newId(ctx.now),
      year,
      version: (latest?.version ?? 0) + 1,
      body: JSON.stringify(tree),
      frozen_at: null,
      created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      created_at: ctx.now,
    };
    await repo.insertTree(row);
    await recordAudit(trx, ctx, {
      action: 'assessment.tree.save',
      entityType: 'assessmentTree',
      entityId: row.id,
      orgPath: null,
      detail: { year, version: row.version },
    });
    return row;
  });
}
