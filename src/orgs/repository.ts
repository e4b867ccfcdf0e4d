// All SQL of the organisation module. Every read takes the caller's scope; a record outside it is "not found".
import { sql, type Kysely } from 'kysely';
import type { Scope } from '../access/index.js';
import { containsText, subtreeUpper, type Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';
import type { OrgLevel } from './levels.js';

export type OrgRow = DB['org'];

export function orgRepository(db: Kysely<DB>, dialect: Dialect) {
  const inScope = (scope: Scope) =>
    db.selectFrom('org').where('org.path', '>=', scope.path).where('org.path', '<', subtreeUpper(scope.path));

  return {
    async insert(input: {
      parent: { id: string; path: string; depth: number } | null;
      level: OrgLevel;
      type: string;
      name: string;
      code: string | null;
      foundedOn?: string | null;
      sortKey?: string;
      attrs?: string | null;
      now: number;
      id?: string;
    }): Promise<OrgRow> {
      const id = input.id ?? newId(input.now);
      const row: OrgRow = {
        id,
        parent_id: input.parent?.id ?? null,
        path: `${input.parent?.path ?? '/'}${id}/`,
        depth: (input.parent?.depth ?? -1) + 1,
        level: input.level,
        type: input.type,
        name: input.name,
        code: input.code,
        status: 'active',
        founded_on: input.foundedOn ?? null,
        sort_key: input.sortKey ?? input.code ?? input.name,
        attrs: input.attrs ?? null,
        created_at: input.now,
        updated_at: input.now,
        dissolved_at: null,
      };
      await db.insertInto('org').values(row).execute();
      return row;
    },

    async findById(scope: Scope, id: string) {
      return inScope(scope).selectAll().where('org.id', '=', id).executeTakeFirst();
    },

    /** Unscoped: for use cases that have already decided the caller may act. */
    async findByIdUnscoped(id: string) {
      return db.selectFrom('org').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async findByCode(code: string) {
      return db.selectFrom('org').selectAll().where('code', '=', code).executeTakeFirst();
    },

    async findRoot() {
      return db
        .selectFrom('org')
        .selectAll()
        .where('parent_id', 'is', null)
        .orderBy('created_at')
        .executeTakeFirst();
    },

    async children(scope: Scope, parentId: string, limit: number, after: string | null) {
      let q = inScope(scope).selectAll().where('org.parent_id', '=', parentId);
      if (after !== null) {
        const [sortKey = '', id = ''] = after.split('\u0000');
        q = q.where((eb) =>
          eb.or([
            eb('org.sort_key', '>', sortKey),
            eb.and([eb('org.sort_key', '=', sortKey), eb('org.id', '>', id)]),
          ]),
        );
      }
      return q.orderBy('org.sort_key').orderBy('org.id').limit(limit).execute();
    },

    async childCounts(parentIds: string[]): Promise<Map<string, number>> {
      if (parentIds.length === 0) {
        return new Map();
      }
      const rows = await db
        .selectFrom('org')
        .select(['parent_id', sql<number>`count(*)`.as('n')])
        .where('parent_id', 'in', parentIds)
        .groupBy('parent_id')
        .execute();
      return new Map(rows.map((r) => [r.parent_id ?? '', r.n]));
    },

    async search(scope: Scope, text: string, limit: number) {
      return inScope(scope)
        .selectAll()
        .where((eb) => eb.or([containsText(dialect, 'org.name', text), eb('org.code', '=', text)]))
        .orderBy('org.depth')
        .orderBy('org.sort_key')
        .limit(limit)
        .execute();
    },

    async byIds(ids: string[]) {
      if (ids.length === 0) {
        return [];
      }
      return db.selectFrom('org').selectAll().where('id', 'in', ids).execute();
    },

    async rollup(orgId: string): Promise<Record<string, number>> {
      const rows = await db
        .selectFrom('org_rollup')
        .select(['metric', 'value'])
        .where('org_id', '=', orgId)
        .execute();
      return Object.fromEntries(rows.map((r) => [r.metric, r.value]));
    },

    async rename(id: string, name: string, now: number) {
      await db.updateTable('org').set({ name, updated_at: now }).where('id', '=', id).execute();
    },

    async markDissolved(id: string, now: number) {
      await db
        .updateTable('org')
        .set({ status: 'dissolved', dissolved_at: now, updated_at: now })
        .where('id', '=', id)
        .execute();
    },

    /** Moves one org under a new parent and re-paths its whole subtree in one statement. */
    async moveSubtree(org: OrgRow, parent: OrgRow, now: number): Promise<string> {
      const newPath = `${parent.path}${org.id}/`;
      await db
        .updateTable('org')
        .set({ parent_id: parent.id, updated_at: now })
        .where('id', '=', org.id)
        .execute();
      await db
        .updateTable('org')
        .set({
          path: sql`${newPath} || substr(path, ${org.path.length + 1})`,
          depth: sql`depth + ${parent.depth + 1 - org.depth}`,
        })
        .where('path', '>=', org.path)
        .where('path', '<', subtreeUpper(org.path))
        .execute();
      return newPath;
    },

    /** Every active organisation of one level, in sort order (e.g. the departments; towns for generators). */
    async activeAtLevel(level: OrgLevel) {
      return db
        .selectFrom('org')
        .selectAll()
        .where('level', '=', level)
        .where('status', '=', 'active')
        .orderBy('sort_key')
        .orderBy('id')
        .execute();
    },

    async activeChildren(parentId: string) {
      return db
        .selectFrom('org')
        .selectAll()
        .where('parent_id', '=', parentId)
        .where('status', '=', 'active')
        .orderBy('sort_key')
        .orderBy('id')
        .execute();
    },

    async countActiveChildren(parentId: string): Promise<number> {
      const row = await db
        .selectFrom('org')
        .select(sql<number>`count(*)`.as('n'))
        .where('parent_id', '=', parentId)
        .where('status', '=', 'active')
        .executeTakeFirstOrThrow();
      return row.n;
    },

    async insertEvent(event: {
      orgId: string;
      kind: string;
      at: number;
      actorId: string | null;
      actorName: string | null;
      detail: Record<string, unknown> | null;
    }) {
      await db
        .insertInto('org_event')
        .values({
          org_id: event.orgId,
          kind: event.kind,
          at: event.at,
          actor_id: event.actorId,
          actor_name: event.actorName,
          detail: event.detail === null ? null : JSON.stringify(event.detail),
        })
        .execute();
    },

    async insertEvents(
      events: {
        orgId: string;
        kind: string;
        at: number;
        actorId: string | null;
        actorName: string | null;
        detail: string | null;
      }[],
    ) {
      for (let i = 0; i < events.length; i += 500) {
        await db
          .insertInto('org_event')
          .values(
            events.slice(i, i + 500).map((e) => ({
              org_id: e.orgId,
              kind: e.kind,
              at: e.at,
              actor_id: e.actorId,
              actor_name: e.actorName,
              detail: e.detail,
            })),
          )
          .execute();
      }
    },

    async events(orgId: string, limit: number) {
      return db
        .selectFrom('org_event')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
    },

    /** Every org of a subtree, depth first by path (exports). */
    async subtree(scope: Scope, rootPath: string) {
      return inScope(scope)
        .selectAll()
        .where('org.path', '>=', rootPath)
        .where('org.path', '<', subtreeUpper(rootPath))
        .orderBy('org.path')
        .execute();
    },

    async byCodes(codes: string[]) {
      if (codes.length === 0) {
        return [];
      }
      const rows: OrgRow[] = [];
      for (let i = 0; i < codes.length; i += 500) {
        rows.push(
          ...(await db
            .selectFrom('org')
            .selectAll()
            .where('code', 'in', codes.slice(i, i + 500))
            .execute()),
        );
      }
      return rows;
    },

    /** Bulk insert of prepared rows (generator, import), 500 per statement. */
    async insertMany(rows: OrgRow[]) {
      for (let i = 0; i < rows.length; i += 500) {
        await db
          .insertInto('org')
          .values(rows.slice(i, i + 500))
          .execute();
      }
    },

    /** Adds many deltas at once: (org, metric) → delta, already summed along the ancestor chain by the caller. */
    async addRollups(deltas: Map<string, number>) {
      const rows = [...deltas].map(([key, value]) => {
        const [org_id = '', metric = ''] = key.split('\u0000');
        return { org_id, metric, value };
      });
      for (let i = 0; i < rows.length; i += 500) {
        await db
          .insertInto('org_rollup')
          .values(rows.slice(i, i + 500))
          .onConflict((oc) =>
            oc.columns(['org_id', 'metric']).doUpdateSet({ value: sql`org_rollup.value + excluded.value` }),
          )
          .execute();
      }
    },

    /** Adds delta to a metric of the org at path and of every ancestor: O(depth) per change. */
    async adjustRollup(path: string, metric: string, delta: number) {
      if (delta === 0) {
        return;
      }
      const ids = path.split('/').filter((s) => s !== '');
      await db
        .insertInto('org_rollup')
        .values(ids.map((org_id) => ({ org_id, metric, value: delta })))
        .onConflict((oc) =>
          oc.columns(['org_id', 'metric']).doUpdateSet({ value: sql`org_rollup.value + excluded.value` }),
        )
        .execute();
    },
  };
}

export type OrgRepository = ReturnType<typeof orgRepository>;
