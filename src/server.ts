// Opens the database, migrates, seeds the demo on first start and serves the API and console.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { baseStages, seedDemo, type DemoResult } from './demo/seedDemo.js';
import type { Config } from './platform/config.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { migrate } from './platform/db/migrate.js';
import { buildApp, type App } from './platform/http/app.js';
import { startJobRunner } from './platform/jobs/jobs.js';
import { appParts, ensureStandingJobs, moduleJobHandlers } from './modules.js';
import { createServices } from './platform/services.js';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function openConfiguredDatabase(config: Config): Database {
  return config.databaseUrl === null
    ? openDatabase({ kind: 'sqlite', file: path.join(config.dataDir, 'tongxin.sqlite') })
    : openDatabase({
        kind: 'postgres',
        url: config.databaseUrl,
        poolSize: config.pgPoolSize,
        statementTimeoutMs: config.pgStatementTimeoutMs,
      });
}

export type Platform = { app: App; database: Database; demo: DemoResult | null; close(): Promise<void> };

export async function startPlatform(
  config: Config,
  logger: Logger,
  options: {
    webDir?: string | null;
    onDemoProgress?: (stage: string, done: number, total: number) => void;
  } = {},
): Promise<Platform> {
  const database = openConfiguredDatabase(config);
  try {
    const migrated = await migrate(database);
    if (migrated.applied.length > 0) {
      logger.info({ applied: migrated.applied }, 'migrations applied');
    }
    const services = createServices(config, database);
    const seeded = await seedDemo(database, {
      seed: config.demoSeed,
      password: config.demoPassword,
      progress: options.onDemoProgress,
      cipher: services.cipher,
      caseCount: config.demoCases,
      stages: config.demo ? undefined : baseStages,
      now: services.clock.now(),
    });
    const demo = config.demo ? seeded : null;
    await ensureStandingJobs(database, services.clock.now());
    const webDir = options.webDir === undefined ? path.join(projectRoot, 'web', 'dist') : options.webDir;
    const deps = { config, database, logger, services, webDir };
    const app = await buildApp(deps, appParts);
    const runner = startJobRunner(database, moduleJobHandlers(deps), {
      now: () => services.clock.now(),
      intervalMs: config.jobIntervalMs,
      log: logger,
    });
    return {
      app,
      database,
      demo,
      async close() {
        await runner.stop();
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
