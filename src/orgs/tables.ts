// Table types of the organisation module.
import type { Generated } from 'kysely';

export type OrgTable = {
  id: string;
  parent_id: string | null;
  path: string;
  depth: number;
  level: string;
  type: string;
  name: string;
  code: string | null;
  status: string;
  founded_on: string | null;
  sort_key: string;
  attrs: string | null;
  created_at: number;
  updated_at: number;
  dissolved_at: number | null;
};

export type OrgRollupTable = {
  org_id: string;
  metric: string;
  value: Generated<number>;
};

export type OrgEventTable = {
  id: Generated<number>;
  org_id: string;
  kind: string;
  at: number;
  actor_id: string | null;
  actor_name: string | null;
  detail: string | null;
};

export type OrgTables = {
  org: OrgTable;
  org_rollup: OrgRollupTable;
  org_event: OrgEventTable;
};
