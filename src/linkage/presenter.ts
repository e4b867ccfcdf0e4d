// What a client may see of the linkage: households (address masked), visits and appeals (free text masked), steps.
import { Type, type Static } from '@fastify/type-provider-typebox';
import { maskPersonalText, type CaseStateView } from '../cases/index.js';
import type { HouseholdRow } from '../households/index.js';
import type { LinkageIndicators } from './indicators.js';
import type {
  UnitIndicators,
  OverdueVisit,
  HouseholdSummary,
  AppealDetail,
  HouseholdRecord,
} from './reads.js';
import type { VisitDue } from './visitPlan.js';
import type { AppealRow, AppealStepRow, VisitRow } from './repository.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

/** House numbers and room numbers hidden: 东市路**号; the full address is revealed by reason. */
export function maskAddress(address: string): string {
  return maskPersonalText(address).replace(/\d/g, '*');
}

export const LinkedHouseholdSchema = Type.Object(
  {
    id: Type.String(),
    headName: Type.String(),
    address: Type.String(),
    size: Type.Integer(),
    gridId: Nullable(Type.String()),
    lastVisitAt: Nullable(Type.Number()),
    openAppeals: Type.Integer(),
  },
  { $id: 'LinkedHousehold' },
);

export const VisitSchema = Type.Object(
  {
    id: Type.String(),
    householdId: Type.String(),
    visitedAt: Type.Number(),
    kind: Type.String(),
    heard: Type.String(),
    hasPosition: Type.Boolean(),
    createdAt: Type.Number(),
  },
  { $id: 'LinkageVisit' },
);

export const AppealSchema = Type.Object(
  {
    id: Type.String(),
    trackingCode: Type.String(),
    householdId: Type.String(),
    centralHouseholdId: Type.String(),
    text: Type.String(),
    status: Type.String(),
    level: Type.String(),
    highestLevel: Type.String(),
    concludedLevel: Nullable(Type.String()),
    outcome: Nullable(Type.String()),
    caseId: Nullable(Type.String()),
    topicId: Nullable(Type.String()),
    isOverdue: Type.Boolean(),
    levelSince: Type.Number(),
    dueAt: Nullable(Type.Number()),
    recordedAt: Type.Number(),
    concludedAt: Nullable(Type.Number()),
  },
  { $id: 'LinkageAppeal' },
);

export const AppealStepSchema = Type.Object({
  seq: Type.Integer(),
  at: Type.Number(),
  actorName: Nullable(Type.String()),
  action: Type.String(),
  fromLevel: Nullable(Type.String()),
  toLevel: Type.String(),
  fromStatus: Nullable(Type.String()),
  toStatus: Type.String(),
  reason: Nullable(Type.String()),
});

export const CaseLinkSchema = Type.Object({
  trackingCode: Type.String(),
  state: Type.String(),
  closedAt: Nullable(Type.Number()),
});

const LevelCountsSchema = Type.Record(Type.String(), Type.Integer());

export const IndicatorsSchema = Type.Object({
  received: Type.Integer(),
  pending: Type.Integer(),
  settledAt: LevelCountsSchema,
  answeredAt: LevelCountsSchema,
  casesAt: LevelCountsSchema,
  topicsAt: LevelCountsSchema,
  passedUp: Type.Integer(),
  cases: Type.Integer(),
  topics: Type.Integer(),
  concluded: Type.Integer(),
  onTime: Type.Integer(),
  overdue: Type.Integer(),
  shareWithinVillage: Nullable(Type.Number()),
  shareWithinTown: Nullable(Type.Number()),
  linkedHouseholds: Type.Integer(),
  visitedLastQuarter: Type.Integer(),
  coverage: Nullable(Type.Number()),
  neverVisited: Type.Integer(),
});

export const UnitIndicatorsSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  level: Type.String(),
  indicators: IndicatorsSchema,
});

