// Kysely types of the lists' tables (see migration 0016_lists).
export type ListItemTable = {
  id: string;
  owner_org_id: string;
  /** Path of the org that publishes the item: it applies to every org of `level` in that subtree. */
  owner_path: string;
  /** district | town | village | grid */
  level: string;
  /** power | duty | service | negative */
  kind: string;
  code: string;
  /** For a service item linked to a category, the catalogue's name is shown instead. */
  title: string;
  basis: string;
  /** JSON array of step texts (the process chart). */
  steps: string;
  /** JSON array of document names. */
  documents: string;
  /** JSON Limit, or null (for a linked service item the catalogue's limit is shown). */
  time_limit: string | null;
  responsible: string;
  /** administrative | selfGovernance */
  governance: string;
  /** inForce | temporary | withdrawn */
  status: string;
  expires_at: number | null;
  /** Service item: the case category it is; negative item: the category (or its parent) refused at the level. */
  category_code: string | null;
  /** Negative item: a grid task code that may not be put on the level. */
  task_code: string | null;
  created_at: number;
  updated_at: number;
};

export type ListVersionTable = {
  id: string;
  owner_org_id: string;
  owner_path: string;
  level: string;
  version: number;
  /** The catalogue version the service list was read at. */
  catalogue_version: number;
  note: string;
  created_by: string | null;
  created_at: number;
  snapshot: string;
};

export type ListRefusalTable = {
  id: string;
  /** negative | admission */
  kind: string;
  item_id: string | null;
  level: string;
  org_path: string;
  case_id: string | null;
  category_code: string | null;
  task_code: string | null;
  actor_user_id: string | null;
  at: number;
};

export type AdmissionItemTable = {
  id: string;
  owner_org_id: string;
  /** District or town: the list covers every grid of the subtree. */
  owner_path: string;
  /** caseStep | patrol | survey | dataCollection */
  task_kind: string;
  task_code: string;
  title: string;
  department_id: string | null;
  department_name: string;
  reason: string;
  weekly_load: number;
  duration_days: number | null;
  is_emergency: number;
  /** pending | admitted | refused | withdrawn (an admitted item past expires_at counts as expired) */
  status: string;
  starts_at: number | null;
  expires_at: number | null;
  applied_by: string | null;
  decided_by: string | null;
  decided_at: number | null;
  decision_note: string | null;
  created_at: number;
  updated_at: number;
};

export type AdmissionAssignmentTable = {
  id: string;
  item_id: string | null;
  task_kind: string;
  task_code: string;
  title: string;
  grid_id: string;
  /** The grid's village path. */
  org_path: string;
  worker_user_id: string | null;
  worker_name: string;
  case_id: string | null;
  assigned_by: string | null;
  assigned_at: number;
  /** District-local date of the Monday of the week assigned. */
  week: string;
};

export type ListTables = {
  list_item: ListItemTable;
  list_version: ListVersionTable;
  list_refusal: ListRefusalTable;
  admission_item: AdmissionItemTable;
  admission_assignment: AdmissionAssignmentTable;
};
