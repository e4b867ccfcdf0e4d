// The holiday calendar through the API: the missing-year status on explicit dates, and importing a year from a file.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { manualClock, type ManualClock } from '../platform/clock.js';
import { loginAs, startTestPlatform, type Session, type TestPlatform } from '../testing/testPlatform.js';

/** A Beijing-time instant. */
const bj = (iso: string) => Date.parse(`${iso}+08:00`);

/** A made-up 2027 notice in chinese-days' shape (the real one is published in the autumn of 2026). */
const notice2027 = {
  holidays: Object.fromEntries(
    [
      ['2027-01-01', "New Year's Day,元旦,1"],
      ['2027-01-02', "New Year's Day,元旦,1"],
      ['2027-01-03', "New Year's Day,元旦,1"],
      ...['06', '07', '08', '09', '10', '11', '12', '13', '14'].map((d) => [
        `2027-02-${d}`,
        'Spring Festival,春节,4',
      ]),
      ['2027-05-01', 'Labour Day,劳动节,2'],
      ['2027-10-01', 'National Day,国庆节,3'],
    ].map(([date, name]) => [date!, name!]),
  ),
  workdays: { '2027-02-20': 'Spring Festival,春节,4' },
  inLieuDays: {},
};

describe('the holiday calendar', () => {
  let p: TestPlatform;
  let clock: ManualClock;
  let admin: Session;

  const at = async (iso: string) => {
    clock.set(bj(iso));
    admin = await loginAs(p.app, 'admin');
  };
  const alerts = async () => {
    const res = await admin.request('GET', '/api/calendar/status');
    assert.equal(res.status, 200);
    return res.body.alerts;
  };
  const years = async () =>
    ((await admin.request('GET', '/api/calendar/years')).body.items as { year: number }[]).map((y) => y.year);
  const importFile = (year: number, body: Record<string, unknown>, dryRun: boolean) =>
    admin.request('POST', `/api/calendar/${year}/import?dryRun=${String(dryRun)}`, body);

  before(async () => {
    clock = manualClock(bj('2026-11-02T09:00:00'));
    p = await startTestPlatform({}, { clock });
    admin = await loginAs(p.app, 'admin');
  });
  after(async () => {
    await p.close();
  });

  it('holds 2025 and 2026 from the start; only calendar admins read the status', async () => {
    assert.deepEqual(await years(), [2025, 2026]);
    const town = await loginAs(p.app, 'jinsha');
    assert.equal((await town.request('GET', '/api/calendar/status')).status, 403);
    assert.equal(
      (await town.request('POST', '/api/calendar/2027/import', { content: JSON.stringify(notice2027) }))
        .status,
      403,
    );
  });

  it('on 2026-10-31 nothing is due; from 2026-11-01 next year’s missing calendar is a warning', async () => {
    await at('2026-10-31T23:59:00');
    assert.deepEqual(await alerts(), []);
    await at('2026-11-01T00:00:00');
    assert.deepEqual(await alerts(), [{ year: 2027, severity: 'warning' }]);
    await at('2026-11-02T09:00:00');
    assert.deepEqual(await alerts(), [{ year: 2027, severity: 'warning' }]);
  });

  it('on 2027-03-01 without a 2027 calendar the current year is an error', async () => {
    await at('2027-03-01T09:00:00');
    assert.deepEqual(await alerts(), [{ year: 2027, severity: 'error' }]);
    await at('2026-11-02T09:00:00');
  });

  it('a dry run shows the holidays and adjusted workdays and writes nothing', async () => {
    const res = await importFile(2027, { content: JSON.stringify(notice2027), fileName: '2027.json' }, true);
    assert.equal(res.status, 200);
    assert.equal(res.body.format, 'chineseDays');
    assert.equal(res.body.committed, false);
    assert.equal(res.body.holidays, 14);
    assert.equal(res.body.workdays, 1);
    assert.deepEqual(res.body.issues, []);
    const rows = res.body.rows as { date: string; kind: string; name: string; weekday: number }[];
    assert.deepEqual(rows.at(-1), {
      row: 15,
      date: '2027-02-20',
      kind: 'workday',
      name: '春节',
      weekday: 6,
      isValid: true,
    });
    assert.deepEqual(await years(), [2025, 2026]);
    assert.deepEqual((await admin.request('GET', '/api/calendar/2027')).body.items, []);
  });

  it('a file with one broken row reports that row and commits nothing', async () => {
    const csv = [
      'date,kind,name',
      '2027-01-01,holiday,元旦',
      '2027-01-02,holiday,元旦',
      '2027-01-03,holiday,元旦',
      '2027-02-06,holiday,春节',
      '2027-02-07,holiday,春节',
      '2027-02-08,holiday,春节',
      '2027-02-09,holiday,春节',
      '2027-02-10,holiday,春节',
      '2027-02-31,holiday,春节',
      '2027-02-20,workday,春节',
    ].join('\n');
    const res = await importFile(2027, { content: csv, format: 'csv' }, false);
    assert.equal(res.status, 200);
    assert.equal(res.body.committed, false);
    const issues = res.body.issues as { row: number; field: string }[];
    assert.deepEqual(
      issues.map((i) => [i.row, i.field]),
      [[10, 'date']],
    );
    assert.equal(res.body.total, 10);
    assert.equal(res.body.valid, 9);
    assert.deepEqual(await years(), [2025, 2026]);
    assert.deepEqual((await admin.request('GET', '/api/calendar/2027')).body.items, []);
    const audited = await p.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'calendar.import')
      .execute();
    assert.equal(audited.length, 0);
  });

  it('refuses dates of another year, duplicates, weekday "workdays" and too few holidays', async () => {
    const days = [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2026-12-31', kind: 'holiday', name: null },
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-01-04', kind: 'workday', name: null },
      { date: '2027-01-09', kind: 'rest', name: null },
    ];
    const res = await importFile(2027, { content: JSON.stringify({ days }) }, false);
    assert.equal(res.body.committed, false);
    assert.deepEqual(
      (res.body.issues as { row: number; field: string }[]).map((i) => [i.row, i.field]),
      [
        [2, 'date'],
        [3, 'date'],
        [4, 'kind'],
        [5, 'kind'],
      ],
    );
    const few = await importFile(2027, { content: '2027-01-01,holiday\n2027-01-02,holiday\n' }, true);
    assert.deepEqual(
      (few.body.issues as { row: number; field: string }[]).map((i) => [i.row, i.field]),
      [[0, 'file']],
    );
    const junk = await importFile(2027, { content: '{ not json' }, true);
    assert.deepEqual(
      (junk.body.issues as { row: number; field: string }[]).map((i) => [i.row, i.field]),
      [[0, 'file']],
    );
  });

  it('a commit replaces the year atomically, is audited, and ends the warning', async () => {
    const res = await importFile(2027, { content: JSON.stringify(notice2027), fileName: '2027.json' }, false);
    assert.equal(res.status, 200);
    assert.equal(res.body.committed, true);
    const listed = (await admin.request('GET', '/api/calendar/years')).body.items as Record<
      string,
      unknown
    >[];
    assert.deepEqual(listed.at(-1), {
      year: 2027,
      holidays: 14,
      workdays: 1,
      source: '2027.json',
      importedAt: bj('2026-11-02T09:00:00'),
    });
    const days = (await admin.request('GET', '/api/calendar/2027')).body.items as { date: string }[];
    assert.equal(days.length, 15);
    assert.equal(days[0]!.date, '2027-01-01');
    assert.deepEqual(await alerts(), []);
    await at('2027-03-01T09:00:00');
    assert.deepEqual(await alerts(), []);
    await at('2027-11-01T09:00:00');
    assert.deepEqual(await alerts(), [{ year: 2028, severity: 'warning' }]);
    await at('2026-11-02T09:00:00');

    // Importing again replaces the year: a CSV with one holiday fewer leaves exactly its own rows.
    const csv = Object.keys(notice2027.holidays)
      .filter((d) => d !== '2027-10-01')
      .map((d) => `${d},holiday`)
      .join('\n');
    const again = await importFile(2027, { content: csv, fileName: '2027.csv' }, false);
    assert.equal(again.body.committed, true);
    assert.deepEqual(again.body.before, { holidays: 14, workdays: 1 });
    const after = (await admin.request('GET', '/api/calendar/2027')).body.items as { date: string }[];
    assert.equal(after.length, 13);
    const audited = await p.database.db
      .selectFrom('audit_log')
      .select(['entity_id', 'actor_name'])
      .where('action', '=', 'calendar.import')
      .execute();
    assert.equal(audited.length, 2);
    assert.equal(audited[0]!.entity_id, '2027');
  });
});
