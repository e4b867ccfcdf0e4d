// What a client may see of registrations, posts, activities, sign-ups and the ledger. Sign-in positions stay on the
// server (the check happened when they were taken); the QR token only goes to the organiser's view.
import { Type, type Static } from '@fastify/type-provider-typebox';
import { fromDbJson } from '../platform/db/database.js';
import { minutesServed } from './confirmActivity.js';
import type { ActRow, ActivityRow, EntryRow, PostRow, RegistrationRow, SignupRow } from './repository.js';
import { ledgerRules } from './rules.js';

const NullableStr = Type.Union([Type.String(), Type.Null()]);
const NullableInt = Type.Union([Type.Integer(), Type.Null()]);

export const registrationStates = ['pending', 'confirmed', 'lapsed', 'refused', 'ended'] as const;

export const RegistrationSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  memberId: NullableStr,
  unitOrgId: NullableStr,
  name: Type.String(),
  communityId: Type.String(),
  state: Type.String(),
  requestedAt: Type.Integer(),
  confirmedAt: NullableInt,
  validUntil: NullableInt,
  confirmations: Type.Integer(),
  reason: NullableStr,
});
export type RegistrationDto = Static<typeof RegistrationSchema>;

/** The state a person sees: a confirmation older than half a year reads as lapsed until confirmed again. */
export function registrationState(r: RegistrationRow, now: number): (typeof registrationStates)[number] {
  if (r.status === 'confirmed') {
    return (r.valid_until ?? 0) > now ? 'confirmed' : 'lapsed';
  }
  return r.status === 'pending' || r.status === 'refused' ? r.status : 'ended';
}

export function presentRegistration(r: RegistrationRow, now: number): RegistrationDto {
  return {
    id: r.id,
    kind: r.kind,
    memberId: r.member_id,
    unitOrgId: r.unit_org_id,
    name: r.name,
    communityId: r.community_id,
    state: registrationState(r, now),
    requestedAt: r.requested_at,
    confirmedAt: r.confirmed_at,
    validUntil: r.valid_until,
    confirmations: r.confirmations,
    reason: r.reason,
  };
}

export const PostSchema = Type.Object({
  id: Type.String(),
  communityId: Type.String(),
  category: Type.String(),
  title: Type.String(),
  description: Type.String(),
  skills: Type.Array(Type.String()),
  places: Type.Integer(),
  claimed: Type.Integer(),
  isClaimedByMe: Type.Boolean(),
  status: Type.String(),
  createdAt: Type.Integer(),
});
export type PostDto = Static<typeof PostSchema>;

export function presentPost(r: PostRow, claimed: number, isClaimedByMe = false): PostDto {
  return {
    id: r.id,
    communityId: r.community_id,
    category: r.category,
    title: r.title,
    description: r.description,
    skills: fromDbJson<string[]>(r.skills) ?? [],
    places: r.places,
    claimed,
    isClaimedByMe,
    status: r.status,
    createdAt: r.created_at,
  };
}

export const ActivitySchema = Type.Object({
  id: Type.String(),
  postId: NullableStr,
  communityId: Type.String(),
  category: Type.String(),
  title: Type.String(),
  description: Type.String(),
  placeName: Type.String(),
  lng: Type.Number(),
  lat: Type.Number(),
  radiusM: Type.Integer(),
  startsAt: Type.Integer(),
  endsAt: Type.Integer(),
  places: Type.Integer(),
  taken: Type.Integer(),
  skills: Type.Array(Type.String()),
  status: Type.String(),
  confirmedAt: NullableInt,
  actId: NullableStr,
});
export type ActivityDto = Static<typeof ActivitySchema>;

export function presentActivity(r: ActivityRow, taken: number): ActivityDto {
  return {
    id: r.id,
    postId: r.post_id,
    communityId: r.community_id,
    category: r.category,
    title: r.title,
    description: r.description,
    placeName: r.place_name,
    lng: r.lng,
    lat: r.lat,
    radiusM: r.radius_m,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    places: r.places,
    taken,
    skills: fromDbJson<string[]>(r.skills) ?? [],
    status: r.status,
    confirmedAt: r.confirmed_at,
    actId: r.act_id,
  };
}

