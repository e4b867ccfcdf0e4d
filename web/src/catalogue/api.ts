// Calls of the catalogue admin API: categories (versioned), routing rules, holiday calendar.
import { api } from '../api/client';
import type { Limit } from '../cases/api';

export type CategoryBody = {
  parentCode: string | null;
  depth: 1 | 2 | 3;
  nameZh: string;
  nameEn: string;
  kind: string;
  net: string;
  platform: string;
  registrationCondition: string;
  closingCondition: string;
  limits: { urgent: Limit; normal: Limit };
  department: string;
  selfHandle: boolean;
  duplicateRadiusM: number;
  fields: {
    code: string;
    type: string;
    name: { zh: string; en: string };
    required: boolean;
    values?: { key: string; name: { zh: string; en: string } }[];
  }[];
  keywords: string[];
  active: boolean;
  note?: string;
};

export type RoutingRule = {
  id: string;
  categoryCode: string | null;
  areaOrgId: string | null;
  gridId: string | null;
  platform: string | null;
  departmentId: string;
  limit: unknown;
  note: string | null;
};

export type RuleBody = {
  categoryCode?: string;
  areaOrgId?: string;
  gridId?: string;
  platform?: string;
  departmentId: string;
  limit?: Limit;
  note?: string;
};

export type CalendarDay = { date: string; kind: 'holiday' | 'workday'; name: string | null };

const enc = encodeURIComponent;

export const saveCategory = (code: string, body: CategoryBody) =>
  api.put<{ version: number }>(`/api/catalogue/${enc(code)}`, body);

export const fetchRules = (signal?: AbortSignal) =>
  api.get<{ items: RoutingRule[] }>('/api/routing-rules', { query: { limit: 2000 }, signal });

export const createRule = (body: RuleBody) => api.post<{ id: string }>('/api/routing-rules', body);

export const retireRule = (id: string) => api.delete<undefined>(`/api/routing-rules/${enc(id)}`);

export const fetchCalendar = (year: number, signal?: AbortSignal) =>
  api.get<{ items: CalendarDay[] }>(`/api/calendar/${year}`, { signal });

export const importCalendar = (year: number, items: CalendarDay[]) =>
  api.put<undefined>(`/api/calendar/${year}`, { items });
