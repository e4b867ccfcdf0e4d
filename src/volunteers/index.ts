// The volunteers module's door: the only file other modules import. Routes for src/modules.ts, the org hook that
// keeps its paths in step with the tree, the demo stage, and the numbers the assessment and command view read.
//
// 双报到: a member registers with the community where they live, a unit (resident unit or new-field organisation
// of the org tree; the alliance may build on the same registrations) with the community where it sits; the
// community confirms, again every half year. Posts and activities are published by a community; members sign up,
// sign in and out on site (QR code and position), and the organiser's confirmation writes the hours to the ledger.
// The ledger holds hours and party-member points alike: append-only acts (rule, evidence, approver, time) crediting
// one or many members, reversals instead of edits, caps per rule and period.
import type { OrgHook, OrgMerge, OrgRepath } from '../orgs/index.js';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { ensureFeedbackJob, quarterOf } from './feedback.js';
import { volunteerRepository } from './repository.js';

export { volunteerCommandTiles } from './commandTiles.js';
export { volunteerRoutes } from './routes.js';
export { volunteerServiceRoutes } from './serviceRoutes.js';
export { volunteerNumbers, type VolunteerNumbers, type VolunteerTotals } from './numbers.js';
export { ledgerRules, periodKey, YEARLY_BAR_MINUTES, type LedgerRule } from './rules.js';
export { serviceCategories, type ServiceCategory } from './categories.js';
export { seedVolunteerDemo } from './demo.js';
export {
  volunteerPostForMatching,
  volunteerPostsForMatching,
  type PostForMatching,
} from './postForMatching.js';
export { volunteerAssessmentSources } from './assessmentSources.js';
export {
  householdsInRelief,
  reliefOfHousehold,
  type HouseholdRelief,
  type ReliefHelpSummary,
  type ReliefPairingSummary,
} from './householdRelief.js';
export { FEEDBACK_JOB, volunteerJobHandlers } from './feedback.js';

/** The standing job of the module: the current quarter's feedback, ensured at every start. */
export async function ensureVolunteerJobs(db: Kysely<DB>, now: number): Promise<void> {
  await ensureFeedbackJob(db, quarterOf(now), now);
}

/** Org hook: registrations, posts, activities, ledger paths, certificates and relief follow a moved subtree. */
export const repathVolunteers: OrgHook<OrgRepath> = (db, dialect, e) =>
  volunteerRepository(db, dialect).repath(e.oldPrefix, e.newPrefix);

/** Org hook: what hangs on a merged community or unit goes to the org it merged into. */
export const reassignVolunteers: OrgHook<OrgMerge> = (db, dialect, e) =>
  volunteerRepository(db, dialect).reassign(e.from, e.to);
