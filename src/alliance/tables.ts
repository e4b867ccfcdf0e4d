// The alliance's tables: see migration 0022_alliance.

export type AllianceTable = {
  id: string;
  /** The convening organisation: the district, a town or a community (one alliance each). */
  org_id: string;
  org_path: string;
  name: string;
  charter: string;
  created_at: number;
  updated_at: number;
};

export type AllianceMemberTable = {
  alliance_id: string;
  /** A unit, a new-field organisation, a community or a town (an organisation of the tree). */
  org_id: string;
  org_path: string;
  /** What the member signed up to (共建协议): masked text. */
  commitment: string;
  signed_at: number;
  left_at: number | null;
};

export type AllianceItemTable = {
  id: string;
  alliance_id: string;
  /** The member whose list the item is on. */
  owner_org_id: string;
  owner_path: string;
  list: string;
  kind: string;
  title: string;
  detail: string;
  /** Resources: how many (people, seats, hours, yuan); demands: how many are needed. Null when not countable. */
  quantity: number | null;
  available_from: number | null;
  available_to: number | null;
  needed_by: number | null;
  /** Where a demand came from: 'own', 'appeal', 'consultation'; resources and projects: 'own'. */
  source: string;
  status: string;
  created_by: string | null;
  created_at: number;
  updated_at: number;
};

export type AllianceMatchTable = {
  id: string;
  alliance_id: string;
  demand_id: string;
  /** The resource or project that meets the demand. */
  offer_id: string;
  provider_org_id: string;
  provider_path: string;
  quantity: number | null;
  commitment: string;
  due_at: number;
  status: string;
  agreed_by: string | null;
  agreed_at: number;
  delivered_at: number | null;
  delivery_note: string | null;
  delivered_by: string | null;
  rating: number | null;
  evaluation_note: string | null;
  evaluated_at: number | null;
  evaluated_by: string | null;
};

export type AllianceTables = {
  alliance: AllianceTable;
  alliance_member: AllianceMemberTable;
  alliance_item: AllianceItemTable;
  alliance_match: AllianceMatchTable;
};
