// The holiday calendar as a WorkCalendar for working-time arithmetic, read from the database and cached briefly.
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { calendarRepository } from './repository.js';
import { DEFAULT_PERIODS, type WorkCalendar } from './workingTime.js';

const TTL_MS = 60_000;
// Replaced whole on an import, so every connection and transaction of this instance sees the new year at once;
// other instances see it when their entry runs out.
let cache = new WeakMap<object, { at: number; calendar: WorkCalendar }>();

export async function loadWorkCalendar(db: Kysely<DB>, now: number): Promise<WorkCalendar> {
  const hit = cache.get(db);
  if (hit !== undefined && Math.abs(now - hit.at) < TTL_MS) {
    return hit.calendar;
  }
  const calendar = await readWorkCalendar(db);
  cache.set(db, { at: now, calendar });
  return calendar;
}

/** The calendar as the database holds it now, bypassing the cache (inside an import's transaction). */
export async function readWorkCalendar(db: Kysely<DB>): Promise<WorkCalendar> {
  const repo = calendarRepository(db);
  const days = await repo.allDays();
  const years = await repo.years();
  return {
    holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date)),
    workdays: new Set(days.filter((d) => d.kind === 'workday').map((d) => d.date)),
    periods: DEFAULT_PERIODS,
    years: new Set(years.map((y) => y.year)),
  };
}

export function forgetWorkCalendars(): void {
  cache = new WeakMap();
}
