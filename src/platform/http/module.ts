// The shape of a module's route plugin.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from './app.js';

export type ModuleRoutes = (app: FastifyInstance, options: { deps: AppDeps }) => Promise<void>;
