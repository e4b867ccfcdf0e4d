// The whole test suite: what `npm test` runs (and CI, through .ci/run).
//
//   node scripts/test.mjs [--only-db sqlite|pg] [--no-e2e] [--no-lint] [--no-clock-ahead] [-- filter...]
//
// Steps, stopping at the first failure:
//   1. lint: eslint and prettier --check
//   2. typecheck: tsc --noEmit
//   3. integration tests (src/**/*.test.ts) on SQLite
//   3b. the same on SQLite with the platform clock 400 days ahead (TEST_CLOCK_OFFSET_DAYS), so a test that depends on
//       today's date fails the day it is written
//   4. the same on PostgreSQL: $TEST_DATABASE_URL, or a throwaway cluster from scripts/pg.sh
//   4b. a seconds-long smoke of the bench on SQLite (tiny data set; it reports, it asserts no time)
//   5. web build, then end-to-end tests (e2e/**/*.e2e.ts) in headless Chromium ($CHROMIUM_PATH)
// and at the end one line `N passed, N failed` totalled over all test runs.
//
// Filters after `--` keep only test files whose path contains one of them.
// Environment: TEST_DATABASE_URL, CHROMIUM_PATH, TX_TEST_SKIP_PG=1, TX_TEST_SKIP_E2E=1,
// TX_TEST_TIMEOUT_MS (per-test timeout, default 600000).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PG_BIN = process.env.TX_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const TEST_TIMEOUT_MS = process.env.TX_TEST_TIMEOUT_MS ?? '600000';

// ---------------------------------------------------------------- arguments

function usage(code) {
  const text = `usage: node scripts/test.mjs [--only-db sqlite|pg] [--no-e2e] [--no-lint] [-- filter...]

  --only-db sqlite|pg  run the integration tests on one database only
  --no-e2e             skip the web build and the end-to-end tests
  --no-lint            skip eslint, prettier and tsc
  --no-clock-ahead     skip the second SQLite run with the platform clock 400 days ahead
  -- filter...         run only test files whose path contains one of the filters

environment:
  TEST_DATABASE_URL    PostgreSQL to use (else scripts/pg.sh starts a throwaway cluster)
  CHROMIUM_PATH        Chromium for the end-to-end tests (default ${DEFAULT_CHROMIUM})
  TX_TEST_SKIP_PG=1    skip the PostgreSQL run when no PostgreSQL is available
  TX_TEST_SKIP_E2E=1   skip the end-to-end tests when Chromium is missing
`;
  (code === 0 ? process.stdout : process.stderr).write(text);
  process.exit(code);
}

const opts = { onlyDb: null, e2e: true, lint: true, clockAhead: true, filters: [] };
{
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      opts.filters.push(...argv.slice(i + 1));
      break;
    } else if (arg === '--only-db' || arg.startsWith('--only-db=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (value !== 'sqlite' && value !== 'pg') {
        console.error(`--only-db wants sqlite or pg, got ${value ?? 'nothing'}`);
        usage(2);
      }
      opts.onlyDb = value;
    } else if (arg === '--no-e2e') {
      opts.e2e = false;
    } else if (arg === '--no-lint') {
      opts.lint = false;
    } else if (arg === '--no-clock-ahead') {
      opts.clockAhead = false;
    } else if (arg === '-h' || arg === '--help') {
      usage(0);
    } else {
      console.error(`unknown argument: ${arg}`);
      usage(2);
    }
  }
}

// ---------------------------------------------------------------- helpers

const totals = { pass: 0, fail: 0, skipped: 0, runs: 0 };
const cleanups = [];
const tmp = mkdtempSync(path.join(tmpdir(), 'tongxin-test-'));
cleanups.push(() => rmSync(tmp, { recursive: true, force: true }));

class StepFailure extends Error {}

function heading(title) {
  console.log(`\n${'='.repeat(8)} ${title} ${'='.repeat(Math.max(8, 72 - title.length))}`);
}

function seconds(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)}s`;
}

/** Run a command with inherited stdio; resolve with its exit code. */
function run(cmd, args, { env = process.env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd: ROOT,
      env: { NODE_ENV: 'test', ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', (err) => {
      console.error(`cannot run ${cmd}: ${err.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

async function mustRun(what, cmd, args, options) {
  const code = await run(cmd, args, options);
  if (code !== 0) {
    throw new StepFailure(`${what} failed (exit code ${code})`);
  }
}

/** All files under dir (relative to ROOT) whose name ends with suffix, sorted. */
function findFiles(dir, suffix) {
  const found = [];
  const walk = (rel) => {
    const abs = path.join(ROOT, rel);
    if (!existsSync(abs)) {
      return;
    }
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) {
        continue;
      }
      const child = path.join(rel, entry.name);
      if (entry.isDirectory()) {
        walk(child);
      } else if (entry.isFile() && entry.name.endsWith(suffix)) {
        found.push(child.split(path.sep).join('/'));
      }
    }
  };
  walk(dir);
  found.sort();
  if (opts.filters.length === 0) {
    return found;
  }
  return found.filter((file) => opts.filters.some((filter) => file.includes(filter)));
}

