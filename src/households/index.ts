// What other modules may use of households: the reads grids and members need, the use cases tests build with, the
// demo generator's bulk writes, and the hooks through which households follow org moves and merges.
import type { Kysely } from 'kysely';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import type { OrgHook, OrgMerge, OrgRepath } from '../orgs/index.js';
import type { HeadedHouseholdLookup } from '../members/index.js';
import { householdRepository, type HouseholdRepository } from './repository.js';

export {
  listHouseholdIdsByVillage,
  placeHouseholds,
  type CentralHouseholdRow,
  type HouseholdPlacement,
  type HouseholdRow,
} from './repository.js';
export { createCentralHousehold } from './createCentralHousehold.js';
export { createHousehold } from './createHousehold.js';
export { linkHousehold } from './linkHousehold.js';
export { unlinkHousehold } from './unlinkHousehold.js';
export { householdRoutes } from './routes.js';

/** Reads for other modules: a central household in scope, the one a member heads, a village's central households. */
export type HouseholdDirectory = Pick<
  HouseholdRepository,
  | 'findCentral'
  | 'headedBy'
  | 'listCentral'
  | 'householdsOfCentral'
  | 'findHousehold'
  | 'householdsOfVillagesUnder'
  | 'householdsByIds'
>;

export function householdDirectory(db: Kysely<DB>, dialect: Dialect): HouseholdDirectory {
  return householdRepository(db, dialect);
}

/** For the demo generator only: bulk inserts of prepared rows, roll-ups summed by the caller. */
export type HouseholdSeeding = Pick<HouseholdRepository, 'insertCentralHouseholds' | 'insertHouseholds'>;

export function householdSeeding(db: Kysely<DB>, dialect: Dialect): HouseholdSeeding {
  return householdRepository(db, dialect);
}

/** Org hook: central households' group paths and households' org and village paths follow a moved subtree. */
export const repathHouseholds: OrgHook<OrgRepath> = (db, dialect, e) =>
  householdRepository(db, dialect).repath(e.oldPrefix, e.newPrefix);

/** Org hook: central households of a merged group go to the target group. */
export const reassignHouseholds: OrgHook<OrgMerge> = (db, dialect, e) =>
  householdRepository(db, dialect).reassign(e.from, e.to);

/** For the member's page: the active central household a member heads (members are handed this in src/modules.ts). */
export const householdHeadedBy: HeadedHouseholdLookup = async (db, dialect, memberId) => {
  const row = await householdRepository(db, dialect).headedBy(memberId);
  return row === undefined ? undefined : { id: row.id, name: row.name };
};
