// Helpers for the end-to-end tests (node:test + playwright-core + Debian's Chromium).
//
// startApp() runs the real server (src/main.ts) on a free port with a fresh data directory (a copy of the
// seeded template when E2E_TEMPLATE_DIR names one, see e2e/seedTemplate.ts); launchBrowser() starts headless
// Chromium; login() signs in through the console's login form.
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const DEMO_USERNAME = 'admin';
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'tongxin2026';
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The first start generates the demo district, which takes a while on a small machine. */
const STARTUP_TIMEOUT_MS = 180_000;
const STOP_GRACE_MS = 10_000;
const OUTPUT_KEEP_CHARS = 20_000;

export type App = {
  baseUrl: string;
  dataDir: string;
  /** The server's recent stdout and stderr, for error messages. */
  output: () => string;
  /** SIGTERM, wait for exit (SIGKILL after 10 s), then delete the data directory. */
  stop: () => Promise<void>;
};

export type StartAppOptions = {
  /** Extra environment for the server. */
  env?: Record<string, string>;
  /** Keep the data directory after stop() (default: delete it). */
  keepData?: boolean;
  /** Start from an empty data directory even when a seeded template is at hand (default: use the template). */
  fresh?: boolean;
};

/**
 * A data directory the demo district was generated into once per run, so that every test file starts from the
 * same district without generating it again. Each start works on its own copy.
 */
const TEMPLATE_DIR = process.env.E2E_TEMPLATE_DIR;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A port that was free a moment ago: listen on port 0, note the port, close. */
export async function freePort(): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('could not get a free port'));
        return;
      }
      const { port } = address;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve(true);
  }
  return new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, ms);
    const onExit = () => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

/** Start the server on a free port with a fresh DATA_DIR; resolves once GET /healthz answers 200. */
export async function startApp(options: StartAppOptions = {}): Promise<App> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tongxin-e2e-data-'));
  if (options.fresh !== true && TEMPLATE_DIR !== undefined && TEMPLATE_DIR !== '') {
    if (!existsSync(TEMPLATE_DIR)) {
      throw new Error(`E2E_TEMPLATE_DIR names no directory: ${TEMPLATE_DIR}`);
    }
    await cp(TEMPLATE_DIR, dataDir, { recursive: true });
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;

  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      // A smaller case history keeps each start short; the pages behave the same.
      DEMO_CASES: '20000',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (output.length > OUTPUT_KEEP_CHARS) {
      output = output.slice(-OUTPUT_KEEP_CHARS);
    }
    if (process.env.E2E_VERBOSE === '1') {
      process.stderr.write(chunk);
    }
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);

  // Never leave a server behind, whatever happens to the test process.
  const killOnExit = () => {
    child.kill('SIGKILL');
  };
  process.on('exit', killOnExit);

  let stopped: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        if (!(await waitForExit(child, STOP_GRACE_MS))) {
          child.kill('SIGKILL');
          await waitForExit(child, 5_000);
        }
      }
      process.off('exit', killOnExit);
      if (options.keepData !== true) {
        await rm(dataDir, { recursive: true, force: true });
      }
    })();
    return stopped;
  };

  const app: App = { baseUrl, dataDir, output: () => output, stop };

  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let lastProblem = 'no answer yet';
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(
        `the server exited during startup (code ${String(child.exitCode)}, signal ${String(child.signalCode)}):\n${output}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(5_000) });
      await response.body?.cancel();
      if (response.status === 200) {
        return app;
      }
      lastProblem = `GET /healthz answered ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `the server did not become healthy within ${STARTUP_TIMEOUT_MS / 1000} s (${lastProblem}):\n${output}`,
      );
    }
    await sleep(250);
  }
}

/** Headless Debian Chromium, with the flags this machine's closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Sign in through the login form and wait until the console has left /login. */
export async function login(
  page: Page,
  baseUrl: string,
  username: string = DEMO_USERNAME,
  password: string = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 30_000 }),
    page.locator('button[type="submit"]').click(),
  ]);
}

let screenshotDir: string | null = null;

/** Save a full-page screenshot into a temp directory; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  screenshotDir ??= await mkdtemp(path.join(tmpdir(), 'tongxin-e2e-shots-'));
  await mkdir(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name.replace(/[^\w.-]+/g, '_')}-${Date.now()}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Run body; if it throws, save a screenshot of page (path printed to stderr) and rethrow. */
export async function screenshotOnFailure<T>(page: Page, name: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    try {
      const file = await screenshot(page, name);
      console.error(`screenshot of the failure: ${file} (page ${page.url()})`);
    } catch (shotError) {
      console.error(
        `could not take a screenshot: ${shotError instanceof Error ? shotError.message : String(shotError)}`,
      );
    }
    throw error;
  }
}

/** A local date (YYYY-MM-DD) in the district's time zone, of an instant the test derived from its own clock. */
export const districtDate = (at: number): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(at));

export const PHONE = { width: 375, height: 800 };
export const DESKTOP = { width: 1366, height: 900 };
/** How long one step in the page may wait (a small machine generating the demo's pages). */
export const UI_TIMEOUT_MS = 30_000;

