// The indicators' read model: one unit's figures for a period (with the period before and the same period a year
// earlier), and the ranking of the units of a level in the caller's scope, both from the fact table. Without a
// period the last 30 district days are read (today included), so the first day of a month does not compare a day with
// a month.
import { gridDirectory } from '../../grids/index.js';
import { scopeOf, type UserActor } from '../../access/index.js';
import { holdersOfRolesUnder } from '../../identity/index.js';
import { orgDirectory } from '../../orgs/index.js';
import type { Database } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors.js';
import { DAY_MS, startOfLocalDay } from '../../platform/time.js';
import { loadCaseSettings } from '../caseSettings.js';
import { caseRepository } from '../repository.js';
import { comparisonPeriods, countsByUnit, indicatorsFrom, type Period } from './computeIndicators.js';
import { personUnit } from './facts.js';

/** The default window: the 30 district days ending with today. */
export const DEFAULT_PERIOD_DAYS = 30;

export const rankLevels = ['town', 'village', 'grid', 'department', 'person'] as const;
export type RankLevel = (typeof rankLevels)[number];

/** What a scope ranks first: the level below it (a district its towns, a town its villages, a village its grids). */
export function defaultRankLevel(orgLevel: string): RankLevel {
  switch (orgLevel) {
    case 'district':
      return 'town';
    case 'town':
      return 'village';
    case 'department':
      return 'person';
    default:
      return 'grid';
  }
}

export type PeriodQuery = { from?: number; to?: number };

/** The period asked for (both ends, at most three years), or the default window. */
export function periodOf(q: PeriodQuery, now: number): Period {
  if (q.from === undefined && q.to === undefined) {
    const to = startOfLocalDay(now) + DAY_MS;
    return { from: to - DEFAULT_PERIOD_DAYS * DAY_MS, to };
  }
  if (q.from === undefined || q.to === undefined) {
    const field = q.from === undefined ? 'from' : 'to';
    throw new AppError('request.invalid', {
      errors: [{ field, message: 'give both from and to, or neither' }],
    });
  }
  if (q.to <= q.from || q.to - q.from > 3 * 366 * DAY_MS) {
    throw new AppError('request.invalid', {
      errors: [{ field: 'to', message: 'must be after from, within three years' }],
    });
  }
  return { from: q.from, to: q.to };
}

/** One unit's indicators: an org or department of the caller's subtree, a grid there, or the caller; else 404. */
export async function unitIndicatorsOf(
  database: Database,
  actor: UserActor,
  query: PeriodQuery & { unitId?: string },
  now: number,
) {
  const { db } = database;
  const repo = caseRepository(db, database.dialect);
  const period = periodOf(query, now);
  const unit = query.unitId ?? actor.active.orgId;
  // The unit must be inside the caller's scope: an org or department in the subtree, a grid there, or the caller.
  const isOwn = unit === personUnit(actor.userId);
  let about: { kind: 'org' | 'grid' | 'person'; level: string | null; name: string };
  if (isOwn) {
    about = { kind: 'person', level: null, name: actor.displayName };
  } else {
    const scope = scopeOf(actor);
    const org = await orgDirectory(db, database.dialect).findById(scope, unit);
    const grid = org === undefined ? await gridDirectory(db).findById(scope, unit) : undefined;
    if (org !== undefined) {
      about = { kind: 'org', level: org.level, name: org.name };
    } else if (grid !== undefined) {
      about = { kind: 'grid', level: null, name: `${grid.name} ${grid.code}` };
    } else {
      throw notFound();
    }
  }
  const settings = await loadCaseSettings(db);
  const cmp = comparisonPeriods(period);
  const [current, prev, last] = await Promise.all([
    countsByUnit(repo, [unit], period),
    countsByUnit(repo, [unit], cmp.previous),
    countsByUnit(repo, [unit], cmp.lastYear),
  ]);
  return {
    unitId: unit,
    unit: about,
    period,
    comparison: cmp,
    current: indicatorsFrom(current.get(unit)!, settings.indicators),
    previous: indicatorsFrom(prev.get(unit)!, settings.indicators),
    lastYear: indicatorsFrom(last.get(unit)!, settings.indicators),
  };
}

/** The units of a level in the caller's scope (or under one org of it), best composite score first. */
export async function rankingOf(
  database: Database,
  actor: UserActor,
  query: PeriodQuery & { level?: RankLevel; underId?: string },
  now: number,
) {
  const { db } = database;
  const repo = caseRepository(db, database.dialect);
  const scope = scopeOf(actor);
  const period = periodOf(query, now);
  const level = query.level ?? defaultRankLevel(actor.active.orgLevel);
  const orgs = orgDirectory(db, database.dialect);
  let under: { id: string; name: string; path: string } | null = null;
  if (query.underId !== undefined) {
    const org = await orgs.findById(scope, query.underId);
    if (org === undefined) {
      throw notFound();
    }
    under = { id: org.id, name: org.name, path: org.path };
  }
  const underPath = under?.path ?? scope.path;
  let units: { id: string; name: string }[];
  if (level === 'grid') {
    units = (await gridDirectory(db).list(scope, { underPath }, 5000, null)).map((g) => ({
      id: g.id,
      name: `${g.name} ${g.code}`,
    }));
  } else if (level === 'person') {
    const holders = await holdersOfRolesUnder(db, underPath, ['departmentHandler', 'gridWorker']);
    units = holders.map((h) => ({ id: personUnit(h.userId), name: h.displayName }));
  } else {
    units = (await orgs.subtree(scope, underPath))
      .filter((o) => o.level === level && o.status === 'active')
      .map((o) => ({ id: o.id, name: o.name }));
  }
  const settings = await loadCaseSettings(db);
  const counts = await countsByUnit(
    repo,
    units.map((u) => u.id),
    period,
  );
  const items = units
    .map((u) => ({ ...u, ...indicatorsFrom(counts.get(u.id)!, settings.indicators) }))
    .sort((a, b) => (b.composite ?? -1) - (a.composite ?? -1) || b.counts.closed - a.counts.closed);
  return {
    level,
    period,
    under: under === null ? null : { id: under.id, name: under.name },
    items: items.map((x, i) => ({ rank: i + 1, ...x })),
  };
}
