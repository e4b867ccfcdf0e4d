// Table types of grid patrols (巡查).
import type { Generated } from 'kysely';

export type PatrolTable = {
  id: string;
  grid_id: string;
  org_path: string;
  user_id: string;
  worker_name: string;
  status: string;
  started_at: number;
  ended_at: number | null;
  note: string | null;
  point_count: number;
  distance_m: number;
};

export type PatrolPointTable = {
  id: Generated<number>;
  patrol_id: string;
  at: number;
  /** WGS-84. */
  lng: number;
  lat: number;
  accuracy_m: number | null;
  note: string | null;
  /** Set when a case is reported from this point (cases module). */
  case_id: string | null;
};

export type PatrolTables = { patrol: PatrolTable; patrol_point: PatrolPointTable };
