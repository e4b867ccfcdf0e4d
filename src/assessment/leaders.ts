// The assessment of the people in charge (考核评价): per post a score sheet drawn from the same computed figures as
// the five stars (the village's star sheet, case rates, consultations, the linkage chain, the residents' survey),
// each line's weight as data in the year's tree; and the pure scoring and ranking within each peer group.
import { AppError } from '../platform/errors.js';
import { msg } from '../platform/i18n.js';
import { pointsForFigure } from './scoring.js';
import { leaderPosts, STAR_SHEET_SOURCE, type LeaderLine, type LeaderScheme } from './tree.js';

const line = (
  code: string,
  zh: string,
  en: string,
  points: number,
  source: string,
  from: number,
  to: number,
) => ({
  code,
  name: msg(zh, en),
  points,
  source,
  rule: { type: 'linear' as const, from, to },
});

/** The case lines every handling post is measured on (a platform office or a department as the unit). */
const handlingLines = (): LeaderLine[] => [
  line('handle', '按期办结率', 'Handled on time', 30, 'cases.onTimeHandleRate', 0.6, 1),
  line('satisfaction', '群众满意率', 'Residents satisfied', 30, 'cases.satisfactionRate', 0.6, 1),
  line('rework', '返工率（越低越好）', 'Rework (lower is better)', 20, 'cases.reworkRate', 0.3, 0),
  line('response', '按时响应率', 'Responded on time', 20, 'cases.responseRate', 0.6, 1),
];

export const defaultLeaderSchemes = (): LeaderScheme[] => [
  {
    post: 'villageSecretary',
    name: msg('村（社区）党组织书记', 'Village (community) party secretary'),
    lines: [
      line('stars', '五星创建得分', 'Five-star score', 30, STAR_SHEET_SOURCE, 0, 1),
      line('survey', '人民满意度测评', 'Residents’ satisfaction survey', 20, 'surveys.satisfaction', 0.6, 1),
      line(
        'handle',
        '网格事件按期办结率',
        'Grid cases handled on time',
        15,
        'cases.onTimeHandleRate',
        0.6,
        1,
      ),
      line(
        'satisfaction',
        '事件群众满意率',
        'Residents satisfied with cases',
        15,
        'cases.satisfactionRate',
        0.6,
        1,
      ),
      line(
        'outcomes',
        '议事成果按期落实率',
        'Consultation outcomes done on time',
        10,
        'consultations.outcomesOnTimeRate',
        0.5,
        1,
      ),
      line(
        'visits',
        '党员中心户走访覆盖率',
        'Linked households visited',
        10,
        'linkage.visitCoverage',
        0.5,
        1,
      ),
    ],
  },
  {
    post: 'townLeader',
    name: msg('镇（街道）平台分管领导', 'Town leader in charge of a platform'),
    lines: handlingLines(),
  },
  {
    post: 'departmentHead',
    name: msg('区级部门负责人', 'Head of a district department'),
    lines: handlingLines(),
  },
];

const invalid = (message: string) =>
  new AppError('assessment.invalid_tree', { errors: [{ field: 'tree.leaders', message }] });

/** A tree's leader schemes are consistent: each post once, unique codes, weights adding up to 100, sane rules. */
export function checkLeaderSchemes(schemes: readonly LeaderScheme[]): void {
  const posts = new Set<string>();
  for (const s of schemes) {
    if (!(leaderPosts as readonly string[]).includes(s.post) || posts.has(s.post)) {
      throw invalid(`post ${s.post} is unknown or appears twice`);
    }
    posts.add(s.post);
    const codes = new Set<string>();
    for (const l of s.lines) {
      if (codes.has(l.code)) {
        throw invalid(`${s.post}: line code ${l.code} appears twice`);
      }
      codes.add(l.code);
      if (!(l.points > 0) || !Number.isFinite(l.points)) {
        throw invalid(`${s.post}.${l.code}: a weight must be a positive number`);
      }
      if (l.source.trim() === '') {
        throw invalid(`${s.post}.${l.code}: a line needs a source`);
      }
      if (l.rule.type === 'linear' && l.rule.from === l.rule.to) {
        throw invalid(`${s.post}.${l.code}: linear from and to must differ`);
      }
    }
    const sum = s.lines.reduce((n, l) => n + l.points, 0);
    if (Math.abs(sum - 100) > 1e-9) {
      throw invalid(`${s.post}: weights add up to ${sum}, not 100`);
    }
  }
}

export type LeaderLineScore = { code: string; figure: number | null; points: number | null };

export type LeaderScore = {
  lines: LeaderLineScore[];
  /** Out of 100 over the lines that have a figure (a line without data neither helps nor hurts); null with none. */
  total: number | null;
  /** The share of the weight that had a figure. */
  coverage: number;
};

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Scores one person's sheet from the figures of its lines (by code; a missing figure is no data). */
export function scoreLeader(scheme: LeaderScheme, figures: ReadonlyMap<string, number | null>): LeaderScore {
  let earned = 0;
  let weighed = 0;
  const lines = scheme.lines.map((l) => {
    const figure = figures.get(l.code) ?? null;
    const points = pointsForFigure(l.rule, l.points, figure);
    if (points !== null) {
      earned += points;
      weighed += l.points;
    }
    return { code: l.code, figure, points };
  });
  return {
    lines,
    total: weighed === 0 ? null : round2((earned / weighed) * 100),
    coverage: round2(weighed / 100),
  };
}

/**
 * Standard competition ranks (1, 2, 2, 4) of totals within each peer group, highest first; a sheet without a total
 * is not ranked. Returns the rank per key and the group's size (those ranked).
 */
export function rankWithin<T>(
  rows: readonly T[],
  groupOf: (row: T) => string,
  totalOf: (row: T) => number | null,
): Map<T, { rank: number | null; size: number }> {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const g = groupOf(r);
    groups.set(g, [...(groups.get(g) ?? []), r]);
  }
  const out = new Map<T, { rank: number | null; size: number }>();
  for (const members of groups.values()) {
    const ranked = members.filter((r) => totalOf(r) !== null).sort((a, b) => totalOf(b)! - totalOf(a)!);
    ranked.forEach((r, i) => {
      const prev = ranked[i - 1];
      const rank = prev !== undefined && totalOf(prev) === totalOf(r) ? out.get(prev)!.rank! : i + 1;
      out.set(r, { rank, size: ranked.length });
    });
    for (const r of members) {
      if (!out.has(r)) {
        out.set(r, { rank: null, size: ranked.length });
      }
    }
  }
  return out;
}
