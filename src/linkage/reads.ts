// The reads behind the linkage pages: the head's households and a household's record, the chain queue, an appeal
// with its steps, the indicators of a unit and its parts, the households overdue for a visit. Each read is limited
// to the caller's seat: the head's own links, or the subtree of the chain seat (404 outside).
import { caseStatesByIds, caseSummariesByIds, type CaseStateView, type CaseSummary } from '../cases/index.js';
import { topicSummariesByIds, type TopicSummary } from '../consultations/index.js';
import { householdDirectory, type HouseholdRow } from '../households/index.js';
import type { UserActor } from '../access/index.js';
import { orgDirectory } from '../orgs/index.js';
import type { Database } from '../platform/db/database.js';
import { AppError, notFound } from '../platform/errors.js';
import { appealFor, viewerOf, type Viewer } from './access.js';
import { isChainLevel } from './chain.js';
import { indicatorsOfUnit, type LinkageIndicators, type Period } from './indicators.js';
import { linkedHousehold } from './linkedHousehold.js';
import { linkageRepository, type AppealRow, type AppealStepRow, type VisitRow } from './repository.js';
import { requireHeadSeat, type ChainSeat } from './seat.js';
import { householdRelief, type HouseholdRelief } from './reliefSource.js';
import { visitPlanOf, type VisitDue } from './visitPlan.js';

export type HouseholdSummary = {
  household: HouseholdRow;
  lastVisitAt: number | null;
  openAppeals: number;
  plan: VisitDue;
};

/** The head's linked households with their last visit, open appeals and visit plan: those due a visit first. */
export async function myHouseholds(
  database: Database,
  actor: UserActor,
  now: number,
): Promise<HouseholdSummary[]> {
  const { db, dialect } = database;
  const seat = await requireHeadSeat(db, dialect, actor);
  const rows = await householdDirectory(db, dialect).householdsOfCentral(
    { path: seat.central.group_path },
    seat.central.id,
  );
  const repo = linkageRepository(db, dialect);
  const last = await repo.lastVisits(rows.map((r) => r.id));
  const open = await repo.listAppeals(
    { centralId: seat.central.id },
    { statuses: ['open', 'awaitingConfirmation'], beforeId: null, limit: 1000 },
  );
  const plans = await visitPlanOf(
    db,
    dialect,
    rows.map((r) => r.id),
    now,
  );
  return rows
    .map((household) => ({
      household,
      lastVisitAt: last.get(household.id) ?? null,
      openAppeals: open.filter((a) => a.household_id === household.id).length,
      plan: plans.get(household.id)!,
    }))
    .sort(
      (a, b) =>
        Number(b.plan.isOverdue) - Number(a.plan.isOverdue) ||
        Number(b.plan.isInNeed) - Number(a.plan.isInNeed),
    );
}

export type HouseholdRecord = {
  household: HouseholdRow;
  visits: VisitRow[];
  appeals: AppealRow[];
  cases: Map<string, CaseStateView>;
  /** The household across modules, each read through its module's door, nothing copied here. */
  caseList: CaseSummary[];
  topics: TopicSummary[];
  relief: HouseholdRelief;
  plan: VisitDue;
};

/**
 * One linked household of the head: its visits, its appeals, the cases and consultation topics they became, its
 * relief pairings and the help their visits brought, and where it stands in the visit plan.
 */
export async function householdRecord(
  database: Database,
  actor: UserActor,
  householdId: string,
  now: number,
): Promise<HouseholdRecord> {
  const { db, dialect } = database;
  const seat = await requireHeadSeat(db, dialect, actor);
  const household = await linkedHousehold(db, dialect, seat, householdId);
  const repo = linkageRepository(db, dialect);
  const appeals = await repo.appealsOfHousehold(household.id, 100);
  const caseIds = appeals.flatMap((a) => (a.case_id === null ? [] : [a.case_id]));
  const topicIds = appeals.flatMap((a) => (a.topic_id === null ? [] : [a.topic_id]));
  return {
    household,
    visits: await repo.visitsOfHousehold(household.id, 100),
    appeals,
    cases: await caseStatesByIds(db, dialect, caseIds),
    caseList: await caseSummariesByIds(db, dialect, caseIds),
    topics: await topicSummariesByIds(db, dialect, topicIds),
    relief: await householdRelief().reliefOf(db, dialect, household.id),
    plan: (await visitPlanOf(db, dialect, [household.id], now)).get(household.id)!,
  };
}

