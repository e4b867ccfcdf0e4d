// Small pieces the console's forms share: the district's wall clock for a picked date and time, a deadline's date
// and an optional text as the API takes them.
import dayjs, { type Dayjs } from 'dayjs';

/** The district keeps China Standard Time all year (UTC+8, no daylight saving). */
const DISTRICT_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The instant of a date and time picked as the district's wall clock, whatever the browser's own zone. */
export const districtInstant = (picked: Dayjs): number =>
  Date.UTC(picked.year(), picked.month(), picked.date(), picked.hour(), picked.minute()) - DISTRICT_OFFSET_MS;

/** An instant as the district's wall clock, for a picker to show (the inverse of districtInstant). */
export const districtPicked = (ms: number): Dayjs => {
  const wall = new Date(ms + DISTRICT_OFFSET_MS);
  return dayjs(
    new Date(
      wall.getUTCFullYear(),
      wall.getUTCMonth(),
      wall.getUTCDate(),
      wall.getUTCHours(),
      wall.getUTCMinutes(),
    ),
  );
};

/** The district's midnight that starts a picked day: where a range of days begins. */
export const districtDayStart = (picked: Dayjs): number => districtInstant(picked.startOf('day'));

/** The district's midnight after a picked day: the (exclusive) end of a range whose last day it is. */
export const districtDayAfter = (picked: Dayjs): number => districtDayStart(picked) + DAY_MS;

const districtDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The district day that holds an instant, as a date picker shows it (the inverse of districtDayStart). */
export const districtDay = (ms: number): Dayjs => dayjs(districtDateFormat.format(new Date(ms)));

/** The local date (YYYY-MM-DD) picked, as the API takes a deadline. */
export const pickedDate = (picked: Dayjs): string => picked.format('YYYY-MM-DD');

/** A typed text as the API takes an optional one: trimmed, and null when nothing is left. */
export const blankToNull = (v: string | undefined | null): string | null => {
  const trimmed = v?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};
