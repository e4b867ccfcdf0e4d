// Indicators of the linkage, computed from the appeal and visit records: received, settled at each level, passed
// up, turned into cases, on time; 小事不出村 and 大事不出镇 shares; visit coverage of the last quarter.
import type { Kysely } from 'kysely';
import { householdDirectory } from '../households/index.js';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { DAY_MS } from '../platform/time.js';
import { chainLevels, levelRank, VISIT_INTERVAL_DAYS, type ChainLevel } from './chain.js';
import { linkageRepository, type AppealTally, type Reach } from './repository.js';

export type LevelCounts = Record<ChainLevel, number>;

export type LinkageIndicators = {
  received: number;
  /** Still waiting (open or awaiting the household's confirmation). */
  pending: number;
  settledAt: LevelCounts;
  answeredAt: LevelCounts;
  casesAt: LevelCounts;
  /** Taken up as a topic by the level's consultation room. */
  topicsAt: LevelCounts;
  /** Appeals that went above the unit's own level. */
  passedUp: number;
  cases: number;
  topics: number;
  concluded: number;
  /** Concluded without any level's limit running out. */
  onTime: number;
  overdue: number;
  /** Settled, answered or taken up by the consultation room at the village or below, of the concluded (小事不出村). */
  shareWithinVillage: number | null;
  /** The same, or turned into a case, at the town or below, of the concluded (大事不出镇). */
  shareWithinTown: number | null;
  linkedHouseholds: number;
  visitedLastQuarter: number;
  coverage: number | null;
  neverVisited: number;
};

const zeroLevels = (): LevelCounts => Object.fromEntries(chainLevels.map((l) => [l, 0])) as LevelCounts;

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** The appeal half of the indicators of a unit at `unitLevel`, from the tally of its appeals. */
export function appealIndicators(tally: readonly AppealTally[], unitLevel: ChainLevel) {
  const settledAt = zeroLevels();
  const answeredAt = zeroLevels();
  const casesAt = zeroLevels();
  const topicsAt = zeroLevels();
  let received = 0;
  let pending = 0;
  let passedUp = 0;
  let onTime = 0;
  let overdue = 0;
  for (const t of tally) {
    received += t.n;
    if (t.is_overdue === 1) {
      overdue += t.n;
    }
    if (levelRank(t.highest_level as ChainLevel) > levelRank(unitLevel)) {
      passedUp += t.n;
    }
    const at = t.concluded_level as ChainLevel | null;
    if (at === null) {
      pending += t.n;
      continue;
    }
    if (t.is_overdue === 0) {
      onTime += t.n;
    }
    if (t.status === 'settled') {
      settledAt[at] += t.n;
    } else if (t.status === 'answered') {
      answeredAt[at] += t.n;
    } else if (t.status === 'case') {
      casesAt[at] += t.n;
    } else if (t.status === 'topic') {
      topicsAt[at] += t.n;
    }
  }
  const sum = (c: LevelCounts, upTo: ChainLevel) =>
    chainLevels.filter((l) => levelRank(l) <= levelRank(upTo)).reduce((n, l) => n + c[l], 0);
  const cases = sum(casesAt, 'district');
  const topics = sum(topicsAt, 'district');
  const concluded = sum(settledAt, 'district') + sum(answeredAt, 'district') + cases + topics;
  // A topic taken up by the village's (or town's) own consultation room is settled where it was raised: 小事不出村.
  const ownAt = (upTo: ChainLevel) => sum(settledAt, upTo) + sum(answeredAt, upTo) + sum(topicsAt, upTo);
  return {
    received,
    pending,
    settledAt,
    answeredAt,
    casesAt,
    topicsAt,
    passedUp,
    cases,
    topics,
    concluded,
    onTime,
    overdue,
    shareWithinVillage: ratio(ownAt('village'), concluded),
    shareWithinTown: ratio(ownAt('town') + sum(casesAt, 'town'), concluded),
  };
}

/** A unit of the chain: one central household, or an organisation (group, branch, village, town, district). */
export type LinkageUnit =
  { kind: 'central'; id: string; groupPath: string } | { kind: 'org'; level: ChainLevel; path: string };

export type Period = { from: number | null; to: number | null };

/** The indicators of one unit. Unscoped: the caller has decided the unit is within reach. */
export async function indicatorsOfUnit(
  db: Kysely<DB>,
  dialect: Dialect,
  unit: LinkageUnit,
  period: Period,
  now: number,
): Promise<LinkageIndicators> {
  const repo = linkageRepository(db, dialect);
  const reach: Reach = unit.kind === 'central' ? { centralId: unit.id } : { path: unit.path };
  const appeals = appealIndicators(
    await repo.tally(reach, period.from, period.to),
    unit.kind === 'central' ? 'central' : unit.level,
  );
  const households = householdDirectory(db, dialect);
  const centrals =
    unit.kind === 'central'
      ? await households.listCentral({ path: unit.groupPath }, unit.groupPath, null, 1, unit.id)
      : await households.listCentral({ path: unit.path }, unit.path, null, 1_000_000);
  const linkedHouseholds = centrals.reduce((n, c) => n + (c.linked ?? 0), 0);
  const visitedLastQuarter = await repo.visitedHouseholds(reach, now - VISIT_INTERVAL_DAYS * DAY_MS);
  const visitedEver = await repo.visitedHouseholds(reach, null);
  return {
    ...appeals,
    linkedHouseholds,
    visitedLastQuarter: Math.min(visitedLastQuarter, linkedHouseholds),
    coverage: ratio(Math.min(visitedLastQuarter, linkedHouseholds), linkedHouseholds),
    neverVisited: Math.max(0, linkedHouseholds - visitedEver),
  };
}
