// The consultation numbers of a subtree, per council and in total, counted from the records over a period: meetings
// held, topics received and handled, outcomes due / done / done on time, ratings and satisfaction. For the assessment
// and the command view (exported from index.ts); the caller passes the scope it may see.
import type { Scope } from '../access/index.js';
import type { Database } from '../platform/db/database.js';
import { followCases } from './followCases.js';
import { consultationRepository } from './repository.js';

export type ConsultationCounts = {
  meetingsHeld: number;
  topicsReceived: number;
  topicsHandled: number;
  outcomesDue: number;
  outcomesDone: number;
  outcomesDoneOnTime: number;
  ratings: number;
  satisfied: number;
  /** satisfied / ratings, null without ratings. */
  satisfactionRate: number | null;
  /** outcomesDoneOnTime / outcomesDue, null when none was due. */
  onTimeRate: number | null;
};

export type CouncilNumbers = ConsultationCounts & {
  councilId: string;
  orgId: string;
  orgPath: string;
  name: string;
  level: string;
};

const zero = (): ConsultationCounts => ({
  meetingsHeld: 0,
  topicsReceived: 0,
  topicsHandled: 0,
  outcomesDue: 0,
  outcomesDone: 0,
  outcomesDoneOnTime: 0,
  ratings: 0,
  satisfied: 0,
  satisfactionRate: null,
  onTimeRate: null,
});

const withRates = (c: ConsultationCounts): ConsultationCounts => ({
  ...c,
  satisfactionRate: c.ratings === 0 ? null : Math.round((c.satisfied / c.ratings) * 1000) / 1000,
  onTimeRate: c.outcomesDue === 0 ? null : Math.round((c.outcomesDoneOnTime / c.outcomesDue) * 1000) / 1000,
});

export async function consultationNumbers(
  database: Database,
  scope: Scope,
  underPath: string,
  period: { from: number; to: number },
  now: number,
): Promise<{ total: ConsultationCounts; councils: CouncilNumbers[] }> {
  await followCases(database, { path: underPath.startsWith(scope.path) ? underPath : scope.path }, now);
  const raw = await consultationRepository(database.db, database.dialect).numbersBySubtree(
    scope,
    underPath,
    period.from,
    period.to,
  );
  const by = new Map<string, ConsultationCounts>(raw.councils.map((c) => [c.id, zero()]));
  const at = (id: string) => by.get(id);
  for (const m of raw.meetings) {
    const c = at(m.council_id);
    if (c !== undefined) {
      c.meetingsHeld += Number(m.n);
    }
  }
  for (const t of raw.topics) {
    const c = at(t.council_id);
    if (c !== undefined) {
      c.topicsReceived += Number(t.received);
      c.topicsHandled += Number(t.handled ?? 0);
    }
  }
  for (const o of raw.outcomes) {
    const c = at(o.council_id);
    if (c !== undefined) {
      c.outcomesDue += Number(o.due ?? 0);
      c.outcomesDone += Number(o.done ?? 0);
      c.outcomesDoneOnTime += Number(o.on_time ?? 0);
    }
  }
  for (const r of raw.ratings) {
    const c = at(r.council_id);
    if (c !== undefined) {
      c.ratings += Number(r.rated);
      c.satisfied += Number(r.satisfied ?? 0);
    }
  }
  const total = zero();
  const councils: CouncilNumbers[] = raw.councils.map((k) => {
    const c = by.get(k.id) ?? zero();
    for (const key of [
      'meetingsHeld',
      'topicsReceived',
      'topicsHandled',
      'outcomesDue',
      'outcomesDone',
      'outcomesDoneOnTime',
      'ratings',
      'satisfied',
    ] as const) {
      total[key] += c[key];
    }
    return {
      councilId: k.id,
      orgId: k.org_id,
      orgPath: k.org_path,
      name: k.name,
      level: k.level,
      ...withRates(c),
    };
  });
  return { total: withRates(total), councils };
}
