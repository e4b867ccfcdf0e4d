// Child process of the bench: the real platform listening on 127.0.0.1, reporting its port and memory over IPC.
// Environment: BENCH_DATA_DIR, optional BENCH_DATABASE_URL. Started by bench/main.ts with --expose-gc.
import pino from 'pino';
import { loadConfig } from '../src/platform/config.js';
import { startPlatform } from '../src/server.js';

export type ServerRequest = { type: 'memory'; gc: boolean } | { type: 'peakStart' } | { type: 'peakStop' };
export type ServerMessage =
  | { type: 'ready'; port: number }
  | { type: 'memory'; rssMb: number; heapMb: number }
  | { type: 'peak'; rssMb: number };

const dataDir = process.env.BENCH_DATA_DIR;
if (dataDir === undefined || process.send === undefined) {
  throw new Error('bench/server.ts is started by bench/main.ts');
}
const databaseUrl = process.env.BENCH_DATABASE_URL;
const config = loadConfig({
  DATA_DIR: dataDir,
  LOG_LEVEL: 'silent',
  DEMO: 'false',
  HOST: '127.0.0.1',
  PORT: '0',
  PG_POOL_SIZE: '20',
  ...(databaseUrl === undefined ? {} : { DATABASE_URL: databaseUrl }),
});
const platform = await startPlatform(config, pino({ level: 'silent' }), { webDir: null });
await platform.app.listen({ host: '127.0.0.1', port: 0 });
const address = platform.app.server.address();
const port = typeof address === 'object' && address !== null ? address.port : 0;

const send = (m: ServerMessage) => {
  process.send?.(m);
};
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
let peak = 0;
let sampler: NodeJS.Timeout | null = null;

process.on('message', (m: ServerRequest) => {
  switch (m.type) {
    case 'memory': {
      const gc = (globalThis as { gc?: () => void }).gc;
      if (m.gc && gc !== undefined) {
        gc();
      }
      const u = process.memoryUsage();
      send({ type: 'memory', rssMb: mb(u.rss), heapMb: mb(u.heapUsed) });
      break;
    }
    case 'peakStart':
      peak = process.memoryUsage.rss();
      sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage.rss());
      }, 10);
      break;
    case 'peakStop':
      if (sampler !== null) {
        clearInterval(sampler);
      }
      send({ type: 'peak', rssMb: mb(Math.max(peak, process.memoryUsage.rss())) });
      break;
  }
});
process.on('disconnect', () => {
  void platform.close().finally(() => process.exit(0));
});
send({ type: 'ready', port });
