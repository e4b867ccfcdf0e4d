// What other modules may use of the organisation tree: the reads they need, roll-up adjustments for their records,
// the hooks through which their records follow moves and merges, and the seeders and routes composition roots load.
import type { Kysely } from 'kysely';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { orgRepository, type OrgRepository } from './repository.js';

export type { OrgRow } from './repository.js';
export { isOrgLevel, mayParent, orgLevels, orgMetric, orgTypes, type OrgLevel } from './levels.js';
export { levelZh, typeZh } from './vocabulary.js';
export { RollupDeltas } from './rollupDeltas.js';
export { checkOrgInvariants } from './invariants.js';
export { placeName, seedSpine, townType, villageType, type SpineResult } from './seedSpine.js';
export {
  onOrgRepath,
  onOrgReparented,
  onOrgsMerged,
  orgHookNames,
  type OrgHook,
  type OrgMerge,
  type OrgRepath,
  type OrgReparent,
} from './attachments.js';
export { orgRoutes } from './routes.js';
export { importOrgs } from './importOrgs.js';

/** Reads of the org tree for other modules. Scoped reads take the caller's scope; a record outside it is undefined. */
export type OrgDirectory = Pick<
  OrgRepository,
  // findByIdUnscoped: only where the caller names an org outside its own scope on purpose; justify at the call site.
  | 'findById'
  | 'findByIdUnscoped'
  | 'findByCode'
  | 'findRoot'
  | 'byIds'
  | 'byCodes'
  | 'children'
  | 'subtree'
  | 'activeAtLevel'
>;

export function orgDirectory(db: Kysely<DB>, dialect: Dialect): OrgDirectory {
  return orgRepository(db, dialect);
}

/** Roll-up totals for other modules' records: one change along the ancestor chain, or many pre-summed deltas. */
export type OrgRollups = Pick<OrgRepository, 'adjustRollup' | 'addRollups' | 'rollup'>;

export function orgRollups(db: Kysely<DB>, dialect: Dialect): OrgRollups {
  return orgRepository(db, dialect);
}

/**
 * For seeders only (the demo generator, the department seeder): insert prepared org rows without the use case's
 * checks and history, because they build a whole tree at once before anyone can see it.
 */
export type OrgSeeding = Pick<OrgRepository, 'insert' | 'insertMany'>;

export function orgSeeding(db: Kysely<DB>, dialect: Dialect): OrgSeeding {
  return orgRepository(db, dialect);
}
