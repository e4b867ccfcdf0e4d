// Entry point: `npm start` / `npm run serve`.
import { ConfigError, loadConfig, type Config } from './platform/config.js';
import { createLogger } from './platform/logging.js';
import { startPlatform } from './server.js';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  fail(error instanceof ConfigError ? error.message : String(error));
}

const logger = createLogger(config);
let lastStage = '';
const platform = await startPlatform(config, logger, {
  onDemoProgress: (stage, done, total) => {
    if (stage !== lastStage || done === total) {
      process.stderr.write(`demo: ${stage} ${done}/${total}\n`);
      lastStage = stage;
    }
  },
}).catch((error: unknown) => {
  logger.fatal({ err: error }, 'start-up failed');
  fail(`start-up failed: ${error instanceof Error ? error.message : String(error)}`);
});

const address = await platform.app.listen({ port: config.port, host: config.host });
const shown = address.replace('0.0.0.0', '127.0.0.1');
const lines = [
  '',
  `同心 Tongxin is running at ${shown}  (${platform.database.dialect === 'sqlite' ? `embedded database ${platform.database.file ?? ''}` : 'PostgreSQL'})`,
  `API docs: ${shown}/api/docs`,
];
if (platform.demo !== null && platform.demo.accounts.length > 0) {
  lines.push(
    `Demo accounts (password: ${config.demoPassword === 'tongxin2026' ? 'tongxin2026' : 'DEMO_PASSWORD'}):`,
  );
  for (const a of platform.demo.accounts) {
    lines.push(`  ${a.username.padEnd(10)} ${a.displayName}  [${a.roles.map((r) => r.role).join(', ')}]`);
  }
}
process.stdout.write(`${lines.join('\n')}\n\n`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) {
      return;
    }
    stopping = true;
    logger.info({ signal }, 'stopping');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    platform
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'stop failed');
        process.exit(1);
      });
  });
}
