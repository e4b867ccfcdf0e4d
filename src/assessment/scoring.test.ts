import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import '../modules.js';
import { msg } from '../platform/i18n.js';
import { defaultTree } from './defaultTree.js';
import { isComputedLine } from './deps.js';
import { computedShare, pointsForFigure, scoreSheet, type LineState } from './scoring.js';
import { awardLevels } from './stars.js';
import { checkTree, type TreeDefinition } from './tree.js';

const name = msg('测试', 'test');
const bySource = (line: { source?: string }) => line.source !== undefined;

/** A two-star tree small enough to work out by hand. */
const tree: TreeDefinition = {
  name,
  threshold: 80,
  basicsRequired: true,
  maxRisePerYear: 1,
  noticeDays: 5,
  quotas: [{ level: 2, maxShare: 0.25 }],
  basics: [
    { code: 'b.org', name, points: 1, source: 'test.flag', rule: { type: 'atLeast', min: 1 } },
    { code: 'b.sys', name, points: 1, rule: { type: 'entered' }, evidence: name },
  ],
  stars: [
    {
      code: 'A',
      name,
      fullMarks: 100,
      items: [
        { code: 'a.rate', name, points: 60, source: 'test.rate', rule: { type: 'linear', from: 0.5, to: 1 } },
        { code: 'a.typed', name, points: 40, rule: { type: 'entered' } },
      ],
      deductions: [
        {
          code: 'a.age',
          name,
          points: 5,
          source: 'test.age',
          rule: { type: 'perUnitAbove', bound: 50, per: 1 },
        },
      ],
      bonuses: [{ code: 'a.honour', name, points: 5, rule: { type: 'entered' } }],
      vetoes: [{ code: 'a.veto', name, points: 1, rule: { type: 'entered' } }],
    },
    {
      code: 'B',
      name,
      fullMarks: 100,
      threshold: 70,
      items: [
        { code: 'b.count', name, points: 50, source: 'test.count', rule: { type: 'perUnit', per: 2.5 } },
        { code: 'b.typed', name, points: 50, rule: { type: 'entered' } },
      ],
      deductions: [],
      bonuses: [],
      vetoes: [],
    },
  ],
};

const states = (entries: Partial<LineState & { code: string }>[]) =>
  new Map(
    entries.map((e) => [
      e.code!,
      {
        code: e.code!,
        figure: e.figure ?? null,
        selfPoints: e.selfPoints ?? null,
        adjustedPoints: e.adjustedPoints ?? null,
      },
    ]),
  );

describe('scoring a hand-built village', () => {
  it('checks the tree', () => {
    assert.doesNotThrow(() => checkTree(tree));
    const broken = structuredClone(tree);
    broken.stars[0]!.items[1]!.points = 30;
    assert.throws(() => checkTree(broken), /assessment|tree/i);
  });

  it('turns figures into points by each rule', () => {
    assert.equal(pointsForFigure({ type: 'linear', from: 0.5, to: 1 }, 60, 0.9), 48);
    assert.equal(pointsForFigure({ type: 'linear', from: 0.5, to: 1 }, 60, 0.4), 0);
    assert.equal(pointsForFigure({ type: 'linear', from: 0.2, to: 0 }, 20, 0.05), 15);
    assert.equal(pointsForFigure({ type: 'perUnit', per: 2.5 }, 50, 30), 50);
    assert.equal(pointsForFigure({ type: 'perUnitAbove', bound: 50, per: 1 }, 5, 53.5), 3.5);
    assert.equal(pointsForFigure({ type: 'perUnitAbove', bound: 50, per: 1 }, 5, 49), 0);
    assert.equal(pointsForFigure({ type: 'atLeast', min: 2 }, 1, 1), 0);
    assert.equal(pointsForFigure({ type: 'linear', from: 0.5, to: 1 }, 60, null), null);
  });

  // Star A: 60 × (0.9 − 0.5) / 0.5 = 48 computed + 30 typed = 78; age 53.5 → −3.5; honour +4 → 78.5 (< 80).
  // Star B: 12 meetings × 2.5 = 30 + 45 typed = 75 (≥ its own threshold 70).
  const village = [
    { code: 'b.org', figure: 1 },
    { code: 'b.sys', selfPoints: 1 },
    { code: 'a.rate', figure: 0.9 },
    { code: 'a.typed', selfPoints: 30 },
    { code: 'a.age', figure: 53.5 },
    { code: 'a.honour', selfPoints: 4 },
    { code: 'a.veto', selfPoints: 0 },
    { code: 'b.count', figure: 12 },
    { code: 'b.typed', selfPoints: 45 },
  ];

  it('adds items, takes off deductions, adds bonuses, against each star’s threshold', () => {
    const s = scoreSheet(tree, states(village), bySource);
    const [a, b] = s.stars;
    assert.deepEqual(
      {
        items: a!.items,
        deductions: a!.deductions,
        bonuses: a!.bonuses,
        score: a!.score,
        isEarned: a!.isEarned,
      },
      { items: 78, deductions: 3.5, bonuses: 4, score: 78.5, isEarned: false },
    );
    assert.deepEqual(
      { score: b!.score, threshold: b!.threshold, isEarned: b!.isEarned },
      {
        score: 75,
        threshold: 70,
        isEarned: true,
      },
    );
    assert.equal(s.basicsPassed, true);
    assert.deepEqual(s.earned, ['B']);
    assert.equal(s.total, 153.5);
  });

  it('a town adjustment counts over the self-score; it lifts A over the threshold', () => {
    const adjusted = village.map((l) => (l.code === 'a.typed' ? { ...l, adjustedPoints: 35 } : l));
    const s = scoreSheet(tree, states(adjusted), bySource);
    assert.equal(s.stars[0]!.score, 83.5);
    assert.deepEqual(s.earned, ['A', 'B']);
  });

  it('a veto blocks the star whatever the score; a failed basic blocks every star', () => {
    const vetoed = village.map((l) =>
      l.code === 'a.typed' ? { ...l, adjustedPoints: 40 } : l.code === 'a.veto' ? { ...l, selfPoints: 1 } : l,
    );
    const v = scoreSheet(tree, states(vetoed), bySource);
    assert.equal(v.stars[0]!.score, 88.5);
    assert.deepEqual(v.stars[0]!.vetoedBy, ['a.veto']);
    assert.deepEqual(v.earned, ['B']);
    const noBasic = village.map((l) => (l.code === 'b.sys' ? { ...l, selfPoints: 0 } : l));
    const n = scoreSheet(tree, states(noBasic), bySource);
    assert.equal(n.basicsPassed, false);
    assert.deepEqual(n.earned, []);
  });

  it('clamps a star at its full marks and a line without data at zero', () => {
    const full = village.map((l) =>
      l.code === 'a.rate' ? { ...l, figure: 1 } : l.code === 'a.typed' ? { ...l, selfPoints: 40 } : l,
    );
    assert.equal(scoreSheet(tree, states(full), bySource).stars[0]!.score, 100);
    const noData = village.map((l) => (l.code === 'a.rate' ? { ...l, figure: null } : l));
    assert.equal(scoreSheet(tree, states(noData), bySource).stars[0]!.items, 30);
  });
});

