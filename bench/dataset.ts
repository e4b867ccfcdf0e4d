// Builds a bench data set with the project's own generators into a throwaway directory (and, for PostgreSQL,
// a throwaway database on the given server), never into the user's ./data.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { generateCases } from '../src/cases/index.js';
import { seedDemo } from '../src/demo/seedDemo.js';
import { loadConfig } from '../src/platform/config.js';
import type { Database } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrate.js';
import { createServices } from '../src/platform/services.js';
import { openConfiguredDatabase, projectRoot } from '../src/server.js';

export const BENCH_PASSWORD = 'tongxin2026';

export type DatasetSpec =
  | { kind: 'district'; cases: number; years: number; orgScale: number; seed: number }
  | { kind: 'province'; districts: number; orgScale: number; seed: number };

export type Target = { dataDir: string; databaseUrl?: string; drop(): Promise<void> };

/** A fresh directory, and a fresh database on the server of `serverUrl` when given. */
export async function throwawayTarget(serverUrl: string | undefined): Promise<Target> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tx-bench-'));
  if (serverUrl === undefined) {
    return {
      dataDir,
      async drop() {
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `tx_bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    dataDir,
    databaseUrl: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function openTarget(target: Target) {
  const config = loadConfig({
    DATA_DIR: target.dataDir,
    LOG_LEVEL: 'silent',
    ...(target.databaseUrl === undefined ? {} : { DATABASE_URL: target.databaseUrl }),
  });
  const database = openConfiguredDatabase(config);
  return { config, database, services: createServices(config, database) };
}

export type BuildReport = { seconds: number; stages: Record<string, number> };

const log = (text: string) => process.stderr.write(`  ${text}\n`);

/** The demo district (orgs, grids, departments, users) with `cases` cases over `years` years. */
async function buildDistrict(
  database: Database,
  cipher: ReturnType<typeof createServices>['cipher'],
  spec: Extract<DatasetSpec, { kind: 'district' }>,
): Promise<Record<string, number>> {
  const stages: Record<string, number> = {};
  const progress = (stage: string, done: number, total: number) => {
    if (stage === 'cases' && total > 0 && done % 50_000 === 0) {
      log(`cases ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`);
    }
  };
  let t = performance.now();
  await seedDemo(database, {
    seed: spec.seed,
    password: BENCH_PASSWORD,
    cipher,
    orgScale: spec.orgScale,
    stages: ['spine', 'catalogue', 'users', 'orgs', 'grids', 'departments'],
  });
  stages.orgsAndGrids = (performance.now() - t) / 1000;
  log(`organisations, grids, departments: ${stages.orgsAndGrids.toFixed(1)} s`);
  t = performance.now();
  await generateCases(database, {
    seed: spec.seed,
    count: spec.cases,
    days: Math.round(365 * spec.years),
    now: Date.now(),
    cipher,
    progress,
    chunkSize: 100_000,
  });
  stages.cases = (performance.now() - t) / 1000;
  log(`${spec.cases.toLocaleString('en')} cases: ${stages.cases.toFixed(1)} s`);
  // Fresh statistics, as a long-running installation would have.
  await sql`analyze`.execute(database.db);
  return stages;
}

/** The province set: `districts` copies of the district's organisation system, with the project's CLI. */
async function buildProvince(target: Target, spec: Extract<DatasetSpec, { kind: 'province' }>) {
  const args = [
    '--import',
    'tsx',
    path.join(projectRoot, 'src/cli/main.ts'),
    'generate-orgs',
    '--data-dir',
    target.dataDir,
    '--districts',
    String(spec.districts),
    '--scale',
    String(spec.orgScale),
    '--seed',
    String(spec.seed),
    '--no-verify',
    ...(target.databaseUrl === undefined ? [] : ['--database-url', target.databaseUrl]),
  ];
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: projectRoot, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) {
        resolve();
      } else {
        reject(new Error(`generate-orgs exited with ${code}`));
      }
    });
  });
}

export async function buildDataset(target: Target, spec: DatasetSpec): Promise<BuildReport> {
  const started = performance.now();
  if (spec.kind === 'province') {
    await buildProvince(target, spec);
    return { seconds: (performance.now() - started) / 1000, stages: {} };
  }
  const { database, services } = openTarget(target);
  try {
    await migrate(database);
    const stages = await buildDistrict(database, services.cipher, spec);
    return { seconds: (performance.now() - started) / 1000, stages };
  } finally {
    await database.close();
  }
}
