// Reading the State Council's holiday notice as a file and checking it: chinese-days JSON, this platform's own JSON,
// or a CSV of `date,kind[,name]`. Pure functions; the import use case decides what to do with the result.
import { msg, type Message } from '../platform/i18n.js';
import type { CalendarDay, CalendarDayKind } from './repository.js';

export type CalendarFileFormat = 'chineseDays' | 'days' | 'csv';

/** One entry as read from the file; `row` is its line (CSV) or its position (JSON), counted from 1. */
export type CalendarFileRow = { row: number; date: string; kind: string; name: string | null };

/** `row` 0 is the file as a whole (unreadable, counts out of range). */
export type CalendarIssue = { row: number; field: 'file' | 'date' | 'kind' | 'name'; reason: Message };

export type ReadCalendarFile = {
  format: CalendarFileFormat | null;
  rows: CalendarFileRow[];
  /** Entries of other years in a multi-year chinese-days file, left out. */
  ignoredOtherYears: number;
  issues: CalendarIssue[];
};

export type CheckedCalendarYear = {
  days: CalendarDay[];
  issues: CalendarIssue[];
  /** Rows that have at least one issue. */
  badRows: ReadonlySet<number>;
};

/** A year of the notice has 28–33 holiday dates (weekends inside the breaks included) and 5–6 adjusted workdays. */
export const HOLIDAY_COUNT_RANGE = [7, 45] as const;
export const WORKDAY_COUNT_MAX = 12;
const NAME_MAX = 50;

const fileIssue = (reason: Message): CalendarIssue => ({ row: 0, field: 'file', reason });

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const textOf = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** chinese-days writes a day as "New Year's Day,元旦,1"; the Chinese name is what the platform shows. */
function chineseDaysName(value: unknown): string | null {
  const parts = textOf(value).split(',');
  const name = (parts[1] ?? parts[0] ?? '').trim();
  return name === '' ? null : name;
}

function readJson(content: string, year: number): ReadCalendarFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return {
      format: null,
      rows: [],
      ignoredOtherYears: 0,
      issues: [fileIssue(msg('不是有效的 JSON 文件', 'Not a valid JSON file'))],
    };
  }
  if (isObject(parsed) && (isObject(parsed.holidays) || isObject(parsed.workdays))) {
    // chinese-days: { holidays: { date: name }, workdays: { date: name }, inLieuDays: … }; one year or many.
    const rows: CalendarFileRow[] = [];
    let ignored = 0;
    const take = (map: unknown, kind: CalendarDayKind) => {
      if (!isObject(map)) {
        return;
      }
      for (const [date, name] of Object.entries(map)) {
        if (/^\d{4}-/.test(date) && !date.startsWith(`${year}-`)) {
          ignored += 1;
          continue;
        }
        rows.push({ row: rows.length + 1, date: date.trim(), kind, name: chineseDaysName(name) });
      }
    };
    take(parsed.holidays, 'holiday');
    take(parsed.workdays, 'workday');
    return { format: 'chineseDays', rows, ignoredOtherYears: ignored, issues: [] };
  }
  const list = isObject(parsed) && Array.isArray(parsed.days) ? parsed.days : parsed;
  if (!Array.isArray(list)) {
    return {
      format: null,
      rows: [],
      ignoredOtherYears: 0,
      issues: [
        fileIssue(
          msg(
            'JSON 格式无法识别：应为 chinese-days 的 { holidays, workdays }，或 { days: [{ date, kind, name }] }',
            'Unrecognised JSON: expected chinese-days { holidays, workdays } or { days: [{ date, kind, name }] }',
          ),
        ),
      ],
    };
  }
  const rows = list.map((entry: unknown, index): CalendarFileRow => {
    const e = isObject(entry) ? entry : {};
    const name = textOf(e.name);
    return { row: index + 1, date: textOf(e.date), kind: textOf(e.kind), name: name === '' ? null : name };
  });
  return { format: 'days', rows, ignoredOtherYears: 0, issues: [] };
}

/** Splits one CSV line, honouring double quotes (a name may hold a comma). */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let isQuoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (isQuoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        isQuoted = false;
      } else {
        cell += ch;
      }
    } else if (ch === '"') {
      isQuoted = true;
    } else if (ch === ',' || ch === '，') {
      cells.push(cell);
      cell = '';
    } else {
      cell += ch;
    }
  }
  cells.push(cell);
  return cells.map((c) => c.trim());
}

const HEADER_CELLS = new Set(['date', '日期']);

function readCsv(content: string): ReadCalendarFile {
  const rows: CalendarFileRow[] = [];
  content.split(/\r\n|\n|\r/).forEach((line, index) => {
    if (line.trim() === '' || line.trim().startsWith('#')) {
      return;
    }
    const [date = '', kind = '', name = ''] = csvCells(line);
    if (index === 0 && HEADER_CELLS.has(date.toLowerCase())) {
      return;
    }
    rows.push({ row: index + 1, date, kind, name: name === '' ? null : name });
  });
  return { format: 'csv', rows, ignoredOtherYears: 0, issues: [] };
}

