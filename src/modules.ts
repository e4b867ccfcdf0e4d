// The domain modules' routes, in the order they are registered.
import { auditRoutes } from './audit/routes.js';
import { identityRoutes } from './identity/routes.js';
import { orgRoutes } from './orgs/routes.js';
import type { ModuleRoutes } from './platform/http/module.js';

export const moduleRoutes: readonly ModuleRoutes[] = [identityRoutes, auditRoutes, orgRoutes];
