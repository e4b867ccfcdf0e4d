// The visit plan (主动出击), one rule for the Monday reminders and the group leader's overdue list: each linked
// household is visited at least once a quarter, a household in need monthly. A household is in need when it raised
// two appeals or more in the quarter, or when it is paired for relief (结对帮扶, known through reliefSource.ts).
import type { Kysely } from 'kysely';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { DAY_MS } from '../platform/time.js';
import { VISIT_INTERVAL_DAYS } from './chain.js';
import { householdRelief } from './reliefSource.js';
import { linkageRepository } from './repository.js';

/** A household in need is visited monthly. */
export const IN_NEED_INTERVAL_DAYS = 30;
/** Appeals in the quarter that make a household one in need. */
export const IN_NEED_APPEALS = 2;

/** Why a household is in need: its appeals of the quarter, or a relief pairing. */
export type NeedReason = 'appeals' | 'relief';

export type VisitDue = {
  lastVisitAt: number | null;
  /** Why the household is in need (none: visited quarterly). */
  needs: NeedReason[];
  isInNeed: boolean;
  /** When the next visit falls due; null for a household never visited, due at once. */
  dueAt: number | null;
  /** Past its due time at `now` (a household never visited always is). */
  isOverdue: boolean;
};

/** The rule itself, on the facts of one household. */
export function visitDue(
  facts: { lastVisitAt: number | null; appealsInQuarter: number; isInRelief: boolean },
  now: number,
): VisitDue {
  const needs: NeedReason[] = [
    ...(facts.appealsInQuarter >= IN_NEED_APPEALS ? (['appeals'] as const) : []),
    ...(facts.isInRelief ? (['relief'] as const) : []),
  ];
  const isInNeed = needs.length > 0;
  const dueAt =
    facts.lastVisitAt === null
      ? null
      : facts.lastVisitAt + (isInNeed ? IN_NEED_INTERVAL_DAYS : VISIT_INTERVAL_DAYS) * DAY_MS;
  return {
    lastVisitAt: facts.lastVisitAt,
    needs,
    isInNeed,
    dueAt,
    isOverdue: dueAt === null || dueAt < now,
  };
}

/** The plan of each named household at `now`: its last visit, its appeals of the quarter, its relief pairing. */
export async function visitPlanOf(
  db: Kysely<DB>,
  dialect: Dialect,
  householdIds: readonly string[],
  now: number,
): Promise<Map<string, VisitDue>> {
  const repo = linkageRepository(db, dialect);
  const ids = [...householdIds];
  const last = await repo.lastVisits(ids);
  const appeals = await repo.appealCounts(ids, now - VISIT_INTERVAL_DAYS * DAY_MS);
  const inRelief = await householdRelief().inRelief(db, dialect, ids, now);
  return new Map(
    ids.map((id) => [
      id,
      visitDue(
        {
          lastVisitAt: last.get(id) ?? null,
          appealsInQuarter: appeals.get(id) ?? 0,
          isInRelief: inRelief.has(id),
        },
        now,
      ),
    ]),
  );
}
