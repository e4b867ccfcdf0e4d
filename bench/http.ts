// HTTP side of the bench: the platform in a child process, signed-in sessions, timed requests and percentiles.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { projectRoot } from '../src/server.js';
import type { ServerMessage, ServerRequest } from './server.js';

export type Server = {
  base: string;
  memory(gc: boolean): Promise<{ rssMb: number; heapMb: number }>;
  peakStart(): void;
  peakStop(): Promise<number>;
  stop(): Promise<void>;
};

/** Starts bench/server.ts on the data set and waits until it listens. */
export async function startServer(dataDir: string, databaseUrl: string | undefined): Promise<Server> {
  const child: ChildProcess = fork(path.join(projectRoot, 'bench/server.ts'), [], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: {
      ...process.env,
      BENCH_DATA_DIR: dataDir,
      ...(databaseUrl === undefined ? {} : { BENCH_DATABASE_URL: databaseUrl }),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T extends ServerMessage['type']>(type: T) =>
    new Promise<Extract<ServerMessage, { type: T }>>((resolve, reject) => {
      const onMessage = (m: ServerMessage) => {
        if (m.type === type) {
          child.off('message', onMessage);
          child.off('exit', onExit);
          resolve(m as Extract<ServerMessage, { type: T }>);
        }
      };
      const onExit = (code: number | null) => {
        reject(new Error(`bench server exited with ${code}`));
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const ask = (m: ServerRequest) => {
    child.send(m);
  };
  const ready = await next('ready');
  return {
    base: `http://127.0.0.1:${ready.port}`,
    async memory(gc) {
      const reply = next('memory');
      ask({ type: 'memory', gc });
      const m = await reply;
      return { rssMb: m.rssMb, heapMb: m.heapMb };
    },
    peakStart() {
      ask({ type: 'peakStart' });
    },
    async peakStop() {
      const reply = next('peak');
      ask({ type: 'peakStop' });
      return (await reply).rssMb;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) {
        return;
      }
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      if (child.connected) {
        child.disconnect();
      }
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export type Session = {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
  get(url: string): Promise<{ status: number; body: unknown; ms: number }>;
  post(url: string, body: unknown): Promise<{ status: number; body: unknown; ms: number }>;
};

export async function login(base: string, username: string, password: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) {
    throw new Error(`login as ${username}: ${res.status} ${await res.text()}`);
  }
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  const headers = { cookie, 'x-csrf-token': csrf };
  const timed = async (url: string, init: RequestInit) => {
    const t = performance.now();
    const r = await fetch(`${base}${url}`, init);
    const text = await r.text();
    const ms = performance.now() - t;
    return { status: r.status, body: text === '' ? null : (JSON.parse(text) as unknown), ms };
  };
  return {
    cookie,
    csrf,
    headers,
    get: (url) => timed(url, { headers }),
    post: (url, body) =>
      timed(url, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
  };
}

export type Percentiles = { p50: number; p95: number; p99: number; n: number };

export function percentiles(samples: number[]): Percentiles {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => round(s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0, 2);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), n: s.length };
}

export const round = (x: number, digits = 1): number => Number(x.toFixed(digits));

/** Runs `task` from `workers` concurrent loops until `count` tasks or `seconds` have passed; rate over the run. */
export async function runConcurrently(
  workers: number,
  count: number,
  seconds: number,
  task: (i: number) => Promise<void>,
): Promise<{ done: number; seconds: number; perSec: number }> {
  let issued = 0;
  let done = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (issued < count && performance.now() < deadline) {
        const i = issued++;
        await task(i);
        done += 1;
      }
    }),
  );
  const took = (performance.now() - started) / 1000;
  return { done, seconds: took, perSec: done / took };
}