function requireChain(viewer: Viewer): ChainSeat {
  if (viewer.chain === null) {
    throw notFound();
  }
  return viewer.chain;
}

/** The chain queue: appeals waiting at the seat's own organisation, or all appeals of its subtree. */
export async function appealQueue(
  database: Database,
  actor: UserActor,
  f: { isMine: boolean; statuses?: string[]; beforeId: string | null; limit: number },
): Promise<AppealRow[]> {
  const viewer = await viewerOf(database.db, database.dialect, actor);
  const repo = linkageRepository(database.db, database.dialect);
  if (viewer.chain === null && viewer.head !== null) {
    return repo.listAppeals({ centralId: viewer.head.central.id }, { ...f });
  }
  const chain = requireChain(viewer);
  return repo.listAppeals(
    { path: chain.orgPath },
    {
      ...(f.isMine ? { atOrgId: chain.orgId } : {}),
      statuses: f.statuses,
      beforeId: f.beforeId,
      limit: f.limit,
    },
  );
}

export type AppealDetail = {
  appeal: AppealRow;
  steps: AppealStepRow[];
  household: HouseholdRow | undefined;
  caseState: CaseStateView | undefined;
  /** Whether the caller may settle, answer or pass it up now. */
  canAct: boolean;
};

export async function appealDetail(database: Database, actor: UserActor, id: string): Promise<AppealDetail> {
  const { db, dialect } = database;
  const viewer = await viewerOf(db, dialect, actor);
  const appeal = await appealFor(db, dialect, viewer, id);
  const repo = linkageRepository(db, dialect);
  const household = await householdDirectory(db, dialect).findHousehold({ path: '/' }, appeal.household_id);
  const cases =
    appeal.case_id === null
      ? new Map<string, CaseStateView>()
      : await caseStatesByIds(db, dialect, [appeal.case_id]);
  const canAct =
    appeal.status === 'open' &&
    ((appeal.level === 'central' && viewer.head?.central.id === appeal.level_org_id) ||
      (viewer.chain?.canHandle === true && viewer.chain.orgId === appeal.level_org_id));
  return {
    appeal,
    steps: await repo.steps(appeal.id),
    household,
    caseState: appeal.case_id === null ? undefined : cases.get(appeal.case_id),
    canAct,
  };
}

export type UnitIndicators = { id: string; name: string; level: string; indicators: LinkageIndicators };

