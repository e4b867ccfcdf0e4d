// What other modules may use of cases: routes and job handlers for src/modules.ts, the seeders and the demo
// generator, the hooks through which cases follow org moves and merges, and the reads and intake Open311 builds on.
import type { Kysely } from 'kysely';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import type { OrgHook, OrgMerge, OrgRepath } from '../orgs/index.js';
import { catalogueRepository, type Category } from './catalogue/repository.js';
import { caseRepository, type CaseRow } from './repository.js';
import { routingRepository } from './routing/repository.js';
import { loadCaseSettings } from './caseSettings.js';
import { countsByUnit, indicatorsFrom, type Indicators } from './indicators/computeIndicators.js';

export type { CaseRow } from './repository.js';
export type { Indicators as CaseIndicators } from './indicators/computeIndicators.js';
export type { Category } from './catalogue/repository.js';
export {
  defaultCatalogue,
  type CategoryDef,
  type ExtraField,
  type FieldType,
} from './catalogue/defaultCatalogue.js';
export { caseStates, finalStates, isOpenState, type CaseState } from './workflow/stateMachine.js';
export { open311Repository, unlistedNets, type PublicStep, type RequestListFilter } from './open311Reads.js';
export { caseLight } from './clock.js';
export { maskPersonalText } from './publicText.js';
export { submitReport, type ReportAnswer, type SubmitResult } from './intake/submitReport.js';
export type { ReportDeps, ReportInput } from './intake/reportCase.js';
export { validateExtra, type ExtraValues } from './intake/validateExtra.js';
export { seedCatalogue } from './catalogue/seedCatalogue.js';
export { platformOfficeCode, seedDepartments } from './seedDepartments.js';
export { generateCases, type GenerateCasesOptions } from './demo/generateCases.js';
export { caseRoutes } from './routes.js';
export { publicCaseRoutes } from './publicRoutes.js';
export { catalogueRoutes } from './catalogue/routes.js';
export { caseRoutingRoutes } from './routing/routes.js';
export { indicatorRoutes } from './indicators/routes.js';
export { caseJobHandlers } from './timers.js';

/** Every category of the current catalogue, in catalogue order (inactive ones included). */
export async function listCategories(db: Kysely<DB>): Promise<Category[]> {
  return catalogueRepository(db).all();
}

/** The catalogue's versions, newest first. */
export async function catalogueVersions(db: Kysely<DB>) {
  return catalogueRepository(db).versions();
}

/**
 * A case by its public tracking code. Unscoped on purpose: the tracking code is the reporter's bearer secret, and
 * the callers (public tracking, Open311) present only public fields.
 */
export async function findCaseByTracking(
  db: Kysely<DB>,
  dialect: Dialect,
  code: string,
): Promise<CaseRow | undefined> {
  return caseRepository(db, dialect).findByTracking(code);
}

/** Org hook: cases' org and department paths and routing rules' areas follow a moved subtree. */
export const repathCases: OrgHook<OrgRepath> = (db, dialect, e) =>
  caseRepository(db, dialect).repath(e.oldPrefix, e.newPrefix);

/** Org hook: cases placed in a merged village or town go to the target. */
export const reassignCases: OrgHook<OrgMerge> = (db, dialect, e) =>
  caseRepository(db, dialect).reassign(e.from, e.to);

// For the consultation rooms: an outcome that needs government work opens a case in the caller's transaction.
export { reportCase } from './intake/reportCase.js';

export type CaseStateView = {
  state: string;
  closedAt: number | null;
  trackingCode: string;
  orgPath: string;
  categoryCode: string;
};

/**
 * The state of each named case, for a module that follows cases it opened (consultation outcomes). Unscoped on
 * purpose: the caller holds the ids of cases it opened itself and shows only the state.
 */
export async function caseStatesByIds(
  db: Kysely<DB>,
  dialect: Dialect,
  ids: string[],
): Promise<Map<string, CaseStateView>> {
  const repo = caseRepository(db, dialect);
  const out = new Map<string, CaseStateView>();
  for (const id of ids) {
    const row = await repo.findById(id);
    if (row !== undefined) {
      out.set(id, {
        state: row.state,
        closedAt: row.closed_at,
        trackingCode: row.tracking_code,
        orgPath: row.org_path,
        categoryCode: row.category_code,
      });
    }
  }
  return out;
}

export type CaseSummary = {
  id: string;
  trackingCode: string;
  categoryCode: string;
  state: string;
  reportedAt: number;
  closedAt: number | null;
  /** The public tracking page, where anyone holding the code follows the case. */
  link: string;
};

/**
 * The named cases as another module lists them for a record of its own (the linkage's household: the cases its
 * appeals became), newest first: code, category, state and dates only, never the text or the reporter. Unscoped on
 * purpose: the caller holds the ids of cases it opened itself and has already limited its reader.
 */
