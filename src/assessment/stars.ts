// Star levels from earned stars, as a pure function: a village holds as many stars as it earned, rises at most the
// tree's maxRisePerYear above last year's level, and no level holds more villages than its quota allows (the best
// totals keep the level; the rest drop to the next level with room). Each award says why it is what it is.
import type { TreeDefinition } from './tree.js';

export type AwardCandidate = {
  sheetId: string;
  orgId: string;
  /** Earned star codes, highest score first. */
  earned: string[];
  total: number;
  previousLevel: number;
  basicsPassed: boolean;
};

export type Movement = 'awarded' | 'kept' | 'raised' | 'lowered' | 'none';

/** Why the level is what it is: as earned, held down by the rise limit or the quota, no basics, or set by hand. */
export type AwardReason = 'earned' | 'riseLimit' | 'quota' | 'basicsFailed' | 'manual';

export type Award = {
  sheetId: string;
  orgId: string;
  level: number;
  stars: string[];
  movement: Movement;
  reason: AwardReason;
};

export function movementOf(previous: number, level: number): Movement {
  if (level > previous) {
    return previous === 0 ? 'awarded' : 'raised';
  }
  if (level < previous) {
    return 'lowered';
  }
  return level === 0 ? 'none' : 'kept';
}

/** How many villages of `base` a level may hold; Infinity without a quota. */
export function quotaOf(tree: TreeDefinition, level: number, base: number): number {
  const q = tree.quotas.find((x) => x.level === level);
  return q === undefined ? Infinity : Math.floor(q.maxShare * base);
}

/**
 * Levels for the candidates, against the quota base (the number of villages in the year's cycle) and the levels
 * already awarded this year (earlier notices). Deterministic: the best totals are placed first.
 */
export function awardLevels(
  tree: TreeDefinition,
  candidates: readonly AwardCandidate[],
  base: number,
  alreadyAtLevel: ReadonlyMap<number, number>,
): Award[] {
  const held = new Map(alreadyAtLevel);
  const ordered = [...candidates].sort((a, b) => b.total - a.total || a.orgId.localeCompare(b.orgId));
  return ordered.map((c) => {
    let level = c.earned.length;
    let reason: AwardReason = c.basicsPassed || !tree.basicsRequired ? 'earned' : 'basicsFailed';
    const riseCap = c.previousLevel + tree.maxRisePerYear;
    if (level > riseCap) {
      level = riseCap;
      reason = 'riseLimit';
    }
    while (level > 0 && (held.get(level) ?? 0) + 1 > quotaOf(tree, level, base)) {
      level -= 1;
      reason = 'quota';
    }
    held.set(level, (held.get(level) ?? 0) + 1);
    return {
      sheetId: c.sheetId,
      orgId: c.orgId,
      level,
      stars: c.earned.slice(0, level),
      movement: movementOf(c.previousLevel, level),
      reason,
    };
  });
}
