// The checks every user-administration use case shares: which accounts the caller sees (home organisation in their
// subtree), which they may change (no assignment beyond their reach), and which role assignments they may hand out.
import type { Kysely } from 'kysely';
import { orgDirectory, type OrgRow } from '../orgs/index.js';
import type { Database } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { AppError, notFound } from '../platform/errors.js';
import { isInScope, scopeOf, type UserActor } from '../access/index.js';
import { isRole, type Role } from '../access/index.js';
import { mayGrant, roleOrgLevels } from './roleRules.js';
import { userRepository, type AssignmentRecord, type UserRecord, type UserScope } from './userRepository.js';

export function userScopeOf(actor: UserActor): UserScope {
  return { path: actor.active.orgPath, isDistrict: actor.active.orgLevel === 'district' };
}

export type ManagedUser = { user: UserRecord; assignments: AssignmentRecord[] };

/** The account with its assignments, if the caller's scope holds its home organisation; else 404. */
export async function requireUser(
  database: Database,
  actor: UserActor,
  userId: string,
  db: Kysely<DB> = database.db,
): Promise<ManagedUser> {
  const users = userRepository(db, database.dialect);
  const user = await users.findInScope(userScopeOf(actor), userId);
  if (user === undefined) {
    throw notFound();
  }
  return { user, assignments: await users.assignmentsOf([user.id]) };
}

/** Whether every assignment the account holds is one the caller could have granted. */
export function isManageable(actor: UserActor, target: ManagedUser): boolean {
  return target.assignments.every(
    (a) => isRole(a.role) && mayGrant(actor.active.role, a.role) && isInScope(scopeOf(actor), a.orgPath),
  );
}

/** 403 `user.not_manageable` when the account holds a role beyond the caller (e.g. a town admin and a district role). */
export function requireManageable(actor: UserActor, target: ManagedUser): void {
  if (!isManageable(actor, target)) {
    throw new AppError('user.not_manageable');
  }
}

/** An active organisation inside the caller's scope (a home organisation or an assignment's), else 404. */
export async function requireOrgInScope(
  database: Database,
  actor: UserActor,
  orgId: string,
): Promise<OrgRow> {
  const org = await orgDirectory(database.db, database.dialect).findById(scopeOf(actor), orgId);
  if (org === undefined) {
    throw notFound();
  }
  if (org.status !== 'active') {
    throw new AppError('org.dissolved');
  }
  return org;
}

/** 403 for a role the caller may not grant, 404 for an organisation outside their scope, 422 for a level mismatch. */
export async function requireGrantable(
  database: Database,
  actor: UserActor,
  role: Role,
  orgId: string,
): Promise<OrgRow> {
  if (!mayGrant(actor.active.role, role)) {
    throw new AppError('user.role_not_grantable');
  }
  const org = await requireOrgInScope(database, actor, orgId);
  if (!roleOrgLevels[role].includes(org.level)) {
    throw new AppError('user.role_org_mismatch');
  }
  return org;
}
