// The shape of a module's route plugin and what every module is given.
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Kysely } from 'kysely';
import type { Actor } from '../../access/index.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';
import type { Services } from '../services.js';

export type AppDeps = {
  config: Config;
  database: Database;
  logger: Logger;
  services: Services;
  /** Where the built console lives; null serves no console (API only). */
  webDir: string | null;
};

export type ModuleRoutes = (app: FastifyInstance, options: { deps: AppDeps }) => Promise<void>;

/** How the HTTP layer learns who is calling; identity provides it (the platform knows no users or sessions). */
export type Authenticator = {
  /** The session cookie's name. */
  cookieName: string;
  authenticate: (
    db: Kysely<DB>,
    creds: { sessionSecret: string | null; bearer: string | null },
    now: number,
    sessionTtlMs: number,
  ) => Promise<Actor>;
  isCsrfValid: (cookieSecret: string, sessionSecret: string, token: string | undefined) => boolean;
};

/** What buildApp composes: the modules' routes, in registration order, and the authenticator. */
export type AppParts = { routes: readonly ModuleRoutes[]; authenticator: Authenticator };
