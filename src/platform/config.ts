// The one validated configuration module: environment variables, optionally a JSON config file.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** 32-byte key for field encryption (ID-card numbers, phones), hex. Generated into dataDir when absent. */
  fieldKeyHex: string | null;
  cookieSecret: string | null;
  cookieSecure: boolean;
  sessionTtlHours: number;
  demo: boolean;
  demoPassword: string;
  demoSeed: number;
  /** Cases the demo generates over its past year. */
  demoCases: number;
  pgStatementTimeoutMs: number;
  pgPoolSize: number;
  bodyLimitBytes: number;
  trustProxy: boolean;
  tileUrl: string | null;
  timeZone: string;
  /** How often each instance looks for due timers and deliveries. */
  jobIntervalMs: number;
  /** Outgoing mail server, smtp://user:pass@host:port (smtps:// for implicit TLS); null sends no e-mail. */
  smtpUrl: string | null;
  /** Sender of notification e-mail, e.g. "同心平台 <noreply@example.gov.cn>". */
  mailFrom: string | null;
  /**
   * Test mode only (NODE_ENV=test): the platform clock runs this many days ahead of the wall clock, so a test
   * that depends on today's date fails the day it is written. Refused outside test mode.
   */
  clockOffsetDays: number;
};

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`configuration: ${variable} ${reason}`);
  }
}

type Source = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function int(src: Source, name: string, fallback: number, min: number, max: number): number {
  const raw = src[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  if (!/^\d+$/.test(raw)) {
    throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  }
  const value = Number(raw);
  if (value < min || value > max) {
    throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  }
  return value;
}

function bool(src: Source, name: string, fallback: boolean): boolean {
  const raw = src[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) {
    return true;
  }
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) {
    return false;
  }
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function str(src: Source, name: string): string | null {
  const raw = src[name];
  return raw === undefined || raw === '' ? null : raw;
}

function isSmtpUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Reads CONFIG_FILE (JSON object of the same variable names) under the environment, which wins. */
export function loadConfig(env: Source = process.env): Config {
  let src: Source = env;
  const file = str(env, 'CONFIG_FILE');
  if (file !== null) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new ConfigError('CONFIG_FILE', `cannot be read as JSON: ${(error as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new ConfigError('CONFIG_FILE', 'must hold a JSON object');
    }
    const fromFile: Source = {};
    for (const [key, value] of Object.entries(parsed)) {
      fromFile[key] = typeof value === 'string' ? value : JSON.stringify(value);
    }
    src = { ...fromFile, ...env };
  }

  const databaseUrl = str(src, 'DATABASE_URL');
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(
      'DATABASE_URL',
      'must start with postgres:// (leave it unset for the embedded database)',
    );
  }
  const logLevel = str(src, 'LOG_LEVEL') ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  const fieldKeyHex = str(src, 'FIELD_KEY');
  if (fieldKeyHex !== null && !/^[0-9a-fA-F]{64}$/.test(fieldKeyHex)) {
    throw new ConfigError('FIELD_KEY', 'must be 64 hexadecimal characters (32 bytes)');
  }
  const cookieSecret = str(src, 'COOKIE_SECRET');
  if (cookieSecret !== null && cookieSecret.length < 32) {
    throw new ConfigError('COOKIE_SECRET', 'must be at least 32 characters');
  }
  const tileUrl = str(src, 'MAP_TILE_URL');
  if (tileUrl !== null && !/^https?:\/\/.*\{z\}.*\{x\}.*\{y\}/.test(tileUrl)) {
    throw new ConfigError('MAP_TILE_URL', 'must be an http(s) URL template containing {z}, {x} and {y}');
  }
  const smtpUrl = str(src, 'SMTP_URL');
  if (smtpUrl !== null && !isSmtpUrl(smtpUrl)) {
    throw new ConfigError('SMTP_URL', 'must look like smtp://user:pass@host:port or smtps://host:port');
  }
  const mailFrom = str(src, 'MAIL_FROM');
  if (mailFrom !== null && !/^[^<>@\s]+@[^<>@\s]+$|^[^<>]*<[^<>@\s]+@[^<>@\s]+>$/.test(mailFrom)) {
    throw new ConfigError('MAIL_FROM', 'must be an e-mail address, optionally as "Name <address>"');
  }
  if (smtpUrl !== null && mailFrom === null) {
    throw new ConfigError('MAIL_FROM', 'must be set when SMTP_URL is set');
  }
  const demoPassword = str(src, 'DEMO_PASSWORD') ?? 'tongxin2026';
  if (demoPassword.length < 8) {
    throw new ConfigError('DEMO_PASSWORD', 'must be at least 8 characters');
  }

  const clockOffsetDays = int(src, 'TEST_CLOCK_OFFSET_DAYS', 0, 0, 3650);
  if (clockOffsetDays !== 0 && src.NODE_ENV !== 'test') {
    throw new ConfigError('TEST_CLOCK_OFFSET_DAYS', 'is honoured only when NODE_ENV=test');
  }

  return {
    port: int(src, 'PORT', 8080, 0, 65535),
    host: str(src, 'HOST') ?? '0.0.0.0',
    dataDir: path.resolve(str(src, 'DATA_DIR') ?? 'data'),
    databaseUrl,
    logLevel: logLevel as Config['logLevel'],
    fieldKeyHex,
    cookieSecret,
    cookieSecure: bool(src, 'COOKIE_SECURE', false),
    sessionTtlHours: int(src, 'SESSION_TTL_HOURS', 12, 1, 24 * 30),
    demo: bool(src, 'DEMO', true),
    demoPassword,
    demoSeed: int(src, 'DEMO_SEED', 20261127, 0, 2 ** 31),
    demoCases: int(src, 'DEMO_CASES', 120_000, 0, 20_000_000),
    pgStatementTimeoutMs: int(src, 'PG_STATEMENT_TIMEOUT_MS', 15000, 100, 600000),
    pgPoolSize: int(src, 'PG_POOL_SIZE', 10, 1, 200),
    bodyLimitBytes: int(src, 'BODY_LIMIT_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024),
    trustProxy: bool(src, 'TRUST_PROXY', false),
    tileUrl,
    timeZone: 'Asia/Shanghai',
    jobIntervalMs: int(src, 'JOB_INTERVAL_MS', 2000, 50, 600000),
    smtpUrl,
    mailFrom,
    clockOffsetDays,
  };
}
