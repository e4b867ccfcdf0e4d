// Reads an uploaded table (.xlsx, or .csv in UTF-8 or GBK as Excel saves it) into header + rows of text cells.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export type TableRow = { row: number; cells: string[] };
export type Table = { headers: string[]; rows: TableRow[] };

export class TableError extends Error {
  constructor(readonly reason: 'encoding' | 'format' | 'empty') {
    super(reason);
  }
}

const isZip = (bytes: Buffer): boolean => bytes.length > 4 && bytes.readUInt32LE(0) === 0x04034b50;

const pad = (n: number): string => String(n).padStart(2, '0');

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (value instanceof Date) {
    // Excel dates are calendar days; exceljs hands them over as UTC midnight.
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value === 'object') {
    if ('richText' in value) {
      return value.richText.map((r) => r.text).join('');
    }
    if ('text' in value) {
      return value.text;
    }
    if ('result' in value) {
      return cellText(value.result);
    }
    return '';
  }
  return String(value);
}

/**
 * The whole workbook is loaded at once: exceljs's streaming reader decodes each inflated chunk on its own and breaks
 * Chinese characters that straddle a chunk boundary.
 */
async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new TableError('format');
  }
  const sheet = book.worksheets[0];
  const out: string[][] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: string[] = [];
    for (let i = 1; i < values.length; i++) {
      cells.push(cellText(values[i]).trim());
    }
    out[rowNumber - 1] = cells;
  });
  return Array.from(out, (r) => r ?? []);
}

/** UTF-8 (with or without BOM) when it decodes cleanly, else GBK; undecodable bytes are an error, not mojibake. */
export function decodeText(bytes: Buffer): string {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const text = iconv.decode(body, 'gb18030');
    if (text.includes('\uFFFD')) {
      throw new TableError('encoding');
    }
    return text;
  }
}

/** RFC 4180: commas, quoted fields with doubled quotes, CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let isQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (isQuoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else {
          isQuoted = false;
        }
      } else {
        field += c;
      }
    } else if (c === '"' && field === '') {
      isQuoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') {
        i += 1;
      }
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (isQuoted) {
    throw new TableError('format');
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.map((r) => r.map((s) => s.trim()));
}

/** The first non-empty row is the header; blank rows are skipped; row numbers are as a spreadsheet shows them. */
export async function readTable(bytes: Buffer): Promise<Table> {
  const grid = isZip(bytes) ? await readXlsx(bytes) : parseCsv(decodeText(bytes));
  const numbered = grid
    .map((cells, i) => ({ row: i + 1, cells }))
    .filter((r) => r.cells.some((c) => c !== ''));
  const [header, ...rows] = numbered;
  if (header === undefined) {
    throw new TableError('empty');
  }
  return { headers: header.cells, rows };
}