/** Reads the file's text; JSON when it starts with `{` or `[`, CSV otherwise (unless the format is given). */
export function readCalendarFile(content: string, year: number, format?: 'json' | 'csv'): ReadCalendarFile {
  const text = content.replace(/^\uFEFF/, '');
  const isJson = format === undefined ? /^\s*[[{]/.test(text) : format === 'json';
  const read = isJson ? readJson(text, year) : readCsv(text);
  if (read.issues.length === 0 && read.rows.length === 0) {
    read.issues.push(fileIssue(msg('文件中没有该年的日期', 'The file holds no dates of that year')));
  }
  return read;
}

const KIND_WORDS: Record<string, CalendarDayKind> = {
  holiday: 'holiday',
  workday: 'workday',
  休: 'holiday',
  假: 'holiday',
  节假日: 'holiday',
  班: 'workday',
  上班: 'workday',
  调休上班: 'workday',
};

/** Weekday of a 'YYYY-MM-DD' calendar date, 0 = Sunday; null when it is not a real date. */
export function weekdayOf(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (m === null) {
    return null;
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    return null;
  }
  return back.getUTCDay();
}

/** Checks the rows as one year of the calendar: every date in that year, no duplicates, sensible counts. */
export function checkCalendarYear(rows: readonly CalendarFileRow[], year: number): CheckedCalendarYear {
  const issues: CalendarIssue[] = [];
  const days: CalendarDay[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const rowIssues: CalendarIssue[] = [];
    const weekday = weekdayOf(r.date);
    if (weekday === null) {
      rowIssues.push({
        row: r.row,
        field: 'date',
        reason: msg('日期无效（应为 YYYY-MM-DD 的真实日期）', 'Not a real date (YYYY-MM-DD)'),
      });
    } else if (!r.date.startsWith(`${year}-`)) {
      rowIssues.push({
        row: r.row,
        field: 'date',
        reason: msg(`日期不在 ${year} 年内`, `The date is not in ${year}`),
      });
    } else if (seen.has(r.date)) {
      rowIssues.push({
        row: r.row,
        field: 'date',
        reason: msg(
          `日期重复（与第 ${seen.get(r.date)} 行相同）`,
          `Duplicate date (same as row ${seen.get(r.date)})`,
        ),
      });
    }
    const kind = KIND_WORDS[r.kind.toLowerCase()];
    if (kind === undefined) {
      rowIssues.push({
        row: r.row,
        field: 'kind',
        reason: msg('类型应为 holiday（放假）或 workday（调休上班）', 'Kind must be holiday or workday'),
      });
    } else if (kind === 'workday' && weekday !== null && weekday !== 0 && weekday !== 6) {
      rowIssues.push({
        row: r.row,
        field: 'kind',
        reason: msg(
          '调休上班日应为周六或周日（工作日本来就上班）',
          'An adjusted working day falls on a Saturday or Sunday (weekdays are working days anyway)',
        ),
      });
    }
    if (r.name !== null && r.name.length > NAME_MAX) {
      rowIssues.push({
        row: r.row,
        field: 'name',
        reason: msg(`名称不超过 ${NAME_MAX} 个字`, `The name has at most ${NAME_MAX} characters`),
      });
    }
    if (weekday !== null && !seen.has(r.date)) {
      seen.set(r.date, r.row);
    }
    if (rowIssues.length > 0) {
      issues.push(...rowIssues);
    } else if (kind !== undefined) {
      days.push({ date: r.date, kind, name: r.name });
    }
  }
  const holidays = days.filter((d) => d.kind === 'holiday').length;
  const workdays = days.length - holidays;
  const [minHolidays, maxHolidays] = HOLIDAY_COUNT_RANGE;
  if (issues.length === 0 && (holidays < minHolidays || holidays > maxHolidays)) {
    issues.push(
      fileIssue(
        msg(
          `放假日期共 ${holidays} 天，不像一年的放假安排（应在 ${minHolidays}–${maxHolidays} 天之间）`,
          `${holidays} holiday dates do not look like a year's notice (expected ${minHolidays}–${maxHolidays})`,
        ),
      ),
    );
  }
  if (issues.length === 0 && workdays > WORKDAY_COUNT_MAX) {
    issues.push(
      fileIssue(
        msg(
          `调休上班日共 ${workdays} 天，超过 ${WORKDAY_COUNT_MAX} 天`,
          `${workdays} adjusted working days are more than ${WORKDAY_COUNT_MAX}`,
        ),
      ),
    );
  }
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { days, issues, badRows: new Set(issues.map((i) => i.row).filter((r) => r > 0)) };
}