/** Where a household stands in the visit plan: quarterly, or monthly when in need (and why). */
export const VisitPlanSchema = Type.Object(
  {
    isInNeed: Type.Boolean(),
    needs: Type.Array(Type.Union([Type.Literal('appeals'), Type.Literal('relief')])),
    dueAt: Nullable(Type.Number()),
    isOverdue: Type.Boolean(),
  },
  { $id: 'LinkageVisitPlan' },
);

/** A household in the head's list, with where it stands in the visit plan. */
export const HouseholdListItemSchema = Type.Object(
  { ...LinkedHouseholdSchema.properties, plan: VisitPlanSchema },
  { $id: 'LinkageHouseholdListItem' },
);

export const OverdueVisitSchema = Type.Object({
  household: LinkedHouseholdSchema,
  centralHouseholdId: Type.String(),
  centralName: Type.String(),
  headName: Type.String(),
  plan: VisitPlanSchema,
});

/** The household across modules: summaries only, each with the page the head may open, if any. */
export const HouseholdCaseSchema = Type.Object({
  id: Type.String(),
  trackingCode: Type.String(),
  state: Type.String(),
  reportedAt: Type.Number(),
  closedAt: Nullable(Type.Number()),
  link: Type.String(),
});

export const HouseholdTopicSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  status: Type.String(),
  createdAt: Type.Number(),
  link: Nullable(Type.String()),
});

export const HouseholdReliefSchema = Type.Object({
  pairings: Type.Array(
    Type.Object({
      id: Type.String(),
      helperKind: Type.String(),
      helperName: Type.String(),
      visitsPerQuarter: Type.Integer(),
      startedAt: Type.Number(),
      endedAt: Nullable(Type.Number()),
    }),
  ),
  help: Type.Array(
    Type.Object({
      id: Type.String(),
      pairingId: Type.String(),
      at: Type.Number(),
      help: Nullable(Type.String()),
    }),
  ),
});

export const AppealDetailSchema = Type.Object({
  item: AppealSchema,
  steps: Type.Array(AppealStepSchema),
  household: Nullable(Type.Object({ id: Type.String(), headName: Type.String(), address: Type.String() })),
  case: Nullable(CaseLinkSchema),
  canAct: Type.Boolean(),
});

/** What the household sees on the public tracking page: no names of people, text masked. */
export const PublicAppealSchema = Type.Object({
  trackingCode: Type.String(),
  text: Type.String(),
  status: Type.String(),
  level: Type.String(),
  outcome: Nullable(Type.String()),
  recordedAt: Type.Number(),
  isAwaitingConfirmation: Type.Boolean(),
  steps: Type.Array(
    Type.Object({
      at: Type.Number(),
      action: Type.String(),
      toLevel: Type.String(),
      toStatus: Type.String(),
    }),
  ),
  case: Nullable(CaseLinkSchema),
});

export type LinkedHouseholdDto = Static<typeof LinkedHouseholdSchema>;

export function presentHousehold(
  h: HouseholdRow,
  lastVisitAt: number | null,
  openAppeals: number,
): LinkedHouseholdDto {
  return {
    id: h.id,
    headName: h.head_name,
    address: maskAddress(h.address),
    size: h.size,
    gridId: h.grid_id,
    lastVisitAt,
    openAppeals,
  };
}

export const presentSummary = (s: HouseholdSummary): Static<typeof HouseholdListItemSchema> => ({
  ...presentHousehold(s.household, s.lastVisitAt, s.openAppeals),
  plan: presentPlan(s.plan),
});

export function presentVisit(v: VisitRow): Static<typeof VisitSchema> {
  return {
    id: v.id,
    householdId: v.household_id,
    visitedAt: v.visited_at,
    kind: v.kind,
    heard: maskPersonalText(v.heard),
    hasPosition: v.lng !== null && v.lat !== null,
    createdAt: v.created_at,
  };
}

