// No plaintext personal number at rest or on the way out: mobile and ID-card numbers are put in through the API
// (reporters of staff and public reports, free text of descriptions, follow-ups, comments and searches, a member's ID
// and phone, a grid worker's phone), then the SQLite file, its WAL, a backup, the server's log (at the production
// level, with the production redaction) and the case and member exports are scanned for any standalone number of
// either shape. The scanner itself is shown to find numbers planted in a database file and in a spreadsheet.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { backupDatabase } from '../cli/backup.js';
import { makeIdNumber } from '../members/index.js';
import { streamXlsx } from '../platform/xlsx/streamXlsx.js';
import { pointInGridOf } from '../testing/caseFixtures.js';
import { call, loginAs, type TestPlatform } from '../testing/testPlatform.js';
import { startFilePlatform } from './filePlatform.js';
import { scanBytes, scanSqliteValues, scanXlsx, unzip, type Finding } from './personalScan.js';

const START = Date.UTC(2026, 2, 3, 2, 0, 0);
const onPostgres = (process.env.TEST_DATABASE_URL ?? '') !== '';

/** Every number this test puts in; none may be found anywhere afterwards. */
const PUT_IN = {
  staffReporter: '13912345678',
  staffText: '13800002222',
  staffTextId: '320612198001011234',
  publicReporter: '15955556666',
  publicTextId: '32061219900202567X',
  followupPhone: '13711112222',
  followupText: '18612345678',
  commentText: '13566667777',
  searchTerm: '13922223333',
  memberId: makeIdNumber('320612', '1985-06-01', 321),
  memberPhone: '13633334444',
  staffPhone: '13444445555',
};

async function download(p: TestPlatform, cookie: string, url: string): Promise<Buffer> {
  const res = await p.app.inject({ method: 'GET', url, headers: { cookie } });
  assert.equal(res.statusCode, 200, `${url}: ${res.payload.slice(0, 300)}`);
  return res.rawPayload;
}

