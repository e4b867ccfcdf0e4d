// Calls of the holiday calendar API: status (the shell banner), the years held, a year's days, and the file import.
import { api } from '../api/client';
import type { ApiAnswer, ApiBody, ItemOf } from '../api/wire';

export type CalendarStatus = ApiAnswer<'/api/calendar/status'>;
export type CalendarAlert = ItemOf<CalendarStatus['alerts']>;
export type CalendarYear = ItemOf<ApiAnswer<'/api/calendar/years'>['items']>;
export type CalendarDay = ItemOf<ApiAnswer<'/api/calendar/{year}'>['items']>;
export type CalendarImportReport = ApiAnswer<'/api/calendar/{year}/import', 'post'>;
export type CalendarImportBody = ApiBody<'/api/calendar/{year}/import'>;

export const fetchCalendarStatus = (signal?: AbortSignal) =>
  api.get<CalendarStatus>('/api/calendar/status', { signal });

export const fetchCalendarYears = (signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/calendar/years'>>('/api/calendar/years', { signal });

export const fetchCalendarDays = (year: number, signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/calendar/{year}'>>(`/api/calendar/${year}`, { signal });

export const importCalendarFile = (year: number, body: CalendarImportBody, dryRun: boolean) =>
  api.post<CalendarImportReport>(`/api/calendar/${year}/import`, body, { query: { dryRun: String(dryRun) } });
