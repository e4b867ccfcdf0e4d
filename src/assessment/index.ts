// The assessment's door (五基达标、五星争创): the routes for src/modules.ts, the source registry through which modules
// contribute computed items (registerAssessmentSources), the sources the platform offers today, the org hook, the
// demo stage and the pure scoring functions.
import type { OrgHook, OrgRepath } from '../orgs/index.js';
import { assessmentRepository } from './repository.js';

export { assessmentCommandTiles } from './commandTiles.js';
export { assessmentRoutes } from './routes.js';
export {
  registerAssessmentSources,
  registeredSources,
  type AssessmentSource,
  type SourceContext,
  type SourceFigure,
  type SourceOrg,
  type SourcePeriod,
  type SourceRecords,
} from './sources.js';
export { coreAssessmentSources } from './coreSources.js';
export { defaultTree } from './defaultTree.js';
export type { TreeDefinition } from './tree.js';
export { seedAssessmentDemo } from './demo.js';

/** Org hook: sheets, lines, evidence, objections and awards follow a moved subtree. */
export const repathAssessment: OrgHook<OrgRepath> = (db, dialect, e) =>
  assessmentRepository(db).repath(e.oldPrefix, e.newPrefix);
