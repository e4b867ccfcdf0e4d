// All SQL of the linkage module: visits, appeals and their steps. Reads take the caller's reach (a path or a central
// household); the use cases decide that reach from the caller's seat.
import { sql, type Kysely } from 'kysely';
import { repathColumn, subtreeUpper, type Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';

export type VisitRow = DB['linkage_visit'];
export type AppealRow = DB['linkage_appeal'];
export type AppealStepRow = Omit<DB['linkage_appeal_step'], 'id'>;
export type AppealPatch = Partial<
  Omit<AppealRow, 'id' | 'tracking_code' | 'household_id' | 'central_household_id'>
>;

/** What a set of appeals or visits is taken from: a subtree of the org tree or one central household. */
export type Reach = { path: string } | { centralId: string };

/** Appeal counts by the fields the indicators are computed from. */
export type AppealTally = {
  status: string;
  concluded_level: string | null;
  highest_level: string;
  is_overdue: number;
  n: number;
};

export function linkageRepository(db: Kysely<DB>, dialect: Dialect) {
  return {
    async insertVisits(rows: VisitRow[]) {
      for (let i = 0; i < rows.length; i += 500) {
        await db
          .insertInto('linkage_visit')
          .values(rows.slice(i, i + 500))
          .execute();
      }
    },

    async visitsOfHousehold(householdId: string, limit: number) {
      return db
        .selectFrom('linkage_visit')
        .selectAll()
        .where('household_id', '=', householdId)
        .orderBy('visited_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
    },

    /** The latest visit of each of the households (absent: never visited). */
    /** How many appeals each of these households raised since `since` (those with none are absent). */
    async appealCounts(householdIds: readonly string[], since: number): Promise<Map<string, number>> {
      const out = new Map<string, number>();
      for (let i = 0; i < householdIds.length; i += 500) {
        const rows = await db
          .selectFrom('linkage_appeal')
          // PostgreSQL answers a count as a string.
          .select(['household_id', sql<number | string>`count(*)`.as('n')])
          .where('household_id', 'in', householdIds.slice(i, i + 500))
          .where('recorded_at', '>=', since)
          .groupBy('household_id')
          .execute();
        for (const r of rows) {
          out.set(r.household_id, Number(r.n));
        }
      }
      return out;
    },
    async lastVisits(householdIds: string[]): Promise<Map<string, number>> {
      const out = new Map<string, number>();
      for (let i = 0; i < householdIds.length; i += 500) {
        const rows = await db
          .selectFrom('linkage_visit')
          .select(['household_id', sql<number>`max(visited_at)`.as('last')])
          .where('household_id', 'in', householdIds.slice(i, i + 500))
          .groupBy('household_id')
          .execute();
        for (const r of rows) {
          out.set(r.household_id, r.last);
        }
      }
      return out;
    },

    /** Distinct households visited since an instant (or ever), within the reach. */
    async visitedHouseholds(reach: Reach, since: number | null): Promise<number> {
      let q = db.selectFrom('linkage_visit').select(sql<number>`count(distinct household_id)`.as('n'));
      q =
        'path' in reach
          ? q.where('org_path', '>=', reach.path).where('org_path', '<', subtreeUpper(reach.path))
          : q.where('central_household_id', '=', reach.centralId);
      if (since !== null) {
        q = q.where('visited_at', '>=', since);
      }
      const row = await q.executeTakeFirst();
      return row?.n ?? 0;
    },

    async insertAppeals(rows: AppealRow[]) {
      for (let i = 0; i < rows.length; i += 500) {
        await db
          .insertInto('linkage_appeal')
          .values(rows.slice(i, i + 500))
          .execute();
      }
    },

    async updateAppeal(id: string, patch: AppealPatch) {
      await db.updateTable('linkage_appeal').set(patch).where('id', '=', id).execute();
    },

    async findAppeal(id: string) {
      return db.selectFrom('linkage_appeal').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async findAppealForUpdate(id: string) {
      let q = db.selectFrom('linkage_appeal').selectAll().where('id', '=', id);
      if (dialect === 'postgres') {
        q = q.forUpdate();
      }
      return q.executeTakeFirst();
    },

    async findByTracking(code: string) {
      return db.selectFrom('linkage_appeal').selectAll().where('tracking_code', '=', code).executeTakeFirst();
    },

    async appealsOfHousehold(householdId: string, limit: number) {
      return db
        .selectFrom('linkage_appeal')
        .selectAll()
        .where('household_id', '=', householdId)
        .orderBy('recorded_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
    },

    /** Appeals within the reach, newest first; optionally only those waiting at one organisation, or by status. */
    async listAppeals(
      reach: Reach,
      f: { atOrgId?: string; statuses?: string[]; beforeId: string | null; limit: number },
    ) {
      let q = db.selectFrom('linkage_appeal').selectAll();
      q =
        'path' in reach
          ? q.where('org_path', '>=', reach.path).where('org_path', '<', subtreeUpper(reach.path))
          : q.where('central_household_id', '=', reach.centralId);
      if (f.atOrgId !== undefined) {
        q = q.where('level_org_id', '=', f.atOrgId);
      }
      if (f.statuses !== undefined && f.statuses.length > 0) {
        q = q.where('status', 'in', f.statuses);
      }
      if (f.beforeId !== null) {
        q = q.where('id', '<', f.beforeId);
      }
      return q.orderBy('id', 'desc').limit(f.limit).execute();
    },

    async steps(appealId: string) {
      return db
        .selectFrom('linkage_appeal_step')
        .selectAll()
        .where('appeal_id', '=', appealId)
        .orderBy('seq')
        .execute();
    },

    async insertSteps(rows: AppealStepRow[]) {
      for (let i = 0; i < rows.length; i += 500) {
        await db
          .insertInto('linkage_appeal_step')
          .values(rows.slice(i, i + 500))
          .execute();
      }
    },

    async lastSeq(appealId: string): Promise<number> {
      const row = await db
        .selectFrom('linkage_appeal_step')
        .select(sql<number>`max(seq)`.as('seq'))
        .where('appeal_id', '=', appealId)
        .executeTakeFirst();
      return row?.seq ?? 0;
    },

    /** Appeals recorded in [from, to) within the reach, counted by what the indicators need. */
    async tally(reach: Reach, from: number | null, to: number | null): Promise<AppealTally[]> {
      let q = db
        .selectFrom('linkage_appeal')
        .select(['status', 'concluded_level', 'highest_level', 'is_overdue', sql<number>`count(*)`.as('n')]);
      q =
        'path' in reach
          ? q.where('org_path', '>=', reach.path).where('org_path', '<', subtreeUpper(reach.path))
          : q.where('central_household_id', '=', reach.centralId);
      if (from !== null) {
        q = q.where('recorded_at', '>=', from);
      }
      if (to !== null) {
        q = q.where('recorded_at', '<', to);
      }
      const rows = await q.groupBy(['status', 'concluded_level', 'highest_level', 'is_overdue']).execute();
      return rows;
    },

    // ------------------------------------------------ hooks of the organisation tree

    async repath(oldPrefix: string, newPrefix: string) {
      await repathColumn(db, 'linkage_visit', 'org_path', oldPrefix, newPrefix);
      await repathColumn(db, 'linkage_appeal', 'org_path', oldPrefix, newPrefix);
    },

    async reassign(from: { id: string; path: string }, to: { id: string; path: string }) {
      await db
        .updateTable('linkage_visit')
        .set({ org_path: to.path })
        .where('org_path', '=', from.path)
        .execute();
      await db
        .updateTable('linkage_appeal')
        .set({ org_path: to.path })
        .where('org_path', '=', from.path)
        .execute();
      await db
        .updateTable('linkage_appeal')
        .set({ level_org_id: to.id })
        .where('level_org_id', '=', from.id)
        .execute();
    },
  };
}

export type LinkageRepository = ReturnType<typeof linkageRepository>;
