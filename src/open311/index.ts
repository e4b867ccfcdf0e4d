// What other modules may use of Open311: its routes, for src/modules.ts.
export { openRoutes, OPEN311_PREFIX } from './routes.js';
