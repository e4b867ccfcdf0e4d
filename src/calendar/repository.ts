// The holiday calendar as data: loaded into a WorkCalendar (cached briefly), importable for later years.
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { DEFAULT_PERIODS, type WorkCalendar } from './workingTime.js';

const TTL_MS = 60_000;
const cache = new WeakMap<object, { at: number; calendar: WorkCalendar }>();

export async function loadWorkCalendar(db: Kysely<DB>, now: number): Promise<WorkCalendar> {
  const hit = cache.get(db);
  if (hit !== undefined && now - hit.at < TTL_MS) {
    return hit.calendar;
  }
  const rows = await db.selectFrom('calendar_day').select(['date', 'kind']).execute();
  const calendar: WorkCalendar = {
    holidays: new Set(rows.filter((r) => r.kind === 'holiday').map((r) => r.date)),
    workdays: new Set(rows.filter((r) => r.kind === 'workday').map((r) => r.date)),
    periods: DEFAULT_PERIODS,
  };
  cache.set(db, { at: now, calendar });
  return calendar;
}

export function forgetWorkCalendar(db: Kysely<DB>): void {
  cache.delete(db);
}

export type CalendarDay = { date: string; kind: 'holiday' | 'workday'; name: string | null };

export async function listCalendarDays(db: Kysely<DB>, year: number): Promise<CalendarDay[]> {
  const rows = await db
    .selectFrom('calendar_day')
    .selectAll()
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .orderBy('date')
    .execute();
  return rows.map((r) => ({
    date: r.date,
    kind: r.kind === 'workday' ? 'workday' : 'holiday',
    name: r.name,
  }));
}

/** Replaces the given year's days (all-or-nothing inside the caller's transaction). */
export async function replaceCalendarYear(db: Kysely<DB>, year: number, days: CalendarDay[]): Promise<void> {
  await db
    .deleteFrom('calendar_day')
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .execute();
  if (days.length > 0) {
    await db.insertInto('calendar_day').values(days).execute();
  }
  forgetWorkCalendar(db);
}
