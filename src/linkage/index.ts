// The linkage (联动) of the five-level system: central-household heads serve their linked households (visits,
// appeals), and appeals travel up the chain and are settled at the lowest level that can (枫桥经验).
//
// Who is who — the chain levels and the seats that hold them:
//   central   the central household (党员中心户) itself: its head is the party member heading it
//             (central_household.head_member_id), reached through the account linked to him (app_user.member_id),
//             whatever role he signs in under. He sees only the households linked to his central household.
//   group     the party group (org level 'group') of the central household: a user acting under a partyMember
//             assignment at that group whose member holds the post 'groupLeader' there.
//   branch    the branch above the group (org level 'branch'; a group placed directly under a village skips it):
//             a partyMember assignment at the branch whose member is its secretary or deputy secretary.
//   village   the village/community (org level 'village'): a villageCadre assignment there.
//   town      the town/street: a townCommand assignment there.
//   district  the district command centre (districtCommand) takes what a town passes up (乡呼县应); the
//             organisation department and district admin read the district without acting.
// A chain seat sees the appeals of its subtree (the appeal's scope is its central household's group path) and acts
// only on those waiting at its own organisation; anything else answers 404. Each level has a limit (app_setting
// 'linkage.levelLimits', working time by default, set through PUT /api/linkage/limits); an appeal still waiting when
// it runs out moves up by itself. Every Monday each head with an account is reminded of the households due a visit
// (visitPlan.ts: quarterly, monthly for a household in need). A household's record reads its cases, consultation
// topics and relief through those modules' doors; cases and topics are tied to it only through its own appeals.
import type { Kysely } from 'kysely';
import type { OrgHook, OrgMerge, OrgRepath } from '../orgs/index.js';
import type { Database, Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import type { JobHandler } from '../platform/jobs/jobs.js';
import { indicatorsOfUnit, type LinkageIndicators, type Period } from './indicators.js';
import { linkageRepository } from './repository.js';
import { linkageJobHandlers as overdueJobHandlers } from './escalateOverdue.js';
import { ensureVisitReminderJob, visitReminderJobHandlers } from './visitReminders.js';

export { linkageRoutes } from './routes.js';
export { linkageAppealRef, type AppealRef } from './appealRef.js';
export {
  chainLevels,
  DEFAULT_LEVEL_LIMITS,
  LIMITS_SETTING,
  type ChainLevel,
  type LevelLimits,
} from './chain.js';
export { appealIndicators, type LinkageIndicators, type LinkageUnit, type Period } from './indicators.js';
export { seedDemoLinkage } from './demo.js';
export { provideHouseholdRelief, type HouseholdRelief, type ReliefSource } from './reliefSource.js';

/**
 * Linkage indicators of an organisation's subtree (group, branch, village, town, district) for the command view and
 * the assessment. Unscoped: the caller has already decided the organisation is within its reader's reach.
 */
export async function linkageIndicatorsOf(
  db: Kysely<DB>,
  dialect: Dialect,
  org: { level: 'group' | 'branch' | 'village' | 'town' | 'district'; path: string },
  period: Period,
  now: number,
): Promise<LinkageIndicators> {
  return indicatorsOfUnit(db, dialect, { kind: 'org', level: org.level, path: org.path }, period, now);
}

/** The indicators of one central household (its head's record in the assessment). */
export async function centralHouseholdIndicators(
  db: Kysely<DB>,
  dialect: Dialect,
  central: { id: string; groupPath: string },
  period: Period,
  now: number,
): Promise<LinkageIndicators> {
  return indicatorsOfUnit(
    db,
    dialect,
    { kind: 'central', id: central.id, groupPath: central.groupPath },
    period,
    now,
  );
}

/** Org hook: visits and appeals follow a moved subtree. */
export const repathLinkage: OrgHook<OrgRepath> = (db, dialect, e) =>
  linkageRepository(db, dialect).repath(e.oldPrefix, e.newPrefix);

/** Org hook: visits and appeals of a merged group go to the target; appeals waiting there wait at the target. */
export const reassignLinkage: OrgHook<OrgMerge> = (db, dialect, e) =>
  linkageRepository(db, dialect).reassign(e.from, e.to);

/** The module's jobs: an overdue appeal moving up by itself, and the Monday visit reminders. */
export function linkageJobHandlers(database: Database): Record<string, JobHandler> {
  return { ...overdueJobHandlers(database), ...visitReminderJobHandlers(database) };
}

/** The standing job of the module: the next Monday's visit reminders, ensured at every start. */
export async function ensureLinkageJobs(db: Kysely<DB>, now: number): Promise<void> {
  await ensureVisitReminderJob(db, now);
}
