import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import days from './china-2025-2026.json' with { type: 'json' };
import {
  addWorkingMinutes,
  DEFAULT_PERIODS,
  isProvisional,
  lightAt,
  limitMinutes,
  uncoveredYears,
  workingMinutesBetween,
  type WorkCalendar,
} from './workingTime.js';

const cal: WorkCalendar = {
  holidays: new Set(days.days.filter((d) => d.kind === 'holiday').map((d) => d.date)),
  workdays: new Set(days.days.filter((d) => d.kind === 'workday').map((d) => d.date)),
  periods: DEFAULT_PERIODS,
  years: new Set([2025, 2026]),
};
/** A Beijing-time instant. */
const bj = (iso: string) => Date.parse(`${iso}+08:00`);

describe('working time (Asia/Shanghai, 08:30–12:00 and 13:30–17:30)', () => {
  it('a working day is 450 minutes', () => {
    assert.equal(limitMinutes({ amount: 1, unit: 'workDays' }, cal), 450);
  });

  it('within a day, skipping lunch', () => {
    assert.equal(addWorkingMinutes(bj('2026-11-27T11:00:00'), 120, cal), bj('2026-11-27T14:30:00'));
  });

  it('across a weekend: Friday 16:30 + 2 working hours = Monday 09:30', () => {
    assert.equal(addWorkingMinutes(bj('2026-11-27T16:30:00'), 120, cal), bj('2026-11-30T09:30:00'));
  });

  it('a report at night starts counting at the next opening', () => {
    assert.equal(addWorkingMinutes(bj('2026-11-26T22:00:00'), 30, cal), bj('2026-11-27T09:00:00'));
  });

  it('across the 2026 National Day holiday and its adjusted Saturday (2026-10-10 is a working day)', () => {
    // Wednesday 2026-09-30 17:00 + 1 working day: 30 min on the 30th, then 1–7 Oct off, 8 Oct (Thu) is a workday.
    assert.equal(addWorkingMinutes(bj('2026-09-30T17:00:00'), 450, cal), bj('2026-10-08T17:00:00'));
    // Friday 2026-10-09 17:00 + 60 min: Saturday the 10th is an adjusted working day.
    assert.equal(addWorkingMinutes(bj('2026-10-09T17:00:00'), 60, cal), bj('2026-10-10T09:00:00'));
  });

  it('Spring Festival 2026: a holiday weekday is skipped, the adjusted Saturday 2026-02-14 works', () => {
    assert.equal(workingMinutesBetween(bj('2026-02-14T00:00:00'), bj('2026-02-15T00:00:00'), cal), 450);
    assert.equal(workingMinutesBetween(bj('2026-02-16T00:00:00'), bj('2026-02-24T00:00:00'), cal), 0);
    assert.equal(workingMinutesBetween(bj('2026-02-24T00:00:00'), bj('2026-02-25T00:00:00'), cal), 450);
  });

  it('elapsed and added time agree', () => {
    const start = bj('2026-12-31T10:17:00');
    for (const minutes of [1, 59, 450, 451, 2000, 9000]) {
      const end = addWorkingMinutes(start, minutes, cal);
      assert.equal(workingMinutesBetween(start, end, cal), minutes);
    }
  });

  it('traffic light thresholds', () => {
    assert.equal(lightAt(10, 80, 100), 'green');
    assert.equal(lightAt(80, 80, 100), 'yellow');
    assert.equal(lightAt(100, 80, 100), 'yellow');
    assert.equal(lightAt(101, 80, 100), 'red');
    assert.equal(lightAt(101, null, null), 'green');
  });

  it('a span into a year the calendar does not hold is provisional, in working time only', () => {
    assert.equal(isProvisional(cal, bj('2026-12-30T10:00:00'), bj('2026-12-31T10:00:00'), 'workDays'), false);
    assert.equal(isProvisional(cal, bj('2026-12-30T10:00:00'), bj('2027-01-04T10:00:00'), 'workDays'), true);
    assert.equal(isProvisional(cal, bj('2026-12-30T10:00:00'), bj('2027-01-04T10:00:00'), 'days'), false);
    // 2027-01-01 00:30 in Beijing is still 2026 in UTC: the district's year counts.
    assert.deepEqual(uncoveredYears(cal, bj('2026-12-31T12:00:00'), bj('2027-01-01T00:30:00')), [2027]);
    assert.deepEqual(
      uncoveredYears(cal, bj('2024-12-31T12:00:00'), bj('2028-01-01T00:30:00')),
      [2024, 2027, 2028],
    );
  });
});
