import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { caseIndicatorsOf } from '../cases/index.js';
import { AppError } from '../platform/errors.js';
import { msg } from '../platform/i18n.js';
import { manualClock } from '../platform/clock.js';
import { instantOfLocalDate, localYear } from '../platform/time.js';
import { CASE_STAGES } from '../testing/caseFixtures.js';
import { loginAs, startTestPlatform, type Session, type TestPlatform } from '../testing/testPlatform.js';
import { periodOf } from './deps.js';
import { checkLeaderSchemes, rankWithin, scoreLeader } from './leaders.js';
import { type LeaderScheme } from './tree.js';

type Json = Record<string, unknown>;

const scheme: LeaderScheme = {
  post: 'villageSecretary',
  name: msg('书记', 'Secretary'),
  lines: [
    {
      code: 'a',
      name: msg('甲', 'A'),
      points: 50,
      source: 'cases.onTimeHandleRate',
      rule: { type: 'linear', from: 0.6, to: 1 },
    },
    {
      code: 'b',
      name: msg('乙', 'B'),
      points: 30,
      source: 'cases.reworkRate',
      rule: { type: 'linear', from: 0.3, to: 0 },
    },
    {
      code: 'c',
      name: msg('丙', 'C'),
      points: 20,
      source: 'surveys.satisfaction',
      rule: { type: 'linear', from: 0, to: 1 },
    },
  ],
};

describe('the people in charge: scoring and ranking', () => {
  it('scores each line by its rule and its weight, over the lines that have a figure', () => {
    // a: (0.9 − 0.6) / 0.4 × 50 = 37.5; b: (0.3 − 0.15) / 0.3 × 30 = 15; c: 0.5 × 20 = 10 → 62.5 of 100.
    const all = scoreLeader(
      scheme,
      new Map([
        ['a', 0.9],
        ['b', 0.15],
        ['c', 0.5],
      ]),
    );
    assert.deepEqual(
      all.lines.map((l) => l.points),
      [37.5, 15, 10],
    );
    assert.equal(all.total, 62.5);
    assert.equal(all.coverage, 1);
    // Without a survey the same sheet is scored over the 80 points with data: 52.5 / 80 = 65.63.
    const noSurvey = scoreLeader(
      scheme,
      new Map([
        ['a', 0.9],
        ['b', 0.15],
        ['c', null],
      ]),
    );
    assert.equal(noSurvey.total, 65.63);
    assert.equal(noSurvey.coverage, 0.8);
    // Clamped at both ends; with no figure at all there is no total.
    assert.equal(
      scoreLeader(
        scheme,
        new Map([
          ['a', 1.2],
          ['b', 0.9],
          ['c', -1],
        ]),
      ).total,
      50,
    );
    assert.equal(scoreLeader(scheme, new Map()).total, null);
  });

  it('ranks within each peer group, ties sharing a rank, sheets without a total unranked', () => {
    const rows = [
      { g: 'x', t: 80 },
      { g: 'x', t: 90 },
      { g: 'x', t: 80 },
      { g: 'x', t: null },
      { g: 'x', t: 70 },
      { g: 'y', t: 10 },
    ];
    const ranks = rankWithin(
      rows,
      (r) => r.g,
      (r) => r.t,
    );
    assert.deepEqual(
      rows.map((r) => ranks.get(r)),
      [
        { rank: 2, size: 4 },
        { rank: 1, size: 4 },
        { rank: 2, size: 4 },
        { rank: null, size: 4 },
        { rank: 4, size: 4 },
        { rank: 1, size: 1 },
      ],
    );
  });

  it('refuses schemes whose weights do not add up to 100 or that name a post twice', () => {
    assert.doesNotThrow(() => checkLeaderSchemes([scheme]));
    const invalidTree = (e: unknown) => e instanceof AppError && e.code === 'assessment.invalid_tree';
    assert.throws(() => checkLeaderSchemes([scheme, scheme]), invalidTree);
    const heavy = { ...scheme, lines: scheme.lines.map((l) => ({ ...l, points: l.points + 1 })) };
    assert.throws(() => checkLeaderSchemes([heavy]), invalidTree);
  });
});

// A fixed clock: 1 June 2026, 10:00 in the district.
const START = instantOfLocalDate('2026-06-01') + 10 * 3_600_000;

