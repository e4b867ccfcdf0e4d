// Test helpers: a real database per test file (a SQLite file, or a fresh PostgreSQL database when TEST_DATABASE_URL is set) and the real HTTP app.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { shiftableClock, type Clock, type ShiftableClock } from '../platform/clock.js';
import { loadConfig, type Config } from '../platform/config.js';
import type { Database } from '../platform/db/database.js';
import { openDatabase } from '../platform/db/database.js';
import { migrate } from '../platform/db/migrate.js';
import { buildApp, type App } from '../platform/http/app.js';
import { createServices, type Services } from '../platform/services.js';
import { seedDemo } from '../demo/seedDemo.js';
// The module wiring (the hooks through which records follow org moves), for tests that use a database without the app.
import { appParts } from '../modules.js';

export const TEST_PASSWORD = 'test-password-1';

export type TestDb = { database: Database; dataDir: string; drop(): Promise<void> };

/** A fresh, empty database of the kind this run tests. */
export async function createTestDatabase(): Promise<TestDb> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tx-test-'));
  const url = process.env.TEST_DATABASE_URL;
  if (url === undefined || url === '') {
    const database = openDatabase({ kind: 'sqlite', file: path.join(dataDir, 'test.sqlite') });
    return {
      database,
      dataDir,
      async drop() {
        await database.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `tx_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const database = openDatabase({
    kind: 'postgres',
    url: dbUrl.toString(),
    poolSize: 5,
    statementTimeoutMs: 30000,
  });
  return {
    database,
    dataDir,
    async drop() {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        // An autovacuum worker (a superuser process) may be visiting the database; FORCE cannot end it for a
        // non-superuser role, and the worker leaves by itself within moments, so try again for a while.
        for (let attempt = 1; ; attempt++) {
          try {
            await c.query(`drop database if exists ${name} with (force)`);
            return;
          } catch (error) {
            if (attempt >= 50) {
              throw error;
            }
            await new Promise((resolve) => setTimeout(resolve, 200));
          }
        }
      } finally {
        await c.end();
      }
    },
  };
}

export type TestPlatform = {
  app: App;
  database: Database;
  config: Config;
  services: Services;
  /** The platform clock of this test platform: by default wall time shifted by TEST_CLOCK_OFFSET_DAYS. */
  clock: Clock;
  close(): Promise<void>;
};

/** Days the platform clock runs ahead in this test run (CI runs the suite a second time about 400 days ahead). */
export function testClockOffsetMs(): number {
  const days = Number(process.env.TEST_CLOCK_OFFSET_DAYS ?? '0');
  return Number.isFinite(days) ? days * 86_400_000 : 0;
}

/** A clock for tests: the wall clock shifted by the run's offset, so a test never depends on today's date. */
export function testClock(): ShiftableClock {
  return shiftableClock(testClockOffsetMs());
}

/** Migrated database with the Tongzhou spine and the demo accounts (password TEST_PASSWORD), behind the real app. */
export async function startTestPlatform(
  env: Record<string, string> = {},
  options: { stages?: string[]; orgScale?: number; clock?: Clock } = {},
): Promise<TestPlatform> {
  const testDb = await createTestDatabase();
  const config = loadConfig({
    DATA_DIR: testDb.dataDir,
    LOG_LEVEL: 'silent',
    DEMO_PASSWORD: TEST_PASSWORD,
    ...env,
  });
  const { database } = testDb;
  await migrate(database);
  const clock = options.clock ?? testClock();
  const services = createServices(config, database, clock);
  await seedDemo(database, {
    now: clock.now(),
    seed: 1,
    password: TEST_PASSWORD,
    stages: options.stages ?? ['spine', 'catalogue', 'users'],
    cipher: services.cipher,
    orgScale: options.orgScale,
  });
  const app = await buildApp(
    { config, database, logger: pino({ level: 'silent' }), services, webDir: null },
    appParts,
  );
  await app.ready();
  return {
    app,
    database,
    config,
    services,
    clock,
    async close() {
      await app.close();
      await testDb.drop();
    },
  };
}

export type Session = {
  cookie: string;
  csrf: string;
  request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
  ): Promise<TestResponse>;
};

export type TestResponse = {
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, unknown>;
};

function parse(payload: string): Record<string, unknown> {
  if (payload === '') {
    return {};
  }
  try {
    return JSON.parse(payload) as Record<string, unknown>;
  } catch {
    return { raw: payload };
  }
}

export async function call(
  app: App,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<TestResponse> {
  const res = await app.inject({
    method,
    url,
    headers: options.headers,
    ...(options.body === undefined ? {} : { payload: options.body as Record<string, unknown> }),
  });
  return { status: res.statusCode, body: parse(res.payload), headers: res.headers };
}

export async function loginAs(
  app: App,
  username: string,
  password = TEST_PASSWORD,
  ip = '127.0.0.1',
): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: ip,
  });
  if (res.statusCode !== 200) {
    throw new Error(`login as ${username} failed: ${res.statusCode} ${res.payload}`);
  }
  const setCookie = res.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  const cookie = (raw ?? '').split(';')[0] ?? '';
  const csrf = (JSON.parse(res.payload) as { csrfToken: string }).csrfToken;
  return {
    cookie,
    csrf,
    request: (method, url, body) =>
      call(app, method, url, { body, headers: { cookie, 'x-csrf-token': csrf } }),
  };
}
