// CLI commands of the organisation system: build a demo organisation set of any size, and benchmark roll-up reads.
import { systemClock } from '../platform/clock.js';
import { mkdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Command, InvalidArgumentError } from 'commander';
import cliProgress from 'cli-progress';
import pino from 'pino';
import { generateOrgs } from '../demo/generateOrgs.js';
import { seedDemo } from '../demo/seedDemo.js';
import {
  checkOrgInvariants,
  orgMetric,
  type OrgLevel,
  orgDirectory,
  type OrgRow,
  RollupDeltas,
  orgRollups,
  orgSeeding,
} from '../orgs/index.js';
import { openConfiguredDatabase } from '../server.js';
import { loadConfig } from '../platform/config.js';
import type { Database } from '../platform/db/database.js';
import { migrate } from '../platform/db/migrate.js';
import { buildApp } from '../platform/http/app.js';
import { appParts } from '../modules.js';
import { newId } from '../platform/ids.js';
import { createServices } from '../platform/services.js';
import { loginAs } from '../testing/testPlatform.js';

const int = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    throw new InvalidArgumentError('not a whole number');
  }
  return n;
};
const num = (value: string): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    throw new InvalidArgumentError('not a positive number');
  }
  return n;
};

type Target = { dataDir: string; databaseUrl?: string };

function open(target: Target) {
  mkdirSync(target.dataDir, { recursive: true });
  const config = loadConfig({
    DATA_DIR: target.dataDir,
    LOG_LEVEL: 'silent',
    ...(target.databaseUrl === undefined ? {} : { DATABASE_URL: target.databaseUrl }),
  });
  const database = openConfiguredDatabase(config);
  return { config, database, services: createServices(config, database) };
}

/** A copy of the district's town and village spine under a new district root with synthetic codes (province benchmarks). */
async function copySpine(database: Database, template: OrgRow, index: number, now: number): Promise<OrgRow> {
  const code = `9${String(index).padStart(3, '0')}12`;
  const rows = await database.db
    .selectFrom('org')
    .selectAll()
    .where('path', '>=', template.path)
    .where('path', '<', `${template.path}~`)
    .where('level', 'in', ['district', 'town', 'village'])
    .orderBy('depth')
    .execute();
  const made = new Map<string, OrgRow>();
  const out: OrgRow[] = [];
  const rollups = new RollupDeltas();
  for (const r of rows) {
    const parent = r.parent_id === null ? null : made.get(r.parent_id);
    if (r.parent_id !== null && parent === undefined) {
      continue;
    }
    const id = newId(now);
    const row: OrgRow = {
      ...r,
      id,
      parent_id: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      name: parent === null ? `${r.name}（样本${index}）` : r.name,
      code: r.code === null ? null : code + r.code.slice(6),
      sort_key: r.code === null ? r.sort_key : code + r.code.slice(6),
      created_at: now,
      updated_at: now,
    };
    made.set(r.id, row);
    out.push(row);
    rollups.add(row.path, orgMetric(row.level as OrgLevel), 1);
  }
  await database.db.transaction().execute(async (trx) => {
    await orgSeeding(trx, database.dialect).insertMany(out);
    await orgRollups(trx, database.dialect).addRollups(rollups.values);
  });
  return out[0]!;
}

export function registerOrgCommands(program: Command): void {
  program
    .command('generate-orgs')
    .description(
      'Build the demo organisation system (paper proportions × scale) into a database, for demos and benchmarks',
    )
    .option('--data-dir <dir>', 'data directory (embedded SQLite database inside)', 'data/bench')
    .option('--database-url <url>', 'PostgreSQL instead of SQLite')
    .option('--seed <n>', 'random seed', int, 20261127)
    .option('--scale <x>', '1 = 757 branches, 57,000 members, 100,000 households per district', num, 1)
    .option(
      '--districts <n>',
      'districts: more than 1 copies the Tongzhou spine with synthetic codes',
      int,
      1,
    )
    .option('--no-verify', 'skip the invariant check afterwards')
    .action(
      async (opts: {
        dataDir: string;
        databaseUrl?: string;
        seed: number;
        scale: number;
        districts: number;
        verify: boolean;
      }) => {
        const { database, services } = open(opts);
        const bars = new cliProgress.MultiBar(
          {
            clearOnComplete: false,
            hideCursor: true,
            format: ' {bar} {percentage}% | {stage} {value}/{total}',
          },
          cliProgress.Presets.shades_classic,
        );
        try {
          await migrate(database);
          await seedDemo(database, { seed: opts.seed, password: 'tongxin2026', stages: ['spine', 'users'] });
          const repo = orgDirectory(database.db, database.dialect);
          const template = (await repo.findRoot())!;
          const started = performance.now();
          const results: string[] = [];
          for (let d = 0; d < opts.districts; d++) {
            const now = systemClock().now();
            const root = d === 0 ? template : await copySpine(database, template, d, now);
            const bar = bars.create(1, 0, { stage: root.name });
            const result = await generateOrgs(database, {
              seed: opts.seed + d,
              scale: opts.scale,
              cipher: services.cipher,
              districtId: root.id,
              // Copies get their own synthetic region code so ID numbers stay unique across the set.
              ...(d === 0 ? {} : { idRegions: [`3${String(d).padStart(5, '0')}`] as [string] }),
              now,
              progress: (_stage, done, total) => {
                bar.setTotal(total);
                bar.update(done, { stage: root.name });
              },
            });
            bar.stop();
            results.push(`${root.name}: ${JSON.stringify(result)}`);
          }
          bars.stop();
          console.log(
            `generated ${opts.districts} district(s) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
          );
          if (opts.verify) {
            const problems = await checkOrgInvariants(database.db);
            console.log(problems.length === 0 ? 'invariants hold' : problems.slice(0, 20).join('\n'));
            process.exitCode = problems.length === 0 ? 0 : 1;
          }
        } finally {
          bars.stop();
          await database.close();
        }
      },
    );

  program
    .command('bench-rollups')
    .description(
      'Time GET /api/orgs/:id (with subtree counts) for the district root through the real app: p50/p95/p99',
    )
    .option('--data-dir <dir>', 'data directory of a generated database', 'data/bench')
    .option('--database-url <url>', 'PostgreSQL instead of SQLite')
    .option('--requests <n>', 'requests to time', int, 500)
    .action(async (opts: { dataDir: string; databaseUrl?: string; requests: number }) => {
      const { config, database, services } = open(opts);
      const app = await buildApp(
        {
          config,
          database,
          logger: pino({ level: 'silent' }),
          services,
          webDir: null,
        },
        appParts,
      );
      try {
        await app.ready();
        const root = (await orgDirectory(database.db, database.dialect).findRoot())!;
        const session = await loginAs(app, 'admin', 'tongxin2026');
        const counts = await session.request('GET', `/api/orgs/${root.id}`);
        console.log(JSON.stringify((counts.body.item as { counts: unknown }).counts));
        const times: number[] = [];
        for (let i = 0; i < opts.requests + 20; i++) {
          const t = performance.now();
          const res = await session.request('GET', `/api/orgs/${root.id}`);
          if (res.status !== 200) {
            throw new Error(`GET answered ${res.status}`);
          }
          if (i >= 20) {
            times.push(performance.now() - t);
          }
        }
        times.sort((a, b) => a - b);
        const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2);
        console.log(
          `root org with counts, ${opts.requests} requests on ${database.dialect}: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms`,
        );
      } finally {
        await app.close();
        await database.close();
      }
    });
}
