// What every use case receives about the request it serves.
import type { Logger } from 'pino';
import type { Actor } from '../access/index.js';
import type { Locale } from './i18n.js';

export type RequestContext = {
  actor: Actor;
  ip: string;
  requestId: string;
  locale: Locale;
  log: Logger;
  now: number;
};
