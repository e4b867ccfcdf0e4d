// What other modules may use of identity: authentication, the seeding of users, and the few user and token reads
// other modules need (actors, scope and policies are src/access's). Nothing else of src/identity/ is imported
// from outside.
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { isRole as isRoleKey, type Role, type UserActor } from '../access/index.js';
import { orgDirectory } from '../orgs/index.js';
import { identityRepository } from './repository.js';
import { userRepository } from './userRepository.js';
import type { Dialect } from '../platform/db/database.js';

export {
  authenticate,
  csrfTokenFor,
  identityAuthenticator,
  isCsrfValid,
  SESSION_COOKIE,
  type Credentials,
} from './authenticate.js';
export { accountIdsNamed } from './accountsNamed.js';
export { hashPassword } from './passwords.js';
export { identityRoutes } from './routes.js';

export type ApiTokenRef = {
  id: string;
  kind: string;
  name: string;
  isRevoked: boolean;
  lastUsedAt: number | null;
};

/** The API token stored under this secret hash, whatever its kind (the caller checks kind and revocation). */
export async function findApiTokenByHash(
  db: Kysely<DB>,
  tokenHash: string,
): Promise<ApiTokenRef | undefined> {
  const row = await identityRepository(db).findTokenByHash(tokenHash);
  return row === undefined
    ? undefined
    : {
        id: row.id,
        kind: row.kind,
        name: row.name,
        isRevoked: row.revoked_at !== null,
        lastUsedAt: row.last_used_at,
      };
}

export async function markApiTokenUsed(db: Kysely<DB>, tokenId: string, now: number): Promise<void> {
  await identityRepository(db).markTokenUsed(tokenId, now);
}

export type SeedUser = {
  username: string;
  displayName: string;
  passwordHash: string;
  roles: { role: Role; orgId: string }[];
  now: number;
};

/**
 * For seeders (demo district, test fixtures): creates the user with its role assignments unless the username exists.
 * Returns the new user's id, or null when it already existed. Not a use case: no audit entry, no checks.
 */
export async function seedUser(db: Kysely<DB>, input: SeedUser): Promise<string | null> {
  const users = identityRepository(db);
  if ((await users.findUserByUsername(input.username)) !== undefined) {
    return null;
  }
  const userId = await users.createUser({
    username: input.username,
    displayName: input.displayName,
    passwordHash: input.passwordHash,
    now: input.now,
  });
  for (const r of input.roles) {
    await users.addRole({ userId, role: r.role, orgId: r.orgId, now: input.now });
  }
  return userId;
}

/** Users holding one of the roles at one of the organisations (e.g. a town's command centre, a department's handlers). */
export async function userIdsWithRole(
  db: Kysely<DB>,
  orgIds: readonly string[],
  roles: readonly Role[],
): Promise<string[]> {
  return identityRepository(db).userIdsWithRole(orgIds, roles);
}

/** The longest-standing holder of one of the roles at the organisation (the leader named on a case). */
export async function firstUserWithRole(
  db: Kysely<DB>,
  orgId: string,
  roles: readonly Role[],
): Promise<{ id: string; displayName: string } | undefined> {
  const row = await identityRepository(db).firstUserWithRole(orgId, roles);
  return row === undefined ? undefined : { id: row.id, displayName: row.display_name };
}

/** Active holders of one of the roles at the organisation itself, longest-standing first (leaders one may name). */
export async function usersWithRoleAt(
  db: Kysely<DB>,
  orgId: string,
  roles: readonly Role[],
): Promise<{ id: string; displayName: string; role: string }[]> {
  const rows = await identityRepository(db).usersWithRoleAt(orgId, roles);
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role }));
}

/** Accounts' display names by id (audit log, names on records); deactivated accounts are marked. */
export async function accountNames(
  db: Kysely<DB>,
  ids: readonly string[],
): Promise<Map<string, { displayName: string; username: string; isActive: boolean }>> {
  const rows = await identityRepository(db).namesOf([...new Set(ids)]);
  return new Map(
    rows.map((r) => [
      r.id,
      { displayName: r.display_name, username: r.username, isActive: r.status === 'active' },
    ]),
  );
}

/**
 * An active account that holds a role inside `scopePath` (an account other records may name, e.g. a grid worker's),
 * or undefined: unknown, deactivated and other scopes' accounts all look the same to the caller.
 */
