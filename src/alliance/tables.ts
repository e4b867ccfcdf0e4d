// The alliance's tables: see migrations 0022_alliance and 0023_alliance_projects.

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
  /** The consultation outcome ('consultation') or the appeal ('appeal') the demand was born of, when named. */
  source_id: string | null;
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
  /** What was delivered; for a cancelled agreement, why it was cancelled. */
  delivery_note: string | null;
  delivered_by: string | null;
  rating: number | null;
  evaluation_note: string | null;
  evaluated_at: number | null;
  evaluated_by: string | null;
};

export type AllianceMeetingTable = {
  id: string;
  alliance_id: string;
  /** The alliance's convening organisation's path (the meeting is the convener's). */
  org_path: string;
  title: string;
  place: string;
  /** What the meeting takes up: masked text. */
  agenda: string;
  scheduled_at: number;
  status: string;
  /** What was discussed and decided: masked text, once held. */
  minutes: string | null;
  /** JSON array of the member organisations' ids present. */
  attendees: string;
  held_at: number | null;
  created_by: string | null;
  created_at: number;
  updated_at: number;
};

export type AllianceBrandTable = {
  id: string;
  alliance_id: string;
  org_path: string;
  /** The member that declared the project and leads it. */
  lead_org_id: string;
  lead_path: string;
  title: string;
  summary: string;
  stage: string;
  /** JSON array of the partner members' organisation ids (the chain built in 孵化). */
  partners: string;
  /** When the project entered its stage. */
  stage_at: number;
  created_by: string | null;
  created_at: number;
  updated_at: number;
};

export type AllianceBrandEventTable = {
  id: string;
  brand_id: string;
  /** 'milestone', 'review' or 'stage'. */
  kind: string;
  title: string;
  /** Masked text: a milestone's detail, a review's gaps, a stage change's reason. */
  note: string;
  /** A review's score, 1–5. */
  score: number | null;
  /** A stage change's new stage. */
  stage: string | null;
  /** A milestone's due date and when it was done. */
  due_at: number | null;
  done_at: number | null;
  by_user: string | null;
  at: number;
};

export type AllianceTables = {
  alliance: AllianceTable;
  alliance_member: AllianceMemberTable;
  alliance_item: AllianceItemTable;
  alliance_match: AllianceMatchTable;
  alliance_meeting: AllianceMeetingTable;
  alliance_brand: AllianceBrandTable;
  alliance_brand_event: AllianceBrandEventTable;
};
