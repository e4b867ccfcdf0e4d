// What other modules may use of patrols: the routes for src/modules.ts and the hook through which patrols follow
// org moves.
import { repathColumn } from '../platform/db/database.js';
import type { OrgHook, OrgRepath } from '../orgs/index.js';

export { patrolRoutes } from './routes.js';

/** Org hook: patrols' org paths follow a moved subtree. */
export const repathPatrols: OrgHook<OrgRepath> = (db, _dialect, e) =>
  repathColumn(db, 'patrol', 'org_path', e.oldPrefix, e.newPrefix);
