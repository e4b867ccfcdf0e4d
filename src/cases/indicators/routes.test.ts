// The indicator routes' defaults: without a period the last 30 days (not the month begun today), and a ranking that
// opens on the level below the caller's scope (a district's towns), drilled down under one organisation of it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { orgDirectory } from '../../orgs/index.js';
import { DAY_MS, DISTRICT_OFFSET_MS, localFields, startOfLocalDay } from '../../platform/time.js';
import type { ShiftableClock } from '../../platform/clock.js';
import { CASE_STAGES, caseIn, pointInGridOf, sessions, type Sessions } from '../../testing/caseFixtures.js';
import { startTestPlatform, testClock, type TestPlatform } from '../../testing/testPlatform.js';

type Json = Record<string, unknown>;
type Ranked = { id: string; name: string; rank: number; counts: Record<string, number> };

const HOUR_MS = 3_600_000;

describe('indicator defaults', () => {
  let p: TestPlatform;
  let s: Sessions;
  let clock: ShiftableClock;
  /** 09:00 on the first day of a month, district time: the morning the old default read a month of one hour. */
  let firstMorning: number;

  before(async () => {
    clock = testClock();
    const today = localFields(clock.now());
    const monthStart = Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1) - DISTRICT_OFFSET_MS;
    firstMorning = monthStart + 9 * HOUR_MS;
    // The platform and a report three days before the month began.
    clock.shiftTo(monthStart - 3 * DAY_MS + 10 * HOUR_MS);
    p = await startTestPlatform(
      { JOB_INTERVAL_MS: '600000' },
      { stages: CASE_STAGES, orgScale: 0.02, clock },
    );
    const earlier = await sessions(p);
    await caseIn(earlier, await pointInGridOf(p, 'wangge'), 'reported');
    clock.shiftTo(firstMorning);
    s = await sessions(p);
  });
  after(async () => {
    await p.close();
  });

  it('reads the last 30 days, today included, when no period is asked for', async () => {
    const res = await s.town.request('GET', '/api/indicators');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const period = res.body.period as { from: number; to: number };
    assert.equal(period.to, startOfLocalDay(firstMorning) + DAY_MS);
    assert.equal(period.to - period.from, 30 * DAY_MS);
    assert.deepEqual(res.body.unit, { kind: 'org', level: 'town', name: '金沙街道' });
    const { comparison } = res.body as { comparison: { previous: { from: number; to: number } } };
    assert.deepEqual(comparison.previous, { from: period.from - 30 * DAY_MS, to: period.from });
    const current = res.body.current as { counts: Record<string, number> };
    assert.equal(current.counts.reported, 1, 'the report of three days ago is in the window');
    // The month begun today would have held none of it: the old default's view.
    const month = await s.town.request(
      'GET',
      `/api/indicators?from=${startOfLocalDay(firstMorning)}&to=${period.to}`,
    );
    assert.equal(month.status, 200);
    assert.deepEqual(month.body.period, { from: startOfLocalDay(firstMorning), to: period.to });
    assert.equal((month.body.current as { counts: Record<string, number> }).counts.reported, 0);
  });

  it('refuses half a period', async () => {
    const res = await s.town.request('GET', `/api/indicators?from=${firstMorning - DAY_MS}`);
    assert.equal(res.status, 400);
    assert.equal(res.body.code, 'request.invalid');
    const ranking = await s.town.request('GET', `/api/indicators/ranking?to=${firstMorning}`);
    assert.equal(ranking.status, 400);
  });

  it('ranks a district’s towns first, a town’s villages, and drills into one town', async () => {
    const orgs = orgDirectory(p.database.db, p.database.dialect);
    const jinsha = (await orgs.findByCode('320612001'))!;

    const district = await s.district.request('GET', '/api/indicators/ranking');
    assert.equal(district.status, 200, JSON.stringify(district.body));
    assert.equal(district.body.level, 'town');
    assert.equal(district.body.under, null);
    const towns = district.body.items as Ranked[];
    assert.ok(towns.length >= 2, 'the district ranks its towns');
    const jinshaRow = towns.find((t) => t.id === jinsha.id);
    assert.ok(jinshaRow !== undefined, 'Jinsha is among the towns');
    assert.equal(jinshaRow.counts.reported, 1);
    const { period } = district.body as { period: { from: number; to: number } };
    assert.equal(period.to, startOfLocalDay(firstMorning) + DAY_MS);

    const town = await s.town.request('GET', '/api/indicators/ranking');
    assert.equal(town.body.level, 'village');

    const drilled = await s.district.request(
      'GET',
      `/api/indicators/ranking?level=village&underId=${jinsha.id}`,
    );
    assert.equal(drilled.status, 200, JSON.stringify(drilled.body));
    assert.deepEqual(drilled.body.under, { id: jinsha.id, name: jinsha.name });
    const villages = drilled.body.items as Ranked[];
    assert.ok(villages.length > 0);
    const paths = new Map((await orgs.byIds(villages.map((v) => v.id))).map((o) => [o.id, o]));
    for (const v of villages) {
      const org = paths.get(v.id);
      assert.equal(org?.level, 'village');
      assert.ok(org.path.startsWith(jinsha.path), `${v.name} lies in Jinsha`);
    }
    assert.equal(
      villages.reduce((n, v) => n + (v.counts.reported ?? 0), 0),
      1,
      'the report is in one of Jinsha’s villages',
    );
  });

  it('answers 404 for an organisation outside the caller’s scope', async () => {
    const orgs = orgDirectory(p.database.db, p.database.dialect);
    const shigang = (await orgs.findByCode('320612110'))!;
    assert.ok(shigang !== undefined);
    const res = await s.town.request('GET', `/api/indicators/ranking?level=village&underId=${shigang.id}`);
    assert.equal(res.status, 404);
    const own = (await s.town.request('GET', '/api/indicators/ranking?level=village')).body as Json;
    assert.ok((own.items as Ranked[]).length > 0);
  });
});