describe('personal numbers in plaintext: database, WAL, backup, log, exports', { skip: onPostgres }, () => {
  let p: TestPlatform;
  const logLines: string[] = [];
  const work = mkdtempSync(path.join(tmpdir(), 'tx-scan-'));
  const sources = new Map<string, { kind: 'bytes' | 'xlsx'; bytes: Buffer }>();
  const valueFindings: Finding[] = [];

  before(async () => {
    const log = new Writable({
      write(chunk: Buffer, _enc, done) {
        logLines.push(chunk.toString());
        done();
      },
    });
    p = await startFilePlatform(mkdtempSync(path.join(tmpdir(), 'tx-scan-src-')), {
      start: START,
      log: { level: 'info', to: log },
    });
    const town = await loginAs(p.app, 'jinsha');
    const admin = await loginAs(p.app, 'admin');
    const point = await pointInGridOf(p, 'wangge');

    const staff = await town.request('POST', '/api/cases', {
      categoryCode: '010101',
      description: `楼下垃圾无人清运，联系人电话${PUT_IN.staffText}，身份证${PUT_IN.staffTextId}`,
      lng: point.lng,
      lat: point.lat,
      source: 'hotline',
      reporterName: '王女士',
      reporterPhone: PUT_IN.staffReporter,
    });
    assert.equal(staff.status, 201, JSON.stringify(staff.body));
    const accepted = await town.request('POST', `/api/cases/${String(staff.body.id)}/actions`, {
      action: 'accept',
      comment: `已电话联系 ${PUT_IN.commentText}`,
    });
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));

    const pub = await call(p.app, 'POST', '/api/public/cases', {
      body: {
        categoryCode: '010101',
        description: `路灯不亮，我的身份证号${PUT_IN.publicTextId}`,
        lng: point.lng,
        lat: point.lat,
        reporterPhone: PUT_IN.publicReporter,
      },
    });
    assert.equal(pub.status, 201, JSON.stringify(pub.body));
    const followup = await call(
      p.app,
      'POST',
      `/api/public/cases/${String(pub.body.trackingCode)}/followups`,
      {
        body: { kind: 'callBack', text: `请回电，或打${PUT_IN.followupText}`, phone: PUT_IN.followupPhone },
      },
    );
    assert.equal(followup.status, 201, JSON.stringify(followup.body));

    const dongshi = await p.database.db
      .selectFrom('org')
      .select(['id', 'path'])
      .where('code', '=', '320612001001')
      .executeTakeFirstOrThrow();
    const branch = await p.database.db
      .selectFrom('org')
      .select('id')
      .where('level', '=', 'branch')
      .where('path', 'like', `${dongshi.path}%`)
      .executeTakeFirstOrThrow();
    const member = await admin.request('POST', '/api/members', {
      name: '张建国',
      ethnicity: '汉族',
      education: 'university',
      idNumber: PUT_IN.memberId,
      phone: PUT_IN.memberPhone,
      joinedOn: '2005-07-01',
      status: 'full',
      branchId: branch.id,
      groupId: null,
      communityId: null,
    });
    assert.equal(member.status, 200, JSON.stringify(member.body));
    const shown = await admin.request(
      'POST',
      `/api/members/${(member.body.item as { id: string }).id}/reveal`,
      {
        reason: '核对党员信息',
      },
    );
    assert.deepEqual(shown.body, { idNumber: PUT_IN.memberId, phone: PUT_IN.memberPhone }, 'kept, readable');

    const staffGrid = await admin.request('POST', `/api/grids/${point.gridId}/staff`, {
      name: '李网格',
      role: 'worker',
      phone: PUT_IN.staffPhone,
    });
    assert.equal(staffGrid.status, 200, JSON.stringify(staffGrid.body));

    // A search for a phone number (in the URL, so in the request log) and an export of it (in the audit).
    assert.equal((await town.request('GET', `/api/cases?q=${PUT_IN.searchTerm}`)).status, 200);
    sources.set('case export', {
      kind: 'xlsx',
      bytes: await download(p, town.cookie, `/api/cases/export.xlsx?q=${PUT_IN.searchTerm}`),
    });
    sources.set('case export (all)', {
      kind: 'xlsx',
      bytes: await download(p, town.cookie, '/api/cases/export.xlsx'),
    });
    sources.set('member export', {
      kind: 'xlsx',
      bytes: await download(
        p,
        admin.cookie,
        `/api/orgs/${dongshi.id}/export?reason=${encodeURIComponent('年度核对')}`,
      ),
    });

    // The files as they stand with the server running: the WAL still holds the recent commits.
    const file = p.database.file!;
    sources.set('database file', { kind: 'bytes', bytes: readFileSync(file) });
    sources.set('WAL', { kind: 'bytes', bytes: readFileSync(`${file}-wal`) });
    const backupFile = path.join(work, 'scan.backup');
    await backupDatabase({ dialect: 'sqlite', file }, backupFile);
    sources.set('backup', { kind: 'bytes', bytes: readFileSync(backupFile) });
    valueFindings.push(
      ...scanSqliteValues('database values', file),
      ...scanSqliteValues('backup values', backupFile),
    );
    sources.set('server log', { kind: 'bytes', bytes: Buffer.from(logLines.join('')) });
  });
  after(async () => {
    await p.close();
    rmSync(work, { recursive: true, force: true });
  });

  const scan = (name: string, s: { kind: 'bytes' | 'xlsx'; bytes: Buffer }): Finding[] =>
    s.kind === 'xlsx' ? scanXlsx(name, s.bytes) : scanBytes(name, s.bytes);

  it('the scanner finds a number planted in a database file and in a spreadsheet', async () => {
    const file = path.join(work, 'planted.sqlite');
    const db = new BetterSqlite3(file);
    db.exec('create table t (a text, b integer)');
    db.prepare('insert into t values (?, ?)').run(`来电 ${PUT_IN.staffReporter} 反映`, START);
    db.prepare('insert into t values (?, ?)').run(`证件 ${PUT_IN.memberId}`, 1);
    db.close();
    const found = scanBytes('planted', readFileSync(file)).map((f) => f.value);
    assert.ok(found.includes(PUT_IN.staffReporter) && found.includes(PUT_IN.memberId), found.join(', '));

    const chunks: Buffer[] = [];
    const rows = (async function* () {
      yield ['王女士', PUT_IN.staffPhone];
      await Promise.resolve();
    })();
    for await (const chunk of streamXlsx({ name: 's', columns: [{ header: 'x', width: 10 }] }, rows)) {
      chunks.push(chunk as Buffer);
    }
    assert.deepEqual(
      scanXlsx('planted.xlsx', Buffer.concat(chunks)).map((f) => f.value),
      [PUT_IN.staffPhone],
    );
  });

  it('finds no plaintext mobile or ID-card number in any of them', () => {
    assert.equal(sources.size, 7);
    const findings = [...[...sources].flatMap(([name, s]) => scan(name, s)), ...valueFindings];
    assert.deepEqual(
      findings.map((f) => `${f.source}: ${f.kind} ${f.value} … ${f.context}`),
      [],
    );
  });

  it('and in particular none of the numbers it put in, even inside a longer run of digits', () => {
    // The raw text too, so a number inside a longer run of digits (which the scan's boundaries pass over) is caught.
    const all = [...sources].map(([name, s]) => ({
      name,
      text:
        s.kind === 'xlsx'
          ? [...unzip(s.bytes).values()].map((b) => b.toString('utf8')).join('\n')
          : s.bytes.toString('latin1'),
    }));
    for (const [label, value] of Object.entries(PUT_IN)) {
      for (const { name, text } of all) {
        assert.ok(!text.includes(value), `${label} (${value}) found in ${name}`);
      }
    }
  });
});
