// Calls of the holiday calendar API: status (the shell banner), the years held, a year's days, and the file import.
import { api } from '../api/client';

// Written to match src/calendar/presenter.ts; to be replaced by the generated wire types (ApiAnswer<'/api/calendar/…'>)
// once web/src/api/wire.ts and a regenerated schema.d.ts are in the tree.
export type CalendarAlert = { year: number; severity: 'error' | 'warning' };
export type CalendarStatus = { today: string; currentYear: number; years: number[]; alerts: CalendarAlert[] };
export type CalendarYear = {
  year: number;
  holidays: number;
  workdays: number;
  source: string | null;
  importedAt: number | null;
};
export type CalendarDay = { date: string; kind: 'holiday' | 'workday'; name: string | null };
export type CalendarImportReport = {
  year: number;
  format: 'chineseDays' | 'days' | 'csv' | null;
  dryRun: boolean;
  committed: boolean;
  total: number;
  valid: number;
  holidays: number;
  workdays: number;
  ignoredOtherYears: number;
  before: { holidays: number; workdays: number } | null;
  issues: { row: number; field: string; message: string }[];
  rows: {
    row: number;
    date: string;
    kind: string;
    name: string | null;
    weekday: number | null;
    isValid: boolean;
  }[];
};
export type CalendarImportBody = { content: string; format?: 'json' | 'csv'; fileName?: string };

export const fetchCalendarStatus = (signal?: AbortSignal) =>
  api.get<CalendarStatus>('/api/calendar/status', { signal });

export const fetchCalendarYears = (signal?: AbortSignal) =>
  api.get<{ items: CalendarYear[] }>('/api/calendar/years', { signal });

export const fetchCalendarDays = (year: number, signal?: AbortSignal) =>
  api.get<{ items: CalendarDay[] }>(`/api/calendar/${year}`, { signal });

export const importCalendarFile = (year: number, body: CalendarImportBody, dryRun: boolean) =>
  api.post<CalendarImportReport>(`/api/calendar/${year}/import`, body, { query: { dryRun: String(dryRun) } });
