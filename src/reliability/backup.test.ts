// Backup and restore: the backup command runs in its own process while this one goes on reporting cases through the
// API; the backup, restored into a fresh database, equals the source at the backup point (row count and checksum of
// every table), with writes acknowledged on both sides of that point. Restore refuses a database in use, an existing
// one without --force, a damaged file and a backup of a newer version. SQLite with real files; on the PostgreSQL run
// the same with pg_dump and pg_restore.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { randomBytes } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { BackupError, backupDatabase, restoreDatabase, type BackupTarget } from '../cli/backup.js';
import { manualClock } from '../platform/clock.js';
import { openDatabase, type Database } from '../platform/db/database.js';
import { projectRoot } from '../server.js';
import { CASE_STAGES, pointInGridOf } from '../testing/caseFixtures.js';
import { loginAs, startTestPlatform, type TestPlatform } from '../testing/testPlatform.js';
import { startFilePlatform } from './filePlatform.js';
import { digestDifferences, tableDigests, type TableDigest } from './digests.js';

const START = Date.UTC(2026, 2, 3, 2, 0, 0);
const onPostgres = (process.env.TEST_DATABASE_URL ?? '') !== '';

async function adminQuery(text: string): Promise<void> {
  const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

async function urlOf(database: Database): Promise<string> {
  const r = await database.db
    .selectNoFrom((eb) => eb.fn<string>('current_database', []).as('name'))
    .executeTakeFirstOrThrow();
  const url = new URL(process.env.TEST_DATABASE_URL ?? '');
  url.pathname = `/${r.name}`;
  return url.toString();
}

/** The CLI in its own process, configured through the environment as an operator would run it. */
function runCli(args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: projectRoot,
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code: code ?? -1, out });
    });
  });
}

