// The talent pool's door (人才资源库): its routes, its command-view tile, its numbers for other modules, the demo
// seeder and the org hooks of its records. It reads the alliance, volunteers, consultations, members, grids and
// orgs through their doors; none of them imports it.
import type { OrgHook, OrgMerge, OrgRepath } from '../orgs/index.js';
import { talentRepository } from './repository.js';

export { talentRoutes } from './routes.js';
export { talentCommandTiles } from './commandTiles.js';
export { talentNumbers, type TalentNumbers } from './numbers.js';
export { seedTalentDemo } from './demo.js';
export { talentAssessmentSources } from './assessmentSources.js';
export { talentKinds, type TalentKind } from './vocabulary.js';

/** Org hook: profiles, their skill rows and assignments follow a moved subtree. */
export const repathTalent: OrgHook<OrgRepath> = (db, _dialect, e) =>
  talentRepository(db).repath(e.oldPrefix, e.newPrefix);

/** Org hook: talents living in a merged organisation now live in the one it merged into. */
export const reassignTalent: OrgHook<OrgMerge> = (db, _dialect, e) =>
  talentRepository(db).reassign(e.from, e.to);
