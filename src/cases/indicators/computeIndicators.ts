// Indicators and the composite score from the fact table: cost depends on units × days, not on case history.
import { localDayNumber } from '../../calendar/index.js';
import type { IndicatorWeights } from '../caseSettings.js';
import type { CaseRepository } from '../repository.js';
import { factMetrics, type FactMetric } from './facts.js';

export type Counts = Record<FactMetric, number>;

export type Rates = {
  onTimeHandleRate: number | null;
  closeRate: number | null;
  onTimeCloseRate: number | null;
  reworkRate: number | null;
  rightDispatchRate: number | null;
  onTimeRegisterRate: number | null;
  validReportRate: number | null;
  responseRate: number | null;
  solveRate: number | null;
  satisfactionRate: number | null;
};

export type Indicators = {
  counts: Counts;
  rates: Rates;
  threeRatesScore: number | null;
  composite: number | null;
  grade: 'A' | 'B' | 'C' | 'D' | 'E' | null;
};

const ratio = (a: number, b: number): number | null => (b <= 0 ? null : Math.min(1, Math.max(0, a / b)));
const round = (x: number | null, digits = 4): number | null =>
  x === null ? null : Number(x.toFixed(digits));

export function emptyCounts(): Counts {
  return Object.fromEntries(factMetrics.map((m) => [m, 0])) as Counts;
}

export function indicatorsFrom(counts: Counts, w: IndicatorWeights): Indicators {
  const rates: Rates = {
    onTimeHandleRate: round(ratio(counts.handledOnTime, counts.dueHandle)),
    closeRate: round(ratio(counts.closed, counts.dueClose)),
    onTimeCloseRate: round(ratio(counts.closedOnTime, counts.dueClose)),
    reworkRate: round(ratio(counts.reworked, counts.dueClose)),
    rightDispatchRate: round(ratio(counts.dispatchedRight, counts.dispatched)),
    onTimeRegisterRate: round(ratio(counts.registeredOnTime, counts.registered)),
    validReportRate: round(ratio(counts.valid, counts.reported)),
    responseRate: round(ratio(counts.responded, counts.dispatched)),
    solveRate: round(ratio(counts.solved, counts.rated)),
    satisfactionRate: round(ratio(counts.satisfied, counts.rated)),
  };
  const three =
    rates.responseRate === null || rates.solveRate === null || rates.satisfactionRate === null
      ? null
      : round(
          w.threeRates.response * rates.responseRate +
            w.threeRates.solve * rates.solveRate +
            w.threeRates.satisfaction * rates.satisfactionRate,
          2,
        );
  let composite: number | null = null;
  if (rates.closeRate !== null && rates.onTimeHandleRate !== null && rates.reworkRate !== null) {
    const band = w.countBands.find((b) => counts.closed >= b.min)?.points ?? 0;
    composite = round(
      band +
        w.closeRate * rates.closeRate +
        w.onTimeHandleRate * rates.onTimeHandleRate +
        w.noReworkRate * (1 - rates.reworkRate),
      2,
    );
  }
  const grade = composite === null ? null : (w.grades.find((g) => composite >= g.min)?.grade ?? 'E');
  return { counts, rates, threeRatesScore: three, composite, grade };
}

export type Period = { from: number; to: number };

/** Sums the facts of each unit over [from, to) (instants; days are local). */
export async function countsByUnit(
  repo: CaseRepository,
  units: string[],
  period: Period,
): Promise<Map<string, Counts>> {
  const rows = await repo.sumFacts(units, localDayNumber(period.from), localDayNumber(period.to - 1));
  const out = new Map<string, Counts>(units.map((u) => [u, emptyCounts()]));
  for (const r of rows) {
    const counts = out.get(r.unit_id);
    if (counts !== undefined) {
      counts[r.metric] = r.value;
    }
  }
  return out;
}

/** The same span one period earlier (month on month when the span is a month) and one year earlier. */
export function comparisonPeriods(p: Period): { previous: Period; lastYear: Period } {
  const span = p.to - p.from;
  const from = new Date(p.from);
  const to = new Date(p.to);
  const yearBack = (d: Date) =>
    Date.UTC(d.getUTCFullYear() - 1, d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes());
  return {
    previous: { from: p.from - span, to: p.from },
    lastYear: { from: yearBack(from), to: yearBack(to) },
  };
}
