// What a client may see of a party member: personal numbers only in their masked form.
import { Type, type Static } from '@fastify/type-provider-typebox';
import type { MemberListRow } from './repository.js';

const OrgRefSchema = Type.Object({ id: Type.String(), name: Type.String(), level: Type.String() });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const MemberSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    gender: Type.String(),
    /** The birth year only: the full date is part of the ID number and would unmask it. */
    birthYear: Type.Integer(),
    ethnicity: Type.String(),
    education: Type.String(),
    idNumber: Type.String({ description: 'masked, e.g. 320612********123X' }),
    phone: Nullable(Type.String({ description: 'masked, e.g. 138****5678' })),
    joinedOn: Type.String(),
    status: Type.String(),
    branch: OrgRefSchema,
    group: Nullable(OrgRefSchema),
    community: Nullable(OrgRefSchema),
  },
  { $id: 'Member' },
);
export type MemberDto = Static<typeof MemberSchema>;
export type OrgRef = Static<typeof OrgRefSchema>;

const unknownOrg = (id: string): OrgRef => ({ id, name: '', level: '' });

export function presentMember(row: MemberListRow, orgs: Map<string, OrgRef>): MemberDto {
  const ref = (id: string | null) => (id === null ? null : (orgs.get(id) ?? unknownOrg(id)));
  return {
    id: row.id,
    name: row.name,
    gender: row.gender,
    birthYear: Number(row.birth_date.slice(0, 4)),
    ethnicity: row.ethnicity,
    education: row.education,
    idNumber: row.id_number_masked,
    phone: row.phone_masked,
    joinedOn: row.joined_on,
    status: row.status,
    branch: ref(row.branch_id) ?? unknownOrg(row.branch_id),
    group: ref(row.group_id),
    community: ref(row.community_id),
  };
}

/** The org ids a page of members refers to, for one look-up. */
export function orgIdsOf(rows: MemberListRow[]): string[] {
  const ids = new Set<string>();
  for (const r of rows) {
    ids.add(r.branch_id);
    if (r.group_id !== null) {
      ids.add(r.group_id);
    }
    if (r.community_id !== null) {
      ids.add(r.community_id);
    }
  }
  return [...ids];
}

export const TransferSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  from: Nullable(OrgRefSchema),
  to: OrgRefSchema,
  at: Type.Number(),
  reason: Nullable(Type.String()),
});
