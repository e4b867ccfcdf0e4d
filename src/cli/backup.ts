// Backup and restore of the configured database: `npm run cli -- backup <file>` and `restore <file>`.
// SQLite: VACUUM INTO, a consistent snapshot taken inside one read transaction while the server goes on writing
// (WAL readers do not block writers), written beside the target and renamed into place once complete. PostgreSQL:
// pg_dump and pg_restore in the custom format. Restore checks the backup first (integrity, migration level), refuses a
// database in use and replaces an existing one only when told to, keeping the replaced data aside.
// The field key (FIELD_KEY, or DATA_DIR/field.key) is in no backup: encrypted fields restore readable only with it.
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import type { Config } from '../platform/config.js';
import { migrations } from '../platform/db/migrations/index.js';

export type BackupTarget = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

export class BackupError extends Error {}

/** The database the server would open with this configuration. */
export function configuredTarget(config: Config): BackupTarget {
  return config.databaseUrl === null
    ? { dialect: 'sqlite', file: path.join(config.dataDir, 'tongxin.sqlite') }
    : { dialect: 'postgres', url: config.databaseUrl };
}

/** Where a backup stands against this code's migrations. */
export type MigrationLevel = {
  /** Migrations the backup holds. */
  applied: number;
  /** The last one the backup holds. */
  last: string | null;
  /** Migrations of this code the backup lacks: applied at the next start. */
  missing: string[];
};

export type BackupReport = { file: string; bytes: number; level: MigrationLevel };
export type RestoreReport = { level: MigrationLevel; replacedKeptAs: string | null };

const KNOWN = new Set(migrations.map((m) => m.name));

/** Refuses a backup this code cannot run (a migration it does not know was applied to it). */
function levelOf(names: string[]): MigrationLevel {
  if (names.length === 0) {
    throw new BackupError('the backup holds no migration record: not a Tongxin database');
  }
  const unknown = names.filter((n) => !KNOWN.has(n)).sort();
  if (unknown.length > 0) {
    throw new BackupError(
      `the backup was made by a newer version (migration ${unknown.join(', ')} unknown here): restore it with that version`,
    );
  }
  const have = new Set(names);
  const sorted = [...names].sort();
  return {
    applied: names.length,
    last: sorted[sorted.length - 1] ?? null,
    missing: [...KNOWN].filter((n) => !have.has(n)).sort(),
  };
}

function stampOf(now: number): string {
  return new Date(now).toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function refuseExisting(out: string): void {
  if (existsSync(out)) {
    throw new BackupError(`${out} exists: choose a new file name`);
  }
}

// ---------------------------------------------------------------- SQLite

/** Integrity and migration level of a SQLite backup file; throws BackupError when it cannot be restored. */
export function checkSqliteBackup(file: string): MigrationLevel {
  if (!existsSync(file)) {
    throw new BackupError(`${file} does not exist`);
  }
  let db: BetterSqlite3.Database | null = null;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    const check = db.pragma('integrity_check', { simple: true }) as string;
    if (check !== 'ok') {
      throw new BackupError(`${file} fails the integrity check: ${check}`);
    }
    const hasLog = db
      .prepare("select 1 from sqlite_master where type = 'table' and name = 'schema_migration'")
      .get();
    const names =
      hasLog === undefined
        ? []
        : (db.prepare('select name from schema_migration').all() as { name: string }[]).map((r) => r.name);
    return levelOf(names);
  } catch (error) {
    if (error instanceof BackupError) {
      throw error;
    }
    throw new BackupError(`${file} is not a readable SQLite database: ${(error as Error).message}`);
  } finally {
    db?.close();
  }
}

function backupSqlite(source: string, out: string): BackupReport {
  if (!existsSync(source)) {
    throw new BackupError(`no database at ${source}`);
  }
  refuseExisting(out);
  const partial = `${out}.partial`;
  rmSync(partial, { force: true });
  const db = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    // One statement, one read transaction: the copy is the database as of its start, whatever commits meanwhile.
    db.prepare('vacuum into ?').run(partial);
  } finally {
    db.close();
  }
  // The copy stands alone (no WAL beside it) and is on disk before it takes the backup's name.
  const copy = new BetterSqlite3(partial, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  fsyncFile(partial);
  const level = checkSqliteBackup(partial);
  renameSync(partial, out);
  fsyncDir(path.dirname(path.resolve(out)));
  return { file: out, bytes: statSync(out).size, level };
}

