// The chain an appeal travels (central household → party group → branch → village → town → district), its per-level
// time limits (configurable, in working time by default) and the statuses an appeal passes through.
import type { Kysely } from 'kysely';
import { addLimit, limitMinutes, loadWorkCalendar, type Limit } from '../calendar/index.js';
import { orgDirectory, type OrgRow } from '../orgs/index.js';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { getSetting } from '../platform/settings.js';

export const chainLevels = ['central', 'group', 'branch', 'village', 'town', 'district'] as const;
export type ChainLevel = (typeof chainLevels)[number];

export const isChainLevel = (value: string): value is ChainLevel =>
  (chainLevels as readonly string[]).includes(value);

export const levelRank = (level: ChainLevel): number => chainLevels.indexOf(level);

/** Where an appeal stands: waiting at a level, settled there but not yet confirmed by the household, or concluded. */
export const appealStatuses = [
  'open',
  'awaitingConfirmation',
  'settled',
  'answered',
  'case',
  'topic',
] as const;
export type AppealStatus = (typeof appealStatuses)[number];

export const visitKinds = ['home', 'phone', 'meeting'] as const;
export type VisitKind = (typeof visitKinds)[number];

/** One stop of the chain: the level and the organisation (the central household itself at the first stop). */
export type ChainStop = { level: ChainLevel; orgId: string; orgPath: string };

/**
 * The stops above a central household, nearest first, read from its group's materialised path: the organisations of
 * the levels group, branch, village, town and district on it. A group placed directly under a village skips the branch.
 */
export async function chainAbove(db: Kysely<DB>, dialect: Dialect, groupPath: string): Promise<ChainStop[]> {
  const ids = groupPath.split('/').filter((s) => s !== '');
  const rows: OrgRow[] = await orgDirectory(db, dialect).byIds(ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const stops: ChainStop[] = [];
  for (const id of [...ids].reverse()) {
    const org = byId.get(id);
    if (org !== undefined && isChainLevel(org.level) && org.level !== 'central') {
      stops.push({ level: org.level, orgId: org.id, orgPath: org.path });
    }
  }
  return stops;
}

/** The next stop above a level, or undefined at the top. */
export function nextStop(stops: readonly ChainStop[], level: ChainLevel): ChainStop | undefined {
  return stops.find((s) => levelRank(s.level) > levelRank(level));
}

export type LevelLimits = Record<ChainLevel, Limit>;

/** Defaults: two working days with the head, three with the group, five at the branch, seven at the village... */
export const DEFAULT_LEVEL_LIMITS: LevelLimits = {
  central: { amount: 2, unit: 'workDays' },
  group: { amount: 3, unit: 'workDays' },
  branch: { amount: 5, unit: 'workDays' },
  village: { amount: 7, unit: 'workDays' },
  town: { amount: 15, unit: 'workDays' },
  district: { amount: 15, unit: 'workDays' },
};

export const LIMITS_SETTING = 'linkage.levelLimits';

/** The configured limits (app_setting 'linkage.levelLimits', a JSON object per level), defaults for the rest. */
export async function loadLevelLimits(db: Kysely<DB>): Promise<LevelLimits> {
  const raw = await getSetting(db, LIMITS_SETTING);
  if (raw === null) {
    return DEFAULT_LEVEL_LIMITS;
  }
  const parsed = JSON.parse(raw) as Partial<LevelLimits>;
  return { ...DEFAULT_LEVEL_LIMITS, ...parsed };
}

/** When an appeal arriving at the level at `since` is due there. */
export async function dueAtLevel(db: Kysely<DB>, level: ChainLevel, since: number): Promise<number> {
  const limit = (await loadLevelLimits(db))[level];
  const cal = await loadWorkCalendar(db, since);
  return addLimit(since, limitMinutes(limit, cal), limit.unit, cal);
}

/** Days within which each linked household is to be visited again (once a quarter). */
export const VISIT_INTERVAL_DAYS = 91;