describe(`backup and restore (${onPostgres ? 'pg_dump' : 'SQLite'})`, () => {
  let p: TestPlatform;
  let target: BackupTarget;
  let cliEnv: Record<string, string>;
  const work = mkdtempSync(path.join(tmpdir(), 'tx-backup-'));
  const freshPg: string[] = [];

  before(async () => {
    if (onPostgres) {
      p = await startTestPlatform({}, { stages: CASE_STAGES, orgScale: 0.02, clock: manualClock(START) });
      const url = await urlOf(p.database);
      target = { dialect: 'postgres', url };
      cliEnv = { DATABASE_URL: url, DATA_DIR: p.config.dataDir };
    } else {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'tx-backup-src-'));
      p = await startFilePlatform(dataDir, { start: START });
      target = { dialect: 'sqlite', file: p.database.file! };
      cliEnv = { DATA_DIR: dataDir };
    }
  });
  after(async () => {
    await p.close();
    for (const name of freshPg) {
      await adminQuery(`drop database if exists ${name} with (force)`);
    }
    rmSync(work, { recursive: true, force: true });
  });

  /** A fresh, empty database to restore into (no connection open to it), and the digests of what it then holds. */
  async function freshTarget(): Promise<{
    target: BackupTarget;
    digests: () => Promise<Record<string, TableDigest>>;
  }> {
    if (onPostgres) {
      const name = `tx_t_${randomBytes(6).toString('hex')}`;
      await adminQuery(`create database ${name}`);
      freshPg.push(name);
      const url = new URL(process.env.TEST_DATABASE_URL ?? '');
      url.pathname = `/${name}`;
      return {
        target: { dialect: 'postgres', url: url.toString() },
        digests: async () => {
          const database = openDatabase({
            kind: 'postgres',
            url: url.toString(),
            poolSize: 1,
            statementTimeoutMs: 30000,
          });
          try {
            return await tableDigests(database);
          } finally {
            await database.close();
          }
        },
      };
    }
    const file = path.join(mkdtempSync(path.join(work, 'restored-')), 'tongxin.sqlite');
    return {
      target: { dialect: 'sqlite', file },
      digests: async () => {
        const database = openDatabase({ kind: 'sqlite', file });
        try {
          return await tableDigests(database);
        } finally {
          await database.close();
        }
      },
    };
  }

  const backupFile = path.join(work, 'tongxin.backup');

  it('backs up while cases are reported; the restored copy equals the source at the backup point', async () => {
    const town = await loginAs(p.app, 'jinsha');
    const point = await pointInGridOf(p, 'wangge');
    const casesNow = async () =>
      Number(
        (
          await p.database.db
            .selectFrom('case_file')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const base = await casesNow();
    // The source after each acknowledged write, by the number of cases it then holds.
    const states = new Map<number, Record<string, TableDigest>>([[base, await tableDigests(p.database)]]);
    let backupDone = false;
    const backup = runCli(['backup', backupFile], cliEnv).finally(() => {
      backupDone = true;
    });
    let afterBackup = 0;
    for (let i = 0; afterBackup < 3; i++) {
      if (backupDone) {
        afterBackup++;
      }
      const made = await town.request('POST', '/api/cases', {
        categoryCode: '010101',
        description: `备份期间上报的第${i + 1}件（测试）`,
        lng: point.lng,
        lat: point.lat,
        source: 'hotline',
        reporterPhone: '13900001111',
      });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      states.set(await casesNow(), await tableDigests(p.database));
    }
    const cli = await backup;
    assert.equal(cli.code, 0, cli.out);
    assert.match(cli.out, /FIELD_KEY/);

    const into = await freshTarget();
    await restoreDatabase(into.target, backupFile, { force: false, now: START });
    const restored = await into.digests();
    const at = restored.case_file?.rows ?? -1;
    const total = Math.max(...states.keys());
    assert.ok(at > base, `the backup holds cases written while it ran (${at} > ${base})`);
    assert.ok(at < total, `cases were written after the backup point (${at} < ${total})`);
    assert.deepEqual(digestDifferences(states.get(at)!, restored), []);
    assert.ok(Object.keys(restored).length > 50, 'every table compared');
  });

  it('refuses to write over an existing backup file', async () => {
    await assert.rejects(backupDatabase(target, backupFile), /exists/);
  });

  it('refuses a database in use, even with --force', async () => {
    await assert.rejects(restoreDatabase(target, backupFile, { force: true, now: START }), /in use/);
  });

  it('replaces an existing database only with --force, keeping it aside', async () => {
    const into = await freshTarget();
    await restoreDatabase(into.target, backupFile, { force: false, now: START });
    await assert.rejects(restoreDatabase(into.target, backupFile, { force: false, now: START }), /--force/);
    const report = await restoreDatabase(into.target, backupFile, { force: true, now: START });
    assert.ok(report.replacedKeptAs !== null);
    if (into.target.dialect === 'sqlite') {
      assert.ok(existsSync(report.replacedKeptAs));
    }
    assert.ok((await into.digests()).case_file!.rows > 0);
  });

  it('refuses a damaged file and a backup of a newer version, leaving the target untouched', async () => {
    const into = await freshTarget();
    const damaged = path.join(work, 'damaged.backup');
    writeFileSync(damaged, Buffer.alloc(8192, 7));
    await assert.rejects(restoreDatabase(into.target, damaged, { force: true, now: START }), BackupError);
    if (into.target.dialect === 'sqlite') {
      const newer = path.join(work, 'newer.backup');
      copyFileSync(backupFile, newer);
      const db = new BetterSqlite3(newer);
      db.prepare('insert into schema_migration (name, applied_at) values (?, ?)').run(
        '9999_from_the_future',
        START,
      );
      db.close();
      await assert.rejects(restoreDatabase(into.target, newer, { force: true, now: START }), /newer version/);
      assert.equal(existsSync(into.target.file), false);
    } else {
      assert.deepEqual(await into.digests(), {});
    }
  });
});
