// Whether the holiday calendar holds the years working time needs now: the current year, and from November on
// the next one (the State Council publishes next year's notice in the autumn).
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { localDate, localYear } from '../platform/time.js';
import { calendarRepository, type CalendarYearRow } from './repository.js';

/** From this district date of a year on, next year's calendar is due (MM-DD). */
export const NEXT_YEAR_DUE_FROM = '11-01';

export type CalendarAlert = {
  year: number;
  /** error: the current year has no calendar, deadlines are provisional now; warning: next year's is due. */
  severity: 'error' | 'warning';
};

export type CalendarStatus = {
  today: string;
  currentYear: number;
  years: CalendarYearRow[];
  alerts: CalendarAlert[];
};

export function calendarAlerts(years: ReadonlySet<number>, now: number): CalendarAlert[] {
  const current = localYear(now);
  const alerts: CalendarAlert[] = [];
  if (!years.has(current)) {
    alerts.push({ year: current, severity: 'error' });
  }
  if (localDate(now) >= `${current}-${NEXT_YEAR_DUE_FROM}` && !years.has(current + 1)) {
    alerts.push({ year: current + 1, severity: 'warning' });
  }
  return alerts;
}

export async function readCalendarStatus(db: Kysely<DB>, now: number): Promise<CalendarStatus> {
  const years = await calendarRepository(db).years();
  return {
    today: localDate(now),
    currentYear: localYear(now),
    years,
    alerts: calendarAlerts(new Set(years.map((y) => y.year)), now),
  };
}
