// Table types of the linkage module: visits (走访), appeals up the chain and their append-only steps.
import type { Generated } from 'kysely';

export type LinkageVisitTable = {
  id: string;
  household_id: string;
  central_household_id: string;
  /** The central household's group path: the scope of the record. */
  org_path: string;
  visited_at: number;
  kind: string;
  /** What was heard, as typed; masked in every answer. */
  heard: string;
  lng: number | null;
  lat: number | null;
  recorded_by: string | null;
  created_at: number;
};

export type LinkageAppealTable = {
  id: string;
  tracking_code: string;
  household_id: string;
  central_household_id: string;
  org_path: string;
  text: string;
  status: string;
  /** The chain level the appeal waits at now, and the organisation of that level (the central household itself). */
  level: string;
  level_org_id: string;
  highest_level: string;
  concluded_level: string | null;
  outcome: string | null;
  case_id: string | null;
  /** The consultation topic it became, if the chain turned it into one. */
  topic_id: string | null;
  /** 1 once a level's limit ran out while it waited there. */
  is_overdue: number;
  level_since: number;
  due_at: number | null;
  recorded_at: number;
  concluded_at: number | null;
  updated_at: number;
};

export type LinkageAppealStepTable = {
  id: Generated<number>;
  appeal_id: string;
  seq: number;
  at: number;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  from_level: string | null;
  to_level: string;
  from_status: string | null;
  to_status: string;
  reason: string | null;
};

export type LinkageTables = {
  linkage_visit: LinkageVisitTable;
  linkage_appeal: LinkageAppealTable;
  linkage_appeal_step: LinkageAppealStepTable;
};