/** Read `# pass N` style counters from a TAP report: the last value of each wins. */
function tapCounts(file) {
  const counts = { pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0 };
  if (!existsSync(file)) {
    return null;
  }
  let seen = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^# (pass|fail|cancelled|skipped|todo) (\d+)\s*$/.exec(line);
    if (match) {
      counts[match[1]] = Number(match[2]);
      seen = true;
    }
  }
  return seen ? counts : null;
}

/**
 * Run test files with node's test runner: spec report on stdout, TAP report to a file for the
 * counts. Adds the counts to the totals; throws StepFailure if the run failed.
 */
async function runTests(label, files, { concurrency, env }) {
  totals.runs += 1;
  const tap = path.join(tmp, `run-${totals.runs}.tap`);
  const args = [
    '--import',
    'tsx',
    '--test',
    `--test-concurrency=${concurrency}`,
    `--test-timeout=${TEST_TIMEOUT_MS}`,
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...files,
  ];
  console.log(`${files.length} test file(s)`);
  const code = await run(process.execPath, args, { env });
  const counts = tapCounts(tap);
  if (counts) {
    const failed = counts.fail + counts.cancelled;
    totals.pass += counts.pass;
    totals.fail += failed;
    totals.skipped += counts.skipped + counts.todo;
    console.log(`${label}: ${counts.pass} passed, ${failed} failed, ${counts.skipped + counts.todo} skipped`);
  } else {
    console.log(`${label}: the test runner gave no summary`);
  }
  if (code !== 0) {
    throw new StepFailure(`${label} failed (exit code ${code})`);
  }
  if (!counts) {
    throw new StepFailure(`${label}: the test runner exited 0 but reported no results`);
  }
}

function envWithout(...names) {
  const env = { ...process.env };
  for (const name of names) {
    delete env[name];
  }
  return env;
}