export async function caseSummariesByIds(
  db: Kysely<DB>,
  dialect: Dialect,
  ids: readonly string[],
): Promise<CaseSummary[]> {
  const repo = caseRepository(db, dialect);
  const out: CaseSummary[] = [];
  for (const id of new Set(ids)) {
    const row = await repo.findById(id);
    if (row !== undefined) {
      out.push({
        id: row.id,
        trackingCode: row.tracking_code,
        categoryCode: row.category_code,
        state: row.state,
        reportedAt: row.reported_at,
        closedAt: row.closed_at,
        link: `/track/${encodeURIComponent(row.tracking_code)}`,
      });
    }
  }
  return out.sort((a, b) => b.reportedAt - a.reportedAt);
}

export type CaseCluster = {
  villageId: string;
  categoryCode: string;
  count: number;
  /** The cluster's cases, newest first (at most 50). */
  caseIds: string[];
};

/**
 * Recurring appeals (诉求热点): villages where one category was reported at least `minCount` times over [from, to),
 * merged duplicates left out, for consultation topics proposed from them. Unscoped: a job of the whole district.
 */
export async function recurringCaseClusters(
  db: Kysely<DB>,
  window: { from: number; to: number; minCount: number },
): Promise<CaseCluster[]> {
  const groups = await db
    .selectFrom('case_file')
    .select(['village_id', 'category_code', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('reported_at', '>=', window.from)
    .where('reported_at', '<', window.to)
    .where('merged_into_id', 'is', null)
    .where('village_id', 'is not', null)
    .groupBy(['village_id', 'category_code'])
    .having((eb) => eb.fn.countAll(), '>=', window.minCount)
    .execute();
  const clusters: CaseCluster[] = [];
  for (const g of groups) {
    const rows = await db
      .selectFrom('case_file')
      .select('id')
      .where('village_id', '=', g.village_id)
      .where('category_code', '=', g.category_code)
      .where('reported_at', '>=', window.from)
      .where('reported_at', '<', window.to)
      .where('merged_into_id', 'is', null)
      .orderBy('reported_at', 'desc')
      .limit(50)
      .execute();
    clusters.push({
      villageId: g.village_id!,
      categoryCode: g.category_code,
      count: Number(g.n),
      caseIds: rows.map((r) => r.id),
    });
  }
  return clusters;
}

/**
 * Case indicators (counts, rates, composite) of one unit of the fact table (an org, a grid, a department) over
 * [from, to), for the assessment's computed items. Unscoped: the caller has already decided the unit is its reader's.
 */
export async function caseIndicatorsOf(
  db: Kysely<DB>,
  dialect: Dialect,
  unitId: string,
  period: { from: number; to: number },
): Promise<Indicators> {
  const settings = await loadCaseSettings(db);
  const counts = await countsByUnit(caseRepository(db, dialect), [unitId], period);
  return indicatorsFrom(counts.get(unitId)!, settings.indicators);
}

// For the published lists (src/lists): the catalogue is the service list and the routing rules are the duty list, so
// that module reads and edits them here rather than keeping copies; its guards and listeners register here too.
export {
  CaseGuardRefusal,
  onCaseAction,
  onCatalogueSaved,
  recordGuardRefusal,
  type CaseGuard,
  type CaseMove,
  type CatalogueListener,
  type CatalogueSaved,
} from './hooks.js';
export { saveCategory } from './catalogue/saveCategory.js';
export { relayProvisionalDeadlines } from './relayDeadlines.js';
export { sealLegacyCaseText } from './sealLegacyText.js';
export { addRoutingRule, retireRoutingRule, type RoutingRuleInput } from './routing/addRoutingRule.js';
export { resolveRoute, type RouteInput, type RouteResult } from './routing/resolveRoute.js';
export type { RoutingRuleRow } from './routing/repository.js';
export { caseLevels, type CaseLevel } from './workflow/stateMachine.js';
export { platforms, type Platform } from './catalogue/defaultCatalogue.js';
/** For the assessment of the people in charge: the town's leader in charge of a platform, as cases name him. */
export { townLeaderOf } from './workflow/effects/index.js';

/** The active routing rules (the duty list as data), oldest first. */
export async function listRoutingRules(db: Kysely<DB>, limit: number) {
  return routingRepository(db).list(limit);
}

/** The current catalogue version number (0 before the catalogue is seeded). */
export async function currentCatalogueVersion(db: Kysely<DB>): Promise<number> {
  return catalogueRepository(db).currentVersion();
}

/** One category of the current catalogue, or undefined. */
export async function findCategory(db: Kysely<DB>, code: string): Promise<Category | undefined> {
  return catalogueRepository(db).find(code);
}

// The command view's reads and its answer to an early warning (see commandReads.ts).
export {
  caseIndicatorsByUnit,
  groupRecentReports,
  mostOverdueCases,
  openCaseFigures,
  redCardsSince,
  reportsByCategory,
  workingStates,
  type CaseBrief,
  type OpenFigures,
  type OpenUnitColumn,
  type ReportGroup,
} from './commandReads.js';
export { superviseCases } from './superviseCases.js';
export { caseActions } from './workflow/stateMachine.js';
