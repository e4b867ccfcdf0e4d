// The consultation rooms' door: the only file other modules import. Routes for src/modules.ts, the org hook that
// keeps its paths in step with the tree, the demo stage, and the numbers the assessment and command view read.
import type { OrgHook, OrgRepath } from '../orgs/index.js';
import { consultationRepository } from './repository.js';

export { consultationRoutes } from './routes.js';
export { establishCouncils } from './establishCouncils.js';
export { consultationNumbers, type ConsultationCounts, type CouncilNumbers } from './numbers.js';
export { weightedProgress } from './progress.js';
export { decisionTypes, type DecisionType } from './tally/index.js';
export { seedConsultationDemo } from './demo.js';

/** Org hook: councils and everything under them follow a moved subtree. */
export const repathConsultations: OrgHook<OrgRepath> = (db, dialect, e) =>
  consultationRepository(db, dialect).repath(e.oldPrefix, e.newPrefix);
