// Working-time arithmetic in the district's time zone against its holiday calendar; the only place that does it.
import { DAY_MS, localDate, localFields, localYear, startOfLocalDay } from '../platform/time.js';

export { localDate };
const MINUTE_MS = 60_000;

export type WorkCalendar = {
  /** Local dates 'YYYY-MM-DD' that are public holidays (no work even on a weekday). */
  holidays: ReadonlySet<string>;
  /** Local dates that are adjusted working days (调休: work even on a weekend). */
  workdays: ReadonlySet<string>;
  /** Working periods of a working day, minutes after local midnight, ascending and disjoint. */
  periods: readonly (readonly [number, number])[];
  /** The years whose holidays and adjusted days are known; any other year counts weekends only. */
  years: ReadonlySet<number>;
};

export const DEFAULT_PERIODS: readonly (readonly [number, number])[] = [
  [8 * 60 + 30, 12 * 60],
  [13 * 60 + 30, 17 * 60 + 30],
];

export type LimitUnit = 'minutes' | 'hours' | 'days' | 'workHours' | 'workDays';
export type Limit = { amount: number; unit: LimitUnit };

export const isWorkUnit = (unit: LimitUnit): boolean => unit === 'workHours' || unit === 'workDays';

export function minutesPerWorkday(cal: WorkCalendar): number {
  return cal.periods.reduce((sum, [a, b]) => sum + (b - a), 0);
}

/** The limit in minutes: working minutes for work units, natural minutes otherwise. */
export function limitMinutes(limit: Limit, cal: WorkCalendar): number {
  switch (limit.unit) {
    case 'minutes':
      return limit.amount;
    case 'hours':
      return limit.amount * 60;
    case 'days':
      return limit.amount * 24 * 60;
    case 'workHours':
      return limit.amount * 60;
    case 'workDays':
      return limit.amount * minutesPerWorkday(cal);
  }
}

/** yyyymmdd as a number, for day buckets. */
export function localDayNumber(instant: number): number {
  const d = localFields(instant);
  return d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
}

/** The instant of local midnight starting the local day that contains `instant`. */
const localMidnight = startOfLocalDay;

export function isWorkingDay(cal: WorkCalendar, midnight: number): boolean {
  const date = localDate(midnight);
  if (cal.workdays.has(date)) {
    return true;
  }
  if (cal.holidays.has(date)) {
    return false;
  }
  const weekday = localFields(midnight).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

const MAX_DAYS = 3660;

/** The instant `minutes` working minutes after `start` (start itself may fall outside working time). */
export function addWorkingMinutes(start: number, minutes: number, cal: WorkCalendar): number {
  if (minutes <= 0) {
    return start;
  }
  let remaining = minutes * MINUTE_MS;
  let midnight = localMidnight(start);
  for (let day = 0; day < MAX_DAYS; day++, midnight += DAY_MS) {
    if (!isWorkingDay(cal, midnight)) {
      continue;
    }
    for (const [a, b] of cal.periods) {
      const from = Math.max(midnight + a * MINUTE_MS, start);
      const to = midnight + b * MINUTE_MS;
      if (to <= from) {
        continue;
      }
      if (to - from >= remaining) {
        return from + remaining;
      }
      remaining -= to - from;
    }
  }
  throw new Error('working-time limit beyond ten years');
}

/** Working minutes between two instants (0 when to ≤ from). */
export function workingMinutesBetween(from: number, to: number, cal: WorkCalendar): number {
  if (to <= from) {
    return 0;
  }
  let total = 0;
  let midnight = localMidnight(from);
  for (let day = 0; midnight < to && day < MAX_DAYS; day++, midnight += DAY_MS) {
    if (!isWorkingDay(cal, midnight)) {
      continue;
    }
    for (const [a, b] of cal.periods) {
      const s = Math.max(midnight + a * MINUTE_MS, from);
      const e = Math.min(midnight + b * MINUTE_MS, to);
      if (e > s) {
        total += e - s;
      }
    }
  }
  return total / MINUTE_MS;
}

/** Adds a limit to an instant in its own kind of time. */
export function addLimit(start: number, minutes: number, unit: LimitUnit, cal: WorkCalendar): number {
  return isWorkUnit(unit) ? addWorkingMinutes(start, minutes, cal) : start + minutes * MINUTE_MS;
}

/** Minutes elapsed between two instants in the limit's kind of time. */
export function elapsedMinutes(from: number, to: number, unit: LimitUnit, cal: WorkCalendar): number {
  return isWorkUnit(unit) ? workingMinutesBetween(from, to, cal) : Math.max(0, (to - from) / MINUTE_MS);
}

export type Light = 'green' | 'yellow' | 'red';

/** Green under 80 % of the limit, yellow from 80 % to 100 %, red past it. */
export function lightAt(now: number, yellowAt: number | null, deadlineAt: number | null): Light {
  if (deadlineAt === null) {
    return 'green';
  }
  if (now > deadlineAt) {
    return 'red';
  }
  return yellowAt !== null && now >= yellowAt ? 'yellow' : 'green';
}

/** The district years from `fromMs` to `toMs` (either order) that the calendar does not hold. */
export function uncoveredYears(cal: WorkCalendar, fromMs: number, toMs: number): number[] {
  const first = localYear(Math.min(fromMs, toMs));
  const last = localYear(Math.max(fromMs, toMs));
  const missing: number[] = [];
  for (let year = first; year <= last; year++) {
    if (!cal.years.has(year)) {
      missing.push(year);
    }
  }
  return missing;
}

/**
 * Whether a span counted in working time touches a year without a calendar, so its end is only provisional:
 * that year's public holidays were counted as working days. Natural-time limits never depend on the calendar.
 */
export function isProvisional(cal: WorkCalendar, fromMs: number, toMs: number, unit?: LimitUnit): boolean {
  if (unit !== undefined && !isWorkUnit(unit)) {
    return false;
  }
  return uncoveredYears(cal, fromMs, toMs).length > 0;
}
