// A test platform on a SQLite file where the configuration puts it (DATA_DIR/tongxin.sqlite), as the CLI and the
// server find it, with the case fixture's data (grids, departments) and optionally the server's log captured at a
// production level with the production redaction: for the backup and personal-data tests, which look at real files.
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import pino from 'pino';
import { seedDemo } from '../demo/seedDemo.js';
import { manualClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';
import { openDatabase } from '../platform/db/database.js';
import { migrate } from '../platform/db/migrate.js';
import { buildApp } from '../platform/http/app.js';
import { createLogger } from '../platform/logging.js';
import { createServices } from '../platform/services.js';
import { appParts } from '../modules.js';
import { CASE_STAGES } from '../testing/caseFixtures.js';
import { TEST_PASSWORD, type TestPlatform } from '../testing/testPlatform.js';

export async function startFilePlatform(
  dataDir: string,
  options: { start: number; log?: { level: 'info' | 'debug' | 'trace'; to: Writable } },
): Promise<TestPlatform> {
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', DEMO_PASSWORD: TEST_PASSWORD });
  const database = openDatabase({ kind: 'sqlite', file: path.join(dataDir, 'tongxin.sqlite') });
  await migrate(database);
  const clock = manualClock(options.start);
  const services = createServices(config, database, clock);
  await seedDemo(database, {
    now: clock.now(),
    seed: 1,
    password: TEST_PASSWORD,
    stages: CASE_STAGES,
    cipher: services.cipher,
    orgScale: 0.02,
  });
  // The server's logger (platform/logging.ts, with its redaction), writing where the test reads.
  const logger =
    options.log === undefined
      ? pino({ level: 'silent' })
      : createLogger({ logLevel: options.log.level }, options.log.to);
  const app = await buildApp({ config, database, logger, services, webDir: null }, appParts);
  await app.ready();
  return {
    app,
    database,
    config,
    services,
    clock,
    async close() {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
