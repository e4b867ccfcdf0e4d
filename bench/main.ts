// `npm run bench`: builds a data set with the project's generators in a throwaway place, measures the figures of
// docs/performance.md against the real app, prints a table and writes bench/results/<date>-<commit>.json and latest.json.
//
//   npm run bench -- [--dataset district|province] [--years 1] [--cases n] [--districts 80] [--only a,b] [--smoke]
//   DATABASE_URL=postgres://… npm run bench   (a fresh database is created on that server and dropped afterwards)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { projectRoot } from '../src/server.js';
import { buildDataset, openTarget, throwawayTarget, type DatasetSpec } from './dataset.js';
import {
  commandView,
  databaseNote,
  exportXlsx,
  indicators,
  intake,
  lists,
  loadSample,
  mixedLoad,
  pointToGrid,
  rollups,
  type Context,
  type Figure,
} from './figures.js';
import { startServer } from './http.js';

const FIGURES = [
  'pointToGrid',
  'rollups',
  'indicators',
  'command',
  'lists',
  'export',
  'intake',
  'mixed',
] as const;
type FigureName = (typeof FIGURES)[number];

const positive = (value: string): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    throw new InvalidArgumentError('not a positive number');
  }
  return n;
};

type Options = {
  dataset: 'district' | 'province';
  years: number;
  cases?: number;
  districts: number;
  orgScale?: number;
  only?: string;
  smoke: boolean;
  seed: number;
  keep: boolean;
};

const program = new Command('bench')
  .description('Measure Tongxin at district and province scale against the raw limits of this machine')
  .addOption(new Option('--dataset <kind>', 'data set').choices(['district', 'province']).default('district'))
  .option('--years <n>', 'district: years of cases (about 300,000 a year)', positive, 1)
  .option('--cases <n>', 'district: number of cases (default 300,000 × years)', positive)
  .option('--districts <n>', 'province: districts in the organisation tree', positive, 80)
  .option('--org-scale <x>', 'organisation size per district, 1 = the paper district', positive)
  .option('--only <figures>', `comma-separated subset of ${FIGURES.join(', ')}`)
  .option('--seed <n>', 'random seed', positive, 20261127)
  .option('--smoke', 'tiny data set and short runs: checks the bench works, measures nothing', false)
  .option('--keep', 'keep the data set afterwards (prints where) instead of dropping it', false);

program.parse();
const opts = program.opts<Options>();
const databaseUrl = process.env.DATABASE_URL === '' ? undefined : process.env.DATABASE_URL;
if (opts.smoke && databaseUrl !== undefined) {
  console.error('bench --smoke runs on SQLite only; unset DATABASE_URL');
  process.exit(2);
}
const only = new Set<string>(opts.only?.split(',').map((s) => s.trim()) ?? FIGURES);
for (const name of only) {
  if (!FIGURES.includes(name as FigureName)) {
    console.error(`unknown figure ${name}; one of ${FIGURES.join(', ')}`);
    process.exit(2);
  }
}
const wants = (name: FigureName) => only.has(name);

const spec: DatasetSpec = opts.smoke
  ? { kind: 'district', cases: 3000, years: 1, orgScale: 0.02, seed: opts.seed }
  : opts.dataset === 'province'
    ? { kind: 'province', districts: opts.districts, orgScale: opts.orgScale ?? 1, seed: opts.seed }
    : {
        kind: 'district',
        cases: Math.round(opts.cases ?? 300_000 * opts.years),
        years: opts.years,
        orgScale: opts.orgScale ?? 1,
        seed: opts.seed,
      };

