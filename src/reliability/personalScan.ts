// Scans for personal numbers in plaintext: mainland mobile numbers (1[3-9] and nine digits) and ID-card numbers
// (17 digits and a digit or X, with a birth date inside) standing alone: a whole run of digits, no letter touching it.
// Files are read as bytes (the SQLite file with its free pages, its WAL, a backup, a log); a spreadsheet (.xlsx, a
// zip) is unpacked and each part scanned; a SQLite database is also read value by value, where no column's bytes run
// into the next one's as they do in a record on disk.
import { inflateRawSync } from 'node:zlib';
import BetterSqlite3 from 'better-sqlite3';

export type Finding = { source: string; kind: 'phone' | 'idCard'; value: string; context: string };

/** Maximal runs of digits long enough to be either (with an ID card's final X); linear in the text. */
const RUNS = /[0-9]{11,}[Xx]?/g;

function kindOf(run: string): Finding['kind'] | null {
  if (run.length === 11 && /^1[3-9]/.test(run)) {
    return 'phone';
  }
  return run.length === 18 && plausibleBirth(run.slice(6, 14)) ? 'idCard' : null;
}

/**
 * An ID number carries its holder's birth date (digits 7–14); a run of 18 digits without one is some other code (a
 * five-level organisation code, columns of digits that touch in a record). The check digit is not asked for: a
 * number typed wrong is still personal.
 */
function plausibleBirth(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  return year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Every standalone mobile or ID-card number in the text, with a little of what surrounds it. */
export function scanText(source: string, text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(RUNS)) {
    let run = m[0];
    // A phone number followed by a letter x (an extension mark, a hex id) is still a phone number.
    if (run.length === 12 && /[Xx]$/.test(run)) {
      run = run.slice(0, 11);
    }
    const kind = kindOf(run);
    // Letters around the digits make them part of a token (an id, a hash), not a number someone wrote.
    const before = m.index === 0 ? '' : text.charAt(m.index - 1);
    const next = text.charAt(m.index + run.length);
    if (kind !== null && !/[A-Za-z]/.test(before) && !/[A-Za-z]/.test(next)) {
      const at = m.index;
      out.push({
        source,
        kind,
        value: run,
        // Only printable ASCII of the surroundings: enough to find the column or log line.
        context: text.slice(Math.max(0, at - 40), at + run.length + 40).replace(/[^\x20-\x7e]/g, '.'),
      });
    }
  }
  return out;
}

/**
 * Bytes as Latin-1, so digits keep their place whatever the encoding around them (UTF-8 text, SQLite's record
 * format, a WAL frame).
 */
export function scanBytes(source: string, bytes: Buffer): Finding[] {
  return scanText(source, bytes.toString('latin1'));
}

/** The entries of a zip archive (stored or deflated), by name. */
export function unzip(bytes: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) {
    throw new Error('not a zip archive');
  }
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  for (let n = 0; n < count; n++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) {
      throw new Error('broken zip directory');
    }
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(dataAt, dataAt + size);
    out.set(name, method === 0 ? Buffer.from(data) : inflateRawSync(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

/** Every part of a spreadsheet: the sheets, the shared strings, the document properties. */
export function scanXlsx(source: string, bytes: Buffer): Finding[] {
  return [...unzip(bytes)].flatMap(([name, data]) => scanText(`${source}:${name}`, data.toString('utf8')));
}

/** Every text value of every table of a SQLite file, each scanned on its own. */
export function scanSqliteValues(source: string, file: string): Finding[] {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\'",
      )
      .all() as { name: string }[];
    const out: Finding[] = [];
    for (const { name } of tables) {
      for (const row of db.prepare(`select * from "${name.replace(/"/g, '""')}"`).iterate() as Iterable<
        Record<string, unknown>
      >) {
        for (const [column, value] of Object.entries(row)) {
          if (typeof value === 'string') {
            out.push(...scanText(`${source}:${name}.${column}`, value));
          }
        }
      }
    }
    return out;
  } finally {
    db.close();
  }
}
