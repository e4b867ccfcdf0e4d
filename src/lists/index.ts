// The lists module's door (权力清单、责任清单、服务清单、负面清单 and 网格事项准入): the routes for src/modules.ts, the
// case guard and catalogue listener it registers with the cases module, the org hook and the demo stage.
//
// The service list is the case catalogue and the duty list's case entries are the routing rules: this module stores
// only what the catalogue lacks (basis, steps, documents) and the items of the other lists, and shows the rest
// through the cases module's door. Every change, on either side, is a new version of the list it shows in.
import type { OrgHook, OrgMerge, OrgRepath } from '../orgs/index.js';
import { listRepository } from './repository.js';

export { listRoutes } from './routes.js';
export { listCaseGuard, listCatalogueListener } from './enforce.js';
export { seedListsDemo } from './demo.js';

/** Org hook: owners, refusals, admission items and tasks follow a moved subtree. */
export const repathLists: OrgHook<OrgRepath> = (db, dialect, e) =>
  listRepository(db, dialect).repath(e.oldPrefix, e.newPrefix);

/** Org hook: the lists and admission items of a merged org go to the org it merged into. */
export const reassignLists: OrgHook<OrgMerge> = (db, dialect, e) =>
  listRepository(db, dialect).reassign(e.from, e.to);
