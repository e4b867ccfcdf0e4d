// Table types of the party-member module.
import type { Generated } from 'kysely';

export type MemberTable = {
  id: string;
  name: string;
  gender: string;
  birth_date: string;
  ethnicity: string;
  education: string;
  id_number_enc: string;
  id_number_idx: string;
  id_number_masked: string;
  phone_enc: string | null;
  phone_masked: string | null;
  joined_on: string;
  status: string;
  branch_id: string;
  group_id: string | null;
  org_path: string;
  community_id: string | null;
  community_path: string | null;
  created_at: number;
  updated_at: number;
};

export type MemberTransferTable = {
  id: Generated<number>;
  member_id: string;
  kind: string;
  from_branch_id: string | null;
  to_branch_id: string;
  at: number;
  actor_id: string | null;
  reason: string | null;
};

export type MemberRoleTable = {
  member_id: string;
  org_id: string;
  role: string;
  since: string | null;
};

export type MemberTables = {
  member: MemberTable;
  member_transfer: MemberTransferTable;
  member_role: MemberRoleTable;
};
