// All SQL of the talent pool: profiles with their skill tags, and assignments. Every read takes the caller's scope
// and filters on the profile's org path in SQL, so a profile outside it is simply not found.
import type { Kysely } from 'kysely';
import type { Scope } from '../access/index.js';
import { repathColumn, subtreeUpper } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { tagPrefixUpper } from './skills.js';
import type { TalentAssignmentTable, TalentProfileTable } from './tables.js';
import { STALE_AFTER_MS } from './vocabulary.js';

export type ProfileRow = TalentProfileTable;
export type AssignmentRow = TalentAssignmentTable;
/** A profile as every answer sees it: the phone only masked. */
export type ProfileListRow = Omit<ProfileRow, 'phone_enc' | 'phone_idx'>;

const LISTED = [
  'talent_profile.id',
  'talent_profile.org_id',
  'talent_profile.org_path',
  'talent_profile.grid_id',
  'talent_profile.member_id',
  'talent_profile.name',
  'talent_profile.kind',
  'talent_profile.skills',
  'talent_profile.summary',
  'talent_profile.availability',
  'talent_profile.weekdays',
  'talent_profile.weekends',
  'talent_profile.consent',
  'talent_profile.consent_at',
  'talent_profile.phone_masked',
  'talent_profile.confirmed_at',
  'talent_profile.created_by',
  'talent_profile.created_at',
  'talent_profile.updated_at',
] as const;

export type ProfileFilter = {
  /** The place: an org subtree inside the scope. */
  underPath: string;
  /** A skill tag or its beginning (normalised). */
  skill?: string;
  kind?: string;
  weekdays?: boolean;
  weekends?: boolean;
  consent?: boolean;
  /** true: only profiles not confirmed for a year; false: only current ones. */
  stale?: boolean;
  now: number;
  afterId?: string;
  limit: number;
};

