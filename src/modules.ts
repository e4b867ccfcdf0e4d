// The domain modules: their routes, in registration order, and the job handlers they contribute.
import { allianceCommandTiles, allianceRoutes, reassignAlliance, repathAlliance } from './alliance/index.js';
import {
  assessmentCommandTiles,
  assessmentRoutes,
  coreAssessmentSources,
  registerAssessmentSources,
  repathAssessment,
} from './assessment/index.js';
import { auditRoutes, isInReach, provideAuditAccounts, provideAuditSubjects } from './audit/index.js';
import {
  commandJobHandlers,
  commandRoutes,
  coreCommandTiles,
  ensureCommandJobs,
  reassignCommand,
  registerCommandTiles,
  repathCommand,
} from './command/index.js';
import { calendarRoutes, onCalendarImported } from './calendar/index.js';
import {
  caseJobHandlers,
  caseRoutes,
  caseRoutingRoutes,
  caseStatesByIds,
  catalogueRoutes,
  indicatorRoutes,
  onCaseAction,
  onCatalogueSaved,
  publicCaseRoutes,
  relayProvisionalDeadlines,
  reassignCases,
  repathCases,
} from './cases/index.js';
import {
  consultationJobHandlers,
  consultationRoutes,
  ensureConsultationJobs,
  reassignConsultations,
  repathConsultations,
} from './consultations/index.js';
import { gridRoutes, provideAccountLookup, reassignGrids, repathGrids } from './grids/index.js';
import {
  householdDirectory,
  householdHeadedBy,
  householdRoutes,
  reassignHouseholds,
  repathHouseholds,
} from './households/index.js';
import {
  accountIdsNamed,
  accountNames,
  activeAccountInScope,
  identityAuthenticator,
  identityRoutes,
} from './identity/index.js';
import {
  ensureLinkageJobs,
  linkageJobHandlers,
  linkageRoutes,
  provideHouseholdRelief,
  reassignLinkage,
  repathLinkage,
} from './linkage/index.js';
import {
  ensureNotificationJobs,
  notificationJobHandlers,
  notificationRoutes,
} from './notifications/index.js';
import {
  followGroupMembers,
  maskedMemberNames,
  maskName,
  memberRoutes,
  provideHeadedHouseholdLookup,
  reassignMembers,
  repathMembers,
} from './members/index.js';
import {
  listCaseGuard,
  listCatalogueListener,
  listRoutes,
  reassignLists,
  repathLists,
} from './lists/index.js';
import { openRoutes } from './open311/index.js';
import { onOrgRepath, onOrgReparented, onOrgsMerged, orgDirectory, orgRoutes } from './orgs/index.js';
import { patrolRoutes, repathPatrols } from './patrols/index.js';
import {
  ensureVolunteerJobs,
  householdsInRelief,
  reliefOfHousehold,
  reassignVolunteers,
  repathVolunteers,
  volunteerAssessmentSources,
  volunteerCommandTiles,
  volunteerRoutes,
  volunteerJobHandlers,
  volunteerServiceRoutes,
} from './volunteers/index.js';
import { rosterRoutes } from './roster/index.js';
import { repathSurveys, surveyAssessmentSources, surveyJobHandlers, surveyRoutes } from './surveys/index.js';
import {
  reassignTalent,
  repathTalent,
  talentAssessmentSources,
  talentCommandTiles,
  talentRoutes,
} from './talent/index.js';
import type { AppDeps, AppParts, ModuleRoutes } from './platform/http/module.js';
import type { Database } from './platform/db/database.js';
import type { JobHandler } from './platform/jobs/jobs.js';

export const moduleRoutes: readonly ModuleRoutes[] = [
  identityRoutes,
  auditRoutes,
  orgRoutes,
  notificationRoutes,
  memberRoutes,
  householdRoutes,
  rosterRoutes,
  gridRoutes,
  patrolRoutes,
  caseRoutes,
  caseRoutingRoutes,
  publicCaseRoutes,
  catalogueRoutes,
  calendarRoutes,
  indicatorRoutes,
  openRoutes,
  linkageRoutes,
  consultationRoutes,
  assessmentRoutes,
  volunteerRoutes,
  volunteerServiceRoutes,
  listRoutes,
  surveyRoutes,
  commandRoutes,
  allianceRoutes,
  talentRoutes,
];

/** What buildApp composes: every module's routes and identity's authenticator. */
export const appParts: AppParts = { routes: moduleRoutes, authenticator: identityAuthenticator };

