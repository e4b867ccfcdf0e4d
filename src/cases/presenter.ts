// What clients may see of a case. Staff see the reporter masked; the public view shows no person at all.
import { Type, type Static } from '@fastify/type-provider-typebox';
import { fromDbBool, fromDbJson } from '../platform/db/database.js';
import { caseLight } from './clock.js';
import { maskPersonalText } from './publicText.js';
import type { CaseRow, StepRow } from './repository.js';
import {
  actorKinds,
  actorKindOf,
  reasonOf,
  stepReasons,
  type ActorKind,
  type StepReason,
} from './workflow/stepCodes.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const CaseSummarySchema = Type.Object({
  id: Type.String(),
  trackingCode: Type.String(),
  state: Type.String(),
  level: Type.String(),
  source: Type.String(),
  kind: Type.String(),
  categoryCode: Type.String(),
  net: Type.String(),
  platform: Type.String(),
  urgency: Type.String(),
  description: Type.String(),
  address: Nullable(Type.String()),
  lng: Nullable(Type.Number()),
  lat: Nullable(Type.Number()),
  gridId: Nullable(Type.String()),
  villageId: Nullable(Type.String()),
  townId: Nullable(Type.String()),
  departmentId: Nullable(Type.String()),
  reportedAt: Type.Number(),
  deadlineAt: Nullable(Type.Number()),
  /** Crossed into a year without a holiday calendar: its holidays were counted as working days. */
  isDeadlineProvisional: Type.Boolean(),
  stepDeadlineAt: Nullable(Type.Number()),
  closedAt: Nullable(Type.Number()),
  light: Type.String(),
  supervision: Nullable(Type.String()),
  isPaused: Type.Boolean(),
  pendingRequest: Nullable(Type.String()),
  reworkCount: Type.Integer(),
  returnCount: Type.Integer(),
  rating: Nullable(Type.Integer()),
  photoCount: Type.Integer(),
  reporterPhoneMasked: Nullable(Type.String()),
  isAnonymous: Type.Boolean(),
  updatedAt: Type.Number(),
  version: Type.Integer(),
});
export type CaseSummary = Static<typeof CaseSummarySchema>;

export function presentCase(c: CaseRow, now: number): CaseSummary {
  return {
    id: c.id,
    trackingCode: c.tracking_code,
    state: c.state,
    level: c.level,
    source: c.source,
    kind: c.kind,
    categoryCode: c.category_code,
    net: c.net,
    platform: c.platform,
    urgency: c.urgency,
    description: c.description,
    address: c.address,
    lng: c.lng,
    lat: c.lat,
    gridId: c.grid_id,
    villageId: c.village_id,
    townId: c.town_id,
    departmentId: c.department_id,
    reportedAt: c.reported_at,
    deadlineAt: c.deadline_at,
    isDeadlineProvisional: c.deadline_provisional === 1,
    stepDeadlineAt: c.step_deadline_at,
    closedAt: c.closed_at,
    light: caseLight(c, now),
    supervision: c.supervision,
    isPaused: c.paused_at !== null,
    pendingRequest: c.pending_request,
    reworkCount: c.rework_count,
    returnCount: c.return_count,
    rating: c.rating,
    photoCount: c.photo_count,
    reporterPhoneMasked: fromDbBool(c.is_anonymous) ? null : c.reporter_phone_masked,
    isAnonymous: fromDbBool(c.is_anonymous),
    updatedAt: c.updated_at,
    version: c.version,
  };
}

export const StepSchema = Type.Object({
  seq: Type.Integer(),
  at: Type.Number(),
  action: Type.String(),
  fromState: Nullable(Type.String()),
  toState: Type.String(),
  /** Set for a person; the console names the other actor kinds. */
  actorName: Nullable(Type.String()),
  actorRole: Nullable(Type.String()),
  actorKind: Type.Unsafe<ActorKind>({ type: 'string', enum: [...actorKinds] }),
  comment: Nullable(Type.String()),
  reasonCode: Nullable(Type.Unsafe<StepReason>({ type: 'string', enum: [...stepReasons] })),
  isPublic: Type.Boolean(),
  data: Nullable(Type.Record(Type.String(), Type.Unknown())),
});

export function presentStep(s: Omit<StepRow, 'id'>) {
  const actorKind = actorKindOf(s);
  return {
    seq: s.seq,
    at: s.at,
    action: s.action,
    fromState: s.from_state,
    toState: s.to_state,
    actorName: actorKind === 'user' ? s.actor_name : null,
    actorRole: s.actor_role,
    actorKind,
    comment: s.comment,
    reasonCode: reasonOf(s.reason_code),
    isPublic: fromDbBool(s.is_public),
    data: fromDbJson<Record<string, unknown>>(s.data),
  };
}

/** The reporter's view through the tracking code: state, deadline and public replies; no staff, no other people. */
export const PublicCaseSchema = Type.Object({
  trackingCode: Type.String(),
  state: Type.String(),
  isOpen: Type.Boolean(),
  categoryCode: Type.String(),
  description: Type.String(),
  address: Nullable(Type.String()),
  reportedAt: Type.Number(),
  deadlineAt: Nullable(Type.Number()),
  closedAt: Nullable(Type.Number()),
  light: Type.String(),
  rating: Nullable(Type.Integer()),
  canRate: Type.Boolean(),
  mergedInto: Nullable(Type.String()),
  photoIds: Type.Array(Type.String()),
  timeline: Type.Array(
    Type.Object({
      at: Type.Number(),
      action: Type.String(),
      toState: Type.String(),
      reply: Nullable(Type.String()),
    }),
  ),
});
export type PublicCase = Static<typeof PublicCaseSchema>;

export function presentPublicCase(
  c: CaseRow,
  steps: readonly Omit<StepRow, 'id'>[],
  photoIds: string[],
  mergedInto: string | null,
  now: number,
): PublicCase {
  return {
    trackingCode: c.tracking_code,
    state: c.state,
    isOpen: !['closed', 'voided', 'merged'].includes(c.state),
    categoryCode: c.category_code,
    // Personal numbers are masked in everything the public reads, typed by the reporter or by staff.
    description: maskPersonalText(c.description),
    address: c.address === null ? null : maskPersonalText(c.address),
    reportedAt: c.reported_at,
    deadlineAt: c.deadline_at,
    closedAt: c.closed_at,
    light: caseLight(c, now),
    rating: c.rating,
    canRate: c.state === 'closed' && c.rating === null,
    mergedInto,
    photoIds,
    // Only public steps, and only what they say to the public: never who acted.
    timeline: steps
      .filter((s) => fromDbBool(s.is_public))
      .map((s) => ({
        at: s.at,
        action: s.action,
        toState: s.to_state,
        reply: s.comment === null ? null : maskPersonalText(s.comment),
      })),
  };
}
