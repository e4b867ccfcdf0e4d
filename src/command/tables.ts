// The command view's tables (migration 0021): stored tile figures, early-warning rules and their alerts.
export type CommandTileFigureTable = {
  tile_code: string;
  org_id: string;
  /** The tile's answer (TileAnswer) as JSON, messages in both languages. */
  answer: string;
  counted_at: number;
};

export type WarningRuleTable = {
  id: string;
  /** The organisation that keeps the rule; it watches that organisation's subtree. */
  org_id: string;
  org_path: string;
  name: string;
  kind: string;
  category_code: string | null;
  area: string;
  window_hours: number;
  threshold: number;
  ratio: number | null;
  severity: string;
  is_active: number;
  created_at: number;
  updated_at: number;
};

export type WarningAlertTable = {
  id: string;
  rule_id: string;
  /** The village (or town) the alert is about; org_path is its path, so the alert follows scope. */
  org_id: string;
  org_path: string;
  grid_id: string | null;
  category_code: string | null;
  subject: string;
  severity: string;
  count: number;
  baseline: number | null;
  window_from: number;
  window_to: number;
  case_ids: string;
  status: string;
  action_kind: string | null;
  action_ref: string | null;
  action_note: string | null;
  acted_at: number | null;
  acted_by: string | null;
  outcome_note: string | null;
  finished_at: number | null;
  raised_at: number;
};

export type CommandTables = {
  command_tile_figure: CommandTileFigureTable;
  warning_rule: WarningRuleTable;
  warning_alert: WarningAlertTable;
};