export type Viewport = { width: number; height: number };

export type Suite = {
  /** The running server's address (valid inside tests). */
  baseUrl(): string;
  /**
   * Run body in a fresh browser context — a new person on a new device — signed in as user (null: a resident
   * without an account), with the phone placed at `place` when given; a failure leaves a screenshot named
   * `<prefix>-<name>`.
   */
  as<T>(
    name: string,
    user: string | null,
    viewport: Viewport,
    body: (page: Page) => Promise<T>,
    place?: { lng: number; lat: number },
  ): Promise<T>;
  /**
   * A person whose browser context lasts across steps (a session that must outlive one step); close() it. A
   * timezoneId puts the browser in another zone than the district's (a laptop set to another zone).
   */
  open(name: string, viewport: Viewport, options?: { timezoneId?: string }): Promise<Person>;
};

export type Person = {
  page: Page;
  /** Run one step; a failure leaves a screenshot. */
  step<T>(body: (page: Page) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

/**
 * The server and the browser of one test file: call it inside describe(); it starts both before the file's tests
 * and stops them after.
 */
export function e2eSuite(prefix: string): Suite {
  let app: App | undefined;
  let browser: Browser | undefined;
  before(
    async () => {
      app = await startApp();
      browser = await launchBrowser();
    },
    { timeout: 240_000 },
  );
  after(async () => {
    await browser?.close();
    await app?.stop();
  });
  const running = () => {
    if (app === undefined || browser === undefined) {
      throw new Error('the server or the browser did not start');
    }
    return { app, browser };
  };
  return {
    baseUrl: () => running().app.baseUrl,
    async open(name, viewport, options) {
      const context = await running().browser.newContext({
        locale: 'zh-CN',
        viewport,
        ...(options?.timezoneId === undefined ? {} : { timezoneId: options.timezoneId }),
      });
      const page = await context.newPage();
      page.setDefaultTimeout(UI_TIMEOUT_MS);
      return {
        page,
        step: (body) => screenshotOnFailure(page, `${prefix}-${name}`, () => body(page)),
        close: () => context.close(),
      };
    },
    async as(name, user, viewport, body, place) {
      const { app: server, browser: chromiumBrowser } = running();
      const context = await chromiumBrowser.newContext({
        locale: 'zh-CN',
        viewport,
        ...(place === undefined
          ? {}
          : {
              geolocation: { longitude: place.lng, latitude: place.lat, accuracy: 10 },
              permissions: ['geolocation'],
            }),
      });
      const page = await context.newPage();
      page.setDefaultTimeout(UI_TIMEOUT_MS);
      try {
        return await screenshotOnFailure(page, `${prefix}-${name}`, async () => {
          if (user !== null) {
            await login(page, server.baseUrl, user);
          }
          return body(page);
        });
      } finally {
        await context.close();
      }
    },
  };
}

export type ApiSession = { cookie: string; csrfToken: string };

/** Sign in through the API, for the set-up and the steps the console has no page for. */
export async function apiLogin(baseUrl: string, username: string): Promise<ApiSession> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  assert.equal(response.status, 200, `${username} signs in`);
  const body = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrfToken: body.csrfToken };
}

/** Call the API as the session (null: without an account); anything but 200 fails the test with the answer. */
export async function apiCall<T>(
  baseUrl: string,
  session: ApiSession | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(session === null ? {} : { cookie: session.cookie, 'x-csrf-token': session.csrfToken }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.equal(response.status, 200, `${method} ${path}: ${text}`);
  return JSON.parse(text) as T;
}

/** Waits until no Ant Design motion (a modal zooming in, a dropdown sliding open) is running on the page. */
export async function motionsDone(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('[class*="-enter-active"], [class*="-appear-active"]') === null,
    undefined,
    { timeout: UI_TIMEOUT_MS },
  );
}

/**
 * Picks an option of an Ant Design select by its title, and checks the select now shows it. The click waits for the
 * dialog's and the dropdown's opening motions to end; one that is still lost (a busy machine) is tried again, a
 * bounded number of times.
 */
export async function pickOption(page: Page, select: Locator, title: string): Promise<void> {
  for (let attempt = 0; attempt < 4; attempt += 1) {
    await motionsDone(page);
    if ((await page.locator('.ant-select-dropdown:visible').count()) === 0) {
      await select.click();
    }
    const option = page
      .locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`)
      .first();
    try {
      await option.waitFor({ state: 'visible', timeout: 5_000 });
      await motionsDone(page);
      await option.click({ timeout: 5_000 });
    } catch {
      continue;
    }
    await motionsDone(page);
    if ((await select.textContent())?.includes(title) === true) {
      return;
    }
  }
  throw new Error(`the option ${title} could not be picked`);
}

/** Gives an Ant Design rate its `stars`, checking the stars are lit (a lost click is tried again, bounded). */
export async function rate(rateControl: Locator, stars: number): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await rateControl
      .locator('.ant-rate-star')
      .nth(stars - 1)
      .click();
    if ((await rateControl.locator('.ant-rate-star-full').count()) === stars) {
      return;
    }
  }
  throw new Error(`the rating of ${stars} could not be given`);
}
