// All SQL of the lists. Reads of items take the caller's scope: an item is visible to whoever sees its owner org or
// any org below it (a district item applies to every village of the district); a list outside that is not found.
import { sql, type Kysely } from 'kysely';
import type { Scope } from '../access/index.js';
import { containsText, repathColumn, subtreeUpper, type Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';

export type ListItemRow = DB['list_item'];
export type ListVersionRow = DB['list_version'];
export type ListRefusalRow = DB['list_refusal'];
export type AdmissionItemRow = DB['admission_item'];
export type AssignmentRow = DB['admission_assignment'];

/** The paths of an org's ancestors and itself: '/a/b/c/' → ['/a/', '/a/b/', '/a/b/c/']. */
export function pathChain(path: string): string[] {
  const parts = path.split('/').filter((p) => p !== '');
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
}

export function listRepository(db: Kysely<DB>, dialect: Dialect) {
  const under = (column: 'owner_path' | 'org_path', path: string) =>
    sql<boolean>`${sql.ref(column)} >= ${path} and ${sql.ref(column)} < ${subtreeUpper(path)}`;
  /** Items apply to a place when their owner is the place itself or one of its ancestors. */
  const ownersOf = (placePath: string) => pathChain(placePath);
  /** A scope sees an item owned inside it, or owned above it (what applies to it). */
  const visible = (scope: Scope) =>
    sql<boolean>`(${under('owner_path', scope.path)} or owner_path in (${sql.join(
      ownersOf(scope.path).length === 0 ? [''] : ownersOf(scope.path),
    )}))`;

  return {
    // Items
    async insertItems(rows: ListItemRow[]) {
      for (let i = 0; i < rows.length; i += 200) {
        await db
          .insertInto('list_item')
          .values(rows.slice(i, i + 200))
          .execute();
      }
    },
    async updateItem(id: string, patch: Partial<ListItemRow>) {
      await db.updateTable('list_item').set(patch).where('id', '=', id).execute();
    },
    async findItem(scope: Scope, id: string) {
      return db
        .selectFrom('list_item')
        .selectAll()
        .where('id', '=', id)
        .where(visible(scope))
        .executeTakeFirst();
    },
    async serviceDetailOf(ownerPath: string, categoryCode: string) {
      return db
        .selectFrom('list_item')
        .selectAll()
        .where('owner_path', '=', ownerPath)
        .where('kind', '=', 'service')
        .where('category_code', '=', categoryCode)
        .executeTakeFirst();
    },
    /** The items of one published list (owner org, level), every kind, in code order. */
    async itemsOfList(ownerPath: string, level: string) {
      return db
        .selectFrom('list_item')
        .selectAll()
        .where('owner_path', '=', ownerPath)
        .where('level', '=', level)
        .orderBy('kind')
        .orderBy('code')
        .execute();
    },
    /** Every item that applies to a place at a level: owned by the place or an ancestor. */
    async itemsApplying(placePath: string, level: string, kind?: string) {
      let q = db
        .selectFrom('list_item')
        .selectAll()
        .where('owner_path', 'in', ownersOf(placePath))
        .where('level', '=', level);
      if (kind !== undefined) {
        q = q.where('kind', '=', kind);
      }
      return q.orderBy('owner_path').orderBy('code').execute();
    },
    /** The lists (owner, level) visible to a scope, with their item counts. */
    async listsVisible(scope: Scope) {
      return db
        .selectFrom('list_item')
        .select(['owner_org_id', 'owner_path', 'level', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where(visible(scope))
        .groupBy(['owner_org_id', 'owner_path', 'level'])
        .orderBy('owner_path')
        .orderBy('level')
        .execute();
    },
    async publishedLists() {
      return db
        .selectFrom('list_item')
        .select(['owner_org_id', 'owner_path', 'level', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('status', '!=', 'withdrawn')
        .groupBy(['owner_org_id', 'owner_path', 'level'])
        .orderBy('owner_path')
        .orderBy('level')
        .execute();
    },
    async searchPublished(text: string, limit: number) {
      let q = db.selectFrom('list_item').selectAll().where('status', '!=', 'withdrawn');
      if (text !== '') {
        q = q.where((eb) =>
          eb.or([
            containsText(dialect, 'title', text),
            containsText(dialect, 'responsible', text),
            containsText(dialect, 'basis', text),
          ]),
        );
      }
      return q.orderBy('owner_path').orderBy('code').limit(limit).execute();
    },
    async negativeItems(placePaths: string[], level: string) {
      if (placePaths.length === 0) {
        return [];
      }
      return db
        .selectFrom('list_item')
        .selectAll()
        .where('kind', '=', 'negative')
        .where('level', '=', level)
        .where('owner_path', 'in', placePaths)
        .where('status', '!=', 'withdrawn')
        .execute();
    },

    // Versions
    async lastVersion(ownerOrgId: string, level: string) {
      return db
        .selectFrom('list_version')
        .selectAll()
        .where('owner_org_id', '=', ownerOrgId)
        .where('level', '=', level)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
    },
    async insertVersion(row: ListVersionRow) {
      await db.insertInto('list_version').values(row).execute();
    },
    async versions(ownerOrgId: string, level: string, limit: number) {
      return db
        .selectFrom('list_version')
        .select(['id', 'version', 'catalogue_version', 'note', 'created_by', 'created_at'])
        .where('owner_org_id', '=', ownerOrgId)
        .where('level', '=', level)
        .orderBy('version', 'desc')
        .limit(limit)
        .execute();
    },
    async findVersion(ownerOrgId: string, level: string, version: number) {
      return db
        .selectFrom('list_version')
        .selectAll()
        .where('owner_org_id', '=', ownerOrgId)
        .where('level', '=', level)
        .where('version', '=', version)
        .executeTakeFirst();
    },

    // Refusals
    async insertRefusal(row: ListRefusalRow) {
      await db.insertInto('list_refusal').values(row).execute();
    },
    async refusalCounts(scope: Scope, since: number) {
      return db
        .selectFrom('list_refusal')
        .select(['kind', 'level', 'item_id', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where(under('org_path', scope.path))
        .where('at', '>=', since)
        .groupBy(['kind', 'level', 'item_id'])
        .execute();
    },

    // Admission
    async insertAdmission(row: AdmissionItemRow) {
      await db.insertInto('admission_item').values(row).execute();
    },
    async insertAdmissions(rows: AdmissionItemRow[]) {
      for (let i = 0; i < rows.length; i += 200) {
        await db
          .insertInto('admission_item')
          .values(rows.slice(i, i + 200))
          .execute();
      }
    },
    async findAdmission(scope: Scope, id: string) {
      return db
        .selectFrom('admission_item')
        .selectAll()
        .where('id', '=', id)
        .where(visible(scope))
        .executeTakeFirst();
    },
    /** Decides a pending application; false when it was no longer pending. */
    async decideAdmission(id: string, patch: Partial<AdmissionItemRow>) {
      const r = await db
        .updateTable('admission_item')
        .set(patch)
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async updateAdmission(id: string, patch: Partial<AdmissionItemRow>) {
      await db.updateTable('admission_item').set(patch).where('id', '=', id).execute();
    },
    async admissionsVisible(scope: Scope, status: string | undefined, limit: number) {
      let q = db.selectFrom('admission_item').selectAll().where(visible(scope));
      if (status !== undefined) {
        q = q.where('status', '=', status);
      }
      return q.orderBy('created_at', 'desc').limit(limit).execute();
    },
    /** Admitted items that cover a grid (owner is the grid's village or an ancestor), for a task code or all. */
    async admittedFor(gridPath: string, taskCode?: string) {
      let q = db
        .selectFrom('admission_item')
        .selectAll()
        .where('owner_path', 'in', ownersOf(gridPath))
        .where('status', '=', 'admitted');
      if (taskCode !== undefined) {
        q = q.where('task_code', '=', taskCode);
      }
      return q.orderBy('task_code').execute();
    },
    /** Whether any admission list has been published above or at the place: until then nothing is refused. */
    async hasAdmissionList(gridPath: string) {
      const row = await db
        .selectFrom('admission_item')
        .select('id')
        .where('owner_path', 'in', ownersOf(gridPath))
        .where('status', '=', 'admitted')
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },
    async insertAssignment(row: AssignmentRow) {
      await db.insertInto('admission_assignment').values(row).execute();
    },
    async assignmentsOfWorker(userId: string, limit: number) {
      return db
        .selectFrom('admission_assignment')
        .selectAll()
        .where('worker_user_id', '=', userId)
        .orderBy('assigned_at', 'desc')
        .limit(limit)
        .execute();
    },
    /** Tasks assigned per worker, week and kind inside a subtree, from a week on. */
    async burden(scope: Scope, fromWeek: string, toWeek: string) {
      return db
        .selectFrom('admission_assignment')
        .select([
          'worker_user_id',
          'worker_name',
          'grid_id',
          'org_path',
          'week',
          'task_kind',
          (eb) => eb.fn.countAll<number | string>().as('n'),
        ])
        .where(under('org_path', scope.path))
        .where('week', '>=', fromWeek)
        .where('week', '<=', toWeek)
        .groupBy(['worker_user_id', 'worker_name', 'grid_id', 'org_path', 'week', 'task_kind'])
        .orderBy('org_path')
        .orderBy('worker_name')
        .orderBy('week')
        .execute();
    },

    /**
     * Org hook: an org merged into another. Its lists' items, admission items, refusals and tasks go to the target;
     * its past list versions stay under the merged org as the history they were.
     */
    async reassign(from: { id: string; path: string }, to: { id: string; path: string }) {
      for (const table of ['list_item', 'admission_item'] as const) {
        await db
          .updateTable(table)
          .set({ owner_org_id: to.id, owner_path: to.path })
          .where('owner_org_id', '=', from.id)
          .execute();
      }
      for (const table of ['list_refusal', 'admission_assignment'] as const) {
        await db.updateTable(table).set({ org_path: to.path }).where('org_path', '=', from.path).execute();
      }
    },

    /** Org hook: owner and record paths follow a moved subtree. */
    async repath(oldPrefix: string, newPrefix: string) {
      await repathColumn(db, 'list_item', 'owner_path', oldPrefix, newPrefix);
      await repathColumn(db, 'list_version', 'owner_path', oldPrefix, newPrefix);
      await repathColumn(db, 'list_refusal', 'org_path', oldPrefix, newPrefix);
      await repathColumn(db, 'admission_item', 'owner_path', oldPrefix, newPrefix);
      await repathColumn(db, 'admission_assignment', 'org_path', oldPrefix, newPrefix);
    },
  };
}

export type ListRepository = ReturnType<typeof listRepository>;
