// All SQL of the organisation module. Every read takes the caller's scope; a record outside it is "not found".
import { sql, type Kysely } from 'kysely';
import type { Scope } from '../identity/actor.js';
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
