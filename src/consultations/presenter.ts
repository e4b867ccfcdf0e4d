// What a client may see of councils, topics, meetings, decisions and outcomes. Staff views show masked phones and
// never the proposer's name; public views show no person at all. Sealed results stay out until the vote closes.
import { Type, type Static } from '@fastify/type-provider-typebox';
import { fromDbBool, fromDbJson } from '../platform/db/database.js';
import { weightedProgress } from './progress.js';
import type {
  CouncilMemberRow,
  CouncilRow,
  DecisionRow,
  MeetingRow,
  OutcomeRow,
  ParticipantRow,
  ProgressRow,
  TopicRow,
} from './repository.js';
import type { TallyResult } from './tally/index.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const NullableInt = Type.Union([Type.Integer(), Type.Null()]);
const NullableNum = Type.Union([Type.Number(), Type.Null()]);

export const CouncilSchema = Type.Object({
  id: Type.String(),
  orgId: Type.String(),
  level: Type.String(),
  name: Type.String(),
  place: Type.String(),
  convenerName: Nullable(Type.String()),
  supportThreshold: Type.Integer(),
  supportDays: Type.Integer(),
});
export type CouncilDto = Static<typeof CouncilSchema>;

export function presentCouncil(r: CouncilRow): CouncilDto {
  return {
    id: r.id,
    orgId: r.org_id,
    level: r.level,
    name: r.name,
    place: r.place,
    convenerName: r.convener_name,
    supportThreshold: r.support_threshold,
    supportDays: r.support_days,
  };
}

export const MemberSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  unit: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  isConvener: Type.Boolean(),
});

export function presentMember(r: CouncilMemberRow): Static<typeof MemberSchema> {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    unit: r.unit,
    phone: r.phone_masked,
    isConvener: fromDbBool(r.is_convener),
  };
}

export const TopicSchema = Type.Object({
  id: Type.String(),
  councilId: Type.String(),
  title: Type.String(),
  body: Type.String(),
  source: Type.String(),
  proposer: Type.String(),
  status: Type.String(),
  supportCount: Type.Integer(),
  supportThreshold: Type.Integer(),
  supportUntil: NullableInt,
  reason: Nullable(Type.String()),
  mergedIntoId: Nullable(Type.String()),
  hasCase: Type.Boolean(),
  createdAt: Type.Integer(),
});
export type TopicDto = Static<typeof TopicSchema>;

/** The same for staff and public: the proposer only as a kind ('居民', '匿名'), text already masked when stored. */
export function presentTopic(r: TopicRow, now: number): TopicDto {
  const isExpired = r.status === 'collecting' && r.support_until !== null && r.support_until < now;
  return {
    id: r.id,
    councilId: r.council_id,
    title: r.title,
    body: r.body,
    source: r.source,
    proposer: r.proposer_public,
    status: isExpired ? 'expired' : r.status,
    supportCount: r.support_count,
    supportThreshold: r.support_threshold,
    supportUntil: r.support_until,
    reason: r.reason,
    mergedIntoId: r.merged_into_id,
    hasCase: r.case_id !== null,
    createdAt: r.created_at,
  };
}

export const ParticipantSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: Type.String(),
  isInvited: Type.Boolean(),
  registeredAt: NullableInt,
  attendedAt: NullableInt,
  attendedVia: Nullable(Type.String()),
});

export function presentParticipant(r: ParticipantRow): Static<typeof ParticipantSchema> {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    isInvited: r.invited_at !== null,
    registeredAt: r.registered_at,
    attendedAt: r.attended_at,
    attendedVia: r.attended_via,
  };
}

export const AttendanceSchema = Type.Object({
  invited: Type.Integer(),
  registered: Type.Integer(),
  attended: Type.Integer(),
  quorum: Type.Integer(),
  hasQuorum: Type.Boolean(),
});

export function attendanceOf(meeting: MeetingRow, list: ParticipantRow[]): Static<typeof AttendanceSchema> {
  const attended = list.filter((p) => p.attended_at !== null).length;
  return {
    invited: list.filter((p) => p.invited_at !== null).length,
    registered: list.filter((p) => p.registered_at !== null).length,
    attended,
    quorum: meeting.quorum,
    hasQuorum: attended >= meeting.quorum,
  };
}

export const MeetingSchema = Type.Object({
  id: Type.String(),
  councilId: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  place: Type.String(),
  startsAt: Type.Integer(),
  quorum: Type.Integer(),
  decidesBody: Nullable(Type.String()),
  status: Type.String(),
  minutes: Nullable(Type.String()),
  closedAt: NullableInt,
});

