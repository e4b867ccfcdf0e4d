// Calls of /api/command: the screen of a unit, the grid map's colours, the live feed, alerts and what is done about
// them, early-warning rules and the briefings; and the grid geometry the map draws, from the grids API.
import { api, request } from '../api/client';
import type { ApiAnswer, ApiBody, ApiQuery, ItemOf } from '../api/wire';
import type { Collection, GridFeature, OutlineFeature } from '../grids/api';

const enc = encodeURIComponent;

export type Screen = ApiAnswer<'/api/command/screen'>;
export type UnitRef = Screen['org'];
export type UnitLevel = UnitRef['level'];
export type Tile = ItemOf<Screen['tiles']>;
export type Figure = ItemOf<Tile['figures']>;
export type FigureFormat = Figure['format'];
export type Tone = Figure['tone'];
export type ByChild = NonNullable<Tile['byChild']>;
export type TileItem = ItemOf<Tile['items']>;

export type GridColours = ApiAnswer<'/api/command/map'>;
export type GridColour = ItemOf<GridColours['items']>;

export type Live = ApiAnswer<'/api/command/live'>;
export type RedCard = ItemOf<Live['redCards']>;

export type Alert = ItemOf<ApiAnswer<'/api/command/alerts'>['items']>;
export type AlertStatus = Alert['status'];
export type Rule = ItemOf<ApiAnswer<'/api/command/rules'>['items']>;
export type RuleKind = Rule['kind'];
export type RuleArea = Rule['area'];
export type Severity = Rule['severity'];
export type AlertAction = ApiBody<'/api/command/alerts/{id}/act'>['kind'];

export type RuleBody = ApiBody<'/api/command/rules'>;
export type RulePatch = ApiBody<'/api/command/rules/{id}', 'patch'>;

export type Briefing = ApiAnswer<'/api/command/briefing'>;
export type BriefingQuery = ApiQuery<'/api/command/briefing'>;
export type BriefingKind = NonNullable<BriefingQuery['period']>;
export type BriefingFigure = ItemOf<Briefing['figures']>;

export const alertStatuses = [
  'open',
  'acting',
  'done',
  'dismissed',
] as const satisfies readonly AlertStatus[];
export const alertActions = [
  'topic',
  'supervise',
  'patrol',
  'dismiss',
] as const satisfies readonly AlertAction[];
export const ruleKinds = ['cluster', 'trend', 'repeat', 'surge'] as const satisfies readonly RuleKind[];
export const ruleAreas = ['grid', 'village'] as const satisfies readonly RuleArea[];
export const severities = ['normal', 'high'] as const satisfies readonly Severity[];
export const briefingKinds = ['week', 'month'] as const satisfies readonly BriefingKind[];

export const fetchScreen = (orgId: string | undefined, signal?: AbortSignal) =>
  api.get<Screen>('/api/command/screen', { query: { orgId }, signal });

export const fetchGridColours = (orgId: string | undefined, signal?: AbortSignal) =>
  api.get<GridColours>('/api/command/map', { query: { orgId }, signal });

export const fetchLive = (orgId: string | undefined, since: number | undefined, signal?: AbortSignal) =>
  api.get<Live>('/api/command/live', { query: { orgId, since }, signal });

export const fetchAlerts = (
  q: { orgId?: string; status?: readonly AlertStatus[] },
  cursor: string | null,
  signal?: AbortSignal,
) =>
  api.get<{ items: Alert[]; nextCursor: string | null }>('/api/command/alerts', {
    query: { orgId: q.orgId, status: q.status?.join(','), cursor, limit: 20 },
    signal,
  });

export const actOnAlert = (id: string, body: ApiBody<'/api/command/alerts/{id}/act'>) =>
  api.post<{ item: Alert }>(`/api/command/alerts/${enc(id)}/act`, body);

export const finishAlert = (id: string, note: string) =>
  api.post<{ item: Alert }>(`/api/command/alerts/${enc(id)}/finish`, { note });

export const fetchRules = (signal?: AbortSignal) =>
  api.get<{ items: Rule[] }>('/api/command/rules', { signal });

export const createRule = (body: RuleBody) => api.post<{ item: Rule }>('/api/command/rules', body);

export const updateRule = (id: string, patch: RulePatch) =>
  request<{ item: Rule }>('PATCH', `/api/command/rules/${enc(id)}`, { body: patch });

export const fetchBriefing = (q: BriefingQuery, signal?: AbortSignal) =>
  api.get<Briefing>('/api/command/briefing', { query: q, signal });

/** The spreadsheet is a plain download link with the same query; the session cookie authorises it. */
export const briefingXlsxUrl = (q: BriefingQuery): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(q)) {
    if (value !== undefined && value !== '') {
      params.set(key, String(value));
    }
  }
  const search = params.toString();
  return search === '' ? '/api/command/briefing.xlsx' : `/api/command/briefing.xlsx?${search}`;
};

export const fetchGridShapes = (orgId: string, signal?: AbortSignal) =>
  api.get<Collection<GridFeature>>('/api/grids/layer', { query: { orgId }, signal });

export const fetchOutlines = (level: 'district' | 'town' | 'village', orgId: string, signal?: AbortSignal) =>
  api.get<Collection<OutlineFeature>>('/api/grids/outlines', { query: { level, orgId }, signal });
