// All SQL of the grid module. Every read that serves a caller takes their scope; a grid outside it is "not found".
import { sql, type Kysely } from 'kysely';
import type { Scope } from '../access/index.js';
import { repathColumn, subtreeUpper } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import type { BBox } from './geometry.js';

export type GridRow = DB['grid'];
export type GridStaffRow = DB['grid_staff'];
export type GridOutlineRow = DB['grid_outline'];
export type GridVersionRow = DB['grid_version'];

export type GridFilter = {
  /** Only grids under this org path (a town or village inside the scope). */
  underPath?: string;
  type?: string;
  net?: string;
  status?: string;
  q?: string;
};

export function gridRepository(db: Kysely<DB>) {
  const inScope = (scope: Scope) =>
    db
      .selectFrom('grid')
      .where('grid.org_path', '>=', scope.path)
      .where('grid.org_path', '<', subtreeUpper(scope.path));

  const filtered = (scope: Scope, f: GridFilter) => {
    let q = inScope(scope);
    if (f.underPath !== undefined) {
      q = q.where('grid.org_path', '>=', f.underPath).where('grid.org_path', '<', subtreeUpper(f.underPath));
    }
    if (f.type !== undefined) {
      q = q.where('grid.type', '=', f.type);
    }
    if (f.status !== undefined) {
      q = q.where('grid.status', '=', f.status);
    }
    if (f.net !== undefined) {
      q = q.where('grid.nets', 'like', `%"${f.net}"%`);
    }
    if (f.q !== undefined && f.q !== '') {
      const text = f.q;
      q = q.where((eb) => eb.or([eb('grid.code', 'like', `${text}%`), eb('grid.name', 'like', `%${text}%`)]));
    }
    return q;
  };

  return {
    async insert(row: GridRow) {
      await db.insertInto('grid').values(row).execute();
    },

    async insertMany(rows: GridRow[]) {
      for (let i = 0; i < rows.length; i += 200) {
        await db
          .insertInto('grid')
          .values(rows.slice(i, i + 200))
          .execute();
      }
    },

    async update(id: string, patch: Partial<Omit<GridRow, 'id'>>) {
      await db.updateTable('grid').set(patch).where('id', '=', id).execute();
    },

    async findById(scope: Scope, id: string) {
      return inScope(scope).selectAll().where('grid.id', '=', id).executeTakeFirst();
    },

    /** Unscoped: for use cases that have already decided the caller may act. */
    async findByIdUnscoped(id: string) {
      return db.selectFrom('grid').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async findByCode(code: string) {
      return db.selectFrom('grid').selectAll().where('code', '=', code).executeTakeFirst();
    },

    async findByCodes(codes: string[]) {
      if (codes.length === 0) {
        return [];
      }
      return db.selectFrom('grid').selectAll().where('code', 'in', codes).execute();
    },

    /** One page of grids in code order, without geometry. */
    async list(scope: Scope, f: GridFilter, limit: number, afterCode: string | null) {
      let q = filtered(scope, f);
      if (afterCode !== null) {
        q = q.where('grid.code', '>', afterCode);
      }
      return q
        .select([
          'id',
          'code',
          'name',
          'type',
          'sub_type',
          'village_id',
          'town_id',
          'org_path',
          'area_m2',
          'nets',
          'party_org_kind',
          'party_org_id',
          'central_household_id',
          'household_count',
          'status',
          'version',
          'updated_at',
        ])
        .orderBy('grid.code')
        .limit(limit)
        .execute();
    },

    async count(scope: Scope, f: GridFilter): Promise<number> {
      const row = await filtered(scope, f)
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirst();
      return row?.n ?? 0;
    },

    /** Every grid with its geometry (map layer, coverage, export). */
    async withGeometry(scope: Scope, f: GridFilter) {
      return filtered(scope, f).selectAll().orderBy('grid.code').execute();
    },

    /** Active grids for the point index: all of them, whoever asks. */
    async forIndex() {
      return db
        .selectFrom('grid')
        .select(['id', 'code', 'village_id', 'town_id', 'geometry'])
        .where('status', '=', 'active')
        .execute();
    },

    /** Active grids whose bounding box touches the box (the overlap candidates); unscoped. */
    async touching(box: BBox, excludeIds: string[]) {
      let q = db
        .selectFrom('grid')
        .selectAll()
        .where('status', '=', 'active')
        .where('min_lng', '<=', box.maxLng)
        .where('max_lng', '>=', box.minLng)
        .where('min_lat', '<=', box.maxLat)
        .where('max_lat', '>=', box.minLat);
      if (excludeIds.length > 0) {
        q = q.where('id', 'not in', excludeIds);
      }
      return q.execute();
    },

    async maxCodeOfVillage(villageCode: string): Promise<string | null> {
      const row = await db
        .selectFrom('grid')
        .select(sql<string | null>`max(code)`.as('code'))
        .where('code', '>=', `${villageCode}000`)
        .where('code', '<=', `${villageCode}999`)
        .executeTakeFirst();
      return row?.code ?? null;
    },

    async insertVersion(row: Omit<GridVersionRow, 'id'>) {
      await db.insertInto('grid_version').values(row).execute();
    },

    async insertVersions(rows: Omit<GridVersionRow, 'id'>[]) {
      for (let i = 0; i < rows.length; i += 200) {
        await db
          .insertInto('grid_version')
          .values(rows.slice(i, i + 200))
          .execute();
      }
    },

    async history(gridId: string) {
      return db
        .selectFrom('grid_version')
        .select(['version', 'change', 'code', 'related', 'reason', 'actor_id', 'at'])
        .where('grid_id', '=', gridId)
        .orderBy('version', 'desc')
        .orderBy('id', 'desc')
        .execute();
    },

    async insertStaff(rows: GridStaffRow[]) {
      for (let i = 0; i < rows.length; i += 200) {
        await db
          .insertInto('grid_staff')
          .values(rows.slice(i, i + 200))
          .execute();
      }
    },

    async staffOf(gridIds: string[]) {
      if (gridIds.length === 0) {
        return [];
      }
      return db
        .selectFrom('grid_staff')
        .selectAll()
        .where('grid_id', 'in', gridIds)
        .where('removed_at', 'is', null)
        .orderBy('role')
        .orderBy('created_at')
        .execute();
    },

    async findStaff(gridId: string, staffId: string) {
      return db
        .selectFrom('grid_staff')
        .selectAll()
        .where('grid_id', '=', gridId)
        .where('id', '=', staffId)
        .where('removed_at', 'is', null)
        .executeTakeFirst();
    },

    async removeStaff(staffId: string, now: number) {
      await db.updateTable('grid_staff').set({ removed_at: now }).where('id', '=', staffId).execute();
    },

    /** Current grid workers of every grid, oldest first (generators). */
    async currentWorkers() {
      return db
        .selectFrom('grid_staff')
        .select(['grid_id', 'user_id', 'name'])
        .where('role', '=', 'worker')
        .where('removed_at', 'is', null)
        .orderBy('created_at')
        .execute();
    },

    /** Active grids by code with what a generator places cases with. */
    async activeByCode() {
      return db
        .selectFrom('grid')
        .select([
          'id',
          'village_id',
          'town_id',
          'org_path',
          'geometry',
          'min_lng',
          'min_lat',
          'max_lng',
          'max_lat',
          'party_org_id',
        ])
        .where('status', '=', 'active')
        .orderBy('code')
        .execute();
    },

    /** Grids where the user is a current leader or worker. */
    async gridIdsOfUser(userId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('grid_staff')
        .select('grid_id')
        .where('user_id', '=', userId)
        .where('removed_at', 'is', null)
        .execute();
      return rows.map((r) => r.grid_id);
    },

    async upsertOutline(row: GridOutlineRow) {
      await db
        .insertInto('grid_outline')
        .values(row)
        .onConflict((oc) =>
          oc.column('org_id').doUpdateSet({
            geometry: row.geometry,
            min_lng: row.min_lng,
            min_lat: row.min_lat,
            max_lng: row.max_lng,
            max_lat: row.max_lat,
            source: row.source,
            updated_at: row.updated_at,
          }),
        )
        .execute();
    },

    async outlineOf(orgId: string) {
      return db.selectFrom('grid_outline').selectAll().where('org_id', '=', orgId).executeTakeFirst();
    },

    /** Outlines of one level inside a subtree, and the outline of the subtree's own root when asked. */
    async outlines(scope: Scope, level: string, underPath: string) {
      return db
        .selectFrom('grid_outline')
        .selectAll()
        .where('org_path', '>=', scope.path)
        .where('org_path', '<', subtreeUpper(scope.path))
        .where('org_path', '>=', underPath)
        .where('org_path', '<', subtreeUpper(underPath))
        .where('level', '=', level)
        .execute();
    },

    async countActive(): Promise<number> {
      const row = await db
        .selectFrom('grid')
        .select(sql<number>`count(*)`.as('n'))
        .where('status', '=', 'active')
        .executeTakeFirst();
      return row?.n ?? 0;
    },

    /** A subtree of organisations moved: grids, their staff and outlines under it follow, with town and village. */
    async repath(oldPrefix: string, newPrefix: string) {
      for (const table of ['grid', 'grid_staff', 'grid_outline']) {
        await repathColumn(db, table, 'org_path', oldPrefix, newPrefix);
      }
      const paths = await db
        .selectFrom('grid')
        .select('org_path')
        .distinct()
        .where('org_path', '>=', newPrefix)
        .where('org_path', '<', subtreeUpper(newPrefix))
        .execute();
      for (const { org_path } of paths) {
        const [, town, village] = org_path.split('/').filter((x) => x !== '');
        if (town !== undefined && village !== undefined) {
          await db
            .updateTable('grid')
            .set({ town_id: town, village_id: village })
            .where('org_path', '=', org_path)
            .execute();
        }
      }
    },

    /** A village merged into another: its grids now belong to the target village. */
    async reassign(from: { id: string; path: string; level: string }, to: { id: string; path: string }) {
      if (from.level !== 'village') {
        return;
      }
      await db
        .updateTable('grid')
        .set({ village_id: to.id, org_path: to.path })
        .where('village_id', '=', from.id)
        .execute();
      await db
        .updateTable('grid_staff')
        .set({ org_path: to.path })
        .where('org_path', '=', from.path)
        .execute();
    },
  };
}

export type GridRepository = ReturnType<typeof gridRepository>;
