// The consultation rooms' door: the only file other modules import. Routes for src/modules.ts, the org hook that
// keeps its paths in step with the tree, the demo stage, and the numbers the assessment and command view read.
import type { Kysely } from 'kysely';
import type { OrgHook, OrgMerge, OrgRepath } from '../orgs/index.js';
import type { DB } from '../platform/db/schema.js';
import { ensureHotspotJob } from './hotspots.js';
import { consultationRepository } from './repository.js';

export { consultationRoutes } from './routes.js';
export { establishCouncils } from './establishCouncils.js';
export { consultationNumbers, type ConsultationCounts, type CouncilNumbers } from './numbers.js';
export { weightedProgress } from './progress.js';
export { decisionTypes, type DecisionType } from './tally/index.js';
export { seedConsultationDemo } from './demo.js';
export { consultationOutcomeRef, type OutcomeRef } from './outcomeRef.js';
export { proposeAppealTopic, type AppealTopicInput } from './appealTopic.js';
export { topicSummariesByIds, type TopicSummary } from './topicSummaries.js';
export {
  consultationTopicForMatching,
  consultationTopicsForMatching,
  type TopicForMatching,
} from './topicForMatching.js';
export {
  consultationJobHandlers,
  HOTSPOT_JOB,
  HOTSPOT_SETTING,
  proposeCaseTopic,
  type CaseTopicInput,
} from './hotspots.js';

/** Org hook: councils and everything under them follow a moved subtree. */
export const repathConsultations: OrgHook<OrgRepath> = (db, dialect, e) =>
  consultationRepository(db, dialect).repath(e.oldPrefix, e.newPrefix);

/** Org hook: a merged organisation's council, topics, meetings and outcomes go to the organisation it merged into. */
export const reassignConsultations: OrgHook<OrgMerge> = (db, dialect, e) =>
  consultationRepository(db, dialect).reassign(e.from, e.to);

/** The standing job of the module: the next morning's hotspot run, ensured at every start. */
export async function ensureConsultationJobs(db: Kysely<DB>, now: number): Promise<void> {
  await ensureHotspotJob(db, now);
}