export const SignupSchema = Type.Object({
  id: Type.String(),
  memberId: Type.String(),
  memberName: Type.String(),
  signedUpAt: Type.Integer(),
  cancelledAt: NullableInt,
  signInAt: NullableInt,
  signOutAt: NullableInt,
  /** Minutes the sign-in and sign-out give within the activity's hours. */
  minutes: Type.Integer(),
});

export function presentSignup(a: ActivityRow, s: SignupRow): Static<typeof SignupSchema> {
  return {
    id: s.id,
    memberId: s.member_id,
    memberName: s.member_name,
    signedUpAt: s.signed_up_at,
    cancelledAt: s.cancelled_at,
    signInAt: s.sign_in_at,
    signOutAt: s.sign_out_at,
    minutes: minutesServed(a, s),
  };
}

export const MySignupSchema = Type.Object({
  activity: ActivitySchema,
  signedUpAt: Type.Integer(),
  cancelledAt: NullableInt,
  signInAt: NullableInt,
  signOutAt: NullableInt,
});

export const EntrySchema = Type.Object({
  id: Type.String(),
  actId: Type.String(),
  memberId: Type.String(),
  memberName: Type.String(),
  kind: Type.String(),
  ruleCode: Type.String(),
  category: Type.String(),
  year: Type.Integer(),
  occurredAt: Type.Integer(),
  amount: Type.Integer(),
  reversesEntryId: NullableStr,
  isReversed: Type.Boolean(),
  evidence: Type.String(),
  approverName: Type.String(),
  approvedAt: Type.Integer(),
});
export type EntryDto = Static<typeof EntrySchema>;

export function presentEntry(e: EntryRow, act: ActRow | undefined, isReversed: boolean): EntryDto {
  return {
    id: e.id,
    actId: e.act_id,
    memberId: e.member_id,
    memberName: e.member_name,
    kind: e.kind,
    ruleCode: e.rule_code,
    category: e.category,
    year: e.year,
    occurredAt: e.occurred_at,
    amount: e.amount,
    reversesEntryId: e.reverses_entry_id,
    isReversed,
    evidence: act?.evidence ?? '',
    approverName: act?.approver_name ?? '',
    approvedAt: act?.approved_at ?? e.created_at,
  };
}

export const ActSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  ruleCode: Type.String(),
  category: Type.String(),
  evidence: Type.String(),
  note: NullableStr,
  sourceType: Type.String(),
  sourceId: NullableStr,
  reversesActId: NullableStr,
  approverName: Type.String(),
  approvedAt: Type.Integer(),
  occurredAt: Type.Integer(),
  members: Type.Integer(),
  total: Type.Integer(),
});
export type ActDto = Static<typeof ActSchema>;

export function presentAct(a: ActRow, entries: readonly EntryRow[]): ActDto {
  return {
    id: a.id,
    kind: a.kind,
    ruleCode: a.rule_code,
    category: a.category,
    evidence: a.evidence,
    note: a.note,
    sourceType: a.source_type,
    sourceId: a.source_id,
    reversesActId: a.reverses_act_id,
    approverName: a.approver_name,
    approvedAt: a.approved_at,
    occurredAt: a.occurred_at,
    members: entries.length,
    total: entries.reduce((n, e) => n + e.amount, 0),
  };
}

export const RuleSchema = Type.Object({
  code: Type.String(),
  kind: Type.String(),
  category: Type.String(),
  sign: Type.Integer(),
  amount: Type.Integer(),
  maxPerOccurrence: Type.Integer(),
  capPeriod: Type.String(),
  capAmount: Type.Integer(),
  approvedBy: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
});

export const presentRules = (): Static<typeof RuleSchema>[] =>
  ledgerRules.map((r) => ({
    code: r.code,
    kind: r.kind,
    category: r.category,
    sign: r.sign,
    amount: r.amount,
    maxPerOccurrence: r.maxPerOccurrence,
    capPeriod: r.cap.period,
    capAmount: r.cap.amount,
    approvedBy: r.approvedBy,
    nameZh: r.name.zh,
    nameEn: r.name.en,
  }));