export function presentMeeting(r: MeetingRow): Static<typeof MeetingSchema> {
  return {
    id: r.id,
    councilId: r.council_id,
    kind: r.kind,
    title: r.title,
    place: r.place,
    startsAt: r.starts_at,
    quorum: r.quorum,
    decidesBody: r.decides_body,
    status: r.status,
    minutes: r.minutes,
    closedAt: r.closed_at,
  };
}

export const ResultSchema = Type.Object({
  outcome: Type.String(),
  hasQuorum: Type.Boolean(),
  voters: Type.Integer(),
  proxies: Type.Integer(),
  winner: Nullable(Type.String()),
  tied: Type.Array(Type.String()),
  totals: Type.Record(Type.String(), Type.Number()),
  rounds: Type.Optional(Type.Array(Type.Record(Type.String(), Type.Number()))),
});

export const DecisionSchema = Type.Object({
  id: Type.String(),
  meetingId: Type.String(),
  topicId: Nullable(Type.String()),
  type: Type.String(),
  question: Type.String(),
  options: Type.Array(Type.String()),
  isRecommendation: Type.Boolean(),
  status: Type.String(),
  openedAt: Type.Integer(),
  closedAt: NullableInt,
  /** How many have voted: shown while open; what they chose is sealed until close. */
  ballotsCast: Type.Integer(),
  result: Type.Union([ResultSchema, Type.Null()]),
});
export type DecisionDto = Static<typeof DecisionSchema>;

export function presentDecision(r: DecisionRow, ballotsCast: number): DecisionDto {
  return {
    id: r.id,
    meetingId: r.meeting_id,
    topicId: r.topic_id,
    type: r.type,
    question: r.question,
    options: fromDbJson<string[]>(r.options) ?? [],
    isRecommendation: fromDbBool(r.is_recommendation),
    status: r.status,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
    ballotsCast,
    // Sealed: no result (not even a partial count per option) before the vote closes, for staff as for anyone.
    result: r.status === 'closed' ? fromDbJson<TallyResult>(r.result) : null,
  };
}

export const ProgressSchema = Type.Object({
  at: Type.Integer(),
  kind: Type.String(),
  progress: Type.Integer(),
  note: Nullable(Type.String()),
  evidence: Nullable(Type.String()),
});

export function presentProgress(r: ProgressRow): Static<typeof ProgressSchema> {
  return { at: r.at, kind: r.kind, progress: r.progress, note: r.note, evidence: r.evidence };
}

export const OutcomeSchema = Type.Object({
  id: Type.String(),
  councilId: Type.String(),
  topicId: Nullable(Type.String()),
  decisionId: Nullable(Type.String()),
  title: Type.String(),
  ownerUnit: Type.String(),
  deadlineAt: Type.Integer(),
  weight: Type.Number(),
  progress: Type.Integer(),
  status: Type.String(),
  isOverdue: Type.Boolean(),
  caseState: Nullable(Type.String()),
  hasCase: Type.Boolean(),
  doneAt: NullableInt,
  reopenCount: Type.Integer(),
  ratings: Type.Record(Type.String(), Type.Integer()),
});
export type OutcomeDto = Static<typeof OutcomeSchema>;

export function presentOutcome(r: OutcomeRow, now: number, ratings: Record<string, number> = {}): OutcomeDto {
  return {
    id: r.id,
    councilId: r.council_id,
    topicId: r.topic_id,
    decisionId: r.decision_id,
    title: r.title,
    ownerUnit: r.owner_unit,
    deadlineAt: r.deadline_at,
    weight: r.weight,
    progress: r.progress,
    status: r.status,
    isOverdue: r.status !== 'done' ? now > r.deadline_at : (r.done_at ?? 0) > r.deadline_at,
    caseState: r.case_state,
    hasCase: r.case_id !== null,
    doneAt: r.done_at,
    reopenCount: r.reopen_count,
    ratings,
  };
}

export const ProgressSummarySchema = Type.Object({ progress: NullableNum, outcomes: Type.Integer() });

export function progressSummary(outcomes: OutcomeRow[]): Static<typeof ProgressSummarySchema> {
  return { progress: weightedProgress(outcomes), outcomes: outcomes.length };
}

/** Per-option counts of ratings (not answer combinations), per outcome. */
export function ratingsByOutcome(rows: { outcome_id: string; rating: string; n: number | string }[]) {
  const out = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const m = out.get(r.outcome_id) ?? {};
    m[r.rating] = Number(r.n);
    out.set(r.outcome_id, m);
  }
  return out;
}
