// Periods as the district counts them: whole days of Asia/Shanghai, whatever the browser's own zone, so a period
// picked here is the one the server's day-bucketed facts are summed over.
import dayjs from 'dayjs';
import type { Period } from './api';

const DAY_MS = 86_400_000;
const DISTRICT_OFFSET = '+08:00';

const dateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** 'YYYY-MM-DD' of the district day that holds the instant. */
export const districtDate = (ms: number): string => dateFormat.format(new Date(ms));

const midnightOf = (date: string): number => Date.parse(`${date}T00:00:00${DISTRICT_OFFSET}`);

/** The period from the first day's midnight to the midnight after the last day. */
export const periodOfDays = (first: string, last: string): Period => ({
  from: midnightOf(first),
  to: midnightOf(last) + DAY_MS,
});

/** The first and last day of a period. */
export const daysOf = (period: Period): [string, string] => [
  districtDate(period.from),
  districtDate(period.to - 1),
];

const shift = (date: string, amount: number, unit: 'day' | 'month'): string =>
  dayjs(date).add(amount, unit).format('YYYY-MM-DD');

/** The windows offered beside the picker, anchored on the server's today (the last day of its default period). */
export const presetPeriods = (today: string) => {
  const monthStart = dayjs(today).startOf('month').format('YYYY-MM-DD');
  const lastMonthStart = shift(monthStart, -1, 'month');
  return {
    last30Days: periodOfDays(shift(today, -29, 'day'), today),
    yearToDate: periodOfDays(dayjs(today).startOf('year').format('YYYY-MM-DD'), today),
    thisMonth: periodOfDays(monthStart, today),
    lastMonth: periodOfDays(lastMonthStart, shift(monthStart, -1, 'day')),
  };
};
