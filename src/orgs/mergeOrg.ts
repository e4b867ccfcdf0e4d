// Merges an organisation into another of the same level: children, members and households move, the source is dissolved.
// The caller must hold 'org.write'.
import type { Scope } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { AppError, notFound } from '../platform/errors.js';
import { reassignAttached } from './attachments.js';
import { isOrgLevel, orgMetric } from './levels.js';
import { moveSubtree } from './moveOrg.js';
import { actorIdOf, recordOrgChange } from './orgChange.js';
import { orgRepository, type OrgRow } from './repository.js';

export async function mergeOrg(
  database: Database,
  ctx: RequestContext,
  scope: Scope,
  input: { id: string; intoId: string },
): Promise<OrgRow> {
  return database.db.transaction().execute(async (trx) => {
    const repo = orgRepository(trx, database.dialect);
    const from = await repo.findById(scope, input.id);
    const into = await repo.findById(scope, input.intoId);
    if (from === undefined || into === undefined || from.path === scope.path) {
      throw notFound();
    }
    if (from.status !== 'active' || into.status !== 'active') {
      throw new AppError('org.dissolved');
    }
    if (from.id === into.id || into.path.startsWith(from.path) || from.path.startsWith(into.path)) {
      throw new AppError('org.cycle');
    }
    if (from.level !== into.level || !isOrgLevel(from.level)) {
      throw new AppError('org.invalid_parent');
    }
    // A party group's members belong to its branch: groups merge only into a group that sits in a branch.
    const intoParent = into.parent_id === null ? undefined : await repo.findByIdUnscoped(into.parent_id);
    if (from.level === 'group' && intoParent?.level !== 'branch') {
      throw new AppError('org.invalid_parent');
    }
    const children = await repo.activeChildren(from.id);
    for (const child of children) {
      await moveSubtree(trx, database.dialect, child, into, ctx.now, actorIdOf(ctx));
    }
    // What is left in the source's totals now hangs on it directly (itself aside): carry it to the target.
    await reassignAttached(trx, database.dialect, from, into, ctx.now, actorIdOf(ctx));
    const ownMetric = orgMetric(from.level);
    for (const [metric, value] of Object.entries(await repo.rollup(from.id))) {
      const direct = metric === ownMetric ? value - 1 : value;
      await repo.adjustRollup(from.path, metric, -direct);
      await repo.adjustRollup(into.path, metric, direct);
    }
    await repo.markDissolved(from.id, ctx.now);
    await repo.adjustRollup(from.path, ownMetric, -1);
    const detail = { fromId: from.id, intoId: into.id, children: children.length };
    await recordOrgChange(trx, repo, ctx, from, 'merge', detail);
    await recordOrgChange(trx, repo, ctx, into, 'absorb', detail);
    return { ...from, status: 'dissolved', dissolved_at: ctx.now };
  });
}
