// What a database holds, table by table, as a row count and a checksum: two databases of the same dialect with equal
// digests hold the same rows. For backup and restore (the restored copy equals the source at the backup point) and
// the upgrade runs. Rows are compared as a set, so the order a table returns them in does not matter.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../platform/db/database.js';

export type TableDigest = { rows: number; sha256: string };

/** Base tables of the database, by name (SQLite's own tables left out). */
export async function tableNames(database: Database): Promise<string[]> {
  const rows =
    database.dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master
          where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name`.execute(database.db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(
          database.db,
        );
  return rows.rows.map((r) => r.name);
}

function canonical(value: unknown): unknown {
  if (value instanceof Uint8Array) {
    return { bytes: Buffer.from(value).toString('base64') };
  }
  if (value instanceof Date) {
    return { date: value.toISOString() };
  }
  if (typeof value === 'bigint') {
    return { bigint: value.toString() };
  }
  return value;
}

/** One line per row: its columns sorted by name, values in a stable form. */
function rowLine(row: Record<string, unknown>): string {
  return JSON.stringify(
    Object.keys(row)
      .sort()
      .map((k) => [k, canonical(row[k])]),
  );
}

/** Row count and SHA-256 of the sorted rows of every base table. */
export async function tableDigests(database: Database): Promise<Record<string, TableDigest>> {
  const out: Record<string, TableDigest> = {};
  for (const name of await tableNames(database)) {
    const result = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(database.db);
    const lines = result.rows.map(rowLine).sort();
    const hash = createHash('sha256');
    for (const line of lines) {
      hash.update(line).update('\n');
    }
    out[name] = { rows: lines.length, sha256: hash.digest('hex') };
  }
  return out;
}

/** The tables whose digests differ between two databases, with both sides; empty when they hold the same rows. */
export function digestDifferences(
  a: Record<string, TableDigest>,
  b: Record<string, TableDigest>,
): { table: string; a: TableDigest | null; b: TableDigest | null }[] {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return names
    .filter((t) => a[t]?.rows !== b[t]?.rows || a[t]?.sha256 !== b[t]?.sha256)
    .map((t) => ({ table: t, a: a[t] ?? null, b: b[t] ?? null }));
}
