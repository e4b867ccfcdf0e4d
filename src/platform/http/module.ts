// The shape of a module's route plugin and what every module is given.
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
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