/** Throws when another connection (a running server) has the file open; leaves it without a WAL otherwise. */
function takeSqliteOutOfUse(file: string): void {
  let db: BetterSqlite3.Database | null = null;
  try {
    db = new BetterSqlite3(file, { fileMustExist: true });
    db.pragma('busy_timeout = 0');
    // Leaving WAL mode needs the only connection: it fails while a server holds the database open.
    db.pragma('journal_mode = DELETE');
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw new BackupError(`${file} is in use (a server has it open): stop the server, then restore`);
    }
    throw new BackupError(`${file} cannot be opened: ${(error as Error).message}`);
  } finally {
    db?.close();
  }
}

function restoreSqlite(target: string, from: string, force: boolean, now: number): RestoreReport {
  const level = checkSqliteBackup(from);
  const exists = existsSync(target);
  if (exists && !force) {
    throw new BackupError(`a database exists at ${target}: add --force to replace it (it is kept aside)`);
  }
  if (exists) {
    takeSqliteOutOfUse(target);
  }
  const incoming = `${target}.restoring`;
  rmSync(incoming, { force: true });
  copyFileSync(from, incoming);
  fsyncFile(incoming);
  let keptAs: string | null = null;
  if (exists) {
    keptAs = `${target}.before-restore-${stampOf(now)}`;
    renameSync(target, keptAs);
  }
  // A WAL left beside the old file would be replayed onto the restored one.
  rmSync(`${target}-wal`, { force: true });
  rmSync(`${target}-shm`, { force: true });
  renameSync(incoming, target);
  fsyncDir(path.dirname(path.resolve(target)));
  return { level, replacedKeptAs: keptAs };
}

// ---------------------------------------------------------------- PostgreSQL

