// Table types of the cases module: catalogue, routing, cases, steps, parties, facts, call-backs, photos.
import type { Generated } from 'kysely';
import type { CaseLevel, CaseState } from './workflow/stateMachine.js';

export type CaseCategoryTable = {
  code: string;
  parent_code: string | null;
  depth: number;
  name_zh: string;
  name_en: string;
  kind: string;
  net: string;
  platform: string;
  registration_condition: string;
  closing_condition: string;
  limits: string;
  department: string;
  self_handle: number;
  duplicate_radius_m: number;
  fields: string;
  keywords: string;
  active: number;
  sort_key: string;
};

export type CatalogueVersionTable = {
  version: number;
  created_at: number;
  created_by: string | null;
  note: string | null;
  snapshot: string;
};

export type RoutingRuleTable = {
  id: string;
  category_code: string | null;
  area_org_id: string | null;
  area_path: string | null;
  grid_id: string | null;
  platform: string | null;
  department_id: string;
  limit_json: string | null;
  active: number;
  note: string | null;
  created_at: number;
};

export type CaseFileTable = {
  id: string;
  tracking_code: string;
  source: string;
  kind: string;
  category_code: string;
  catalogue_version: number;
  net: string;
  platform: string;
  urgency: string;
  state: CaseState;
  level: CaseLevel;
  /** Personal numbers masked (see publicText.ts); the original, when it differed, is in description_enc. */
  description: string;
  description_enc: string | null;
  address: string | null;
  lng: number | null;
  lat: number | null;
  grid_id: string | null;
  village_id: string | null;
  town_id: string | null;
  district_id: string;
  org_path: string;
  department_id: string | null;
  department_path: string | null;
  handler_user_id: string | null;
  reporter_user_id: string | null;
  reporter_name_enc: string | null;
  reporter_phone_enc: string | null;
  reporter_phone_masked: string | null;
  reporter_key: string | null;
  is_anonymous: number;
  merged_into_id: string | null;
  pending_request: string | null;
  pending_from_state: string | null;
  pending_minutes: number | null;
  reported_at: number;
  registered_at: number | null;
  dispatched_at: number | null;
  handled_at: number | null;
  closed_at: number | null;
  limit_json: string | null;
  deadline_at: number | null;
  /** 1 when the deadline was computed across a year without a holiday calendar (calendar module). */
  deadline_provisional: number;
  yellow_at: number | null;
  paused_at: number | null;
  state_since: number;
  step_deadline_at: number | null;
  rework_count: number;
  return_count: number;
  extension_count: number;
  escalation_count: number;
  supervision: string | null;
  rating: number | null;
  rating_comment: string | null;
  rated_at: number | null;
  self_handled: number;
  extra: string | null;
  photo_count: number;
  patrol_id: string | null;
  updated_at: number;
  version: number;
};

export type CaseStepTable = {
  id: Generated<number>;
  case_id: string;
  seq: number;
  at: number;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  /** ActorKind (0010); null on rows written before it, whose kind the presenter reads from actor_role. */
  actor_kind: string | null;
  action: string;
  from_state: string | null;
  to_state: string;
  comment: string | null;
  /** StepReason (0010): why, when the system rather than a person's comment says it. */
  reason_code: string | null;
  is_public: number;
  data: string | null;
};

export type CasePartyTable = {
  case_id: string;
  role: string;
  user_id: string | null;
  org_id: string | null;
  name: string | null;
};

export type CaseFactTable = {
  unit_id: string;
  day: number;
  reported: number;
  valid: number;
  registered: number;
  registered_on_time: number;
  dispatched: number;
  dispatched_right: number;
  responded: number;
  due_handle: number;
  handled_on_time: number;
  due_close: number;
  closed: number;
  closed_on_time: number;
  reworked: number;
  self_handled: number;
  rated: number;
  solved: number;
  satisfied: number;
};

export type CaseCallbackTable = {
  id: string;
  case_id: string;
  due_at: number;
  status: string;
  result: string | null;
  done_at: number | null;
  done_by: string | null;
  created_at: number;
};

export type CasePhotoTable = {
  id: string;
  case_id: string;
  step_seq: number;
  mime: string;
  bytes: Buffer;
  width: number;
  height: number;
  created_at: number;
};

export type IdempotencyTable = {
  key: string;
  request_hash: string;
  case_id: string | null;
  response: string | null;
  created_at: number;
};

export type CaseTownLeaderTable = {
  town_id: string;
  platform: string;
  user_id: string;
  updated_by: string | null;
  updated_at: number;
};

/** What a resident adds to a case after reporting: 'info' (more information) or 'callBack' (a call-back request). */
export type CaseFollowupTable = {
  id: string;
  case_id: string;
  kind: string;
  /** Numbers typed into the text are masked here; the original is only in text_enc. */
  text: string;
  text_enc: string | null;
  phone_enc: string | null;
  phone_masked: string | null;
  created_at: number;
};

export type CaseTables = {
  case_category: CaseCategoryTable;
  catalogue_version: CatalogueVersionTable;
  routing_rule: RoutingRuleTable;
  case_file: CaseFileTable;
  case_step: CaseStepTable;
  case_party: CasePartyTable;
  case_fact: CaseFactTable;
  case_callback: CaseCallbackTable;
  case_photo: CasePhotoTable;
  idempotency_key: IdempotencyTable;
  case_town_leader: CaseTownLeaderTable;
  case_followup: CaseFollowupTable;
};
