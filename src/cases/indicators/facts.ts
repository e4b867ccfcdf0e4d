// Indicator facts of one case, derived from its whole step log; the live path writes the difference at every step,
// the demo generator writes them in bulk, and rebuildFacts() can recompute them all from the log.
import { localDayNumber } from '../../calendar/index.js';

export type FactCase = {
  district_id: string;
  town_id: string | null;
  village_id: string | null;
  grid_id: string | null;
  reported_at: number;
  reporter_user_id: string | null;
};

export type FactStep = {
  action: string;
  at: number;
  actor_id: string | null;
  data: Record<string, unknown> | null;
};

export const factMetrics = [
  'reported',
  'valid',
  'registered',
  'registeredOnTime',
  'dispatched',
  'dispatchedRight',
  'responded',
  'dueHandle',
  'handledOnTime',
  'dueClose',
  'closed',
  'closedOnTime',
  'reworked',
  'selfHandled',
  'rated',
  'solved',
  'satisfied',
] as const;
export type FactMetric = (typeof factMetrics)[number];

export type Facts = Map<string, number>;

/** The fact table's column of a metric: dueHandle → due_handle. */
export const metricColumn = (m: FactMetric): string => m.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);

export type FactRow = { unit_id: string; day: number } & Record<string, number | string>;

/** Folds unit|day|metric entries into one row per unit and day, every metric column present. */
export function factRows(facts: Facts): FactRow[] {
  const rows = new Map<string, FactRow>();
  for (const [key, value] of facts) {
    const [unit = '', day = '0', metric = ''] = key.split('|');
    const k = `${unit}|${day}`;
    let row = rows.get(k);
    if (row === undefined) {
      row = { unit_id: unit, day: Number(day) };
      for (const m of factMetrics) {
        row[metricColumn(m)] = 0;
      }
      rows.set(k, row);
    }
    const column = metricColumn(metric as FactMetric);
    row[column] = (row[column] as number) + value;
  }
  return [...rows.values()];
}

export const factKey = (unit: string, day: number, metric: FactMetric): string => `${unit}|${day}|${metric}`;
export const personUnit = (userId: string): string => `u:${userId}`;

