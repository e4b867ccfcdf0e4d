// Table types of the grid module.
import type { Generated } from 'kysely';

export type GridTable = {
  id: string;
  /** 12-digit village code + 3-digit sequence. */
  code: string;
  name: string;
  /** 'basic' (基础网格) or 'dedicated' (专属网格). */
  type: string;
  sub_type: string | null;
  village_id: string;
  town_id: string;
  /** Path of the village: scope filters on it. */
  org_path: string;
  /** GeoJSON Polygon or MultiPolygon, WGS-84. */
  geometry: string;
  min_lng: number;
  min_lat: number;
  max_lng: number;
  max_lat: number;
  area_m2: number;
  /** JSON array of the nets served. */
  nets: string;
  /** 'branch' (网格党支部), 'group' (楼栋党小组) or 'centralHousehold' (党员中心户). */
  party_org_kind: string | null;
  party_org_id: string | null;
  central_household_id: string | null;
  household_count: number;
  status: string;
  version: number;
  created_at: number;
  updated_at: number;
  retired_at: number | null;
};

export type GridStaffTable = {
  id: string;
  grid_id: string;
  org_path: string;
  name: string;
  /** Encrypted with the field cipher. */
  phone_enc: string | null;
  /** What responses show, e.g. 138****5678. */
  phone_masked: string | null;
  role: string;
  user_id: string | null;
  created_at: number;
  removed_at: number | null;
};

export type GridVersionTable = {
  id: Generated<number>;
  grid_id: string;
  org_path: string;
  version: number;
  change: string;
  code: string;
  geometry: string | null;
  /** JSON array of the other grids involved in a split or merge. */
  related: string | null;
  reason: string | null;
  actor_id: string | null;
  at: number;
};

/** Outlines of the district, towns and villages: what coverage is measured against and what the map draws. */
export type GridOutlineTable = {
  org_id: string;
  org_path: string;
  level: string;
  geometry: string;
  min_lng: number;
  min_lat: number;
  max_lng: number;
  max_lat: number;
  source: string;
  updated_at: number;
};

export type GridTables = {
  grid: GridTable;
  grid_staff: GridStaffTable;
  grid_version: GridVersionTable;
  grid_outline: GridOutlineTable;
};
