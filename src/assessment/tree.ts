// The indicator tree of a year, as data: the five basics (pass/fail, with their evidence rule) and the stars, each
// with its items, deductions, bonuses and veto items, a threshold, and the rules for awarding star levels.
import { AppError } from '../platform/errors.js';
import type { Message } from '../platform/i18n.js';

/**
 * How a line turns its figure into points. `linear`: `from` gives 0 and `to` the full points (either order, clamped);
 * `perUnit`: `per` points for each unit; `perUnitAbove`: `per` points for each unit above `bound`; `atLeast`: full
 * points (or pass, or veto triggered) when the figure reaches `min`; `entered`: the points are typed in with evidence.
 */
export type ScoringRule =
  | { type: 'linear'; from: number; to: number }
  | { type: 'perUnit'; per: number }
  | { type: 'perUnitAbove'; bound: number; per: number }
  | { type: 'atLeast'; min: number }
  | { type: 'entered' };

/** 村党组织书记, 镇（街道）平台分管领导, 区级部门负责人. */
export const leaderPosts = ['villageSecretary', 'townLeader', 'departmentHead'] as const;
export type LeaderPost = (typeof leaderPosts)[number];

/** A leader line's figure: a registered source computed at the post's unit, or the village's own star sheet. */
export const STAR_SHEET_SOURCE = 'assessment.starSheet';

export type LeaderLine = {
  code: string;
  name: Message;
  /** The line's weight: a scheme's lines add up to 100. */
  points: number;
  source: string;
  rule: Exclude<ScoringRule, { type: 'entered' }>;
};

export type LeaderScheme = { post: LeaderPost; name: Message; lines: LeaderLine[] };

export type LineKind = 'basic' | 'item' | 'deduction' | 'bonus' | 'veto';

export type LineDef = {
  code: string;
  name: Message;
  /** Full points of an item; the cap of a deduction or bonus; 1 for a basic or a veto (pass / triggered). */
  points: number;
  /** The registered source computing the figure; none for a typed-in line. */
  source?: string;
  rule: ScoringRule;
  /** What must be attached when the line is typed in (a file or a link to a record), shown beside it. */
  evidence?: Message;
};

export type StarDef = {
  code: string;
  name: Message;
  fullMarks: number;
  /** Points needed to earn the star; the tree's threshold when absent. */
  threshold?: number;
  items: LineDef[];
  deductions: LineDef[];
  bonuses: LineDef[];
  vetoes: LineDef[];
};

/** At most `maxShare` of the year's villages may hold `level` stars or more. */
export type Quota = { level: number; maxShare: number };

export type TreeDefinition = {
  name: Message;
  basics: LineDef[];
  stars: StarDef[];
  threshold: number;
  /** A star can only be earned when all five basics pass. */
  basicsRequired: boolean;
  /** Star levels a village may rise in one year. */
  maxRisePerYear: number;
  quotas: Quota[];
  noticeDays: number;
  /** The score sheets of the people in charge (考核评价); a tree saved without them uses the default schemes. */
  leaders?: LeaderScheme[];
};

export type LineRef = { line: LineDef; kind: LineKind; star: StarDef | null };

/** Every line of the tree with its kind and star, in order. */
export function linesOf(tree: TreeDefinition): LineRef[] {
  const out: LineRef[] = tree.basics.map((line) => ({ line, kind: 'basic' as const, star: null }));
  for (const star of tree.stars) {
    out.push(...star.items.map((line) => ({ line, kind: 'item' as const, star })));
    out.push(...star.deductions.map((line) => ({ line, kind: 'deduction' as const, star })));
    out.push(...star.bonuses.map((line) => ({ line, kind: 'bonus' as const, star })));
    out.push(...star.vetoes.map((line) => ({ line, kind: 'veto' as const, star })));
  }
  return out;
}

/** The range of points a line may hold: basics and vetoes 0/1, the rest 0..points. */
export function maxPointsOf(ref: LineRef): number {
  return ref.kind === 'basic' || ref.kind === 'veto' ? 1 : ref.line.points;
}

const invalid = (message: string) =>
  new AppError('assessment.invalid_tree', { errors: [{ field: 'tree', message }] });

/** Checks a tree is consistent: unique codes, items adding up to each star's full marks, sane rules and quotas. */
export function checkTree(tree: TreeDefinition): void {
  const codes = new Set<string>();
  for (const { line, kind, star } of linesOf(tree)) {
    if (codes.has(line.code)) {
      throw invalid(`line code ${line.code} appears twice`);
    }
    codes.add(line.code);
    if (!(line.points >= 0) || !Number.isFinite(line.points)) {
      throw invalid(`${line.code}: points must be a non-negative number`);
    }
    if (
      (kind === 'basic' || kind === 'veto') &&
      line.rule.type !== 'atLeast' &&
      line.rule.type !== 'entered'
    ) {
      throw invalid(`${line.code}: a basic or veto line is either atLeast or entered`);
    }
    if (line.rule.type === 'entered' && line.source !== undefined) {
      throw invalid(`${line.code}: an entered line has no source`);
    }
    if (line.rule.type !== 'entered' && line.source === undefined) {
      throw invalid(`${line.code}: a computed rule needs a source`);
    }
    if (line.rule.type === 'linear' && line.rule.from === line.rule.to) {
      throw invalid(`${line.code}: linear from and to must differ`);
    }
    if (star !== null && kind === 'item' && line.points > star.fullMarks) {
      throw invalid(`${line.code}: more points than the star's full marks`);
    }
  }
  for (const star of tree.stars) {
    const sum = star.items.reduce((n, l) => n + l.points, 0);
    if (Math.abs(sum - star.fullMarks) > 1e-9) {
      throw invalid(`${star.code}: items add up to ${sum}, not ${star.fullMarks}`);
    }
  }
  if (tree.threshold <= 0 || tree.maxRisePerYear < 1 || tree.noticeDays < 1) {
    throw invalid('threshold, maxRisePerYear and noticeDays must be positive');
  }
  for (const q of tree.quotas) {
    if (q.level < 1 || q.level > tree.stars.length || q.maxShare < 0 || q.maxShare > 1) {
      throw invalid(`quota for level ${q.level} is out of range`);
    }
  }
}