// Records that carry an org path follow moves and merges through hooks their modules offer; orgs never imports them.
// Registered when this file loads, which the server, the test platform and the CLI all do before touching the tree.
onOrgRepath('members', repathMembers);
onOrgRepath('households', repathHouseholds);
onOrgRepath('grids', repathGrids);
onOrgRepath('cases', repathCases);
onOrgRepath('patrols', repathPatrols);
onOrgRepath('linkage', repathLinkage);
onOrgRepath('consultations', repathConsultations);
onOrgRepath('volunteers', repathVolunteers);
onOrgRepath('assessment', repathAssessment);
onOrgRepath('lists', repathLists);
onOrgRepath('surveys', repathSurveys);
onOrgRepath('command', repathCommand);
onOrgRepath('alliance', repathAlliance);
onOrgRepath('talent', repathTalent);
onOrgReparented('members', followGroupMembers);
// A member's page names the central household they head; households own it and hand the look-up to members.
provideHeadedHouseholdLookup(householdHeadedBy);
// Grid staff may name an account; identity owns accounts (and reads grid staff), so it hands grids the look-up.
provideAccountLookup(activeAccountInScope);
// The audit log names its people and records; their modules record into it, so they hand it their look-ups.
// The case, organisation and household look-ups are unscoped: isInReach keeps them to the reader's scope.
provideAuditAccounts({ names: accountNames, search: accountIdsNamed });
provideAuditSubjects(
  'user',
  async (r, ids) => new Map([...(await accountNames(r.db, ids))].map(([id, a]) => [id, a.displayName])),
);
provideAuditSubjects('case', async (r, ids) => {
  const cases = await caseStatesByIds(r.db, r.dialect, [...ids]);
  return new Map(
    [...cases].filter(([, c]) => isInReach(r, c.orgPath)).map(([id, c]) => [id, c.trackingCode]),
  );
});
provideAuditSubjects('org', async (r, ids) => {
  const orgs = await orgDirectory(r.db, r.dialect).byIds([...ids]);
  return new Map(orgs.filter((o) => isInReach(r, o.path)).map((o) => [o.id, o.name]));
});
provideAuditSubjects('member', maskedMemberNames);
// A household is named by its head, masked (whose address a reveal showed).
provideAuditSubjects('household', async (r, ids) => {
  const households = await householdDirectory(r.db, r.dialect).householdsByIds(ids);
  return new Map(
    households.filter((h) => isInReach(r, h.org_path)).map((h) => [h.id, maskName(h.head_name)]),
  );
});
onOrgsMerged('members', reassignMembers);
onOrgsMerged('households', reassignHouseholds);
onOrgsMerged('grids', reassignGrids);
onOrgsMerged('cases', reassignCases);
onOrgsMerged('linkage', reassignLinkage);
onOrgsMerged('lists', reassignLists);
onOrgsMerged('volunteers', reassignVolunteers);
onOrgsMerged('consultations', reassignConsultations);
onOrgsMerged('command', reassignCommand);
onOrgsMerged('alliance', reassignAlliance);
onOrgsMerged('talent', reassignTalent);

// Computed items of the assessment: each module's sources, bound through the assessment's registry (it imports none
// of them). The platform's own sources read cases, consultations, linkage and the org tree through their doors.
registerAssessmentSources('assessment', coreAssessmentSources);
registerAssessmentSources('volunteers', volunteerAssessmentSources);
registerAssessmentSources('surveys', surveyAssessmentSources);
registerAssessmentSources('talent', talentAssessmentSources);

// The command view's tiles: each module contributes its own through the command view's registry; the view knows none.
// The case, consultation and linkage tiles ship with the command view (reading those doors), like the assessment's
// core sources; volunteers, the assessment and the alliance offer theirs.
registerCommandTiles('command', coreCommandTiles);
registerCommandTiles('volunteers', volunteerCommandTiles);
registerCommandTiles('assessment', assessmentCommandTiles);
registerCommandTiles('alliance', allianceCommandTiles);
registerCommandTiles('talent', talentCommandTiles);

// The published lists take part in case work through the cases module's hooks: the negative list and grid task
// admission guard every action, and a catalogue or routing change is a new version of the list it shows in.
onCaseAction('lists', listCaseGuard);
onCatalogueSaved('lists', listCatalogueListener);

// A household's relief pairings (volunteers) reach the linkage's household record and visit plan through its port.
provideHouseholdRelief({ reliefOf: reliefOfHousehold, inRelief: householdsInRelief });

// A year's holiday calendar arriving lays again the provisional deadlines counted across it.
onCalendarImported('cases', relayProvisionalDeadlines);

/** Job kinds → handlers; every instance runs them, and each due job is claimed by exactly one. */
export function moduleJobHandlers(deps: AppDeps): Record<string, JobHandler> {
  return {
    ...notificationJobHandlers(deps),
    ...caseJobHandlers(deps.database, deps.logger),
    ...linkageJobHandlers(deps.database),
    ...surveyJobHandlers(),
    ...volunteerJobHandlers(deps.database),
    ...consultationJobHandlers(deps.database),
    ...commandJobHandlers(deps.database, deps.logger),
  };
}

/** The jobs modules keep standing (a quarter's feedback): ensured at every start, never scheduled twice. */
export async function ensureStandingJobs(database: Database, now: number): Promise<void> {
  await ensureNotificationJobs(database.db, now);
  await ensureVolunteerJobs(database.db, now);
  await ensureConsultationJobs(database.db, now);
  await ensureLinkageJobs(database.db, now);
  await ensureCommandJobs(database.db, now);
}
