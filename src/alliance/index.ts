// The door of the regional party-building alliance (区域党建共同体): its routes, its command-view tile, its numbers
// for other modules, the demo seeder and the org hooks of its records.
import type { OrgHook, OrgMerge, OrgRepath } from '../orgs/index.js';
import { allianceProjectRepository } from './projectRepository.js';
import { allianceRepository } from './repository.js';

export { allianceRoutes } from './routes.js';
export { allianceCommandTiles } from './commandTiles.js';
export { allianceNumbers, type AllianceNumbers } from './numbers.js';
export { seedAllianceDemo } from './demo.js';
export {
  allianceDemandForMatching,
  allianceDemandsForMatching,
  type DemandForMatching,
} from './demandForMatching.js';

/** Org hook: alliances, members, items, agreements, meetings and brand projects follow a moved subtree. */
export const repathAlliance: OrgHook<OrgRepath> = async (db, _dialect, e) => {
  await allianceRepository(db).repath(e.oldPrefix, e.newPrefix);
  await allianceProjectRepository(db).repath(e.oldPrefix, e.newPrefix);
};

/** Org hook: what a merged organisation held in an alliance passes to the one it merged into. */
export const reassignAlliance: OrgHook<OrgMerge> = async (db, _dialect, e) => {
  await allianceRepository(db).reassign(e.from, e.to);
  await allianceProjectRepository(db).reassign(e.from, e.to);
};