export async function activeAccountInScope(
  db: Kysely<DB>,
  userId: string,
  scopePath: string,
): Promise<{ id: string; displayName: string } | undefined> {
  const repo = identityRepository(db);
  const user = await repo.findUserById(userId);
  if (user === undefined || user.status !== 'active') {
    return undefined;
  }
  const assignments = await repo.assignmentsOf(userId);
  return assignments.some((a) => a.orgPath.startsWith(scopePath))
    ? { id: user.id, displayName: user.display_name }
    : undefined;
}

export type RoleHolder = { orgId: string; role: Role; userId: string; displayName: string };

/** Holders of the roles assigned anywhere in the org subtree at `path` (e.g. the people a ranking lists). */
export async function holdersOfRolesUnder(
  db: Kysely<DB>,
  path: string,
  roles: readonly Role[],
): Promise<RoleHolder[]> {
  const rows = await identityRepository(db).holdersUnder(path, roles);
  return rows.flatMap((r) =>
    isRoleKey(r.role) ? [{ orgId: r.org_id, role: r.role, userId: r.id, displayName: r.display_name }] : [],
  );
}

/** Every holder of the roles, oldest assignment first (generators of demo data). */
export async function holdersOfRoles(db: Kysely<DB>, roles: readonly Role[]): Promise<RoleHolder[]> {
  const rows = await identityRepository(db).assignmentsWithRole(roles);
  return rows.flatMap((r) =>
    isRoleKey(r.role) ? [{ orgId: r.org_id, role: r.role, userId: r.id, displayName: r.display_name }] : [],
  );
}

/** The party member an account is (app_user.member_id), or null. For a caller asking about its own account. */
export async function memberIdOfUser(
  db: Kysely<DB>,
  dialect: Dialect,
  userId: string,
): Promise<string | null> {
  const user = await userRepository(db, dialect).findInScope({ path: '/', isDistrict: true }, userId);
  return user?.memberId ?? null;
}

/** For seeders only (demo accounts): links an account to its party member without the use case's checks. */
export async function seedMemberLink(
  db: Kysely<DB>,
  dialect: Dialect,
  userId: string,
  memberId: string,
  now: number,
): Promise<void> {
  await userRepository(db, dialect).update(userId, { member_id: memberId }, now);
}

/** The active account of each of these party members that has one (a job telling members something). */
export async function activeAccountsOfMembers(
  db: Kysely<DB>,
  memberIds: readonly string[],
): Promise<Map<string, string>> {
  const ids = [...new Set(memberIds)];
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('app_user')
      .select(['id', 'member_id'])
      .where('member_id', 'in', ids.slice(i, i + 500))
      .where('status', '=', 'active')
      .execute();
    for (const r of rows) {
      if (r.member_id !== null) {
        out.set(r.member_id, r.id);
      }
    }
  }
  return out;
}

/** For seeders: which of these party members already have an account linked (one account per member). */
export async function membersWithAccounts(
  db: Kysely<DB>,
  memberIds: readonly string[],
): Promise<Set<string>> {
  const ids = [...new Set(memberIds)];
  const out = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('app_user')
      .select(['member_id'])
      .where('member_id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      if (r.member_id !== null) {
        out.add(r.member_id);
      }
    }
  }
  return out;
}

/**
 * For seeders: the actor a demo stage acts as at an organisation (its first account holding the role, else a
 * stand-in with the given name), so the stage can call the real use cases. Null when the organisation is missing.
 */
export async function seedingActorAt(
  db: Kysely<DB>,
  dialect: Dialect,
  orgId: string,
  role: Role,
  fallbackName: string,
): Promise<UserActor | null> {
  const org = await orgDirectory(db, dialect).findByIdUnscoped(orgId);
  if (org === undefined) {
    return null;
  }
  const user = await firstUserWithRole(db, orgId, [role]);
  const active = {
    id: `demo-${role}`,
    role,
    orgId,
    orgName: org.name,
    orgLevel: org.level,
    orgPath: org.path,
  };
  return {
    kind: 'user',
    userId: user?.id ?? `demo-${role}`,
    username: '',
    displayName: user?.displayName ?? fallbackName,
    assignments: [active],
    active,
    via: 'session',
    sessionSecret: null,
    mustChangePassword: false,
  };
}
