// Imports one year of the holiday calendar from a file: a dry run reports every row; a commit replaces that year
// atomically, audited, and only when no row has an issue. The caller must hold 'calendar.write'.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/index.js';
import type { RequestContext } from '../platform/context.js';
import type { DB } from '../platform/db/schema.js';
import {
  checkCalendarYear,
  readCalendarFile,
  type CalendarFileFormat,
  type CalendarFileRow,
  type CalendarIssue,
  type CheckedCalendarYear,
} from './calendarFile.js';
import { calendarRepository, type CalendarDay } from './repository.js';
import { tellCalendarImported } from './hooks.js';
import { forgetWorkCalendars, readWorkCalendar } from './workCalendar.js';

const NOTHING: CheckedCalendarYear = { days: [], issues: [], badRows: new Set() };

export type CalendarImportInput = {
  year: number;
  content: string;
  format?: 'json' | 'csv';
  fileName?: string;
  dryRun: boolean;
};

export type CalendarImportResult = {
  year: number;
  format: CalendarFileFormat | null;
  dryRun: boolean;
  committed: boolean;
  rows: CalendarFileRow[];
  badRows: ReadonlySet<number>;
  days: CalendarDay[];
  issues: CalendarIssue[];
  ignoredOtherYears: number;
  /** What the year holds before this import (null: no calendar yet). */
  before: { holidays: number; workdays: number } | null;
};

export async function importCalendarYear(
  db: Kysely<DB>,
  ctx: RequestContext,
  input: CalendarImportInput,
): Promise<CalendarImportResult> {
  const read = readCalendarFile(input.content, input.year, input.format);
  // An unreadable file is one issue, not also a count out of range.
  const checked = read.issues.length > 0 ? NOTHING : checkCalendarYear(read.rows, input.year);
  const issues = [...read.issues, ...checked.issues];
  const existing = await calendarRepository(db).year(input.year);
  const result: CalendarImportResult = {
    year: input.year,
    format: read.format,
    dryRun: input.dryRun,
    committed: false,
    rows: read.rows,
    badRows: checked.badRows,
    days: checked.days,
    issues,
    ignoredOtherYears: read.ignoredOtherYears,
    before:
      existing === undefined ? null : { holidays: existing.holiday_count, workdays: existing.workday_count },
  };
  if (input.dryRun || issues.length > 0) {
    return result;
  }
  const holidays = checked.days.filter((d) => d.kind === 'holiday').length;
  const workdays = checked.days.length - holidays;
  await db.transaction().execute(async (trx) => {
    const before = await readWorkCalendar(trx);
    await calendarRepository(trx).replaceYear(
      {
        year: input.year,
        holiday_count: holidays,
        workday_count: workdays,
        source: input.fileName ?? read.format,
        imported_at: ctx.now,
        imported_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      },
      checked.days,
    );
    await recordAudit(trx, ctx, {
      action: 'calendar.import',
      entityType: 'calendar',
      entityId: String(input.year),
      orgPath: null,
      detail: {
        format: read.format,
        fileName: input.fileName ?? null,
        holidays,
        workdays,
        before: result.before,
      },
    });
    await tellCalendarImported(trx, { year: input.year, before, after: await readWorkCalendar(trx), ctx });
  });
  forgetWorkCalendars();
  return { ...result, committed: true };
}
