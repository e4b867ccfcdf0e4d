// Calls of /api/grids and /api/patrols, with their wire types read from the generated schema.
import { api } from '../api/client';
import type { ApiAnswer, ApiBody, ApiPath, ApiQuery, ApiSchema, ItemOf, Narrowed } from '../api/wire';

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

// The server declares geometries as any JSON and grid types, nets and roles as strings; the console narrows them to
// the GeoJSON shapes and vocabularies the server's own checks and request schemas allow.
export type GridType = ApiBody<'/api/grids'>['type'];
export type StaffRole = ApiBody<'/api/grids/{id}/staff'>['role'];

export type GridSummary = Narrowed<ApiSchema<'GridSummary'>, { type: GridType; nets: NetKey[] }>;

type WireDetail = ApiAnswer<'/api/grids/{id}'>['item'];
export type OrgRef = NonNullable<WireDetail['village']>;
export type GridStaff = Narrowed<ItemOf<WireDetail['staff']>, { role: StaffRole }>;
export type GridDetail = Narrowed<
  WireDetail,
  { type: GridType; nets: NetKey[]; geometry: Geometry; staff: GridStaff[] }
>;

type WireFeature<P extends ApiPath> = ItemOf<ApiAnswer<P>['features']>;
export type GridFeature = Narrowed<
  WireFeature<'/api/grids/layer'>,
  {
    properties: Narrowed<WireFeature<'/api/grids/layer'>['properties'], { nets: NetKey[] }>;
    geometry: Geometry;
  }
>;
export type OutlineFeature = Narrowed<WireFeature<'/api/grids/outlines'>, { geometry: Geometry }>;
export type Collection<F> = { type: 'FeatureCollection'; features: F[] };

type WireCoverage = ApiAnswer<'/api/grids/coverage'>;
export type Coverage = Narrowed<
  WireCoverage,
  {
    gaps: Narrowed<ItemOf<WireCoverage['gaps']>, { geometry: Geometry }>[];
    overlaps: Narrowed<ItemOf<WireCoverage['overlaps']>, { geometry: Geometry }>[];
  }
>;

export type ImportReport = ApiAnswer<'/api/grids/import', 'post'>;

export type GridFilter = Omit<ApiQuery<'/api/grids'>, 'limit'>;

export const fetchMapConfig = (signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/grids/map-config'>>('/api/grids/map-config', { signal });
export const fetchGridLayer = (signal?: AbortSignal) =>
  api.get<Collection<GridFeature>>('/api/grids/layer', { signal });
export const fetchOutlines = (level: ApiQuery<'/api/grids/outlines'>['level'], signal?: AbortSignal) =>
  api.get<Collection<OutlineFeature>>('/api/grids/outlines', { query: { level }, signal });
/** Open cases of one grid and how many are past 80 % (yellow) or 100 % (red) of their limit. */
export const fetchGridOpenCases = (gridId: string, signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/cases/open-counts'>>('/api/cases/open-counts', { query: { gridId }, signal });

export const fetchGrid = (id: string, signal?: AbortSignal) =>
  api.get<{ item: GridDetail }>(`/api/grids/${encodeURIComponent(id)}`, { signal });
export const fetchGrids = (filter: GridFilter, signal?: AbortSignal) =>
  api.get<Narrowed<ApiAnswer<'/api/grids'>, { items: GridSummary[] }>>('/api/grids', {
    query: { ...filter, limit: 50 },
    signal,
  });
export const fetchCoverage = (orgId: string, signal?: AbortSignal) =>
  api.get<Coverage>('/api/grids/coverage', { query: { orgId }, signal });
export const createGrid = (body: Narrowed<ApiBody<'/api/grids'>, { geometry: Geometry }>) =>
  api.post<{ item: GridDetail }>('/api/grids', body);
export const redrawGrid = (id: string, geometry: Geometry, overrideReason?: string) =>
  api.put<{ item: GridDetail }>(`/api/grids/${encodeURIComponent(id)}/geometry`, {
    geometry,
    overrideReason,
  } satisfies ApiBody<'/api/grids/{id}/geometry', 'put'>);
export const importGrids = (file: unknown, dryRun: boolean) =>
  api.post<ImportReport>('/api/grids/import', { file, dryRun } satisfies ApiBody<'/api/grids/import'>);
export const exportGrids = () => api.get<ApiAnswer<'/api/grids/export'>>('/api/grids/export');

export type Patrol = Narrowed<ItemOf<ApiAnswer<'/api/patrols'>['items']>, { status: 'active' | 'ended' }>;
export const fetchMyGrids = (signal?: AbortSignal) =>
  api.get<{ items: GridSummary[] }>('/api/grids/mine', { signal });
export const fetchPatrols = (query: { mine?: boolean; gridId?: string }, signal?: AbortSignal) =>
  api.get<{ items: Patrol[] }>('/api/patrols', {
    query: { mine: query.mine === true ? 'true' : undefined, gridId: query.gridId },
    signal,
  });
export const startPatrol = (gridId: string) =>
  api.post<{ item: Patrol }>('/api/patrols', { gridId } satisfies ApiBody<'/api/patrols'>);
export const addPatrolPoint = (
  id: string,
  point: { lng: number; lat: number; accuracyM?: number | null; note?: string | null },
) =>
  api.post<{ item: Patrol }>(`/api/patrols/${encodeURIComponent(id)}/points`, {
    crs: 'wgs84',
    points: [{ ...point, at: Date.now() }],
  } satisfies ApiBody<'/api/patrols/{id}/points'>);
export const endPatrol = (id: string, note: string | null) =>
  api.post<{ item: Patrol }>(`/api/patrols/${encodeURIComponent(id)}/end`, {
    note,
  } satisfies ApiBody<'/api/patrols/{id}/end'>);
