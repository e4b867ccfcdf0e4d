// The district's local time: every date shown, exported, bucketed or parsed goes through here.
// The district is Asia/Shanghai (config.timeZone), which has kept UTC+8 without daylight saving since 1991, so a fixed
// offset is exact; a district elsewhere would change this one file.

export const DISTRICT_TIME_ZONE = 'Asia/Shanghai';
export const DISTRICT_OFFSET_MS = 8 * 3_600_000;
/** The offset as ISO 8601 writes it. */
export const DISTRICT_OFFSET = '+08:00';
export const DAY_MS = 86_400_000;

/** A Date whose UTC fields read as the district's wall clock (for year, month, day, hour, weekday). */
export function localFields(ms: number): Date {
  return new Date(ms + DISTRICT_OFFSET_MS);
}

/** 'YYYY-MM-DD' of the district's calendar day containing the instant. */
export function localDate(ms: number): string {
  return localFields(ms).toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD HH:mm' in district time, for tables and spreadsheets. */
export function localDateTime(ms: number): string {
  return localFields(ms).toISOString().slice(0, 16).replace('T', ' ');
}

/** ISO 8601 with the district offset, seconds precision: 2025-05-01T09:30:00+08:00. */
export function isoLocal(ms: number): string {
  return `${localFields(ms).toISOString().slice(0, 19)}${DISTRICT_OFFSET}`;
}

/** ISO 8601 with the district offset, milliseconds precision: 2026-11-27T16:00:00.000+08:00. */
export function isoLocalMs(ms: number): string {
  return `${localFields(ms).toISOString().slice(0, 23)}${DISTRICT_OFFSET}`;
}

/** The year of the district's calendar at the instant. */
export function localYear(ms: number): number {
  return localFields(ms).getUTCFullYear();
}

/** The instant of the district's local midnight starting the day that contains the instant. */
export function startOfLocalDay(ms: number): number {
  return Math.floor((ms + DISTRICT_OFFSET_MS) / DAY_MS) * DAY_MS - DISTRICT_OFFSET_MS;
}

/** The instant of local midnight at the start of a 'YYYY-MM-DD' district date. */
export function instantOfLocalDate(date: string): number {
  return Date.parse(`${date}T00:00:00${DISTRICT_OFFSET}`);
}

/** Parses an ISO 8601 date or date-time; without an offset it is read in district time. Null if not ISO 8601. */
export function parseLocalDateTime(text: string): number | null {
  const s = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(s)) {
    return null;
  }
  const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/.test(s) && s.length > 10;
  const normalised = s.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(
    hasOffset
      ? normalised
      : `${normalised.length === 10 ? `${normalised}T00:00:00` : normalised}${DISTRICT_OFFSET}`,
  );
  return Number.isNaN(ms) ? null : ms;
}
