// Scoring as pure functions of the tree and a sheet's lines: figures to points by each line's rule, the points that
// count (an adjustment with its reason over the computed or self-entered points), star scores with deductions,
// bonuses and vetoes, the threshold and the five basics; and the share of the tree's points that is computed.
import {
  linesOf,
  maxPointsOf,
  type LineDef,
  type LineRef,
  type ScoringRule,
  type TreeDefinition,
} from './tree.js';

export type LineState = {
  code: string;
  figure: number | null;
  selfPoints: number | null;
  adjustedPoints: number | null;
};

const round2 = (x: number): number => Math.round(x * 100) / 100;
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** Points a computed line's rule gives its figure (out of `points`); null without a figure. */
export function pointsForFigure(rule: ScoringRule, points: number, figure: number | null): number | null {
  if (figure === null) {
    return null;
  }
  switch (rule.type) {
    case 'linear':
      return round2(points * clamp((figure - rule.from) / (rule.to - rule.from), 0, 1));
    case 'perUnit':
      return round2(clamp(figure * rule.per, 0, points));
    case 'perUnitAbove':
      return round2(clamp((figure - rule.bound) * rule.per, 0, points));
    case 'atLeast':
      return figure >= rule.min ? points : 0;
    case 'entered':
      return null;
  }
}

/** Whether a line is computed here: it names a source that some module has registered. */
export type IsComputed = (line: LineDef) => boolean;

export type ScoredLine = {
  code: string;
  kind: LineRef['kind'];
  isComputed: boolean;
  figurePoints: number | null;
  points: number;
  maxPoints: number;
};

export function scoreLine(ref: LineRef, state: LineState | undefined, isComputed: IsComputed): ScoredLine {
  const computedHere = isComputed(ref.line);
  const maxPoints = maxPointsOf(ref);
  const figurePoints = computedHere ? pointsForFigure(ref.line.rule, maxPoints, state?.figure ?? null) : null;
  const base = computedHere ? (figurePoints ?? 0) : (state?.selfPoints ?? 0);
  const points = state?.adjustedPoints ?? base;
  return { code: ref.line.code, kind: ref.kind, isComputed: computedHere, figurePoints, points, maxPoints };
}

export type StarScore = {
  code: string;
  items: number;
  deductions: number;
  bonuses: number;
  score: number;
  threshold: number;
  vetoedBy: string[];
  isEarned: boolean;
};

export type SheetScore = {
  lines: ScoredLine[];
  basics: { code: string; isPassed: boolean }[];
  basicsPassed: boolean;
  stars: StarScore[];
  /** Stars earned, highest score first. */
  earned: string[];
  total: number;
};

export function scoreSheet(
  tree: TreeDefinition,
  states: ReadonlyMap<string, LineState>,
  isComputed: IsComputed,
): SheetScore {
  const refs = linesOf(tree);
  const lines = refs.map((ref) => scoreLine(ref, states.get(ref.line.code), isComputed));
  const byCode = new Map(lines.map((l) => [l.code, l]));
  const pointsOf = (l: LineDef) => byCode.get(l.code)?.points ?? 0;
  const basics = tree.basics.map((b) => ({ code: b.code, isPassed: pointsOf(b) >= 1 }));
  const basicsPassed = basics.every((b) => b.isPassed);
  const stars = tree.stars.map((star): StarScore => {
    const items = round2(star.items.reduce((n, l) => n + pointsOf(l), 0));
    const deductions = round2(star.deductions.reduce((n, l) => n + pointsOf(l), 0));
    const bonuses = round2(star.bonuses.reduce((n, l) => n + pointsOf(l), 0));
    const score = round2(clamp(items - deductions + bonuses, 0, star.fullMarks));
    const threshold = star.threshold ?? tree.threshold;
    const vetoedBy = star.vetoes.filter((v) => pointsOf(v) >= 1).map((v) => v.code);
    const isEarned = score >= threshold && vetoedBy.length === 0 && (basicsPassed || !tree.basicsRequired);
    return { code: star.code, items, deductions, bonuses, score, threshold, vetoedBy, isEarned };
  });
  const earned = stars
    .filter((s) => s.isEarned)
    .sort((a, b) => b.score - a.score || a.code.localeCompare(b.code))
    .map((s) => s.code);
  return {
    lines,
    basics,
    basicsPassed,
    stars,
    earned,
    total: round2(stars.reduce((n, s) => n + s.score, 0)),
  };
}

export type ComputedShare = { computedPoints: number; totalPoints: number; share: number };

/** The share of the stars' item points that is computed from live records rather than typed in. */
export function computedShare(tree: TreeDefinition, isComputed: IsComputed): ComputedShare {
  let computedPoints = 0;
  let totalPoints = 0;
  for (const star of tree.stars) {
    for (const item of star.items) {
      totalPoints += item.points;
      if (isComputed(item)) {
        computedPoints += item.points;
      }
    }
  }
  return {
    computedPoints,
    totalPoints,
    share: totalPoints === 0 ? 0 : Math.round((computedPoints / totalPoints) * 1000) / 1000,
  };
}