/** Connection settings for the client programs, as environment variables: no password on a command line. */
function pgEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  const set = (name: string, value: string | null) => {
    if (value !== null && value !== '') {
      env[name] = value;
    }
  };
  set('PGHOST', decodeURIComponent(u.hostname) || u.searchParams.get('host'));
  set('PGPORT', u.port);
  set('PGUSER', decodeURIComponent(u.username));
  set('PGPASSWORD', decodeURIComponent(u.password));
  set('PGDATABASE', decodeURIComponent(u.pathname.replace(/^\//, '')));
  set('PGSSLMODE', u.searchParams.get('sslmode'));
  return env;
}

function runPgTool(program: string, args: string[], env: NodeJS.ProcessEnv): string {
  const r = spawnSync(program, args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error !== undefined) {
    if ((r.error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new BackupError(
        `${program} is not on PATH: install the PostgreSQL client programs (Debian: postgresql-client) of the server's major version or newer`,
      );
    }
    throw new BackupError(`${program}: ${r.error.message}`);
  }
  if (r.status !== 0) {
    throw new BackupError(`${program} failed (exit ${String(r.status)}): ${r.stderr.trim()}`);
  }
  return r.stdout;
}

/** Readability and migration level of a pg_dump custom-format archive. */
export function checkPostgresBackup(file: string): MigrationLevel {
  if (!existsSync(file)) {
    throw new BackupError(`${file} does not exist`);
  }
  runPgTool('pg_restore', ['--list', file], process.env);
  const data = runPgTool(
    'pg_restore',
    ['--data-only', '--table=schema_migration', '--file=-', file],
    process.env,
  );
  const names: string[] = [];
  let inCopy = false;
  for (const line of data.split('\n')) {
    if (line.startsWith('COPY ') && line.includes('schema_migration')) {
      inCopy = true;
    } else if (inCopy && line === '\\.') {
      inCopy = false;
    } else if (inCopy && line !== '') {
      names.push(line.split('\t')[0]!);
    }
  }
  return levelOf(names);
}

function backupPostgres(url: string, out: string): BackupReport {
  refuseExisting(out);
  const partial = `${out}.partial`;
  rmSync(partial, { force: true });
  // pg_dump reads in one repeatable-read snapshot: the archive is the database as of its start.
  runPgTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`], pgEnv(url));
  fsyncFile(partial);
  const level = checkPostgresBackup(partial);
  renameSync(partial, out);
  fsyncDir(path.dirname(path.resolve(out)));
  return { file: out, bytes: statSync(out).size, level };
}

/**
 * Moves the application's tables (with their indexes, constraints and triggers) and functions from one schema to
 * another, in one transaction; extensions and their objects stay (pg_trgm belongs to whoever created it).
 */
async function moveAppObjects(client: pg.Client, from: string, to: string): Promise<void> {
  const notExtension = `not exists (select 1 from pg_depend d where d.objid = o.oid and d.deptype = 'e')`;
  const tables = await client.query<{ name: string }>(
    `select o.relname as name from pg_class o join pg_namespace n on n.oid = o.relnamespace
      where n.nspname = $1 and o.relkind in ('r', 'p') and ${notExtension}`,
    [from],
  );
  const functions = await client.query<{ sig: string }>(
    `select o.oid::regprocedure::text as sig from pg_proc o join pg_namespace n on n.oid = o.pronamespace
      where n.nspname = $1 and ${notExtension}`,
    [from],
  );
  await client.query('begin');
  try {
    for (const { name } of tables.rows) {
      await client.query(
        `alter table ${pg.escapeIdentifier(from)}.${pg.escapeIdentifier(name)} set schema ${pg.escapeIdentifier(to)}`,
      );
    }
    for (const { sig } of functions.rows) {
      await client.query(`alter function ${sig} set schema ${pg.escapeIdentifier(to)}`);
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

async function restorePostgres(
  url: string,
  from: string,
  force: boolean,
  now: number,
): Promise<RestoreReport> {
  const level = checkPostgresBackup(from);
  const client = new pg.Client({ connectionString: url, application_name: 'tongxin-restore' });
  await client.connect();
  try {
    const others = await client.query<{ n: number }>(
      'select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    if ((others.rows[0]?.n ?? 0) > 0) {
      throw new BackupError(
        `the database is in use (${String(others.rows[0]?.n)} other connections): stop the servers, then restore`,
      );
    }
    const schema = (await client.query<{ s: string }>('select current_schema() as s')).rows[0]!.s;
    const tables = await client.query<{ n: number }>(
      "select count(*)::int as n from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'",
    );
    const exists = (tables.rows[0]?.n ?? 0) > 0;
    if (exists && !force) {
      throw new BackupError('the database holds tables: add --force to replace them (they are kept aside)');
    }
    let keptAs: string | null = null;
    if (exists) {
      keptAs = `${schema}_before_restore_${stampOf(now).replace('-', '_')}`;
      await client.query(`create schema ${pg.escapeIdentifier(keptAs)}`);
      await moveAppObjects(client, schema, keptAs);
    }
    try {
      const env = pgEnv(url);
      runPgTool(
        'pg_restore',
        [
          '--no-owner',
          '--no-privileges',
          '--single-transaction',
          '--exit-on-error',
          `--dbname=${env.PGDATABASE ?? ''}`,
          from,
        ],
        env,
      );
    } catch (error) {
      if (keptAs !== null) {
        // pg_restore rolled its own work back: put the replaced data back as it was.
        await moveAppObjects(client, keptAs, schema);
        await client.query(`drop schema ${pg.escapeIdentifier(keptAs)}`);
      }
      throw error;
    }
    return { level, replacedKeptAs: keptAs };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------- the commands

export async function backupDatabase(target: BackupTarget, out: string): Promise<BackupReport> {
  return Promise.resolve(
    target.dialect === 'sqlite' ? backupSqlite(target.file, out) : backupPostgres(target.url, out),
  );
}

export async function restoreDatabase(
  target: BackupTarget,
  from: string,
  options: { force: boolean; now: number },
): Promise<RestoreReport> {
  return target.dialect === 'sqlite'
    ? restoreSqlite(target.file, from, options.force, options.now)
    : restorePostgres(target.url, from, options.force, options.now);
}