type Cycle = {
  units: string[];
  dispatchedAt: number;
  deadlineAt: number;
  handled: boolean;
  closedOnTime: boolean | null;
};

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function factsForCase(c: FactCase, steps: readonly FactStep[]): Facts {
  const facts: Facts = new Map();
  const add = (units: readonly string[], at: number, metric: FactMetric, value = 1) => {
    const day = localDayNumber(at);
    for (const unit of units) {
      const key = factKey(unit, day, metric);
      const next = (facts.get(key) ?? 0) + value;
      if (next === 0) {
        facts.delete(key);
      } else {
        facts.set(key, next);
      }
    }
  };
  const base = [c.district_id, c.town_id, c.village_id, c.grid_id].filter((u): u is string => u !== null);
  const reporterUnits = c.reporter_user_id === null ? base : [...base, personUnit(c.reporter_user_id)];

  let cycle: Cycle | null = null;
  let firstDispatch: { units: string[]; at: number } | null = null;
  let hasReturned = false;
  let hasReworked = false;

  for (const s of steps) {
    const d = s.data ?? {};
    switch (s.action) {
      case 'report':
        add(reporterUnits, c.reported_at, 'reported');
        add(reporterUnits, c.reported_at, 'valid');
        break;
      case 'void':
        add(reporterUnits, c.reported_at, 'valid', -1);
        break;
      case 'register':
        add(base, s.at, 'registered');
        if (d.onTime === true) {
          add(base, s.at, 'registeredOnTime');
        }
        break;
      case 'dispatch': {
        const dept = str(d.departmentId);
        const deadlineAt = num(d.deadlineAt) ?? s.at;
        const units = dept === null ? base : [...base, dept];
        cycle = { units, dispatchedAt: s.at, deadlineAt, handled: false, closedOnTime: null };
        add(units, s.at, 'dispatched');
        if (firstDispatch === null) {
          firstDispatch = { units, at: s.at };
          add(units, s.at, 'dispatchedRight');
        }
        add(units, deadlineAt, 'dueHandle');
        add(units, deadlineAt, 'dueClose');
        break;
      }
      case 'sign':
        if (cycle !== null) {
          if (s.actor_id !== null) {
            const person = [personUnit(s.actor_id)];
            cycle.units = [...cycle.units, ...person];
            add(person, cycle.deadlineAt, 'dueHandle');
            add(person, cycle.deadlineAt, 'dueClose');
            add(person, cycle.dispatchedAt, 'dispatched');
          }
          if (d.onTime === true) {
            add(cycle.units, cycle.dispatchedAt, 'responded');
          }
        }
        break;
      case 'approve':
      case 'resume': {
        if (cycle === null) {
          break;
        }
        if (d.request === 'return') {
          add(cycle.units, cycle.deadlineAt, 'dueHandle', -1);
          add(cycle.units, cycle.deadlineAt, 'dueClose', -1);
          if (!hasReturned && firstDispatch !== null) {
            add(firstDispatch.units, firstDispatch.at, 'dispatchedRight', -1);
          }
          hasReturned = true;
          cycle = null;
          break;
        }
        const moved = num(d.deadlineAt);
        if (moved !== null && moved !== cycle.deadlineAt) {
          add(cycle.units, cycle.deadlineAt, 'dueHandle', -1);
          add(cycle.units, cycle.deadlineAt, 'dueClose', -1);
          cycle.deadlineAt = moved;
          add(cycle.units, moved, 'dueHandle');
          add(cycle.units, moved, 'dueClose');
        }
        break;
      }
      case 'markHandled':
        if (cycle !== null && !cycle.handled) {
          cycle.handled = true;
          if (s.at <= cycle.deadlineAt) {
            add(cycle.units, cycle.deadlineAt, 'handledOnTime');
          }
        }
        break;
      case 'checkFail':
        if (cycle !== null && !hasReworked) {
          hasReworked = true;
          add(cycle.units, cycle.deadlineAt, 'reworked');
        }
        break;
      case 'close':
        if (cycle !== null) {
          cycle.closedOnTime = s.at <= cycle.deadlineAt;
          add(cycle.units, cycle.deadlineAt, 'closed');
          if (cycle.closedOnTime) {
            add(cycle.units, cycle.deadlineAt, 'closedOnTime');
          }
        }
        break;
      case 'reopen':
        if (cycle !== null && cycle.closedOnTime !== null) {
          add(cycle.units, cycle.deadlineAt, 'closed', -1);
          if (cycle.closedOnTime) {
            add(cycle.units, cycle.deadlineAt, 'closedOnTime', -1);
          }
          cycle.closedOnTime = null;
          cycle.handled = false;
        }
        break;
      case 'selfHandle':
        add(reporterUnits, s.at, 'selfHandled');
        break;
      case 'rate': {
        const rating = num(d.rating);
        if (rating !== null) {
          const units = cycle?.units ?? base;
          add(units, s.at, 'rated');
          if (rating >= 3) {
            add(units, s.at, 'solved');
          }
          if (rating >= 4) {
            add(units, s.at, 'satisfied');
          }
        }
        break;
      }
      default:
        break;
    }
  }
  return facts;
}

/** after − before, without zero entries: what to add to the fact table for one step. */
export function factDelta(before: Facts, after: Facts): Facts {
  const out: Facts = new Map();
  for (const [k, v] of after) {
    const d = v - (before.get(k) ?? 0);
    if (d !== 0) {
      out.set(k, d);
    }
  }
  for (const [k, v] of before) {
    if (!after.has(k)) {
      out.set(k, -v);
    }
  }
  return out;
}
