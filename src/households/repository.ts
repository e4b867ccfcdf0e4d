// All SQL of the household module: central households (党员中心户), households and their linkage. Reads take the caller's scope.
import { sql, type Kysely } from 'kysely';
import type { Scope } from '../access/index.js';
import { containsText, repathColumn, subtreeUpper, type Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';

export type CentralHouseholdRow = DB['central_household'];
export type HouseholdRow = DB['household'];

export function householdRepository(db: Kysely<DB>, dialect: Dialect) {
  const centralInScope = (scope: Scope) =>
    db
      .selectFrom('central_household')
      .where('central_household.group_path', '>=', scope.path)
      .where('central_household.group_path', '<', subtreeUpper(scope.path));
  const householdInScope = (scope: Scope) =>
    db
      .selectFrom('household')
      .where('household.org_path', '>=', scope.path)
      .where('household.org_path', '<', subtreeUpper(scope.path));

  return {
    async insertCentralHouseholds(rows: CentralHouseholdRow[]) {
      for (let i = 0; i < rows.length; i += 500) {
        await db
          .insertInto('central_household')
          .values(rows.slice(i, i + 500))
          .execute();
      }
    },

    async insertHouseholds(rows: HouseholdRow[]) {
      for (let i = 0; i < rows.length; i += 500) {
        await db
          .insertInto('household')
          .values(rows.slice(i, i + 500))
          .execute();
      }
    },

    async findCentral(scope: Scope, id: string) {
      return centralInScope(scope).selectAll().where('central_household.id', '=', id).executeTakeFirst();
    },

    async headedBy(memberId: string) {
      return db
        .selectFrom('central_household')
        .selectAll()
        .where('head_member_id', '=', memberId)
        .where('status', '=', 'active')
        .executeTakeFirst();
    },

    /** Central households of a subtree with the number of households each links. */
    async listCentral(
      scope: Scope,
      underPath: string,
      afterId: string | null,
      limit: number,
      onlyId: string | null = null,
    ) {
      let q = centralInScope(scope)
        .innerJoin('member', 'member.id', 'central_household.head_member_id')
        .innerJoin('org', 'org.id', 'central_household.group_id')
        .select([
          'central_household.id',
          'central_household.name',
          'central_household.status',
          'central_household.group_id',
          'central_household.head_member_id',
          'member.name as head_name',
          'org.name as group_name',
          (eb) =>
            eb
              .selectFrom('household')
              .select(sql<number>`count(*)`.as('n'))
              .whereRef('household.central_household_id', '=', 'central_household.id')
              .as('linked'),
        ])
        .where('central_household.group_path', '>=', underPath)
        .where('central_household.group_path', '<', subtreeUpper(underPath));
      if (afterId !== null) {
        q = q.where('central_household.id', '>', afterId);
      }
      if (onlyId !== null) {
        q = q.where('central_household.id', '=', onlyId);
      }
      return q.orderBy('central_household.id').limit(limit).execute();
    },

    async householdsOfCentral(scope: Scope, centralId: string) {
      return householdInScope(scope)
        .selectAll()
        .where('household.central_household_id', '=', centralId)
        .orderBy('household.id')
        .execute();
    },

    /** Every household of the villages under a path, with its village: the frame a survey samples from. */
    async householdsOfVillagesUnder(path: string) {
      return db
        .selectFrom('household')
        .select(['id', 'village_id'])
        .where('village_path', '>=', path)
        .where('village_path', '<', subtreeUpper(path))
        .orderBy('id')
        .execute();
    },

    /** Households by id, unscoped: for a caller that found their ids in its own scoped records (a survey's sample). */
    async householdsByIds(ids: readonly string[]) {
      if (ids.length === 0) {
        return [];
      }
      return db
        .selectFrom('household')
        .selectAll()
        .where('id', 'in', [...ids])
        .execute();
    },

    async findHousehold(scope: Scope, id: string) {
      return householdInScope(scope).selectAll().where('household.id', '=', id).executeTakeFirst();
    },

    async listHouseholds(
      scope: Scope,
      f: { underPath: string; isUnlinked?: boolean; text?: string; afterId: string | null; limit: number },
    ) {
      let q = householdInScope(scope)
        .selectAll()
        .where('household.org_path', '>=', f.underPath)
        .where('household.org_path', '<', subtreeUpper(f.underPath));
      if (f.isUnlinked === true) {
        q = q.where('household.central_household_id', 'is', null);
      }
      if (f.text !== undefined && f.text !== '') {
        const text = f.text;
        q = q.where((eb) =>
          eb.or([
            containsText(dialect, 'household.address', text),
            containsText(dialect, 'household.head_name', text),
          ]),
        );
      }
      if (f.afterId !== null) {
        q = q.where('household.id', '>', f.afterId);
      }
      return q.orderBy('household.id').limit(f.limit).execute();
    },

    async setLink(id: string, centralId: string | null, orgPath: string, now: number) {
      await db
        .updateTable('household')
        .set({ central_household_id: centralId, org_path: orgPath, updated_at: now })
        .where('id', '=', id)
        .execute();
    },

    // ------------------------------------------------ hooks of the organisation tree

    async repath(oldPrefix: string, newPrefix: string) {
      await repathColumn(db, 'central_household', 'group_path', oldPrefix, newPrefix);
      await repathColumn(db, 'household', 'org_path', oldPrefix, newPrefix);
      await repathColumn(db, 'household', 'village_path', oldPrefix, newPrefix);
    },

    async reassign(from: { id: string; path: string }, to: { id: string; path: string }) {
      await db
        .updateTable('central_household')
        .set({ group_id: to.id, group_path: to.path })
        .where('group_id', '=', from.id)
        .execute();
      await db
        .updateTable('household')
        .set({ village_id: to.id, village_path: to.path })
        .where('village_id', '=', from.id)
        .execute();
      await db
        .updateTable('household')
        .set({ org_path: to.path })
        .where('org_path', '=', from.path)
        .execute();
    },
  };
}

export type HouseholdRepository = ReturnType<typeof householdRepository>;

/** For the grid module: the households of a village, to place them in grids. */
export async function listHouseholdIdsByVillage(db: Kysely<DB>, villageId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('household')
    .select('id')
    .where('village_id', '=', villageId)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

export type HouseholdPlacement = {
  id: string;
  gridId: string | null;
  lng: number | null;
  lat: number | null;
};

/** For the grid module: sets grid and coordinates of many households, 500 per statement (call inside a transaction). */
export async function placeHouseholds(db: Kysely<DB>, rows: HouseholdPlacement[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const values = sql.join(
      rows.slice(i, i + 500).map((r) => sql`(${r.id}, ${r.gridId}, ${r.lng}, ${r.lat})`),
    );
    // UPDATE ... FROM a VALUES list: one statement per batch on both databases.
    await sql`with v(id, grid_id, lng, lat) as (values ${values})
      update household set
        grid_id = cast(v.grid_id as text),
        lng = cast(v.lng as double precision),
        lat = cast(v.lat as double precision)
      from v where household.id = cast(v.id as text)`.execute(db);
  }
}