export function presentAppeal(a: AppealRow): Static<typeof AppealSchema> {
  return {
    id: a.id,
    trackingCode: a.tracking_code,
    householdId: a.household_id,
    centralHouseholdId: a.central_household_id,
    text: maskPersonalText(a.text),
    status: a.status,
    level: a.level,
    highestLevel: a.highest_level,
    concludedLevel: a.concluded_level,
    outcome: a.outcome === null ? null : maskPersonalText(a.outcome),
    caseId: a.case_id,
    topicId: a.topic_id,
    isOverdue: a.is_overdue === 1,
    levelSince: a.level_since,
    dueAt: a.due_at,
    recordedAt: a.recorded_at,
    concludedAt: a.concluded_at,
  };
}

export function presentStep(s: AppealStepRow): Static<typeof AppealStepSchema> {
  return {
    seq: s.seq,
    at: s.at,
    actorName: s.actor_name,
    action: s.action,
    fromLevel: s.from_level,
    toLevel: s.to_level,
    fromStatus: s.from_status,
    toStatus: s.to_status,
    reason: s.reason === null ? null : maskPersonalText(s.reason),
  };
}

const presentCase = (c: CaseStateView | undefined) =>
  c === undefined ? null : { trackingCode: c.trackingCode, state: c.state, closedAt: c.closedAt };

export function presentDetail(d: AppealDetail): Static<typeof AppealDetailSchema> {
  return {
    item: presentAppeal(d.appeal),
    steps: d.steps.map(presentStep),
    household:
      d.household === undefined
        ? null
        : { id: d.household.id, headName: d.household.head_name, address: maskAddress(d.household.address) },
    case: presentCase(d.caseState),
    canAct: d.canAct,
  };
}

export function presentPublic(
  a: AppealRow,
  steps: AppealStepRow[],
  c: CaseStateView | undefined,
): Static<typeof PublicAppealSchema> {
  return {
    trackingCode: a.tracking_code,
    text: maskPersonalText(a.text),
    status: a.status,
    level: a.level,
    outcome: a.outcome === null ? null : maskPersonalText(a.outcome),
    recordedAt: a.recorded_at,
    isAwaitingConfirmation: a.status === 'awaitingConfirmation',
    steps: steps.map((s) => ({ at: s.at, action: s.action, toLevel: s.to_level, toStatus: s.to_status })),
    case: presentCase(c),
  };
}

export const presentIndicators = (i: LinkageIndicators): Static<typeof IndicatorsSchema> => ({ ...i });
export const presentUnit = (u: UnitIndicators): Static<typeof UnitIndicatorsSchema> => ({
  id: u.id,
  name: u.name,
  level: u.level,
  indicators: presentIndicators(u.indicators),
});
export const presentPlan = (v: VisitDue): Static<typeof VisitPlanSchema> => ({
  isInNeed: v.isInNeed,
  needs: v.needs,
  dueAt: v.dueAt,
  isOverdue: v.isOverdue,
});

export const presentOverdue = (o: OverdueVisit): Static<typeof OverdueVisitSchema> => ({
  household: presentHousehold(o.household, o.plan.lastVisitAt, 0),
  centralHouseholdId: o.centralHouseholdId,
  centralName: o.centralName,
  headName: o.headName,
  plan: presentPlan(o.plan),
});

/** The household's cases, topics and relief as the head sees them: free text masked once more on the way out. */
export function presentAcross(r: HouseholdRecord): {
  cases: Static<typeof HouseholdCaseSchema>[];
  topics: Static<typeof HouseholdTopicSchema>[];
  relief: Static<typeof HouseholdReliefSchema>;
} {
  return {
    cases: r.caseList.map((c) => ({
      id: c.id,
      trackingCode: c.trackingCode,
      state: c.state,
      reportedAt: c.reportedAt,
      closedAt: c.closedAt,
      link: c.link,
    })),
    topics: r.topics.map((t) => ({
      id: t.id,
      title: maskPersonalText(t.title),
      status: t.status,
      createdAt: t.createdAt,
      link: t.link,
    })),
    relief: {
      pairings: r.relief.pairings.map((p) => ({ ...p })),
      help: r.relief.help.map((h) => ({ ...h, help: h.help === null ? null : maskPersonalText(h.help) })),
    },
  };
}
