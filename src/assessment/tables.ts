// Table types of the assessment module: the indicator trees per year, the cycle, the villages' score sheets and their
// lines, evidence attached once, the append-only change log, public notices with objections, and the stars awarded.
import type { Generated } from 'kysely';

export type AssessmentTreeTable = {
  id: string;
  year: number;
  version: number;
  /** The tree definition (tree.ts TreeDefinition) as JSON. */
  body: string;
  /** Set when the year's cycle opens; a frozen tree is never changed again. */
  frozen_at: number | null;
  created_by: string | null;
  created_at: number;
};

export type AssessmentCycleTable = {
  year: number;
  tree_id: string;
  status: string;
  opened_at: number;
  opened_by: string | null;
};

export type AssessmentSheetTable = {
  id: string;
  year: number;
  tree_id: string;
  org_id: string;
  org_path: string;
  org_name: string;
  town_name: string | null;
  status: string;
  notice_id: string | null;
  computed_at: number | null;
  submitted_at: number | null;
  reviewed_at: number | null;
  approved_at: number | null;
  created_at: number;
  updated_at: number;
};

export type AssessmentLineTable = {
  sheet_id: string;
  code: string;
  org_path: string;
  /** The live figure of a computed line (rate, count, flag), null when not computed or no data. */
  figure: number | null;
  /** Points the tree's rule gives that figure. */
  figure_points: number | null;
  /** The records behind the figure (kind + filter + ids) as JSON. */
  records: string | null;
  self_points: number | null;
  self_note: string | null;
  /** A town review or an answered objection sets the points with a reason. */
  adjusted_points: number | null;
  adjusted_reason: string | null;
  adjusted_by: string | null;
  adjusted_at: number | null;
  /** Ids of assessment_evidence rows, JSON array. */
  evidence_ids: string;
  updated_at: number;
};

export type AssessmentEvidenceTable = {
  id: string;
  org_id: string;
  org_path: string;
  kind: string;
  title: string;
  url: string | null;
  note: string | null;
  created_by: string | null;
  created_at: number;
};

export type AssessmentChangeTable = {
  id: Generated<number>;
  sheet_id: string;
  year: number;
  code: string | null;
  kind: string;
  from_value: number | null;
  to_value: number | null;
  reason: string | null;
  actor_id: string | null;
  actor_name: string | null;
  at: number;
};

export type AssessmentNoticeTable = {
  id: string;
  year: number;
  title: string;
  starts_at: number;
  ends_at: number;
  status: string;
  created_by: string | null;
  created_at: number;
  closed_at: number | null;
};

export type AssessmentObjectionTable = {
  id: string;
  code: string;
  notice_id: string;
  sheet_id: string;
  org_path: string;
  line_code: string | null;
  body: string;
  status: string;
  answer: string | null;
  changed_points: number | null;
  answered_by: string | null;
  answered_at: number | null;
  created_at: number;
};

export type AssessmentAwardTable = {
  id: string;
  year: number;
  sheet_id: string;
  org_id: string;
  org_path: string;
  org_name: string;
  level: number;
  previous_level: number;
  /** Codes of the stars held, JSON array. */
  stars: string;
  movement: string;
  reason: string;
  decided_by: string | null;
  decided_at: number;
};

export type AssessmentLeaderScoreTable = {
  year: number;
  /** leaders.ts LeaderPost. */
  post: string;
  /** The unit the person answers for: the village, the town's platform office, the department. */
  unit_id: string;
  unit_path: string;
  unit_name: string;
  town_id: string | null;
  town_name: string | null;
  /** Who is ranked together: a post's sheets, the town leaders per platform. */
  peer_group: string;
  platform: string | null;
  /** 'member' (a secretary's post in the org tree) or 'account' (a town leader); null when nobody is in post. */
  person_kind: string | null;
  person_id: string | null;
  /** Shown masked for members, as the account's display name for accounts. */
  person_name: string | null;
  /** JSON array of { code, figure, points }. */
  lines: string;
  total: number | null;
  coverage: number;
  peer_rank: number | null;
  peer_size: number;
  /** A village secretary's rank among the town's villages. */
  town_rank: number | null;
  computed_at: number;
};

export type AssessmentTables = {
  assessment_tree: AssessmentTreeTable;
  assessment_cycle: AssessmentCycleTable;
  assessment_sheet: AssessmentSheetTable;
  assessment_line: AssessmentLineTable;
  assessment_evidence: AssessmentEvidenceTable;
  assessment_change: AssessmentChangeTable;
  assessment_notice: AssessmentNoticeTable;
  assessment_objection: AssessmentObjectionTable;
  assessment_award: AssessmentAwardTable;
  assessment_leader_score: AssessmentLeaderScoreTable;
};