export function talentRepository(db: Kysely<DB>) {
  const inScope = (scope: Scope) =>
    db
      .selectFrom('talent_profile')
      .where('talent_profile.org_path', '>=', scope.path)
      .where('talent_profile.org_path', '<', subtreeUpper(scope.path));

  return {
    async findById(scope: Scope, id: string): Promise<ProfileListRow | undefined> {
      return inScope(scope).select(LISTED).where('talent_profile.id', '=', id).executeTakeFirst();
    },

    /** The encrypted phone; only for the audited reveal. */
    async phoneOf(id: string): Promise<string | null | undefined> {
      const row = await db
        .selectFrom('talent_profile')
        .select('phone_enc')
        .where('id', '=', id)
        .executeTakeFirst();
      return row?.phone_enc;
    },

    /** Unscoped on purpose: a phone is filed once in the whole pool, wherever the other profile lives. */
    async idOfPhone(phoneIdx: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('talent_profile')
        .select('id')
        .where('phone_idx', '=', phoneIdx)
        .executeTakeFirst();
      return row?.id;
    },

    /** Unscoped on purpose, like the phone: a party member is filed once in the whole pool. */
    async idOfMember(memberId: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('talent_profile')
        .select('id')
        .where('member_id', '=', memberId)
        .executeTakeFirst();
      return row?.id;
    },

    async list(scope: Scope, f: ProfileFilter): Promise<ProfileListRow[]> {
      let q = inScope(scope)
        .select(LISTED)
        .where('talent_profile.org_path', '>=', f.underPath)
        .where('talent_profile.org_path', '<', subtreeUpper(f.underPath));
      if (f.skill !== undefined && f.skill !== '') {
        const skill = f.skill;
        q = q.where('talent_profile.id', 'in', (eb) =>
          eb
            .selectFrom('talent_skill')
            .select('talent_skill.profile_id')
            .where('talent_skill.tag', '>=', skill)
            .where('talent_skill.tag', '<', tagPrefixUpper(skill))
            .where('talent_skill.org_path', '>=', f.underPath)
            .where('talent_skill.org_path', '<', subtreeUpper(f.underPath)),
        );
      }
      if (f.kind !== undefined) {
        q = q.where('talent_profile.kind', '=', f.kind);
      }
      if (f.weekdays === true) {
        q = q.where('talent_profile.weekdays', '=', 1);
      }
      if (f.weekends === true) {
        q = q.where('talent_profile.weekends', '=', 1);
      }
      if (f.consent !== undefined) {
        q = q.where('talent_profile.consent', '=', f.consent ? 1 : 0);
      }
      if (f.stale !== undefined) {
        q = q.where('talent_profile.confirmed_at', f.stale ? '<' : '>=', f.now - STALE_AFTER_MS);
      }
      if (f.afterId !== undefined) {
        q = q.where('talent_profile.id', '>', f.afterId);
      }
      return q.orderBy('talent_profile.id').limit(f.limit).execute();
    },

    async insertProfile(row: ProfileRow, tags: readonly string[]): Promise<void> {
      await db.insertInto('talent_profile').values(row).execute();
      await this.replaceTags(row.id, row.org_path, tags);
    },

    async updateProfile(id: string, patch: Partial<ProfileRow>): Promise<void> {
      await db.updateTable('talent_profile').set(patch).where('id', '=', id).execute();
    },

    async replaceTags(profileId: string, orgPath: string, tags: readonly string[]): Promise<void> {
      await db.deleteFrom('talent_skill').where('profile_id', '=', profileId).execute();
      if (tags.length > 0) {
        await db
          .insertInto('talent_skill')
          .values(tags.map((tag) => ({ profile_id: profileId, tag, org_path: orgPath })))
          .execute();
      }
    },

    /**
     * Candidates for a need: profiles under the path who agreed to be contacted and are available on weekdays or at
     * weekends, newest confirmed first.
     */
    async candidates(scope: Scope, underPath: string, limit: number): Promise<ProfileListRow[]> {
      return inScope(scope)
        .select(LISTED)
        .where('talent_profile.org_path', '>=', underPath)
        .where('talent_profile.org_path', '<', subtreeUpper(underPath))
        .where('talent_profile.consent', '=', 1)
        .where((eb) => eb.or([eb('talent_profile.weekdays', '=', 1), eb('talent_profile.weekends', '=', 1)]))
        .orderBy('talent_profile.confirmed_at', 'desc')
        .orderBy('talent_profile.id')
        .limit(limit)
        .execute();
    },

    /** The profiles with an assignment under way on this need (a demand, post or topic id). */
    async assignedTo(targetId: string): Promise<Set<string>> {
      const rows = await db
        .selectFrom('talent_assignment')
        .select('profile_id')
        .where('target_id', '=', targetId)
        .where('status', '=', 'active')
        .execute();
      return new Set(rows.map((r) => r.profile_id));
    },

    /** The assignments on a need whose talents live in the scope, with who they are, newest first. */
    async assignmentsOn(scope: Scope, targetId: string) {
      return db
        .selectFrom('talent_assignment')
        .innerJoin('talent_profile', 'talent_profile.id', 'talent_assignment.profile_id')
        .selectAll('talent_assignment')
        .select(['talent_profile.name as profile_name', 'talent_profile.kind as profile_kind'])
        .where('talent_assignment.target_id', '=', targetId)
        .where('talent_assignment.org_path', '>=', scope.path)
        .where('talent_assignment.org_path', '<', subtreeUpper(scope.path))
        .orderBy('talent_assignment.starts_at', 'desc')
        .orderBy('talent_assignment.id', 'desc')
        .limit(200)
        .execute();
    },

    /** How many assignments each profile has under way at the instant. */
    async activeAssignmentCounts(profileIds: readonly string[], now: number): Promise<Map<string, number>> {
      const out = new Map<string, number>();
      for (let i = 0; i < profileIds.length; i += 500) {
        const rows = await db
          .selectFrom('talent_assignment')
          .select((eb) => ['profile_id', eb.fn.countAll<number | string>().as('n')])
          .where('profile_id', 'in', profileIds.slice(i, i + 500))
          .where('status', '=', 'active')
          .where('starts_at', '<=', now)
          .groupBy('profile_id')
          .execute();
        for (const r of rows) {
          out.set(r.profile_id, Number(r.n));
        }
      }
      return out;
    },

    async moveAssignments(profileId: string, orgPath: string): Promise<void> {
      await db
        .updateTable('talent_assignment')
        .set({ org_path: orgPath })
        .where('profile_id', '=', profileId)
        .execute();
    },

    async insertAssignment(row: AssignmentRow): Promise<void> {
      await db.insertInto('talent_assignment').values(row).execute();
    },

    async findAssignment(profileId: string, id: string): Promise<AssignmentRow | undefined> {
      return db
        .selectFrom('talent_assignment')
        .selectAll()
        .where('profile_id', '=', profileId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** Completes an assignment still under way; false when another writer completed it first. */
    async completeIfActive(id: string, patch: Partial<AssignmentRow>): Promise<boolean> {
      const r = await db
        .updateTable('talent_assignment')
        .set(patch)
        .where('id', '=', id)
        .where('status', '=', 'active')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async assignmentsOf(profileId: string): Promise<AssignmentRow[]> {
      return db
        .selectFrom('talent_assignment')
        .selectAll()
        .where('profile_id', '=', profileId)
        .orderBy('starts_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
    },

    /**
     * For the numbers: profiles under the path per kind (with consent, and stale: confirmed before staleBefore), and
     * the distinct talents engaged (an assignment running in the period) and the assignments begun in it.
     */
    async numbersUnder(path: string, period: { from: number; to: number }, staleBefore: number) {
      const to = subtreeUpper(path);
      const kinds = await db
        .selectFrom('talent_profile')
        .select((eb) => [
          'kind',
          eb.fn.countAll<number | string>().as('n'),
          eb.fn.sum<number | string | null>('consent').as('consenting'),
          eb.fn
            .sum<number | string | null>(
              eb.case().when('confirmed_at', '<', staleBefore).then(1).else(0).end(),
            )
            .as('stale'),
        ])
        .where('org_path', '>=', path)
        .where('org_path', '<', to)
        .groupBy('kind')
        .execute();
      const engaged = await db
        .selectFrom('talent_assignment')
        .select((eb) => eb.fn.count<number | string>('profile_id').distinct().as('n'))
        .where('org_path', '>=', path)
        .where('org_path', '<', to)
        .where('starts_at', '<', period.to)
        .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>=', period.from)]))
        .executeTakeFirst();
      const begun = await db
        .selectFrom('talent_assignment')
        .select((eb) => [
          eb.fn.countAll<number | string>().as('n'),
          eb.fn
            .sum<number | string | null>(eb.case().when('status', '=', 'completed').then(1).else(0).end())
            .as('completed'),
        ])
        .where('org_path', '>=', path)
        .where('org_path', '<', to)
        .where('starts_at', '>=', period.from)
        .where('starts_at', '<', period.to)
        .executeTakeFirst();
      return {
        kinds: kinds.map((k) => ({
          kind: k.kind,
          total: Number(k.n),
          consenting: Number(k.consenting ?? 0),
          stale: Number(k.stale ?? 0),
        })),
        engaged: Number(engaged?.n ?? 0),
        assignments: Number(begun?.n ?? 0),
        completed: Number(begun?.completed ?? 0),
      };
    },

    async repath(oldPrefix: string, newPrefix: string): Promise<void> {
      await repathColumn(db, 'talent_profile', 'org_path', oldPrefix, newPrefix);
      await repathColumn(db, 'talent_skill', 'org_path', oldPrefix, newPrefix);
      await repathColumn(db, 'talent_assignment', 'org_path', oldPrefix, newPrefix);
    },

    /** Org hook: talents living in a merged organisation now live in the one it merged into. */
    async reassign(from: { id: string }, to: { id: string; path: string }): Promise<void> {
      const ids = db.selectFrom('talent_profile').select('id').where('org_id', '=', from.id);
      await db
        .updateTable('talent_skill')
        .set({ org_path: to.path })
        .where('profile_id', 'in', ids)
        .execute();
      await db
        .updateTable('talent_assignment')
        .set({ org_path: to.path })
        .where('profile_id', 'in', ids)
        .execute();
      await db
        .updateTable('talent_profile')
        .set({ org_id: to.id, org_path: to.path })
        .where('org_id', '=', from.id)
        .execute();
    },
  };
}
