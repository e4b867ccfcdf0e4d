// Calls of /api/grids and /api/patrols, with their wire types.
import { api } from '../api/client';

export type Geometry =
  { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };

export const netKeys = [
  'partyBuilding',
  'environment',
  'illegalConstruction',
  'petitionStability',
  'workSafety',
] as const;
export type NetKey = (typeof netKeys)[number];
export const subTypeKeys = ['school', 'hospital', 'enterprise', 'park', 'market', 'agency'] as const;

export type GridSummary = {
  id: string;
  code: string;
  name: string;
  type: 'basic' | 'dedicated';
  subType: string | null;
  villageId: string;
  townId: string;
  areaM2: number;
  nets: NetKey[];
  partyOrgKind: string | null;
  householdCount: number;
  status: string;
  version: number;
};

export type OrgRef = { id: string; name: string; code: string | null };

export type GridDetail = GridSummary & {
  geometry: Geometry;
  village: OrgRef | null;
  town: OrgRef | null;
  partyOrg: { kind: string; id: string; name: string } | null;
  staff: {
    id: string;
    name: string;
    role: 'leader' | 'worker';
    phone: string | null;
    userId: string | null;
  }[];
  updatedAt: number;
};

export type GridFeature = {
  type: 'Feature';
  id: string;
  properties: {
    id: string;
    code: string;
    name: string;
    type: string;
    subType: string | null;
    nets: NetKey[];
    villageId: string;
  };
  geometry: Geometry;
};
export type OutlineFeature = {
  type: 'Feature';
  id: string;
  properties: { orgId: string; name: string; level: string };
  geometry: Geometry;
};
export type Collection<F> = { type: 'FeatureCollection'; features: F[] };

export type Coverage = {
  org: { id: string; name: string; level: string };
  hasOutline: boolean;
  outlineAreaM2: number;
  gridCount: number;
  gridAreaM2: number;
  gapAreaM2: number;
  overlapAreaM2: number;
  gaps: { areaM2: number; geometry: Geometry }[];
  overlaps: { gridIds: string[]; codes: string[]; areaM2: number; geometry: Geometry }[];
};

export type ImportReport = {
  created: number;
  updated: number;
  dryRun: boolean;
  rows: { index: number; code: string | null; action: string | null; errors: string[] }[];
};

export type GridFilter = { orgId?: string; type?: string; net?: string; q?: string; cursor?: string | null };

export const fetchMapConfig = (signal?: AbortSignal) =>
  api.get<{ tileUrl: string | null }>('/api/grids/map-config', { signal });
export const fetchGridLayer = (signal?: AbortSignal) =>
  api.get<Collection<GridFeature>>('/api/grids/layer', { signal });
export const fetchOutlines = (level: 'district' | 'town' | 'village', signal?: AbortSignal) =>
  api.get<Collection<OutlineFeature>>('/api/grids/outlines', { query: { level }, signal });
/** Open cases of one grid and how many are past 80 % (yellow) or 100 % (red) of their limit. */
export const fetchGridOpenCases = (gridId: string, signal?: AbortSignal) =>
  api.get<{ open: number; yellow: number; red: number }>(
    `/api/cases/open-counts?gridId=${encodeURIComponent(gridId)}`,
    {
      signal,
    },
  );

export const fetchGrid = (id: string, signal?: AbortSignal) =>
  api.get<{ item: GridDetail }>(`/api/grids/${encodeURIComponent(id)}`, { signal });
export const fetchGrids = (filter: GridFilter, signal?: AbortSignal) =>
  api.get<{ items: GridSummary[]; nextCursor: string | null; total: number }>('/api/grids', {
    query: { ...filter, limit: 50 },
    signal,
  });
export const fetchCoverage = (orgId: string, signal?: AbortSignal) =>
  api.get<Coverage>('/api/grids/coverage', { query: { orgId }, signal });
export const createGrid = (body: {
  villageId: string;
  type: string;
  nets: NetKey[];
  geometry: Geometry;
  overrideReason?: string;
}) => api.post<{ item: GridDetail }>('/api/grids', body);
export const redrawGrid = (id: string, geometry: Geometry, overrideReason?: string) =>
  api.put<{ item: GridDetail }>(`/api/grids/${encodeURIComponent(id)}/geometry`, {
    geometry,
    overrideReason,
  });
export const importGrids = (file: unknown, dryRun: boolean) =>
  api.post<ImportReport>('/api/grids/import', { file, dryRun });
export const exportGrids = () => api.get<Collection<unknown>>('/api/grids/export');

export type Patrol = {
  id: string;
  gridId: string;
  userId: string;
  workerName: string;
  status: 'active' | 'ended';
  startedAt: number;
  endedAt: number | null;
  note: string | null;
  pointCount: number;
  distanceM: number;
};
export const fetchMyGrids = (signal?: AbortSignal) =>
  api.get<{ items: GridSummary[] }>('/api/grids/mine', { signal });
export const fetchPatrols = (query: { mine?: boolean; gridId?: string }, signal?: AbortSignal) =>
  api.get<{ items: Patrol[] }>('/api/patrols', {
    query: { mine: query.mine === true ? 'true' : undefined, gridId: query.gridId },
    signal,
  });
export const startPatrol = (gridId: string) => api.post<{ item: Patrol }>('/api/patrols', { gridId });
export const addPatrolPoint = (
  id: string,
  point: { lng: number; lat: number; accuracyM?: number | null; note?: string | null },
) =>
  api.post<{ item: Patrol }>(`/api/patrols/${encodeURIComponent(id)}/points`, {
    crs: 'wgs84',
    points: [{ ...point, at: Date.now() }],
  });
export const endPatrol = (id: string, note: string | null) =>
  api.post<{ item: Patrol }>(`/api/patrols/${encodeURIComponent(id)}/end`, { note });
