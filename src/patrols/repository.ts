// All SQL of grid patrols. Reads take the caller's scope.
import type { Kysely } from 'kysely';
import type { Scope } from '../access/index.js';
import { subtreeUpper } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';

export type PatrolRow = DB['patrol'];
export type PatrolPointRow = DB['patrol_point'];

export function patrolRepository(db: Kysely<DB>) {
  const inScope = (scope: Scope) =>
    db
      .selectFrom('patrol')
      .where('patrol.org_path', '>=', scope.path)
      .where('patrol.org_path', '<', subtreeUpper(scope.path));
  return {
    async insert(row: PatrolRow) {
      await db.insertInto('patrol').values(row).execute();
    },
    async update(id: string, patch: Partial<Omit<PatrolRow, 'id'>>) {
      await db.updateTable('patrol').set(patch).where('id', '=', id).execute();
    },
    async findById(scope: Scope, id: string) {
      return inScope(scope).selectAll().where('patrol.id', '=', id).executeTakeFirst();
    },
    async activeOfUser(userId: string) {
      return db
        .selectFrom('patrol')
        .selectAll()
        .where('user_id', '=', userId)
        .where('status', '=', 'active')
        .executeTakeFirst();
    },
    async list(scope: Scope, f: { gridId?: string; userId?: string }, limit: number, before: number | null) {
      let q = inScope(scope).selectAll();
      if (f.gridId !== undefined) {
        q = q.where('grid_id', '=', f.gridId);
      }
      if (f.userId !== undefined) {
        q = q.where('user_id', '=', f.userId);
      }
      if (before !== null) {
        q = q.where('started_at', '<', before);
      }
      return q.orderBy('started_at', 'desc').limit(limit).execute();
    },
    async insertPoints(rows: Omit<PatrolPointRow, 'id'>[]) {
      if (rows.length > 0) {
        await db.insertInto('patrol_point').values(rows).execute();
      }
    },
    async lastPoint(patrolId: string) {
      return db
        .selectFrom('patrol_point')
        .select(['lng', 'lat', 'at'])
        .where('patrol_id', '=', patrolId)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
    },
    async points(patrolId: string) {
      return db
        .selectFrom('patrol_point')
        .select(['at', 'lng', 'lat', 'accuracy_m', 'note', 'case_id'])
        .where('patrol_id', '=', patrolId)
        .orderBy('at')
        .orderBy('id')
        .execute();
    },
  };
}
