// All SQL of the party-member module. Reads take the caller's scope: a member outside it is "not found".
import { sql, type Kysely } from 'kysely';
import type { Scope } from '../access/index.js';
import { containsText, repathColumn, subtreeUpper, type Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';

export type MemberRow = DB['member'];
export type MemberTransferRow = DB['member_transfer'];

export type MemberFilter = {
  /** Subtree of this path (a branch, a group, a village...). */
  underPath: string;
  name?: string;
  status?: string;
  gender?: string;
  education?: string;
  /** Members registered (双报到) in a community under this path. */
  communityPath?: string;
  afterId?: string;
  limit: number;
};

/** Columns that never leave the repository except to the reveal use case. */
const LISTED = [
  'member.id',
  'member.name',
  'member.gender',
  'member.birth_date',
  'member.ethnicity',
  'member.education',
  'member.id_number_masked',
  'member.phone_masked',
  'member.joined_on',
  'member.status',
  'member.branch_id',
  'member.group_id',
  'member.org_path',
  'member.community_id',
  'member.community_path',
  'member.created_at',
  'member.updated_at',
] as const;

export type MemberListRow = Omit<MemberRow, 'id_number_enc' | 'id_number_idx' | 'phone_enc'>;

export function memberRepository(db: Kysely<DB>, dialect: Dialect) {
  const inScope = (scope: Scope) =>
    db.selectFrom('member').where((eb) =>
      eb.or([
        eb.and([
          eb('member.org_path', '>=', scope.path),
          eb('member.org_path', '<', subtreeUpper(scope.path)),
        ]),
        // A community sees the in-service members registered with it (双报到).
        eb.and([
          eb('member.community_path', '>=', scope.path),
          eb('member.community_path', '<', subtreeUpper(scope.path)),
        ]),
      ]),
    );

  return {
    async insertMany(rows: MemberRow[]) {
      for (let i = 0; i < rows.length; i += 500) {
        await db
          .insertInto('member')
          .values(rows.slice(i, i + 500))
          .execute();
      }
    },

    async findById(scope: Scope, id: string): Promise<MemberListRow | undefined> {
      return inScope(scope).select(LISTED).where('member.id', '=', id).executeTakeFirst();
    },

    /** The encrypted personal fields; only for the audited reveal use case. */
    async secretsOf(id: string) {
      return db
        .selectFrom('member')
        .select(['id_number_enc', 'phone_enc'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async list(scope: Scope, f: MemberFilter): Promise<MemberListRow[]> {
      let q = inScope(scope).select(LISTED);
      const under = f.communityPath ?? f.underPath;
      const column = f.communityPath === undefined ? 'member.org_path' : 'member.community_path';
      q = q.where(column, '>=', under).where(column, '<', subtreeUpper(under));
      if (f.name !== undefined && f.name !== '') {
        q = q.where(containsText(dialect, 'member.name', f.name));
      }
      if (f.status !== undefined) {
        q = q.where('member.status', '=', f.status);
      }
      if (f.gender !== undefined) {
        q = q.where('member.gender', '=', f.gender);
      }
      if (f.education !== undefined) {
        q = q.where('member.education', '=', f.education);
      }
      if (f.afterId !== undefined) {
        q = q.where('member.id', '>', f.afterId);
      }
      return q.orderBy('member.id').limit(f.limit).execute();
    },

    /** Which of these blind indexes already belong to a member (duplicate detection without plaintext). */
    async existingIdIndexes(indexes: string[]): Promise<Set<string>> {
      const found = new Set<string>();
      for (let i = 0; i < indexes.length; i += 500) {
        const rows = await db
          .selectFrom('member')
          .select('id_number_idx')
          .where('id_number_idx', 'in', indexes.slice(i, i + 500))
          .execute();
        for (const r of rows) {
          found.add(r.id_number_idx);
        }
      }
      return found;
    },

    async placeInBranch(
      id: string,
      input: { branchId: string; groupId: string | null; orgPath: string; now: number },
    ) {
      await db
        .updateTable('member')
        .set({
          branch_id: input.branchId,
          group_id: input.groupId,
          org_path: input.orgPath,
          updated_at: input.now,
        })
        .where('id', '=', id)
        .execute();
    },

    async setCommunity(id: string, community: { id: string; path: string } | null, now: number) {
      await db
        .updateTable('member')
        .set({
          community_id: community?.id ?? null,
          community_path: community?.path ?? null,
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
    },

    async insertTransfer(row: Omit<MemberTransferRow, 'id'>) {
      await db.insertInto('member_transfer').values(row).execute();
    },

    async insertTransfers(rows: Omit<MemberTransferRow, 'id'>[]) {
      for (let i = 0; i < rows.length; i += 500) {
        await db
          .insertInto('member_transfer')
          .values(rows.slice(i, i + 500))
          .execute();
      }
    },

    async transfers(memberId: string) {
      return db
        .selectFrom('member_transfer')
        .selectAll()
        .where('member_id', '=', memberId)
        .orderBy('id', 'desc')
        .execute();
    },

    async insertRoles(rows: DB['member_role'][]) {
      for (let i = 0; i < rows.length; i += 500) {
        await db
          .insertInto('member_role')
          .values(rows.slice(i, i + 500))
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    },

    async removeRole(memberId: string, orgId: string, role: string) {
      await db
        .deleteFrom('member_role')
        .where('member_id', '=', memberId)
        .where('org_id', '=', orgId)
        .where('role', '=', role)
        .execute();
    },

    async rolesOfMember(memberId: string) {
      return db
        .selectFrom('member_role')
        .innerJoin('org', 'org.id', 'member_role.org_id')
        .select([
          'member_role.role',
          'member_role.since',
          'org.id as org_id',
          'org.name as org_name',
          'org.level as org_level',
        ])
        .where('member_role.member_id', '=', memberId)
        .execute();
    },

    /** Post holders of one organisation (its secretary, committee, group leader). */
    async officersOf(orgId: string) {
      return db
        .selectFrom('member_role')
        .innerJoin('member', 'member.id', 'member_role.member_id')
        .select(['member_role.role', 'member_role.since', 'member.id', 'member.name', 'member.gender'])
        .where('member_role.org_id', '=', orgId)
        .orderBy('member_role.role')
        .orderBy('member.name')
        .execute();
    },

    async namesOf(ids: string[]): Promise<Map<string, string>> {
      if (ids.length === 0) {
        return new Map();
      }
      const rows = await db.selectFrom('member').select(['id', 'name']).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    // ------------------------------------------------ hooks of the organisation tree

    /** An org subtree moved: every path under the old prefix now starts with the new one. */
    async repath(oldPrefix: string, newPrefix: string) {
      await repathColumn(db, 'member', 'org_path', oldPrefix, newPrefix);
      await repathColumn(db, 'member', 'community_path', oldPrefix, newPrefix);
    },

    /** A party group moved to another branch: its members' organisational relation follows, with transfer records. */
    async followGroup(groupId: string, branchId: string, at: number, actorId: string | null) {
      await db
        .insertInto('member_transfer')
        .columns(['member_id', 'kind', 'from_branch_id', 'to_branch_id', 'at', 'actor_id', 'reason'])
        .expression(
          db
            .selectFrom('member')
            .select([
              'id',
              sql<string>`cast('regroup' as text)`.as('kind'),
              'branch_id',
              sql<string>`cast(${branchId} as text)`.as('to_branch_id'),
              sql<number>`cast(${at} as bigint)`.as('at'),
              sql<string | null>`cast(${actorId} as text)`.as('actor_id'),
              sql<string | null>`cast(null as text)`.as('reason'),
            ])
            .where('group_id', '=', groupId)
            .where('branch_id', '!=', branchId),
        )
        .execute();
      await db.updateTable('member').set({ branch_id: branchId }).where('group_id', '=', groupId).execute();
    },

    /**
     * An org was merged into another of its level (its children already moved): members attached to it directly
     * now belong to the target; a change of branch gets a transfer record.
     */
    async reassign(
      from: { id: string; path: string; level: string },
      to: { id: string; path: string; parent_id: string | null },
      at: number,
      actorId: string | null,
    ) {
      const targetBranch = from.level === 'group' ? to.parent_id : to.id;
      const column = from.level === 'group' ? 'group_id' : 'branch_id';
      if ((from.level === 'branch' || from.level === 'group') && targetBranch !== null) {
        await db
          .insertInto('member_transfer')
          .columns(['member_id', 'kind', 'from_branch_id', 'to_branch_id', 'at', 'actor_id', 'reason'])
          .expression(
            db
              .selectFrom('member')
              .select([
                'id',
                sql<string>`cast('merge' as text)`.as('kind'),
                'branch_id',
                sql<string>`cast(${targetBranch} as text)`.as('to_branch_id'),
                sql<number>`cast(${at} as bigint)`.as('at'),
                sql<string | null>`cast(${actorId} as text)`.as('actor_id'),
                sql<string | null>`cast(null as text)`.as('reason'),
              ])
              .where(column, '=', from.id)
              .where('branch_id', '!=', targetBranch),
          )
          .execute();
        if (from.level === 'group') {
          await db
            .updateTable('member')
            .set({ group_id: to.id, branch_id: targetBranch, org_path: to.path })
            .where('group_id', '=', from.id)
            .execute();
        } else {
          await db.updateTable('member').set({ branch_id: to.id }).where('branch_id', '=', from.id).execute();
          await db
            .updateTable('member')
            .set({ org_path: to.path })
            .where('org_path', '=', from.path)
            .execute();
        }
      }
      await db
        .updateTable('member')
        .set({ community_id: to.id, community_path: to.path })
        .where('community_id', '=', from.id)
        .execute();
    },
  };
}

export type MemberRepository = ReturnType<typeof memberRepository>;
