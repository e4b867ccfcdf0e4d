// Calls of the catalogue admin API: categories (versioned), routing rules, holiday calendar; wire types read from
// the generated schema.
import { api } from '../api/client';
import type { ApiAnswer, ApiBody, ItemOf, Narrowed } from '../api/wire';
import type { CalendarDay } from '../calendar/api';

export type CategoryBody = ApiBody<'/api/catalogue/{code}', 'put'>;
export type CaseKind = CategoryBody['kind'];
export type Net = CategoryBody['net'];
export type Platform = CategoryBody['platform'];
export type FieldDef = ItemOf<CategoryBody['fields']>;
export type FieldType = FieldDef['type'];

type WireCatalogue = ApiAnswer<'/api/catalogue'>;

/**
 * A category as the admin edits it: with its limits and both languages of its fields. The answer types kind, net,
 * platform and field types as strings; they are the vocabularies the save route takes.
 */
export type AdminCategory = Narrowed<
  ItemOf<WireCatalogue['items']>,
  { kind: CaseKind; net: Net; platform: Platform; fieldDefs: FieldDef[] }
>;
export type AdminCatalogue = Narrowed<WireCatalogue, { items: AdminCategory[] }>;
export type Limit = AdminCategory['limits']['urgent'];
export type LimitUnit = Limit['unit'];
export type RoutingRule = ItemOf<ApiAnswer<'/api/routing-rules'>['items']>;
export type RuleBody = ApiBody<'/api/routing-rules'>;

const enc = encodeURIComponent;

export const fetchAdminCatalogue = (signal?: AbortSignal) =>
  api.get<AdminCatalogue>('/api/catalogue', { signal });

export const saveCategory = (code: string, body: CategoryBody) =>
  api.put<ApiAnswer<'/api/catalogue/{code}', 'put'>>(`/api/catalogue/${enc(code)}`, body);

export const fetchRules = (signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/routing-rules'>>('/api/routing-rules', { query: { limit: 2000 }, signal });

export const createRule = (body: RuleBody) =>
  api.post<ApiAnswer<'/api/routing-rules', 'post'>>('/api/routing-rules', body);

export const retireRule = (id: string) => api.delete<undefined>(`/api/routing-rules/${enc(id)}`);

export const fetchCalendar = (year: number, signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/calendar/{year}'>>(`/api/calendar/${year}`, { signal });

export const importCalendar = (year: number, items: CalendarDay[]) =>
  api.put<undefined>(`/api/calendar/${year}`, { items } satisfies ApiBody<'/api/calendar/{year}', 'put'>);
