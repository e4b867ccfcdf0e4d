// Links an account to the party member it is (members.id) and to the grids it serves as grid worker or leader
// (grid-staff records), so "my grids", "my posts" and "my points" find their person. The caller holds 'admin.users';
// the member and the grids must be inside the caller's scope.
import { recordAudit } from '../audit/index.js';
import { gridStaffLinks, staffRow, type GridRow } from '../grids/index.js';
import { memberDirectory } from '../members/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { AppError, notFound } from '../platform/errors.js';
import { isInScope, scopeOf, type UserActor } from '../access/index.js';
import { requireManageable, requireUser } from './userAdmin.js';
import { userRepository } from './userRepository.js';

export type GridLinkRole = 'leader' | 'worker';

export async function linkMember(
  database: Database,
  ctx: RequestContext,
  actor: UserActor,
  input: { userId: string; memberId: string | null },
): Promise<void> {
  const target = await requireUser(database, actor, input.userId);
  requireManageable(actor, target);
  const users = userRepository(database.db, database.dialect);
  let memberPath: string | null = null;
  if (input.memberId !== null) {
    const member = await memberDirectory(database.db, database.dialect).findById(
      scopeOf(actor),
      input.memberId,
    );
    if (member === undefined) {
      throw notFound();
    }
    const holder = await users.findByMember(member.id);
    if (holder !== undefined && holder.id !== target.user.id) {
      throw new AppError('user.member_taken');
    }
    memberPath = member.org_path;
  }
  if (input.memberId === target.user.memberId) {
    return;
  }
  await database.db.transaction().execute(async (trx) => {
    await userRepository(trx, database.dialect).update(
      target.user.id,
      { member_id: input.memberId },
      ctx.now,
    );
    await recordAudit(trx, ctx, {
      action: 'user.link.member',
      entityType: 'user',
      entityId: target.user.id,
      orgPath: memberPath ?? target.user.orgPath,
      detail: { username: target.user.username, from: target.user.memberId, to: input.memberId },
    });
  });
}

/**
 * Sets the grids the account serves: links missing ones (a grid-staff record carrying the user), ends links no longer
 * wanted. Links to grids outside the caller's scope are left as they are.
 */
export async function linkGrids(
  database: Database,
  ctx: RequestContext,
  actor: UserActor,
  input: { userId: string; grids: { gridId: string; role: GridLinkRole }[] },
): Promise<void> {
  const target = await requireUser(database, actor, input.userId);
  requireManageable(actor, target);
  const grids = gridStaffLinks(database.db);
  const scope = scopeOf(actor);
  const wanted: { grid: GridRow; role: GridLinkRole }[] = [];
  for (const g of input.grids) {
    const grid = await grids.findById(scope, g.gridId);
    if (grid === undefined) {
      throw notFound();
    }
    if (grid.status !== 'active') {
      throw new AppError('grid.retired');
    }
    wanted.push({ grid, role: g.role });
  }
  const current = (await grids.staffOf(await grids.gridIdsOfUser(target.user.id))).filter(
    (s) => s.user_id === target.user.id && isInScope(scope, s.org_path),
  );
  const isWanted = (gridId: string, role: string) =>
    wanted.some((w) => w.grid.id === gridId && w.role === role);
  const ending = current.filter((s) => !isWanted(s.grid_id, s.role));
  const adding = wanted.filter((w) => !current.some((s) => s.grid_id === w.grid.id && s.role === w.role));
  if (ending.length === 0 && adding.length === 0) {
    return;
  }
  await database.db.transaction().execute(async (trx) => {
    const links = gridStaffLinks(trx);
    for (const s of ending) {
      await links.removeStaff(s.id, ctx.now);
    }
    await links.insertStaff(
      adding.map((w) =>
        staffRow(
          null,
          {
            gridId: w.grid.id,
            orgPath: w.grid.org_path,
            name: target.user.displayName,
            phone: null,
            role: w.role,
            userId: target.user.id,
          },
          ctx.now,
        ),
      ),
    );
    await recordAudit(trx, ctx, {
      action: 'user.link.grids',
      entityType: 'user',
      entityId: target.user.id,
      orgPath: target.user.orgPath,
      detail: {
        username: target.user.username,
        added: adding.map((w) => ({ code: w.grid.code, role: w.role })),
        removed: ending.map((s) => ({ gridId: s.grid_id, role: s.role })),
      },
    });
  });
}
