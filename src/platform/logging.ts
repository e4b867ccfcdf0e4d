// The one structured logger; secrets and personal data are scrubbed here, centrally.
import pino, { type Logger } from 'pino';
import type { Config } from './config.js';

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.idNumber',
  '*.phone',
  '*.token',
  '*.sessionSecret',
];

/** Mobile and ID-card numbers in a logged URL (a search term, a look-up) are masked: 139****3333, 320***********1234. */
export function maskNumbersInUrl(url: string): string {
  return url
    .replace(/(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])/g, (d) => `${d.slice(0, 3)}***********${d.slice(-4)}`)
    .replace(/(?<![0-9])1[3-9][0-9]{9}(?![0-9])/g, (d) => `${d.slice(0, 3)}****${d.slice(-4)}`);
}

type LoggedRequest = {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  headers?: Record<string, unknown>;
  socket?: { remotePort?: number };
};

export function loggerOptions(config: Pick<Config, 'logLevel'>): pino.LoggerOptions {
  return {
    level: config.logLevel,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { app: 'tongxin' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Fastify's request serializer, with the URL's personal numbers masked (Fastify takes the logger's own).
    serializers: {
      req: (req: LoggedRequest) => ({
        method: req.method,
        url: req.url === undefined ? undefined : maskNumbersInUrl(req.url),
        version: req.headers?.['accept-version'],
        host: req.host,
        remoteAddress: req.ip,
        remotePort: req.socket?.remotePort,
      }),
    },
  };
}

/** The logger of the server; a destination other than stdout for tests that read what the server logs. */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: pino.DestinationStream): Logger {
  return destination === undefined ? pino(loggerOptions(config)) : pino(loggerOptions(config), destination);
}
