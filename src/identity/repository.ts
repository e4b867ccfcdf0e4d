// All SQL of the identity module.
import type { Kysely } from 'kysely';
import { subtreeUpper } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';
import type { Assignment } from '../access/index.js';
import { isRole, type Role } from '../access/index.js';

export type UserRow = DB['app_user'];

export function identityRepository(db: Kysely<DB>) {
  return {
    async findUserByUsername(username: string) {
      return db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
    },

    async findUserById(id: string) {
      return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async createUser(input: {
      username: string;
      displayName: string;
      passwordHash: string;
      now: number;
      /** Home organisation; when left out, the first role assignment's organisation becomes it. */
      orgId?: string | null;
      mustChangePassword?: boolean;
    }) {
      const id = newId(input.now);
      await db
        .insertInto('app_user')
        .values({
          id,
          username: input.username,
          display_name: input.displayName,
          password_hash: input.passwordHash,
          status: 'active',
          locale: 'zh-CN',
          member_id: null,
          org_id: input.orgId ?? null,
          must_change_password: input.mustChangePassword === true ? 1 : 0,
          password_changed_at: null,
          last_login_at: null,
          deactivated_at: null,
          created_at: input.now,
          updated_at: input.now,
        })
        .execute();
      return id;
    },

    async addRole(input: { userId: string; role: Role; orgId: string; now: number }) {
      const id = newId(input.now);
      await db
        .insertInto('user_role')
        .values({ id, user_id: input.userId, role: input.role, org_id: input.orgId, created_at: input.now })
        .execute();
      await db
        .updateTable('app_user')
        .set({ org_id: input.orgId })
        .where('id', '=', input.userId)
        .where('org_id', 'is', null)
        .execute();
      return id;
    },

    async assignmentsOf(userId: string): Promise<Assignment[]> {
      const rows = await db
        .selectFrom('user_role')
        .innerJoin('org', 'org.id', 'user_role.org_id')
        .select([
          'user_role.id as id',
          'user_role.role as role',
          'org.id as orgId',
          'org.name as orgName',
          'org.level as orgLevel',
          'org.path as orgPath',
        ])
        .where('user_role.user_id', '=', userId)
        .orderBy('org.depth')
        .orderBy('user_role.created_at')
        .execute();
      return rows.flatMap((r) => (isRole(r.role) ? [{ ...r, role: r.role }] : []));
    },

    async createSession(input: {
      idHash: string;
      userId: string;
      assignmentId: string | null;
      now: number;
      expiresAt: number;
      ip: string;
      userAgent: string | null;
    }) {
      await db
        .insertInto('session')
        .values({
          id_hash: input.idHash,
          user_id: input.userId,
          assignment_id: input.assignmentId,
          created_at: input.now,
          expires_at: input.expiresAt,
          last_seen_at: input.now,
          ip: input.ip,
          user_agent: input.userAgent,
        })
        .execute();
    },

    async findSession(idHash: string) {
      return db.selectFrom('session').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
    },

    async touchSession(idHash: string, now: number, expiresAt: number) {
      await db
        .updateTable('session')
        .set({ last_seen_at: now, expires_at: expiresAt })
        .where('id_hash', '=', idHash)
        .execute();
    },

    async setSessionAssignment(idHash: string, assignmentId: string) {
      await db
        .updateTable('session')
        .set({ assignment_id: assignmentId })
        .where('id_hash', '=', idHash)
        .execute();
    },

    async recordLogin(userId: string, now: number) {
      await db.updateTable('app_user').set({ last_login_at: now }).where('id', '=', userId).execute();
    },

    async deleteSession(idHash: string) {
      await db.deleteFrom('session').where('id_hash', '=', idHash).execute();
    },

    async deleteExpiredSessions(now: number) {
      await db.deleteFrom('session').where('expires_at', '<', now).execute();
    },

    async getThrottle(key: string) {
      return db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
    },

    async putThrottle(row: DB['login_throttle']) {
      await db
        .insertInto('login_throttle')
        .values(row)
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            failures: row.failures,
            window_start: row.window_start,
            locked_until: row.locked_until,
          }),
        )
        .execute();
    },

    async clearThrottle(key: string) {
      await db.deleteFrom('login_throttle').where('key', '=', key).execute();
    },

    async createToken(input: {
      name: string;
      kind: 'user' | 'open311';
      tokenHash: string;
      prefix: string;
      userId: string | null;
      createdBy: string | null;
      now: number;
    }) {
      const id = newId(input.now);
      await db
        .insertInto('api_token')
        .values({
          id,
          name: input.name,
          kind: input.kind,
          token_hash: input.tokenHash,
          prefix: input.prefix,
          user_id: input.userId,
          created_by: input.createdBy,
          created_at: input.now,
          last_used_at: null,
          revoked_at: null,
        })
        .execute();
      return id;
    },

    async findTokenByHash(tokenHash: string) {
      return db.selectFrom('api_token').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    },

    async markTokenUsed(id: string, now: number) {
      await db.updateTable('api_token').set({ last_used_at: now }).where('id', '=', id).execute();
    },

    async listTokens() {
      return db.selectFrom('api_token').selectAll().orderBy('created_at', 'desc').execute();
    },

    async revokeToken(id: string, now: number) {
      const result = await db
        .updateTable('api_token')
        .set({ revoked_at: now })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async listUsers() {
      return db.selectFrom('app_user').selectAll().orderBy('username').execute();
    },

    /** Users holding one of the roles at one of the organisations (an assignment's org, not its subtree). */
    async userIdsWithRole(orgIds: readonly string[], roles: readonly Role[]): Promise<string[]> {
      if (orgIds.length === 0 || roles.length === 0) {
        return [];
      }
      // Deactivated accounts hold their assignments for the record but receive no work.
      const rows = await db
        .selectFrom('user_role')
        .innerJoin('app_user', 'app_user.id', 'user_role.user_id')
        .select('user_role.user_id')
        .where('user_role.org_id', 'in', orgIds)
        .where('user_role.role', 'in', roles)
        .where('app_user.status', '=', 'active')
        .execute();
      return rows.map((r) => r.user_id);
    },

    /** Every active holder of one of the roles at the organisation, longest-standing first. */
    async usersWithRoleAt(orgId: string, roles: readonly Role[]) {
      return db
        .selectFrom('user_role')
        .innerJoin('app_user', 'app_user.id', 'user_role.user_id')
        .select(['app_user.id', 'app_user.display_name', 'user_role.role'])
        .where('user_role.org_id', '=', orgId)
        .where('user_role.role', 'in', roles)
        .where('app_user.status', '=', 'active')
        .orderBy('user_role.created_at')
        .execute();
    },

    /** Display names and active state of accounts by id. */
    async namesOf(ids: readonly string[]) {
      if (ids.length === 0) {
        return [];
      }
      return db
        .selectFrom('app_user')
        .select(['id', 'display_name', 'status', 'username'])
        .where('id', 'in', [...ids])
        .execute();
    },

    /** The longest-standing holder of one of the roles at the organisation. */
    async firstUserWithRole(orgId: string, roles: readonly Role[]) {
      return db
        .selectFrom('user_role')
        .innerJoin('app_user', 'app_user.id', 'user_role.user_id')
        .select(['app_user.id', 'app_user.display_name'])
        .where('user_role.org_id', '=', orgId)
        .where('user_role.role', 'in', roles)
        .where('app_user.status', '=', 'active')
        .orderBy('user_role.created_at')
        .executeTakeFirst();
    },

    /** Holders of the roles assigned anywhere in an org subtree, with their names (rankings by person). */
    async holdersUnder(path: string, roles: readonly Role[]) {
      return db
        .selectFrom('user_role')
        .innerJoin('org', 'org.id', 'user_role.org_id')
        .innerJoin('app_user', 'app_user.id', 'user_role.user_id')
        .select(['user_role.org_id', 'user_role.role', 'app_user.id', 'app_user.display_name'])
        .where('user_role.role', 'in', roles)
        .where('org.path', '>=', path)
        .where('org.path', '<', subtreeUpper(path))
        .execute();
    },

    /** Every assignment of the roles with its user's name (generators). */
    async assignmentsWithRole(roles: readonly Role[]) {
      return db
        .selectFrom('user_role')
        .innerJoin('app_user', 'app_user.id', 'user_role.user_id')
        .select(['user_role.org_id', 'user_role.role', 'app_user.id', 'app_user.display_name'])
        .where('user_role.role', 'in', roles)
        .where('app_user.status', '=', 'active')
        .orderBy('user_role.created_at')
        .execute();
    },
  };
}

export type IdentityRepository = ReturnType<typeof identityRepository>;
