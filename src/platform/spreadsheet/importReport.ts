// The shape of an import's answer (preview, row-level issues) and the column mapping every spreadsheet import shares.
import { pick, type Locale, type Message } from '../i18n.js';
import { TableError, type Table } from './readTable.js';

export type ImportIssue = { row: number; column: string; reason: string };

export type ImportReport = {
  kind: string;
  dryRun: boolean;
  committed: boolean;
  total: number;
  valid: number;
  issueCount: number;
  /** The first 1,000 issues. */
  issues: ImportIssue[];
  /** The first rows as read, for the preview table. */
  columns: string[];
  preview: { row: number; values: Record<string, string> }[];
};

export type ColumnSpec<K extends string> = { key: K; zh: string; en: string; isRequired: boolean };

export class IssueList {
  readonly items: ImportIssue[] = [];
  readonly rows = new Set<number>();
  constructor(private readonly locale: Locale) {}
  add(row: number, column: string, reason: Message): void {
    this.rows.add(row);
    this.items.push({ row, column, reason: pick(reason, this.locale) });
  }
}

export const tableErrorMessage = (error: TableError): Message => {
  switch (error.reason) {
    case 'encoding':
      return {
        zh: '文件编码无法识别（请保存为 UTF-8 或 GBK 编码的 CSV，或 .xlsx）',
        en: 'Unreadable text encoding (save as UTF-8 or GBK CSV, or .xlsx)',
      };
    case 'format':
      return {
        zh: '文件格式无法识别（请上传 .xlsx 或 .csv）',
        en: 'Unrecognised file format (upload .xlsx or .csv)',
      };
    case 'empty':
      return { zh: '文件中没有数据', en: 'The file holds no data' };
  }
};

/** Maps header cells to column keys; unknown and missing columns become issues on the header row. */
export function mapColumns<K extends string>(
  table: Table,
  specs: readonly ColumnSpec<K>[],
  issues: IssueList,
): Map<K, number> {
  const found = new Map<K, number>();
  const headerRow = (table.rows[0]?.row ?? 2) - 1;
  table.headers.forEach((header, index) => {
    const name = header.replace(/[*＊\s]/g, '');
    if (name === '') {
      return;
    }
    const spec = specs.find(
      (s) => s.zh === name || s.en.toLowerCase() === name.toLowerCase() || s.key === name,
    );
    if (spec === undefined) {
      issues.add(headerRow, header, { zh: '无法识别的列', en: 'Unknown column' });
    } else if (found.has(spec.key)) {
      issues.add(headerRow, header, { zh: '列重复', en: 'Duplicate column' });
    } else {
      found.set(spec.key, index);
    }
  });
  for (const spec of specs) {
    if (spec.isRequired && !found.has(spec.key)) {
      issues.add(headerRow, spec.zh, { zh: '缺少必填列', en: 'Required column missing' });
    }
  }
  return found;
}

export function reportOf(
  kind: string,
  dryRun: boolean,
  committed: boolean,
  table: Table | null,
  issues: IssueList,
  specs: readonly ColumnSpec<string>[],
  columns: Map<string, number>,
  /** Personal columns are shown masked in the preview. */
  maskers: Partial<Record<string, (value: string) => string>> = {},
): ImportReport {
  const total = table?.rows.length ?? 0;
  const dataIssueRows = [...issues.rows].filter((r) => table?.rows.some((x) => x.row === r) === true).length;
  const shown = specs.filter((s) => columns.has(s.key));
  return {
    kind,
    dryRun,
    committed,
    total,
    valid: issues.items.length > 0 && dataIssueRows === 0 ? 0 : total - dataIssueRows,
    issueCount: issues.items.length,
    issues: issues.items.slice(0, 1000),
    columns: shown.map((s) => s.zh),
    preview: (table?.rows ?? []).slice(0, 20).map((r) => ({
      row: r.row,
      values: Object.fromEntries(
        shown.map((s) => {
          const value = r.cells[columns.get(s.key)!] ?? '';
          const mask = maskers[s.key];
          return [s.zh, mask === undefined || value === '' ? value : mask(value)];
        }),
      ),
    })),
  };
}

export const isDate = (text: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    return false;
  }
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text);
};

/** 2001/7/1, 2001.7.1 and 20010701 as people type them → 2001-07-01. */
export function normaliseDate(text: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  return m === null ? text : `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}
