// The domain modules: their routes, in registration order, and the job handlers they contribute.
import { auditRoutes } from './audit/routes.js';
import { catalogueRoutes } from './cases/catalogue/routes.js';
import { indicatorRoutes } from './cases/indicators/routes.js';
import { publicCaseRoutes } from './cases/publicRoutes.js';
import { caseRoutes } from './cases/routes.js';
import { caseRoutingRoutes } from './cases/routing/routes.js';
import { caseJobHandlers } from './cases/timers.js';
import { gridRoutes } from './grids/routes.js';
import { householdRoutes } from './households/routes.js';
import { identityRoutes } from './identity/routes.js';
import { notificationJobHandlers, notificationRoutes } from './notifications/index.js';
import { memberRoutes } from './members/routes.js';
import { openRoutes } from './open311/routes.js';
import { orgFileRoutes } from './orgs/fileRoutes.js';
import { orgRoutes } from './orgs/routes.js';
import { patrolRoutes } from './patrols/routes.js';
import type { AppDeps } from './platform/http/module.js';
import type { ModuleRoutes } from './platform/http/module.js';
import type { JobHandler } from './platform/jobs/jobs.js';

export const moduleRoutes: readonly ModuleRoutes[] = [
  identityRoutes,
  auditRoutes,
  orgRoutes,
  notificationRoutes,
  memberRoutes,
  householdRoutes,
  orgFileRoutes,
  gridRoutes,
  patrolRoutes,
  caseRoutes,
  caseRoutingRoutes,
  publicCaseRoutes,
  catalogueRoutes,
  indicatorRoutes,
  openRoutes,
];

/** Job kinds → handlers; every instance runs them, and each due job is claimed by exactly one. */
export function moduleJobHandlers(deps: AppDeps): Record<string, JobHandler> {
  return { ...notificationJobHandlers(deps), ...caseJobHandlers(deps.database, deps.logger) };
}
