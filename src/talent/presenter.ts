// What a client sees of the talent pool: the phone only masked (the full number only through the audited reveal),
// the stale flag computed against the request's now, and what the caller may do.
import { Type, type Static } from '@fastify/type-provider-typebox';
import { roleMay, type UserActor } from '../access/index.js';
import type { AssignmentRow, ProfileListRow } from './repository.js';
import type { TalentReason, TalentSuggestion } from './rankTalents.js';
import { skillsOf } from './skills.js';
import { isStale, type AssignmentStatus, type TalentKind, type TargetKind } from './vocabulary.js';

export type OrgNames = ReadonlyMap<string, { name: string; level: string }>;

const Kind = Type.Union([
  Type.Literal('industryLeader'),
  Type.Literal('entrepreneur'),
  Type.Literal('localExpert'),
  Type.Literal('ecommerce'),
  Type.Literal('massOrgHead'),
  Type.Literal('volunteerLead'),
]);
const Target = Type.Union([
  Type.Literal('demand'),
  Type.Literal('post'),
  Type.Literal('topic'),
  Type.Literal('grassroots'),
]);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const KindSchema = Kind;
export const TargetSchema = Target;

export const ProfileSchema = Type.Object({
  id: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  gridId: Nullable(Type.String()),
  memberId: Nullable(Type.String()),
  name: Type.String(),
  kind: Kind,
  skills: Type.Array(Type.String()),
  summary: Type.String(),
  availability: Type.String(),
  weekdays: Type.Boolean(),
  weekends: Type.Boolean(),
  consent: Type.Boolean(),
  consentAt: Nullable(Type.Integer()),
  phoneMasked: Nullable(Type.String()),
  confirmedAt: Type.Integer(),
  stale: Type.Boolean(),
  createdAt: Type.Integer(),
  updatedAt: Type.Integer(),
  abilities: Type.Object({ edit: Type.Boolean(), reveal: Type.Boolean() }),
});

export const AssignmentSchema = Type.Object({
  id: Type.String(),
  targetKind: Target,
  targetId: Nullable(Type.String()),
  title: Type.String(),
  startsAt: Type.Integer(),
  endsAt: Nullable(Type.Integer()),
  status: Type.Union([Type.Literal('active'), Type.Literal('completed')]),
  outcome: Nullable(Type.String()),
  rating: Nullable(Type.Integer()),
  record: Type.String(),
  createdAt: Type.Integer(),
});

const Reason = Type.Union([
  Type.Literal('skill'),
  Type.Literal('kind'),
  Type.Literal('sameVillage'),
  Type.Literal('sameTown'),
  Type.Literal('current'),
  Type.Literal('stale'),
  Type.Literal('free'),
  Type.Literal('busy'),
]);
/** The reasons' union is the ranking's: adding a reason there without here fails to compile. */
export const reasonsAgree: [Static<typeof Reason>] extends [TalentReason]
  ? [TalentReason] extends [Static<typeof Reason>]
    ? true
    : false
  : false = true;

export const SuggestionSchema = Type.Object({
  profile: ProfileSchema,
  matchedSkills: Type.Array(Type.String()),
  activeAssignments: Type.Integer(),
  score: Type.Integer(),
  reasons: Type.Array(Reason),
});

export function presentProfile(row: ProfileListRow, names: OrgNames, actor: UserActor, now: number) {
  const role = actor.active.role;
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: names.get(row.org_id)?.name ?? '',
    gridId: row.grid_id,
    memberId: row.member_id,
    name: row.name,
    kind: row.kind as TalentKind,
    skills: skillsOf(row),
    summary: row.summary,
    availability: row.availability,
    weekdays: row.weekdays === 1,
    weekends: row.weekends === 1,
    consent: row.consent === 1,
    consentAt: row.consent_at,
    phoneMasked: row.phone_masked,
    confirmedAt: row.confirmed_at,
    stale: isStale(row.confirmed_at, now),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    abilities: {
      edit: roleMay(role, 'talent.write'),
      // No reveal without consent to be contacted, without a phone on file, or without the role.
      reveal: roleMay(role, 'talent.reveal') && row.consent === 1 && row.phone_masked !== null,
    },
  };
}

export function presentAssignment(a: AssignmentRow) {
  return {
    id: a.id,
    targetKind: a.target_kind as TargetKind,
    targetId: a.target_id,
    title: a.title,
    startsAt: a.starts_at,
    endsAt: a.ends_at,
    status: a.status as AssignmentStatus,
    outcome: a.outcome,
    rating: a.rating,
    record: a.record,
    createdAt: a.created_at,
  };
}

export function presentSuggestion(s: TalentSuggestion, names: OrgNames, actor: UserActor, now: number) {
  return {
    profile: presentProfile(s.profile, names, actor, now),
    matchedSkills: s.matchedSkills,
    activeAssignments: s.activeAssignments,
    score: s.score,
    reasons: s.reasons,
  };
}
