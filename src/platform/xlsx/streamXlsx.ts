// A minimal .xlsx writer that really streams: one sheet of text and number cells (inline strings, no styles),
// written row by row into a zip entry, so memory stays flat however many rows are exported.
import { PassThrough, type Readable } from 'node:stream';
import archiver from 'archiver';

export type Cell = string | number | null;

// Control characters other than tab, newline and carriage return are not allowed in XML 1.0.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' };

const escapeXml = (s: string): string => s.replace(FORBIDDEN, '').replace(/[<>&"]/g, (c) => ENTITIES[c] ?? c);

function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

function rowXml(rowNumber: number, cells: readonly Cell[]): string {
  let xml = `<row r="${rowNumber}">`;
  cells.forEach((cell, i) => {
    if (cell === null || cell === '') {
      return;
    }
    const ref = `${columnName(i)}${rowNumber}`;
    xml +=
      typeof cell === 'number' && Number.isFinite(cell)
        ? `<c r="${ref}"><v>${cell}</v></c>`
        : `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(String(cell))}</t></is></c>`;
  });
  return `${xml}</row>`;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
const workbookXml = (sheetName: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${escapeXml(sheetName.slice(0, 31))}" sheetId="1" r:id="rId1"/></sheets></workbook>`;

export type SheetSpec = { name: string; columns: { header: string; width: number }[] };

/**
 * Streams a one-sheet workbook. `rows` is an async source of rows; the caller pulls pages from the database as the
 * client reads, because the zip entry waits for its consumer (backpressure) before asking for more.
 */
export function streamXlsx(spec: SheetSpec, rows: AsyncIterable<readonly Cell[]>): Readable {
  const out = new PassThrough();
  // Fast deflate: exports are large and read once; the file is about a quarter bigger than at level 6.
  const zip = archiver('zip', { zlib: { level: 1 } });
  zip.on('error', (error) => out.destroy(error));
  zip.pipe(out);
  zip.append(CONTENT_TYPES, { name: '[Content_Types].xml' });
  zip.append(ROOT_RELS, { name: '_rels/.rels' });
  zip.append(workbookXml(spec.name), { name: 'xl/workbook.xml' });
  zip.append(WORKBOOK_RELS, { name: 'xl/_rels/workbook.xml.rels' });

  const sheet = new PassThrough();
  zip.append(sheet, { name: 'xl/worksheets/sheet1.xml' });
  void zip
    .finalize()
    .catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));

  const write = (chunk: string): Promise<void> =>
    sheet.write(chunk) ? Promise.resolve() : new Promise((resolve) => sheet.once('drain', () => resolve()));

  void (async () => {
    const cols = spec.columns
      .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`)
      .join('');
    await write(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols>${cols}</cols><sheetData>`,
    );
    await write(
      rowXml(
        1,
        spec.columns.map((c) => c.header),
      ),
    );
    let n = 1;
    let batch = '';
    for await (const row of rows) {
      n++;
      batch += rowXml(n, row);
      if (batch.length > 64 * 1024) {
        await write(batch);
        batch = '';
      }
    }
    await write(`${batch}</sheetData></worksheet>`);
    sheet.end();
  })().catch((error: unknown) => {
    const err = error instanceof Error ? error : new Error(String(error));
    sheet.destroy(err);
    out.destroy(err);
  });
  return out;
}