/** The indicators of an organisation in the seat's subtree and of each of its parts (central households of a group). */
export async function indicatorTable(
  database: Database,
  actor: UserActor,
  orgId: string | undefined,
  period: Period,
  now: number,
): Promise<{ unit: UnitIndicators; parts: UnitIndicators[] }> {
  const { db, dialect } = database;
  const viewer = await viewerOf(db, dialect, actor);
  if (viewer.chain === null && viewer.head !== null && orgId === undefined) {
    const c = viewer.head.central;
    const unit = { kind: 'central' as const, id: c.id, groupPath: c.group_path };
    return {
      unit: {
        id: c.id,
        name: c.name,
        level: 'central',
        indicators: await indicatorsOfUnit(db, dialect, unit, period, now),
      },
      parts: [],
    };
  }
  const chain = requireChain(viewer);
  const orgs = orgDirectory(db, dialect);
  const org = await orgs.findById({ path: chain.orgPath }, orgId ?? chain.orgId);
  if (org === undefined || !isChainLevel(org.level)) {
    throw notFound();
  }
  const level = org.level;
  const unit: UnitIndicators = {
    id: org.id,
    name: org.name,
    level,
    indicators: await indicatorsOfUnit(db, dialect, { kind: 'org', level, path: org.path }, period, now),
  };
  const parts: UnitIndicators[] = [];
  if (level === 'group') {
    const centrals = await householdDirectory(db, dialect).listCentral(
      { path: org.path },
      org.path,
      null,
      500,
    );
    for (const c of centrals) {
      const indicators = await indicatorsOfUnit(
        db,
        dialect,
        { kind: 'central', id: c.id, groupPath: org.path },
        period,
        now,
      );
      parts.push({ id: c.id, name: c.name, level: 'central', indicators });
    }
  } else {
    const children = await orgs.children({ path: chain.orgPath }, org.id, 500, null);
    for (const child of children) {
      if (!isChainLevel(child.level) || child.status !== 'active') {
        continue;
      }
      const indicators = await indicatorsOfUnit(
        db,
        dialect,
        { kind: 'org', level: child.level, path: child.path },
        period,
        now,
      );
      parts.push({ id: child.id, name: child.name, level: child.level, indicators });
    }
  }
  return { unit, parts };
}

export type OverdueVisit = {
  household: HouseholdRow;
  centralHouseholdId: string;
  centralName: string;
  headName: string;
  plan: VisitDue;
};

/** Linked households of the seat's subtree (or an organisation in it) past their visit by the plan's rule. */
export async function overdueVisits(
  database: Database,
  actor: UserActor,
  orgId: string | undefined,
  now: number,
): Promise<OverdueVisit[]> {
  const { db, dialect } = database;
  const chain = requireChain(await viewerOf(db, dialect, actor));
  const org = await orgDirectory(db, dialect).findById({ path: chain.orgPath }, orgId ?? chain.orgId);
  if (org === undefined) {
    throw notFound();
  }
  const households = householdDirectory(db, dialect);
  const centrals = await households.listCentral({ path: org.path }, org.path, null, 500);
  if (centrals.length >= 500) {
    throw new AppError('linkage.too_many', {
      errors: [{ field: 'orgId', message: 'choose a smaller unit' }],
    });
  }
  const out: OverdueVisit[] = [];
  for (const c of centrals) {
    const rows = await households.householdsOfCentral({ path: org.path }, c.id);
    const plan = await visitPlanOf(
      db,
      dialect,
      rows.map((r) => r.id),
      now,
    );
    for (const household of rows) {
      const due = plan.get(household.id)!;
      if (due.isOverdue) {
        out.push({
          household,
          centralHouseholdId: c.id,
          centralName: c.name,
          headName: c.head_name,
          plan: due,
        });
      }
    }
  }
  // Those in need first, then the longest unvisited (never visited before all).
  return out.sort(
    (a, b) =>
      Number(b.plan.isInNeed) - Number(a.plan.isInNeed) ||
      (a.plan.lastVisitAt ?? 0) - (b.plan.lastVisitAt ?? 0),
  );
}

export type PublicAppeal = {
  appeal: AppealRow;
  steps: AppealStepRow[];
  caseState: CaseStateView | undefined;
};

/** An appeal by its tracking code, for the household's public page (the code is its bearer secret). */
export async function publicAppeal(database: Database, code: string): Promise<PublicAppeal> {
  const { db, dialect } = database;
  const repo = linkageRepository(db, dialect);
  const appeal = await repo.findByTracking(code);
  if (appeal === undefined) {
    throw notFound();
  }
  const cases =
    appeal.case_id === null
      ? new Map<string, CaseStateView>()
      : await caseStatesByIds(db, dialect, [appeal.case_id]);
  return {
    appeal,
    steps: await repo.steps(appeal.id),
    caseState: appeal.case_id === null ? undefined : cases.get(appeal.case_id),
  };
}
