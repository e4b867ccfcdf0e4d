// Runs the numbered, append-only migrations in order; each runs once, inside a transaction where the dialect allows.
import { systemClock } from '../clock.js';
import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';
import type { Migration, MigrationDb } from './columns.js';
import { migrations } from './migrations/index.js';

export type MigrationResult = { applied: string[] };

export async function migrate(
  database: Database,
  list: readonly Migration[] = migrations,
): Promise<MigrationResult> {
  // Applied in order of their numbered names, whatever order the list was written in.
  const ordered = [...list].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (let i = 1; i < ordered.length; i++) {
    if (ordered[i - 1]!.name === ordered[i]!.name) {
      throw new Error(`duplicate migration name ${ordered[i]!.name}`);
    }
  }
  // One pinned connection, so the PostgreSQL advisory lock and its unlock share a session.
  return (database.db as unknown as Kysely<unknown>).connection().execute(async (conn: MigrationDb) => {
    await sql`create table if not exists schema_migration (name text primary key, applied_at bigint not null)`.execute(
      conn,
    );
    if (database.dialect === 'postgres') {
      // One migrator at a time when several instances start together.
      await sql`select pg_advisory_lock(7262001)`.execute(conn);
    }
    try {
      const done = await sql<{ name: string }>`select name from schema_migration`.execute(conn);
      const applied = new Set(done.rows.map((r) => r.name));
      const result: string[] = [];
      for (const m of ordered) {
        if (applied.has(m.name)) {
          continue;
        }
        await conn.transaction().execute(async (trx) => {
          await m.up(trx, database.dialect);
          await sql`insert into schema_migration (name, applied_at) values (${m.name}, ${systemClock().now()})`.execute(
            trx,
          );
        });
        result.push(m.name);
      }
      return { applied: result };
    } finally {
      if (database.dialect === 'postgres') {
        await sql`select pg_advisory_unlock(7262001)`.execute(conn);
      }
    }
  });
}