const git = (...args: string[]) => {
  try {
    return execFileSync('git', args, { cwd: projectRoot, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};

function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return {
    nproc: cpus().length,
    memoryMb: Math.round(totalmem() / 1024 / 1024),
    cpu: model.trim(),
    node: process.version,
  };
}

const load = () => loadavg().map((x) => Number(x.toFixed(2)));

type Run = {
  dataset: string;
  database: string;
  databaseVersion: string;
  dataSize: string;
  smoke: boolean;
  date: string;
  commit: string;
  machine: ReturnType<typeof machine>;
  loadAverage: { start: number[]; end: number[] };
  freeMemoryMbAtStart: number;
  buildSeconds: number;
  figures: Figure[];
};

const started = new Date();
// The code under test is what was checked out when the run started (others may commit while it runs).
const commit = git('rev-parse', '--short', 'HEAD');
const loadStart = load();
const freeStart = Math.round(freemem() / 1024 / 1024);
const target = await throwawayTarget(databaseUrl);
const dialect = databaseUrl === undefined ? 'sqlite' : 'postgres';
const figures: Figure[] = [];
let dataSize = '';
let databaseVersion = '';
let buildSeconds = 0;
let failures = 0;
try {
  console.error(`building the ${spec.kind} data set on ${dialect} …`);
  const built = await buildDataset(target, spec);
  buildSeconds = Math.round(built.seconds);
  const { database } = openTarget(target);
  try {
    const sample = await loadSample(database);
    const orgs = Number(
      (
        await database.db
          .selectFrom('org')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    dataSize =
      spec.kind === 'province'
        ? `${spec.districts} districts, ${orgs.toLocaleString('en')} orgs`
        : `${sample.cases.toLocaleString('en')} cases, ${spec.years} y`;
    databaseVersion = await databaseNote(database);
    const ctx: Context = {
      dialect,
      dataset: spec.kind,
      dataSize,
      smoke: opts.smoke,
      database,
      databaseUrl: target.databaseUrl,
      sample,
    };
    const add = (drafts: Omit<Figure, 'database' | 'dataset' | 'dataSize'>[]) => {
      for (const d of drafts) {
        const f: Figure = { ...d, database: dialect, dataset: spec.kind, dataSize, commit };
        figures.push(f);
        console.error(`  ${f.name}: ${f.value} ${f.unit}${f.pass === false ? '  (target missed)' : ''}`);
      }
    };
    const isDistrict = spec.kind === 'district';
    if (isDistrict && wants('pointToGrid')) {
      add(await pointToGrid(ctx));
    }
    const server = await startServer(target.dataDir, target.databaseUrl);
    try {
      // A figure that fails is recorded as failed and the run goes on, so one crash does not lose the others.
      const measure = async (name: FigureName, run: () => Promise<Parameters<typeof add>[0]>) => {
        try {
          add(await run());
        } catch (error) {
          failures += 1;
          console.error(`  ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
          add([
            {
              name: `${name}.failed`,
              value: 0,
              unit: 'error',
              baseline: null,
              target: null,
              pass: false,
              detail: { error: error instanceof Error ? error.message : String(error) },
            },
          ]);
        }
      };
      if (wants('rollups')) {
        await measure('rollups', () => rollups(ctx, server));
      }
      if (isDistrict && wants('indicators')) {
        await measure('indicators', () => indicators(ctx, server));
      }
      if (isDistrict && wants('command')) {
        await measure('command', () => commandView(ctx, server));
      }
      if (isDistrict && wants('lists')) {
        await measure('lists', () => lists(ctx, server));
      }
      if (isDistrict && wants('export')) {
        await measure('export', () => exportXlsx(ctx, server));
      }
      if (isDistrict && wants('intake')) {
        await measure('intake', () => intake(ctx, server));
      }
      if (isDistrict && wants('mixed')) {
        await measure('mixed', () => mixedLoad(ctx, server));
      }
    } finally {
      await server.stop();
    }
  } finally {
    await database.close();
  }
} finally {
  if (opts.keep) {
    console.error(
      `kept the data set: ${target.dataDir}${target.databaseUrl === undefined ? '' : ' and its database'}`,
    );
  } else {
    await target.drop();
  }
}

const run: Run = {
  dataset: spec.kind,
  database: dialect,
  databaseVersion,
  dataSize,
  smoke: opts.smoke,
  date: started.toISOString(),
  commit,
  machine: machine(),
  loadAverage: { start: loadStart, end: load() },
  freeMemoryMbAtStart: freeStart,
  buildSeconds,
  figures,
};

printTable(run);
writeResults(run);
process.exitCode = failures > 0 ? 1 : 0;

function printTable(r: Run): void {
  const rows = r.figures.map((f) => [
    f.name,
    f.database,
    f.dataSize,
    `${f.value} ${f.unit}`,
    f.baseline === null ? '' : `${f.baseline.value} ${f.baseline.unit}`,
    f.target ?? '',
    f.pass === null ? '' : f.pass ? 'pass' : 'MISS',
  ]);
  const head = ['figure', 'db', 'data', 'value', 'baseline', 'target', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  console.log(
    `\n${r.dataset} on ${r.databaseVersion}, commit ${r.commit}, ${r.machine.nproc} × ${r.machine.cpu}, ${r.machine.node}`,
  );
  console.log(
    `load average at start ${r.loadAverage.start.join(' ')}, at end ${r.loadAverage.end.join(' ')}`,
  );
  console.log(line(head));
  for (const row of rows) {
    console.log(line(row));
  }
}

/**
 * Adds this run to the commit's file and to latest.json, each time replacing the figures of an earlier run of the
 * same data set, database and size, so latest.json holds the newest figure of every size measured.
 */
function writeResults(r: Run): void {
  const dir = path.join(projectRoot, 'bench/results');
  mkdirSync(dir, { recursive: true });
  if (r.smoke) {
    writeFileSync(path.join(dir, 'smoke.json'), `${JSON.stringify({ runs: [r] }, null, 2)}\n`);
    return;
  }
  const key = (x: Run) => `${x.dataset}|${x.database}|${x.dataSize}`;
  const merge = (file: string) => {
    const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { runs: Run[] }).runs : [];
    // A run with --only keeps the other figures of the earlier run of the same key.
    const earlier = previous.find((x) => key(x) === key(r));
    const kept = (earlier?.figures ?? [])
      .filter((f) => !r.figures.some((g) => g.name === f.name))
      .map((f) => ({ ...f, commit: f.commit ?? earlier?.commit }));
    const runs = [...previous.filter((x) => key(x) !== key(r)), { ...r, figures: [...kept, ...r.figures] }];
    writeFileSync(file, `${JSON.stringify({ runs }, null, 2)}\n`);
  };
  const file = path.join(dir, `${r.date.slice(0, 10)}-${r.commit}.json`);
  merge(file);
  merge(path.join(dir, 'latest.json'));
  console.log(`\nwrote ${path.relative(projectRoot, file)} and bench/results/latest.json`);
}
