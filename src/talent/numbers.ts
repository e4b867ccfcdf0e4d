// The talent pool's numbers for a unit (the district, a town, a village): talents filed, per kind, with consent to
// be contacted, stale (not confirmed for a year), engaged (with an assignment running in the period), and the
// assignments begun in the period and how many of those are completed. Counted in SQL, one pass per table.
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { talentRepository } from './repository.js';
import { STALE_AFTER_MS, talentKinds, type TalentKind } from './vocabulary.js';

export type TalentNumbers = {
  total: number;
  byKind: Record<TalentKind, number>;
  consenting: number;
  stale: number;
  engaged: number;
  assignments: number;
  completed: number;
};

export async function talentNumbers(
  db: Kysely<DB>,
  path: string,
  period: { from: number; to: number },
  now: number,
): Promise<TalentNumbers> {
  const n = await talentRepository(db).numbersUnder(path, period, now - STALE_AFTER_MS);
  const byKind = Object.fromEntries(talentKinds.map((k) => [k, 0])) as Record<TalentKind, number>;
  let total = 0;
  let consenting = 0;
  let stale = 0;
  for (const k of n.kinds) {
    if (k.kind in byKind) {
      byKind[k.kind as TalentKind] += k.total;
    }
    total += k.total;
    consenting += k.consenting;
    stale += k.stale;
  }
  return {
    total,
    byKind,
    consenting,
    stale,
    engaged: n.engaged,
    assignments: n.assignments,
    completed: n.completed,
  };
}