describe('star levels: one level a year, quotas per level', () => {
  it('places the best totals first and gives each award its reason', () => {
    const c = (sheetId: string, earned: number, previousLevel: number, total: number) => ({
      sheetId,
      orgId: sheetId,
      earned: ['A', 'B'].slice(0, earned),
      total,
      previousLevel,
      basicsPassed: true,
    });
    // Base 8 villages: level 2 holds at most floor(0.25 × 8) = 2.
    const awards = awardLevels(
      tree,
      [c('v1', 2, 1, 190), c('v2', 2, 1, 180), c('v3', 2, 2, 170), c('v4', 2, 0, 185), c('v5', 0, 1, 50)],
      8,
      new Map(),
    );
    const by = new Map(awards.map((a) => [a.sheetId, a]));
    assert.deepEqual(
      ['v1', 'v2', 'v3', 'v4', 'v5'].map((id) => [
        id,
        by.get(id)!.level,
        by.get(id)!.movement,
        by.get(id)!.reason,
      ]),
      [
        ['v1', 2, 'raised', 'earned'],
        ['v2', 2, 'raised', 'earned'],
        ['v3', 1, 'lowered', 'quota'],
        ['v4', 1, 'awarded', 'riseLimit'],
        ['v5', 0, 'lowered', 'earned'],
      ],
    );
    assert.deepEqual(by.get('v3')!.stars, ['A']);
    // Levels already awarded this year (an earlier notice) count against the quota.
    const later = awardLevels(tree, [c('v6', 2, 1, 199)], 8, new Map([[2, 2]]));
    assert.equal(later[0]!.level, 1);
  });
});

describe('computed share of the default tree', () => {
  it('computes at least 80 % of the points from live records with the sources wired today', () => {
    const t = defaultTree(2026);
    checkTree(t);
    const share = computedShare(t, isComputedLine);
    assert.equal(share.totalPoints, 500);
    assert.ok(share.share >= 0.8, JSON.stringify(share));
    // Recount by hand: every item whose source is registered, nothing else.
    const expected = t.stars
      .flatMap((s) => s.items)
      .filter((i) => isComputedLine(i))
      .reduce((n, i) => n + i.points, 0);
    assert.equal(share.computedPoints, expected);
    const volunteerPoints = t.stars
      .flatMap((s) => s.items)
      .filter((i) => i.source?.startsWith('volunteers.') === true)
      .reduce((n, i) => n + i.points, 0);
    assert.ok(volunteerPoints > 0);
    // The volunteers module's sources are bound by src/modules.ts: its items count as computed.
    const volunteerItems = t.stars
      .flatMap((s) => s.items)
      .filter((i) => i.source?.startsWith('volunteers.') === true);
    assert.ok(
      volunteerItems.every((i) => isComputedLine(i)),
      'volunteers sources are wired',
    );
    const withoutVolunteers = computedShare(
      t,
      (i) => isComputedLine(i) && !i.source?.startsWith('volunteers.'),
    );
    assert.equal(share.computedPoints, withoutVolunteers.computedPoints + volunteerPoints);
  });
});
