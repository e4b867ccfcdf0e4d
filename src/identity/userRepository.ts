// The SQL of user administration: scoped lists and reads of accounts, their assignments, and the writes of the
// lifecycle (edit, deactivate, passwords, sessions, links). A user's scope is the path of their home organisation.
import { sql, type Kysely } from 'kysely';
import { containsText, subtreeUpper, type Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import type { AppUserTable } from './tables.js';

/** The administrator's reach: the subtree of their assignment; a district admin also sees accounts without a home. */
export type UserScope = { path: string; isDistrict: boolean };

export type UserFilter = {
  /** Part of the username or the display name. */
  q?: string;
  role?: string;
  /** Users with an assignment (or their home) in this organisation's subtree. */
  underPath?: string;
  status?: 'active' | 'inactive';
  offset: number;
  limit: number;
};

const USER_COLUMNS = [
  'app_user.id as id',
  'app_user.username as username',
  'app_user.display_name as displayName',
  'app_user.status as status',
  'app_user.member_id as memberId',
  'app_user.org_id as orgId',
  'org.name as orgName',
  'org.level as orgLevel',
  'org.path as orgPath',
  'app_user.must_change_password as mustChangePassword',
  'app_user.last_login_at as lastLoginAt',
  'app_user.password_changed_at as passwordChangedAt',
  'app_user.deactivated_at as deactivatedAt',
  'app_user.created_at as createdAt',
  'app_user.updated_at as updatedAt',
] as const;

export type UserRecord = {
  id: string;
  username: string;
  displayName: string;
  status: string;
  memberId: string | null;
  orgId: string | null;
  orgName: string | null;
  orgLevel: string | null;
  orgPath: string | null;
  mustChangePassword: number;
  lastLoginAt: number | null;
  passwordChangedAt: number | null;
  deactivatedAt: number | null;
  createdAt: number;
  updatedAt: number;
};

export type AssignmentRecord = {
  id: string;
  userId: string;
  role: string;
  orgId: string;
  orgName: string;
  orgLevel: string;
  orgPath: string;
  createdAt: number;
};

export function userRepository(db: Kysely<DB>, dialect: Dialect) {
  const visible = (scope: UserScope) =>
    db
      .selectFrom('app_user')
      .leftJoin('org', 'org.id', 'app_user.org_id')
      .where((eb) =>
        eb.or([
          eb.and([eb('org.path', '>=', scope.path), eb('org.path', '<', subtreeUpper(scope.path))]),
          ...(scope.isDistrict ? [eb('app_user.org_id', 'is', null)] : []),
        ]),
      );

  const filtered = (scope: UserScope, f: UserFilter) => {
    let q = visible(scope);
    if (f.q !== undefined && f.q !== '') {
      const text = f.q;
      q = q.where((eb) =>
        eb.or([
          containsText(dialect, 'app_user.username', text),
          containsText(dialect, 'app_user.display_name', text),
        ]),
      );
    }
    if (f.status === 'active') {
      q = q.where('app_user.status', '=', 'active');
    } else if (f.status === 'inactive') {
      q = q.where('app_user.status', '<>', 'active');
    }
    const { role, underPath } = f;
    if (role !== undefined || underPath !== undefined) {
      q = q.where((eb) => {
        let held = eb
          .selectFrom('user_role')
          .innerJoin('org as ro', 'ro.id', 'user_role.org_id')
          .select(sql.lit(1).as('one'))
          .whereRef('user_role.user_id', '=', 'app_user.id');
        if (role !== undefined) {
          held = held.where('user_role.role', '=', role);
        }
        if (underPath !== undefined) {
          held = held.where('ro.path', '>=', underPath).where('ro.path', '<', subtreeUpper(underPath));
        }
        const byAssignment = eb.exists(held);
        return role === undefined && underPath !== undefined
          ? eb.or([
              byAssignment,
              eb.and([eb('org.path', '>=', underPath), eb('org.path', '<', subtreeUpper(underPath))]),
            ])
          : byAssignment;
      });
    }
    return q;
  };

  return {
    async list(scope: UserScope, f: UserFilter): Promise<{ rows: UserRecord[]; total: number }> {
      const rows = await filtered(scope, f)
        .select(USER_COLUMNS)
        .orderBy('app_user.username')
        .offset(f.offset)
        .limit(f.limit)
        .execute();
      const count = await filtered(scope, f)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      return { rows, total: Number(count.n) };
    },

    async findInScope(scope: UserScope, id: string): Promise<UserRecord | undefined> {
      return visible(scope).select(USER_COLUMNS).where('app_user.id', '=', id).executeTakeFirst();
    },

    async passwordHashOf(id: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('app_user')
        .select('password_hash')
        .where('id', '=', id)
        .executeTakeFirst();
      return row?.password_hash;
    },

    async assignmentsOf(userIds: string[]): Promise<AssignmentRecord[]> {
      if (userIds.length === 0) {
        return [];
      }
      return db
        .selectFrom('user_role')
        .innerJoin('org', 'org.id', 'user_role.org_id')
        .select([
          'user_role.id as id',
          'user_role.user_id as userId',
          'user_role.role as role',
          'org.id as orgId',
          'org.name as orgName',
          'org.level as orgLevel',
          'org.path as orgPath',
          'user_role.created_at as createdAt',
        ])
        .where('user_role.user_id', 'in', userIds)
        .orderBy('org.depth')
        .orderBy('user_role.created_at')
        .execute();
    },

    async removeAssignment(id: string): Promise<void> {
      await db.updateTable('session').set({ assignment_id: null }).where('assignment_id', '=', id).execute();
      await db.deleteFrom('user_role').where('id', '=', id).execute();
    },

    async takenUsernames(usernames: string[]): Promise<Set<string>> {
      const taken = new Set<string>();
      for (let i = 0; i < usernames.length; i += 500) {
        const rows = await db
          .selectFrom('app_user')
          .select('username')
          .where('username', 'in', usernames.slice(i, i + 500))
          .execute();
        for (const r of rows) {
          taken.add(r.username);
        }
      }
      return taken;
    },

    async findByMember(memberId: string): Promise<{ id: string } | undefined> {
      return db.selectFrom('app_user').select('id').where('member_id', '=', memberId).executeTakeFirst();
    },

    async update(
      id: string,
      patch: Partial<
        Pick<
          AppUserTable,
          | 'display_name'
          | 'org_id'
          | 'status'
          | 'deactivated_at'
          | 'password_hash'
          | 'must_change_password'
          | 'password_changed_at'
          | 'member_id'
        >
      >,
      now: number,
    ): Promise<void> {
      await db
        .updateTable('app_user')
        .set({ ...patch, updated_at: now })
        .where('id', '=', id)
        .execute();
    },

    /** Signs the user out everywhere (but the one session kept, when given); returns how many ended. */
    async endSessions(userId: string, keepIdHash: string | null = null): Promise<number> {
      let q = db.deleteFrom('session').where('user_id', '=', userId);
      if (keepIdHash !== null) {
        q = q.where('id_hash', '<>', keepIdHash);
      }
      const result = await q.executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type UserRepository = ReturnType<typeof userRepository>;
