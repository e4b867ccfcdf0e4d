// What the command view and its early warnings read of cases, through the door (index.ts): open cases by traffic
// light per child unit, the most overdue cases, red cards raised since an instant, indicators per unit from the fact
// table, and groups of recent reports by area and category or by reporter. Callers pass a subtree they have decided
// their reader may see; open-case reads walk the (state, org_path) index, so their cost follows the open cases, not
// the history.
import { sql, type Kysely } from 'kysely';
import { subtreeUpper, type Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { loadCaseSettings } from './caseSettings.js';
import { countsByUnit, indicatorsFrom, type Indicators } from './indicators/computeIndicators.js';
import { caseRepository } from './repository.js';
import { caseStates, finalStates, type CaseState } from './workflow/stateMachine.js';

/** States of an open case someone works on (drafts are their writer's alone). */
export const workingStates: readonly CaseState[] = caseStates.filter(
  (s) => !finalStates.includes(s) && s !== 'draft',
);

export type OpenFigures = {
  open: number;
  /** Past 80 % of the limit, not yet overdue, not paused. */
  yellow: number;
  /** Past the deadline, not paused. */
  red: number;
  /** Under red-card supervision. */
  redCards: number;
};

export type OpenUnitColumn = 'town_id' | 'village_id' | 'grid_id';

const zeroOpen = (): OpenFigures => ({ open: 0, yellow: 0, red: 0, redCards: 0 });

/** Open cases of a subtree (or of one grid), in total and per town, village or grid. */
export async function openCaseFigures(
  db: Kysely<DB>,
  under: { path: string; gridId?: string | null },
  by: OpenUnitColumn | null,
  now: number,
): Promise<{ total: OpenFigures; byUnit: Map<string, OpenFigures> }> {
  let q = db
    .selectFrom('case_file')
    .where('state', 'in', workingStates)
    .where('org_path', '>=', under.path)
    .where('org_path', '<', subtreeUpper(under.path));
  if (under.gridId !== undefined && under.gridId !== null) {
    q = q.where('grid_id', '=', under.gridId);
  }
  const rows = await q
    .select((eb) => [
      (by === null ? sql<string>`''` : sql<string | null>`${sql.ref(by)}`).as('unit'),
      eb.fn.countAll<number | string>().as('open'),
      eb.fn
        .sum<number | string>(sql`case when paused_at is null and deadline_at < ${now} then 1 else 0 end`)
        .as('red'),
      eb.fn
        .sum<number | string>(
          sql`case when paused_at is null and yellow_at <= ${now} and deadline_at >= ${now} then 1 else 0 end`,
        )
        .as('yellow'),
      eb.fn.sum<number | string>(sql`case when supervision = 'red' then 1 else 0 end`).as('red_cards'),
    ])
    .groupBy(by === null ? sql`1` : sql.ref(by))
    .execute();
  const total = zeroOpen();
  const byUnit = new Map<string, OpenFigures>();
  for (const r of rows) {
    const f: OpenFigures = {
      open: Number(r.open),
      yellow: Number(r.yellow ?? 0),
      red: Number(r.red ?? 0),
      redCards: Number(r.red_cards ?? 0),
    };
    total.open += f.open;
    total.yellow += f.yellow;
    total.red += f.red;
    total.redCards += f.redCards;
    if (r.unit !== null && r.unit !== '') {
      byUnit.set(r.unit, f);
    }
  }
  return { total, byUnit };
}

export type CaseBrief = {
  id: string;
  trackingCode: string;
  categoryCode: string;
  deadlineAt: number | null;
  at: number;
};

/** The open cases of a subtree (or grid) longest past their deadline, most overdue first. */
export async function mostOverdueCases(
  db: Kysely<DB>,
  under: { path: string; gridId?: string | null },
  now: number,
  limit: number,
): Promise<CaseBrief[]> {
  // Two steps: the ids from the open-case index alone (every open case of a district is read, so a visit to each
  // table row would cost more than the rest of the screen), then the few rows shown.
  let q = db
    .selectFrom('case_file')
    .select(['id', 'deadline_at'])
    .where('state', 'in', workingStates)
    .where('org_path', '>=', under.path)
    .where('org_path', '<', subtreeUpper(under.path))
    .where('paused_at', 'is', null)
    .where('deadline_at', '<', now);
  if (under.gridId !== undefined && under.gridId !== null) {
    q = q.where('grid_id', '=', under.gridId);
  }
  const first = await q.orderBy('deadline_at').orderBy('id').limit(limit).execute();
  if (first.length === 0) {
    return [];
  }
  const rows = await db
    .selectFrom('case_file')
    .select(['id', 'tracking_code', 'category_code', 'deadline_at', 'reported_at'])
    .where(
      'id',
      'in',
      first.map((r) => r.id),
    )
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return first.flatMap((f) => {
    const r = byId.get(f.id);
    return r === undefined
      ? []
      : [
          {
            id: r.id,
            trackingCode: r.tracking_code,
            categoryCode: r.category_code,
            deadlineAt: r.deadline_at,
            at: r.reported_at,
          },
        ];
  });
}

/** Open cases of a subtree put under red-card supervision at or after `since` (the card's step time), newest first. */
export async function redCardsSince(
  db: Kysely<DB>,
  under: { path: string },
  since: number,
  limit: number,
): Promise<CaseBrief[]> {
  const rows = await db
    .selectFrom('case_file')
    .innerJoin('case_step', 'case_step.case_id', 'case_file.id')
    .select([
      'case_file.id',
      'case_file.tracking_code',
      'case_file.category_code',
      'case_file.deadline_at',
      (eb) => eb.fn.max<number>('case_step.at').as('at'),
    ])
    .where('case_file.state', 'in', workingStates)
    .where('case_file.org_path', '>=', under.path)
    .where('case_file.org_path', '<', subtreeUpper(under.path))
    .where('case_file.supervision', '=', 'red')
    .where('case_file.updated_at', '>=', since)
    .where('case_step.action', '=', 'supervise')
    .where('case_step.at', '>=', since)
    .groupBy(['case_file.id', 'case_file.tracking_code', 'case_file.category_code', 'case_file.deadline_at'])
    .orderBy('at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    trackingCode: r.tracking_code,
    categoryCode: r.category_code,
    deadlineAt: r.deadline_at,
    at: r.at,
  }));
}

