// SQL of routing rules (the responsibility list as data).
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

export type RoutingRuleRow = DB['routing_rule'];

export function routingRepository(db: Kysely<DB>) {
  return {
    async insertMany(rows: RoutingRuleRow[]) {
      for (let i = 0; i < rows.length; i += 300) {
        await db
          .insertInto('routing_rule')
          .values(rows.slice(i, i + 300))
          .execute();
      }
    },
    async list(limit: number, categoryCode?: string) {
      let q = db.selectFrom('routing_rule').selectAll().where('active', '=', 1);
      if (categoryCode !== undefined) {
        q = q.where('category_code', '=', categoryCode);
      }
      return q.orderBy('created_at').limit(limit).execute();
    },
    async find(id: string) {
      return db.selectFrom('routing_rule').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async deactivate(id: string) {
      const r = await db
        .updateTable('routing_rule')
        .set({ active: 0 })
        .where('id', '=', id)
        .where('active', '=', 1)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
  };
}
