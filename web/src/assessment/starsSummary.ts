// A year's five-star results per village and per town, as the map and the town table show them: the sheets give
// the town and the total, the awards the level and the movement, last year's awards the level a year before.
import type { Award, SheetRow } from './api';

export const STAR_LEVELS = [0, 1, 2, 3, 4, 5] as const;

export type VillageResult = {
  orgId: string;
  orgName: string;
  townName: string;
  sheetId: string;
  total: number;
  /** null: no award yet this year. */
  level: number | null;
  movement: string | null;
};

export const villageResults = (
  sheets: readonly SheetRow[],
  awards: readonly Award[],
): Map<string, VillageResult> => {
  const awardOf = new Map(awards.map((a) => [a.sheetId, a]));
  return new Map(
    sheets.map((s) => {
      const award = awardOf.get(s.id);
      return [
        s.orgId,
        {
          orgId: s.orgId,
          orgName: s.orgName,
          townName: s.townName,
          sheetId: s.id,
          total: s.total,
          level: award?.level ?? null,
          movement: award?.movement ?? null,
        },
      ];
    }),
  );
};

export type TownRow = {
  townName: string;
  /** Sheets of the year. */
  assessed: number;
  /** Villages awarded each level, 0 to 5. */
  perLevel: number[];
  averageLevel: number | null;
  /** null: no cycle last year, or none of these villages was awarded in it. */
  averageLastYear: number | null;
  averageTotal: number | null;
};

const average = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;

const rowOf = (
  townName: string,
  villages: readonly VillageResult[],
  previousLevel: ReadonlyMap<string, number> | null,
): TownRow => {
  const levels = villages.flatMap((v) => (v.level === null ? [] : [v.level]));
  return {
    townName,
    assessed: villages.length,
    perLevel: STAR_LEVELS.map((l) => levels.filter((x) => x === l).length),
    averageLevel: average(levels),
    averageLastYear:
      previousLevel === null
        ? null
        : average(
            villages.flatMap((v) => (previousLevel.has(v.orgId) ? [previousLevel.get(v.orgId) ?? 0] : [])),
          ),
    averageTotal: average(villages.map((v) => v.total)),
  };
};

/**
 * One row per town of this year's sheets (by name), and the whole scope's row. Last year's awards are matched to
 * this year's villages, so a village without a sheet this year counts in neither year.
 */
export const townRows = (
  results: ReadonlyMap<string, VillageResult>,
  previousAwards: readonly Award[] | null,
): { rows: TownRow[]; all: TownRow } => {
  const previousLevel =
    previousAwards === null ? null : new Map(previousAwards.map((a) => [a.orgId, a.level]));
  const byTown = new Map<string, VillageResult[]>();
  for (const v of results.values()) {
    byTown.set(v.townName, [...(byTown.get(v.townName) ?? []), v]);
  }
  const rows = [...byTown.entries()]
    .sort((a, b) => a[0].localeCompare(b[0], 'zh'))
    .map(([name, villages]) => rowOf(name, villages, previousLevel));
  return { rows, all: rowOf('', [...results.values()], previousLevel) };
};

export type StarsColouring = 'level' | 'score' | 'movement';
export const starsColourings = ['level', 'score', 'movement'] as const satisfies readonly StarsColouring[];

/** The movements an award can carry, in the legend's order. */
export const MOVEMENTS = ['raised', 'awarded', 'kept', 'lowered', 'none'] as const;

/** Five equal steps of whole points over the year's totals: each step's lower bound, and the top. */
export type ScoreSteps = { bounds: number[]; top: number };

export const scoreStepsOf = (totals: readonly number[]): ScoreSteps | null => {
  if (totals.length === 0) {
    return null;
  }
  const low = Math.floor(Math.min(...totals));
  const top = Math.ceil(Math.max(...totals));
  const width = Math.max(1, Math.ceil((top - low) / 5));
  return { bounds: [0, 1, 2, 3, 4].map((i) => low + i * width), top };
};

export const scoreStepOf = (total: number, steps: ScoreSteps): number => {
  let step = 0;
  steps.bounds.forEach((bound, i) => {
    if (total >= bound) {
      step = i;
    }
  });
  return step;
};

/**
 * The class a village is filled by under a colouring: 'noSheet' (no sheet this year), 'pending' (no award yet, for
 * level and movement), a level `level.<n>`, a movement `movement.<code>`, or a score step `score.<i>`.
 */
export const classOf = (
  v: VillageResult | undefined,
  colouring: StarsColouring,
  steps: ScoreSteps | null,
): string => {
  if (v === undefined) {
    return 'noSheet';
  }
  switch (colouring) {
    case 'level':
      return v.level === null ? 'pending' : `level.${v.level}`;
    case 'movement':
      return v.movement === null ? 'pending' : `movement.${v.movement}`;
    case 'score':
      return steps === null ? 'noSheet' : `score.${scoreStepOf(v.total, steps)}`;
  }
};
