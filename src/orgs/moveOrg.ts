// Moves an organisation (and its whole subtree) under another parent; paths and roll-ups follow. The caller must hold 'org.write'.
import type { Kysely } from 'kysely';
import type { Scope } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database, Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { AppError, notFound } from '../platform/errors.js';
import { followParent, repathAttached } from './attachments.js';
import { isOrgLevel, mayParent } from './levels.js';
import { actorIdOf, recordOrgChange } from './orgChange.js';
import { orgRepository, type OrgRow } from './repository.js';

const parentPathOf = (path: string): string => path.replace(/[^/]+\/$/, '');

/** Re-paths org's subtree under parent and carries its roll-up totals from the old ancestors to the new ones. */
export async function moveSubtree(
  trx: Kysely<DB>,
  dialect: Dialect,
  org: OrgRow,
  parent: OrgRow,
  now: number,
  actorId: string | null,
): Promise<string> {
  const repo = orgRepository(trx, dialect);
  const totals = await repo.rollup(org.id);
  const oldParentPath = parentPathOf(org.path);
  const newPath = await repo.moveSubtree(org, parent, now);
  await repathAttached(trx, dialect, org.path, newPath, now);
  await followParent(trx, dialect, org, parent, now, actorId);
  for (const [metric, value] of Object.entries(totals)) {
    await repo.adjustRollup(oldParentPath, metric, -value);
    await repo.adjustRollup(parent.path, metric, value);
  }
  return newPath;
}

export async function moveOrg(
  database: Database,
  ctx: RequestContext,
  scope: Scope,
  input: { id: string; parentId: string },
): Promise<OrgRow> {
  return database.db.transaction().execute(async (trx) => {
    const repo = orgRepository(trx, database.dialect);
    const org = await repo.findById(scope, input.id);
    const parent = await repo.findById(scope, input.parentId);
    if (org === undefined || parent === undefined || org.path === scope.path) {
      throw notFound();
    }
    if (org.status !== 'active' || parent.status !== 'active') {
      throw new AppError('org.dissolved');
    }
    if (parent.path.startsWith(org.path)) {
      throw new AppError('org.cycle');
    }
    if (!isOrgLevel(parent.level) || !isOrgLevel(org.level) || !mayParent(parent.level, org.level)) {
      throw new AppError('org.invalid_parent');
    }
    if (org.parent_id === parent.id) {
      return org;
    }
    // A party group's members belong to its branch: a group with people may only move to another branch.
    const totals = await repo.rollup(org.id);
    if (
      org.level === 'group' &&
      parent.level !== 'branch' &&
      ((totals.member ?? 0) > 0 || (totals.centralHousehold ?? 0) > 0)
    ) {
      throw new AppError('org.invalid_parent');
    }
    const path = await moveSubtree(trx, database.dialect, org, parent, ctx.now, actorIdOf(ctx));
    const moved = { ...org, parent_id: parent.id, path, depth: parent.depth + 1 };
    await recordOrgChange(trx, repo, ctx, moved, 'move', {
      fromParentId: org.parent_id,
      toParentId: parent.id,
    });
    return moved;
  });
}