function pgScript(command) {
  return new Promise((resolve) => {
    const child = spawn('bash', [path.join('scripts', 'pg.sh'), command], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', (err) => resolve({ code: 127, out: err.message }));
    child.on('exit', (code) => resolve({ code: code ?? 1, out: out.trim() }));
  });
}

// ---------------------------------------------------------------- steps

async function lint() {
  heading('Lint: eslint');
  await mustRun('eslint', 'npx', ['--no', '--', 'eslint', '.']);
  heading('Lint: prettier --check');
  await mustRun('prettier --check', 'npx', ['--no', '--', 'prettier', '--check', '.']);
}

async function typecheck() {
  heading('Typecheck: tsc --noEmit');
  await mustRun('tsc', 'npx', ['--no', '--', 'tsc', '--noEmit', '-p', 'tsconfig.json']);
}

function integrationFiles() {
  const files = findFiles('src', '.test.ts');
  if (files.length === 0) {
    console.log(
      opts.filters.length > 0
        ? 'no src/**/*.test.ts file matches the filters: nothing to run'
        : 'WARNING: no src/**/*.test.ts files found: nothing to run',
    );
  }
  return files;
}

async function integrationSqlite() {
  heading('Integration tests on SQLite');
  const files = integrationFiles();
  if (files.length > 0) {
    await runTests('SQLite', files, { concurrency: 2, env: envWithout('TEST_DATABASE_URL') });
  }
}

const CLOCK_AHEAD_DAYS = '400';

async function integrationSqliteAhead() {
  heading(`Integration tests on SQLite, platform clock ${CLOCK_AHEAD_DAYS} days ahead`);
  const files = integrationFiles();
  if (files.length > 0) {
    await runTests(`SQLite +${CLOCK_AHEAD_DAYS}d`, files, {
      concurrency: 2,
      env: { ...envWithout('TEST_DATABASE_URL'), TEST_CLOCK_OFFSET_DAYS: CLOCK_AHEAD_DAYS },
    });
  }
}

async function integrationPg() {
  heading('Integration tests on PostgreSQL');
  const files = integrationFiles();
  if (files.length === 0) {
    return;
  }
  let url = process.env.TEST_DATABASE_URL;
  if (url) {
    console.log('using TEST_DATABASE_URL from the environment');
  } else if (existsSync(path.join(PG_BIN, 'initdb'))) {
    const status = await pgScript('status');
    const ownCluster = status.code !== 0;
    if (ownCluster) {
      console.log('starting a throwaway PostgreSQL cluster (scripts/pg.sh start)');
      const started = await pgScript('start');
      if (started.code !== 0) {
        throw new StepFailure('scripts/pg.sh start failed');
      }
      cleanups.push(async () => {
        console.log('stopping the throwaway PostgreSQL cluster (scripts/pg.sh stop)');
        await pgScript('stop');
      });
    } else {
      console.log('using the PostgreSQL cluster already started by scripts/pg.sh');
    }
    url = (await pgScript('url')).out;
  } else if (process.env.TX_TEST_SKIP_PG === '1') {
    console.log('');
    console.log('!'.repeat(78));
    console.log('!! WARNING: SKIPPING the PostgreSQL tests (TX_TEST_SKIP_PG=1): no PostgreSQL available.');
    console.log('!! Only SQLite was tested. Install PostgreSQL: apt-get install -y postgresql-15');
    console.log('!'.repeat(78));
    return;
  } else {
    throw new StepFailure(
      `no PostgreSQL for the integration tests: set TEST_DATABASE_URL, or install PostgreSQL 15 ` +
        `(apt-get install -y postgresql-15, binaries in ${PG_BIN}) so that scripts/pg.sh can start one; ` +
        `or set TX_TEST_SKIP_PG=1 (or pass --only-db sqlite) to skip these tests`,
    );
  }
  await runTests('PostgreSQL', files, { concurrency: 2, env: { ...process.env, TEST_DATABASE_URL: url } });
}

async function e2e() {
  heading('End-to-end tests');
  const files = findFiles('e2e', '.e2e.ts');
  if (files.length === 0) {
    console.log(
      opts.filters.length > 0
        ? 'no e2e/**/*.e2e.ts file matches the filters: nothing to run'
        : 'WARNING: no e2e/**/*.e2e.ts files found: nothing to run',
    );
    return;
  }
  const chromium = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  if (!existsSync(chromium)) {
    if (process.env.TX_TEST_SKIP_E2E === '1') {
      console.log('');
      console.log('!'.repeat(78));
      console.log(
        `!! WARNING: SKIPPING the end-to-end tests (TX_TEST_SKIP_E2E=1): no Chromium at ${chromium}.`,
      );
      console.log('!! Install it: apt-get install -y chromium');
      console.log('!'.repeat(78));
      return;
    }
    throw new StepFailure(
      `Chromium not found at ${chromium}: install it with \`apt-get install -y chromium\` ` +
        `(or set CHROMIUM_PATH; TX_TEST_SKIP_E2E=1 or --no-e2e skips the end-to-end tests)`,
    );
  }
  heading('Web build: npm run build:web');
  await mustRun('npm run build:web', 'npm', ['run', 'build:web']);
  heading('End-to-end: the demo district, generated once for every test file');
  const template = path.join(tmp, 'e2e-template');
  await mustRun('seed the e2e template', process.execPath, [
    '--import',
    'tsx',
    'e2e/seedTemplate.ts',
    template,
  ]);
  heading('End-to-end tests in Chromium');
  await runTests('End-to-end', files, {
    concurrency: 1,
    env: { ...process.env, CHROMIUM_PATH: chromium, E2E_TEMPLATE_DIR: template },
  });
}

async function benchSmoke() {
  heading('Bench smoke: bench/main.ts --smoke on SQLite');
  await mustRun('bench smoke', process.execPath, ['--import', 'tsx', 'bench/main.ts', '--smoke'], {
    env: envWithout('DATABASE_URL'),
  });
}

// ---------------------------------------------------------------- main

const steps = [];
if (opts.lint) {
  steps.push(['lint', lint], ['typecheck', typecheck]);
}
if (opts.onlyDb !== 'pg') {
  steps.push(['integration tests on SQLite', integrationSqlite]);
  if (opts.clockAhead) {
    steps.push(['integration tests on SQLite, clock ahead', integrationSqliteAhead]);
  }
}
if (opts.onlyDb !== 'sqlite') {
  steps.push(['integration tests on PostgreSQL', integrationPg]);
}
if (opts.onlyDb !== 'pg' && opts.filters.length === 0) {
  steps.push(['bench smoke', benchSmoke]);
}
if (opts.e2e) {
  steps.push(['end-to-end tests', e2e]);
}

let cleaningUp = null;
async function cleanup() {
  cleaningUp ??= (async () => {
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (err) {
        console.error(`cleanup failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  })();
  return cleaningUp;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.error(`\ninterrupted (${signal})`);
    void cleanup().then(() => process.exit(130));
  });
}

const started = Date.now();
const timings = [];
let failure = null;
for (const [name, fn] of steps) {
  const stepStart = Date.now();
  try {
    await fn();
    timings.push(`${name}: ${seconds(stepStart)}`);
  } catch (err) {
    timings.push(`${name}: ${seconds(stepStart)} (failed)`);
    failure = err instanceof StepFailure ? err.message : `${name}: ${err instanceof Error ? err.stack : err}`;
    break;
  }
}
await cleanup();

heading('Summary');
for (const line of timings) {
  console.log(`  ${line}`);
}
console.log(`  total: ${seconds(started)}`);
if (failure) {
  console.log(`\nFAILED: ${failure}`);
}
console.log('');
console.log(
  `${totals.pass} passed, ${totals.fail} failed` + (totals.skipped > 0 ? `, ${totals.skipped} skipped` : ''),
);
process.exitCode = failure || totals.fail > 0 ? 1 : 0;
