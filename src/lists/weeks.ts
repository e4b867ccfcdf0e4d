// District-local weeks (Monday first) for the burden meter.
import { DAY_MS, localDate, localFields, startOfLocalDay } from '../platform/time.js';

export function weekOf(ms: number): string {
  const weekday = (localFields(ms).getUTCDay() + 6) % 7;
  return localDate(startOfLocalDay(ms) - weekday * DAY_MS);
}

/** The Mondays of the `count` weeks ending with the week of `ms`, oldest first. */
export function weeksEnding(ms: number, count: number): string[] {
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    out.push(weekOf(ms - i * 7 * DAY_MS));
  }
  return out;
}
