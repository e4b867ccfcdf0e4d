// Case deadlines against the holiday calendar's years: provisional across a year it lacks, exact once it is imported.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { manualClock } from '../platform/clock.js';
import { CASE_STAGES, caseIn, pointInGridOf, sessions, type Sessions } from '../testing/caseFixtures.js';
import { startTestPlatform, type TestPlatform } from '../testing/testPlatform.js';

/** A Beijing-time instant. */
const bj = (iso: string) => Date.parse(`${iso}+08:00`);

// New Year 2027 falls on a Friday; this made-up notice gives 1–3 January off and 9 days at the Spring Festival.
const holidays2027 = [
  '2027-01-01',
  '2027-01-02',
  '2027-01-03',
  ...['06', '07', '08', '09', '10', '11', '12', '13', '14'].map((d) => `2027-02-${d}`),
];
const csv2027 = [
  'date,kind,name',
  ...holidays2027.map((d) => `${d},holiday,节日`),
  '2027-02-20,workday,春节',
].join('\n');

describe('deadlines across the end of the holiday calendar', () => {
  let p: TestPlatform;
  let s: Sessions;
  let point: { lng: number; lat: number };
  let earlyId = '';

  before(async () => {
    // Thursday 2026-12-31, 17:00: half an hour of the working day is left.
    p = await startTestPlatform(
      { JOB_INTERVAL_MS: '600000' },
      { stages: CASE_STAGES, orgScale: 0.02, clock: manualClock(bj('2026-12-31T17:00:00')) },
    );
    s = await sessions(p);
    point = await pointInGridOf(p, 'wangge');
  });
  after(async () => {
    await p.close();
  });

  const dispatched = async (description: string) => {
    const id = await caseIn(s, point, 'dispatched', { description });
    const detail = await s.town.request('GET', `/api/cases/${id}`);
    assert.equal(detail.status, 200);
    const row = await p.database.db
      .selectFrom('case_file')
      .select(['limit_json', 'deadline_provisional'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    // Exposed garbage, normal urgency: one working day (450 working minutes).
    assert.deepEqual(JSON.parse(row.limit_json ?? 'null'), { amount: 1, unit: 'workDays' });
    const body = detail.body.item as Record<string, unknown>;
    return {
      id,
      deadlineAt: body.deadlineAt,
      isProvisional: body.isDeadlineProvisional,
      stored: row.deadline_provisional,
    };
  };

  it('a deadline computed into 2027 without its calendar is provisional (1 January counted as a working day)', async () => {
    const c = await dispatched('小区门口暴露垃圾（跨年，未导入 2027 年日历）');
    assert.equal(c.deadlineAt, bj('2027-01-01T17:00:00'));
    assert.equal(c.isProvisional, true);
    assert.equal(c.stored, 1);
    earlyId = c.id;
  });

  it('once 2027 is imported, the deadline skips its New Year holiday and is no longer provisional', async () => {
    const imported = await s.admin.request('POST', '/api/calendar/2027/import?dryRun=false', {
      content: csv2027,
      fileName: '2027.csv',
    });
    assert.equal(imported.status, 200);
    assert.equal(imported.body.committed, true, JSON.stringify(imported.body.issues));
    const c = await dispatched('桥下暴露垃圾（跨年，已导入 2027 年日历）');
    // 30 minutes on 31 December, then Friday 1 January to Sunday 3 January off: Monday 4 January, 17:00.
    assert.equal(c.deadlineAt, bj('2027-01-04T17:00:00'));
    assert.equal(c.isProvisional, false);
    assert.equal(c.stored, 0);

    // The case dispatched before the import has its deadline laid again on the new calendar, its timer with it.
    const early = await s.town.request('GET', `/api/cases/${earlyId}`);
    const item = early.body.item as Record<string, unknown>;
    assert.equal(item.deadlineAt, bj('2027-01-04T17:00:00'));
    assert.equal(item.isDeadlineProvisional, false);
    const timer = await p.database.db
      .selectFrom('job')
      .select(['due_at'])
      .where('key', '=', `case:${earlyId}:red`)
      .executeTakeFirstOrThrow();
    assert.equal(timer.due_at, bj('2027-01-04T17:00:00') + 1);
  });
});
