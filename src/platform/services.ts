// Long-lived services shared by the modules of one running instance.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { fieldCipher, type FieldCipher } from './crypto.js';
import type { Database } from './db/database.js';

export type Services = {
  /** The platform clock: every use case, route and job reads the time from here. */
  clock: Clock;
  cookieSecret: string;
  cipher: FieldCipher;
  ping(): Promise<void>;
};

/**
 * Secrets come from the configuration; on a single embedded instance they are generated once into DATA_DIR
 * (mode 0600) so that a restart keeps sessions and encrypted fields readable.
 */
function secret(config: Config, given: string | null, file: string, make: () => string): string {
  if (given !== null) {
    return given;
  }
  const full = path.join(config.dataDir, file);
  if (existsSync(full)) {
    return readFileSync(full, 'utf8').trim();
  }
  mkdirSync(config.dataDir, { recursive: true });
  const value = make();
  writeFileSync(full, `${value}\n`, { mode: 0o600 });
  return value;
}

export function createServices(config: Config, database: Database, clock?: Clock): Services {
  const keyHex = secret(config, config.fieldKeyHex, 'field.key', () => randomBytes(32).toString('hex'));
  const cookieSecret = secret(config, config.cookieSecret, 'cookie.secret', () =>
    randomBytes(32).toString('base64url'),
  );
  return {
    clock: clock ?? systemClock(config.clockOffsetDays * 86_400_000),
    cookieSecret,
    cipher: fieldCipher(keyHex),
    async ping() {
      await sql`select 1`.execute(database.db);
    },
  };
}
