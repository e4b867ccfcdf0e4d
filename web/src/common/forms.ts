// Small pieces forms share: the district's wall clock for a picked date and time, and the fields a
// refused request names, marked on the form beside the problem shown under it.
import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { ApiError } from '../api/client';

/** The district keeps China Standard Time all year (UTC+8, no daylight saving). */
const DISTRICT_OFFSET_MS = 8 * 3_600_000;

/** The instant of a date and time picked as the district's wall clock, whatever the browser's own zone. */
export const districtInstant = (picked: Dayjs): number =>
  Date.UTC(picked.year(), picked.month(), picked.date(), picked.hour(), picked.minute()) - DISTRICT_OFFSET_MS;

/** The local date (YYYY-MM-DD) picked, as the API takes a deadline. */
export const pickedDate = (picked: Dayjs): string => picked.format('YYYY-MM-DD');

/** A typed text as the API takes an optional one: trimmed, and null when nothing is left. */
export const blankToNull = (v: string | undefined | null): string | null => {
  const trimmed = v?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/**
 * Where each body field the API may name sits on the form: a path, or 'list' for a Form.List whose rows the API
 * names by index (`invitees.2.phone` marks that row's phone).
 */
export type FieldMap = Readonly<Record<string, (string | number)[] | 'list'>>;

/** Marks on the form each field a problem+json answer names (the fields the form has); the rest stay as they are. */
export const markFieldErrors = (
  form: FormInstance,
  failure: unknown,
  fields: FieldMap,
  message: string,
): void => {
  if (!(failure instanceof ApiError)) {
    return;
  }
  const marked: (string | number)[][] = [];
  for (const e of failure.errors) {
    const [first = '', ...rest] = e.field.replace(/^\/?body\/?/, '').split(/[/.]/);
    const place = fields[first];
    if (place === undefined) {
      continue;
    }
    marked.push(place === 'list' ? [first, ...rest.map((s) => (/^\d+$/.test(s) ? Number(s) : s))] : place);
  }
  if (marked.length > 0) {
    form.setFields(marked.map((name) => ({ name, errors: [message] })));
  }
};
