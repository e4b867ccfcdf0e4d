// Calls of /api/alliances (the regional party-building alliance) and the residents' /api/public/alliances.
import { api } from '../api/client';
import type { ApiAnswer, ApiBody, ApiQuery, ItemOf } from '../api/wire';

const enc = encodeURIComponent;

export type Alliance = ItemOf<ApiAnswer<'/api/alliances'>['items']>;
export type AllianceView = ApiAnswer<'/api/alliances/{id}'>;
export type Member = ItemOf<AllianceView['members']>;
export type Numbers = AllianceView['numbers'];
export type ItemsQuery = ApiQuery<'/api/alliances/{id}/items'>;
export type Item = ItemOf<ApiAnswer<'/api/alliances/{id}/items'>['items']>;
export type ItemView = ApiAnswer<'/api/alliances/{id}/items/{itemId}'>;
export type Match = ItemOf<ItemView['matches']>;
export type Suggestion = ItemOf<ApiAnswer<'/api/alliances/{id}/items/{itemId}/suggestions'>['items']>;
export type ItemBody = ApiBody<'/api/alliances/{id}/items'>;
export type MemberBody = ApiBody<'/api/alliances/{id}/members'>;
export type MatchBody = ApiBody<'/api/alliances/{id}/items/{itemId}/matches'>;
export type DeliveryBody = ApiBody<'/api/alliances/{id}/matches/{matchId}/delivery'>;
export type EvaluationBody = ApiBody<'/api/alliances/{id}/matches/{matchId}/evaluation'>;
export type PublicAlliance = ApiAnswer<'/api/public/alliances/{id}'>;
export type PublicItem = ItemOf<PublicAlliance['demands']>;

export type ListName = Item['list'];
export type ItemKind = Item['kind'];
export type ItemStatus = Item['status'];
export type MatchStatus = Match['status'];
export type DemandSource = NonNullable<ItemBody['source']>;

export const listNames = ['demand', 'resource', 'project'] as const satisfies readonly ListName[];
export const itemKinds = [
  'venue',
  'expert',
  'funds',
  'volunteers',
  'equipment',
  'service',
] as const satisfies readonly ItemKind[];
export const itemStatuses = ['open', 'matched', 'done', 'withdrawn'] as const satisfies readonly ItemStatus[];
export const matchStatuses = [
  'agreed',
  'delivered',
  'evaluated',
  'cancelled',
] as const satisfies readonly MatchStatus[];
export const demandSources = ['own', 'appeal', 'consultation'] as const satisfies readonly DemandSource[];

export const fetchAlliances = (signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/alliances'>>('/api/alliances', { signal });

export const fetchAlliance = (id: string, signal?: AbortSignal) =>
  api.get<AllianceView>(`/api/alliances/${enc(id)}`, { signal });

export const signMember = (id: string, body: MemberBody) =>
  api.post<ApiAnswer<'/api/alliances/{id}/members', 'post'>>(`/api/alliances/${enc(id)}/members`, body);

export const fetchItems = (id: string, query: ItemsQuery, signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/alliances/{id}/items'>>(`/api/alliances/${enc(id)}/items`, { query, signal });

export const postItem = (id: string, body: ItemBody) =>
  api.post<ApiAnswer<'/api/alliances/{id}/items', 'post'>>(`/api/alliances/${enc(id)}/items`, body);

export const fetchItem = (id: string, itemId: string, signal?: AbortSignal) =>
  api.get<ItemView>(`/api/alliances/${enc(id)}/items/${enc(itemId)}`, { signal });

export const fetchSuggestions = (id: string, itemId: string, signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/alliances/{id}/items/{itemId}/suggestions'>>(
    `/api/alliances/${enc(id)}/items/${enc(itemId)}/suggestions`,
    { signal },
  );

export const agreeMatch = (id: string, itemId: string, body: MatchBody) =>
  api.post<ApiAnswer<'/api/alliances/{id}/items/{itemId}/matches', 'post'>>(
    `/api/alliances/${enc(id)}/items/${enc(itemId)}/matches`,
    body,
  );

export const recordDelivery = (id: string, matchId: string, body: DeliveryBody) =>
  api.post<ApiAnswer<'/api/alliances/{id}/matches/{matchId}/delivery', 'post'>>(
    `/api/alliances/${enc(id)}/matches/${enc(matchId)}/delivery`,
    body,
  );

export const evaluateDelivery = (id: string, matchId: string, body: EvaluationBody) =>
  api.post<ApiAnswer<'/api/alliances/{id}/matches/{matchId}/evaluation', 'post'>>(
    `/api/alliances/${enc(id)}/matches/${enc(matchId)}/evaluation`,
    body,
  );

// Public: no account
export const fetchPublicAlliance = (id: string, signal?: AbortSignal) =>
  api.get<PublicAlliance>(`/api/public/alliances/${enc(id)}`, { signal });

// Where the pages live
export const staffPaths = {
  home: '/alliance',
  alliance: (id: string) => `/alliance/${enc(id)}`,
};

export const publicPaths = {
  alliance: (id: string) => `/alliance-public/${enc(id)}`,
};
