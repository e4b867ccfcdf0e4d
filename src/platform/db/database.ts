// The one db module: opens SQLite (embedded default) or PostgreSQL behind one Kysely instance and hides dialect differences.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type RawBuilder } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export type Database = {
  db: Kysely<DB>;
  dialect: Dialect;
  /** Where the SQLite file lives; null on PostgreSQL. */
  file: string | null;
  /** The SQLite connection itself, for bulk loads (see bulkInsert); null on PostgreSQL. */
  sqlite: BetterSqlite3.Database | null;
  close(): Promise<void>;
};

export type OpenOptions =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string; poolSize: number; statementTimeoutMs: number };

// PostgreSQL returns int8 and numeric as strings; every count, sum and epoch-ms timestamp here fits a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export function openDatabase(options: OpenOptions): Database {
  if (options.kind === 'sqlite') {
    mkdirSync(path.dirname(options.file), { recursive: true });
    const raw = new BetterSqlite3(options.file);
    raw.pragma('journal_mode = WAL');
    // FULL: a commit is on disk before it is acknowledged, so an acknowledged write survives a crash.
    raw.pragma('synchronous = FULL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 10000');
    raw.pragma('cache_size = -65536');
    raw.pragma('temp_store = MEMORY');
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: raw }) });
    return {
      db,
      dialect: 'sqlite',
      file: options.file,
      sqlite: raw,
      close: async () => {
        await db.destroy();
      },
    };
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    statement_timeout: options.statementTimeoutMs,
    idle_in_transaction_session_timeout: options.statementTimeoutMs * 2,
    application_name: 'tongxin',
  });
  // An idle connection that the server drops (restart, failover, an administrator) must not take the process
  // down: the pool discards it, and the next query opens a fresh one.
  pool.on('error', () => undefined);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    file: null,
    sqlite: null,
    close: async () => {
      await db.destroy();
    },
  };
}

/** Booleans are stored as 0/1 integers on both databases. */
export const toDbBool = (value: boolean): number => (value ? 1 : 0);
export const fromDbBool = (value: number | boolean | null | undefined): boolean =>
  value === 1 || value === true;

/** JSON is stored as text on both databases. */
export function toDbJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the stored shape
export function fromDbJson<T>(value: string | null | undefined): T | null {
  return value === null || value === undefined ? null : (JSON.parse(value) as T);
}

/**
 * Materialised paths ('/a/b/c/') select a subtree with a range both databases index:
 * every path under prefix P sorts in [P, P + '~') because ids and '/' sort below '~' (PostgreSQL columns use COLLATE "C").
 */
export function subtreeUpper(prefix: string): string {
  return `${prefix}~`;
}

/** Case-insensitive substring search that works on both databases. */
export function containsText(dialect: Dialect, column: string, text: string): RawBuilder<boolean> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return dialect === 'postgres'
    ? sql<boolean>`${sql.ref(column)} ilike ${pattern} escape '\\'`
    : sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
}

/**
 * Inserts many rows of one shape fast: a prepared statement per row on SQLite (the caller's open transaction holds
 * the one connection, so the rows join it), multi-row INSERTs on PostgreSQL. For generators and imports.
 */
export async function bulkInsert(
  database: Database,
  trx: Kysely<DB>,
  table: string,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  const first = rows[0];
  if (first === undefined) {
    return;
  }
  const columns = Object.keys(first);
  if (database.sqlite !== null) {
    const stmt = database.sqlite.prepare(
      `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
    );
    for (const row of rows) {
      stmt.run(columns.map((c) => row[c] ?? null));
    }
    return;
  }
  const perBatch = Math.max(1, Math.floor(30000 / columns.length));
  for (let i = 0; i < rows.length; i += perBatch) {
    const slice = rows.slice(i, i + perBatch);
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${sql.join(
      slice.map((row) => sql`(${sql.join(columns.map((c) => row[c] ?? null))})`),
    )}`.execute(trx);
  }
}

/** Rewrites a materialised-path column after a subtree moved: every value under oldPrefix gets newPrefix instead. */
export async function repathColumn(
  db: Kysely<DB>,
  table: string,
  column: string,
  oldPrefix: string,
  newPrefix: string,
): Promise<void> {
  const cut = oldPrefix.length + 1;
  await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${newPrefix} || substr(${sql.ref(column)}, ${cut})
    where ${sql.ref(column)} >= ${oldPrefix} and ${sql.ref(column)} < ${subtreeUpper(oldPrefix)}`.execute(db);
}
