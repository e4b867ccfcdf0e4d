// What a client may see of the holiday calendar: days, years with their counts, the status and an import's report.
import { Type, type Static } from '@fastify/type-provider-typebox';
import { pick, type Locale } from '../platform/i18n.js';
import { weekdayOf } from './calendarFile.js';
import type { CalendarStatus } from './calendarStatus.js';
import type { CalendarImportResult } from './importCalendarYear.js';
import type { CalendarDay, CalendarYearRow } from './repository.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Kind = Type.Union([Type.Literal('holiday'), Type.Literal('workday')]);

export const DaySchema = Type.Object({
  date: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }),
  kind: Kind,
  name: Type.Union([Type.String({ maxLength: 50 }), Type.Null()]),
});

export const YearSchema = Type.Object({
  year: Type.Integer(),
  holidays: Type.Integer(),
  workdays: Type.Integer(),
  source: Nullable(Type.String()),
  /** Null for a year present before imports were recorded. */
  importedAt: Nullable(Type.Number()),
});
export type YearDto = Static<typeof YearSchema>;

export function presentYear(row: CalendarYearRow): YearDto {
  return {
    year: row.year,
    holidays: row.holiday_count,
    workdays: row.workday_count,
    source: row.source,
    importedAt: row.imported_at === 0 ? null : row.imported_at,
  };
}

export const StatusSchema = Type.Object({
  today: Type.String(),
  currentYear: Type.Integer(),
  years: Type.Array(Type.Integer()),
  alerts: Type.Array(
    Type.Object({
      year: Type.Integer(),
      severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
    }),
  ),
});

export function presentStatus(status: CalendarStatus): Static<typeof StatusSchema> {
  return {
    today: status.today,
    currentYear: status.currentYear,
    years: status.years.map((y) => y.year),
    alerts: status.alerts,
  };
}

export function presentDays(days: readonly CalendarDay[]): Static<typeof DaySchema>[] {
  return days.map((d) => ({ date: d.date, kind: d.kind, name: d.name }));
}

export const ImportReportSchema = Type.Object({
  year: Type.Integer(),
  format: Type.Union([Type.Literal('chineseDays'), Type.Literal('days'), Type.Literal('csv'), Type.Null()]),
  dryRun: Type.Boolean(),
  committed: Type.Boolean(),
  total: Type.Integer(),
  valid: Type.Integer(),
  holidays: Type.Integer(),
  workdays: Type.Integer(),
  ignoredOtherYears: Type.Integer(),
  before: Type.Union([Type.Object({ holidays: Type.Integer(), workdays: Type.Integer() }), Type.Null()]),
  /** Row 0 is the file as a whole. */
  issues: Type.Array(Type.Object({ row: Type.Integer(), field: Type.String(), message: Type.String() })),
  /** Every row as read, in file order, with its weekday (0 = Sunday) and whether it passed. */
  rows: Type.Array(
    Type.Object({
      row: Type.Integer(),
      date: Type.String(),
      kind: Type.String(),
      name: Nullable(Type.String()),
      weekday: Type.Union([Type.Integer({ minimum: 0, maximum: 6 }), Type.Null()]),
      isValid: Type.Boolean(),
    }),
  ),
});
export type ImportReportDto = Static<typeof ImportReportSchema>;

const MAX_REPORTED_ROWS = 1000;

export function presentImport(result: CalendarImportResult, locale: Locale): ImportReportDto {
  const holidays = result.days.filter((d) => d.kind === 'holiday').length;
  return {
    year: result.year,
    format: result.format,
    dryRun: result.dryRun,
    committed: result.committed,
    total: result.rows.length,
    valid: result.rows.length - result.badRows.size,
    holidays,
    workdays: result.days.length - holidays,
    ignoredOtherYears: result.ignoredOtherYears,
    before: result.before,
    issues: result.issues
      .slice(0, MAX_REPORTED_ROWS)
      .map((i) => ({ row: i.row, field: i.field, message: pick(i.reason, locale) })),
    rows: result.rows.slice(0, MAX_REPORTED_ROWS).map((r) => ({
      row: r.row,
      date: r.date.slice(0, 40),
      kind: r.kind.slice(0, 40),
      name: r.name === null ? null : r.name.slice(0, 100),
      weekday: weekdayOf(r.date),
      isValid: !result.badRows.has(r.row),
    })),
  };
}