/** Indicators of several units (orgs, grids, departments) over a period, from the fact table. */
export async function caseIndicatorsByUnit(
  db: Kysely<DB>,
  dialect: Dialect,
  unitIds: string[],
  period: { from: number; to: number },
): Promise<Map<string, Indicators>> {
  const settings = await loadCaseSettings(db);
  const counts = await countsByUnit(caseRepository(db, dialect), unitIds, period);
  return new Map([...counts].map(([id, c]) => [id, indicatorsFrom(c, settings.indicators)]));
}

export type ReportGroup = {
  /** The village or grid id, or the reporter's key (a keyed hash, never a name), as asked. */
  key: string;
  villageId: string | null;
  gridId: string | null;
  categoryCode: string | null;
  count: number;
  /** Distinct reporters among them (anonymous reports count one each). */
  reporters: number;
  /** The group's cases, newest first (at most 50). */
  caseIds: string[];
};

/**
 * Reports of a subtree in [from, to) grouped by village or grid (and category), or by reporter, with at least
 * `minCount` in a group: the raw material of the early-warning rules. Merged duplicates are not counted again.
 */
export async function groupRecentReports(
  db: Kysely<DB>,
  q: {
    path: string;
    from: number;
    to: number;
    by: 'village' | 'grid' | 'reporter';
    categoryCode: string | null;
    minCount: number;
  },
): Promise<ReportGroup[]> {
  const rows = await db
    .selectFrom('case_file')
    .select(['id', 'village_id', 'grid_id', 'category_code', 'reporter_key', 'reported_at'])
    .where('reported_at', '>=', q.from)
    .where('reported_at', '<=', q.to)
    .where('org_path', '>=', q.path)
    .where('org_path', '<', subtreeUpper(q.path))
    .where('merged_into_id', 'is', null)
    .$if(q.categoryCode !== null, (b) => b.where('category_code', '=', q.categoryCode!))
    .orderBy('reported_at', 'desc')
    .execute();
  const groups = new Map<string, ReportGroup & { keys: Set<string> }>();
  for (const r of rows) {
    const unit = q.by === 'village' ? r.village_id : q.by === 'grid' ? r.grid_id : r.reporter_key;
    if (unit === null) {
      continue;
    }
    const category = q.by === 'reporter' ? null : r.category_code;
    const k = `${unit}|${category ?? ''}`;
    let g = groups.get(k);
    if (g === undefined) {
      g = {
        key: unit,
        villageId: r.village_id,
        gridId: q.by === 'grid' ? r.grid_id : null,
        categoryCode: category,
        count: 0,
        reporters: 0,
        caseIds: [],
        keys: new Set(),
      };
      groups.set(k, g);
    }
    g.count += 1;
    g.keys.add(r.reporter_key ?? `anonymous:${r.id}`);
    if (g.caseIds.length < 50) {
      g.caseIds.push(r.id);
    }
  }
  return [...groups.values()]
    .filter((g) => g.count >= q.minCount)
    .map(({ keys, ...g }) => ({ ...g, reporters: keys.size }));
}

/** Reports of a subtree (or grid) in [from, to) per category, most first (a briefing's top categories). */
export async function reportsByCategory(
  db: Kysely<DB>,
  under: { path: string; gridId?: string | null },
  period: { from: number; to: number },
  limit: number,
): Promise<{ categoryCode: string; count: number }[]> {
  let q = db
    .selectFrom('case_file')
    .select(['category_code', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('reported_at', '>=', period.from)
    .where('reported_at', '<', period.to)
    .where('org_path', '>=', under.path)
    .where('org_path', '<', subtreeUpper(under.path))
    .where('merged_into_id', 'is', null);
  if (under.gridId !== undefined && under.gridId !== null) {
    q = q.where('grid_id', '=', under.gridId);
  }
  const rows = await q.groupBy('category_code').execute();
  return rows
    .map((r) => ({ categoryCode: r.category_code, count: Number(r.n) }))
    .sort((a, b) => b.count - a.count || a.categoryCode.localeCompare(b.categoryCode))
    .slice(0, limit);
}
