// Reads of user administration: one page of accounts in the caller's scope, and one account with its assignments,
// member link and grid links. The caller holds 'admin.users'.
import { gridStaffLinks } from '../grids/index.js';
import { memberDirectory } from '../members/index.js';
import { orgDirectory } from '../orgs/index.js';
import type { Database } from '../platform/db/database.js';
import { scopeOf, type UserActor } from '../access/index.js';
import { isManageable, requireUser, userScopeOf, type ManagedUser } from './userAdmin.js';
import { userRepository, type AssignmentRecord, type UserFilter, type UserRecord } from './userRepository.js';

export type UserPage = {
  rows: { user: UserRecord; assignments: AssignmentRecord[] }[];
  total: number;
};

export async function listUsers(
  database: Database,
  actor: UserActor,
  filter: Omit<UserFilter, 'underPath'> & { orgId?: string },
): Promise<UserPage> {
  let underPath: string | undefined;
  if (filter.orgId !== undefined) {
    const org = await orgDirectory(database.db, database.dialect).findById(scopeOf(actor), filter.orgId);
    if (org === undefined) {
      return { rows: [], total: 0 };
    }
    underPath = org.path;
  }
  const users = userRepository(database.db, database.dialect);
  const { rows, total } = await users.list(userScopeOf(actor), { ...filter, underPath });
  const assignments = await users.assignmentsOf(rows.map((r) => r.id));
  return {
    rows: rows.map((user) => ({ user, assignments: assignments.filter((a) => a.userId === user.id) })),
    total,
  };
}

export type UserDetail = ManagedUser & {
  isManageable: boolean;
  member: { id: string; name: string | null } | null;
  grids: { staffId: string; gridId: string; code: string | null; name: string | null; role: string }[];
};

export async function getUserDetail(
  database: Database,
  actor: UserActor,
  userId: string,
): Promise<UserDetail> {
  const target = await requireUser(database, actor, userId);
  const scope = scopeOf(actor);
  const memberRow =
    target.user.memberId === null
      ? undefined
      : await memberDirectory(database.db, database.dialect).findById(scope, target.user.memberId);
  const links = gridStaffLinks(database.db);
  const staff = (await links.staffOf(await links.gridIdsOfUser(target.user.id))).filter(
    (s) => s.user_id === target.user.id,
  );
  const grids = [];
  for (const s of staff) {
    const grid = await links.findById(scope, s.grid_id);
    grids.push({
      staffId: s.id,
      gridId: s.grid_id,
      code: grid?.code ?? null,
      name: grid?.name ?? null,
      role: s.role,
    });
  }
  return {
    ...target,
    isManageable: isManageable(actor, target),
    member:
      target.user.memberId === null ? null : { id: target.user.memberId, name: memberRow?.name ?? null },
    grids,
  };
}