describe('the people in charge through the API', () => {
  let p: TestPlatform;
  let zzb: Session;
  let jinsha: Session;
  let shigang: Session;
  const year = localYear(START);

  before(async () => {
    p = await startTestPlatform({}, { stages: CASE_STAGES, orgScale: 0.02, clock: manualClock(START) });
    zzb = await loginAs(p.app, 'zzb');
    jinsha = await loginAs(p.app, 'jinsha');
    shigang = await loginAs(p.app, 'shigang');
  });
  after(() => p.close());

  it('scores every village secretary, town platform leader and department head, ranked within the peers', async () => {
    // No cycle, no sheets.
    assert.equal((await zzb.request('POST', `/api/assessment/cycles/${year}/leaders`)).status, 404);
    assert.equal((await zzb.request('POST', `/api/assessment/cycles/${year}`)).status, 200);
    // A town reads, but the organisation department computes.
    const forbidden = await jinsha.request('POST', `/api/assessment/cycles/${year}/leaders`);
    assert.equal(forbidden.status, 403);
    const done = await zzb.request('POST', `/api/assessment/cycles/${year}/leaders`);
    assert.equal(done.status, 200, JSON.stringify(done.body));

    const db = p.database.db;
    const active = async (level: 'village' | 'town') =>
      db
        .selectFrom('org')
        .select(['id', 'code', 'path'])
        .where('level', '=', level)
        .where('status', '=', 'active')
        .execute();
    const villages = await active('village');
    const towns = await active('town');
    const read = async (s: Session, post: string) => {
      const r = await s.request('GET', `/api/assessment/cycles/${year}/leaders?post=${post}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body;
    };

    const secretaries = await read(zzb, 'villageSecretary');
    const items = secretaries.items as Json[];
    assert.equal(items.length, villages.length);
    assert.deepEqual(
      ((secretaries.scheme as Json).lines as Json[]).reduce((n, l) => n + (l.points as number), 0),
      100,
    );
    // Ranks follow the totals, best first, and are dense with ties.
    const ranked = items.filter((i) => i.rank !== null);
    for (let i = 1; i < ranked.length; i += 1) {
      assert.ok((ranked[i - 1]!.total as number) >= (ranked[i]!.total as number));
      assert.ok((ranked[i - 1]!.rank as number) <= (ranked[i]!.rank as number));
    }
    assert.ok(ranked.length > 0, 'the demo cases give villages a figure');
    // A line's figure is the village's case rate as the case module counts it.
    const dongshi = await db
      .selectFrom('org')
      .select('id')
      .where('code', '=', '320612001001')
      .executeTakeFirstOrThrow();
    const mine = items.find((i) => i.unitId === dongshi.id)!;
    const rates = await caseIndicatorsOf(db, p.database.dialect, dongshi.id, periodOf(year, START));
    const handle = (mine.lines as Json[]).find((l) => l.code === 'handle')!;
    assert.equal(handle.figure, rates.rates.onTimeHandleRate);

    // Each town's four platform leaders, ranked among the same platform's leaders of every town.
    const leaders = (await read(zzb, 'townLeader')).items as Json[];
    assert.equal(leaders.length, towns.length * 4);
    for (const platform of new Set(leaders.map((l) => l.platform))) {
      const peers = leaders.filter((l) => l.platform === platform);
      assert.equal(peers.length, towns.length);
      assert.ok(peers.every((l) => l.peerSize === peers.filter((x) => x.rank !== null).length));
    }
    const heads = (await read(zzb, 'departmentHead')).items as Json[];
    assert.ok(heads.length > 0);
    assert.ok(heads.every((h) => h.townId === null));

    // A town sees its own villages and platform leaders only; their ranks are the district's.
    const town = towns.find((t) => t.code === '320612001')!;
    const own = (await read(jinsha, 'villageSecretary')).items as Json[];
    assert.equal(own.length, villages.filter((v) => v.path.startsWith(town.path)).length);
    assert.ok(own.every((i) => i.townId === town.id));
    assert.equal(own.find((i) => i.unitId === dongshi.id)!.rank, mine.rank);
    const theirs = (await read(shigang, 'villageSecretary')).items as Json[];
    assert.ok(!theirs.some((i) => i.unitId === dongshi.id));
    assert.equal(((await read(jinsha, 'townLeader')).items as Json[]).length, 4);

    // The export has a row per sheet in scope.
    const xlsx = await p.app.inject({
      method: 'GET',
      url: `/api/assessment/cycles/${year}/leaders.xlsx?post=villageSecretary`,
      headers: { cookie: jinsha.cookie },
    });
    assert.equal(xlsx.statusCode, 200);
    assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
    assert.ok(xlsx.rawPayload.length > 1000);

    const bad = await zzb.request('GET', `/api/assessment/cycles/${year}/leaders?post=mayor`);
    assert.equal(bad.status, 400);
    assert.equal((await zzb.request('GET', `/api/assessment/cycles/${year - 5}/leaders`)).status, 404);
  });
});
