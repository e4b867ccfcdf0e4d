// A role's home: what waits on the caller (overdue first), what is due today, the cards and recent ratings of the
// scope, and its open-case figures. Every number is what the case list shows with the matching filter.
import type { Kysely } from 'kysely';
import type { UserActor } from '../access/index.js';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { DAY_MS, startOfLocalDay } from '../platform/time.js';
import { caseScopeOf } from './access.js';
import { caseRepository, type CaseRow } from './repository.js';
import { queueOf } from './workflow/queues.js';
import { caseStates, isOpenState } from './workflow/stateMachine.js';

/** The queue is read up to this many cases; beyond it the home says "200+". */
export const HOME_QUEUE_CAP = 200;

export type Home = {
  queue: { count: number; isCapped: boolean; overdue: number; dueToday: number; top: CaseRow[] };
  scope: { open: number; yellow: number; red: number; yellowCards: number; redCards: number };
  recentRatings: CaseRow[];
};

/** Red light: the running deadline has passed (what the list's light=red filter shows). */
const isOverdue = (c: CaseRow, now: number): boolean =>
  c.paused_at === null && c.deadline_at !== null && c.deadline_at < now;

export async function readHome(
  db: Kysely<DB>,
  dialect: Dialect,
  actor: UserActor,
  now: number,
): Promise<Home> {
  const repo = caseRepository(db, dialect);
  const scope = await caseScopeOf(db, actor);
  const groups = queueOf(actor.active.role);
  const endOfToday = startOfLocalDay(now) + DAY_MS;
  const [queued, counts, yellowCards, redCards, ratings] = await Promise.all([
    groups.length === 0
      ? Promise.resolve([])
      : repo.list(scope, { actionable: groups, limit: HOME_QUEUE_CAP + 1, now }),
    repo.openCounts(scope, undefined, now),
    repo.list(scope, { card: 'yellow', states: openStatesForCards, limit: HOME_QUEUE_CAP + 1, now }),
    repo.list(scope, { card: 'red', states: openStatesForCards, limit: HOME_QUEUE_CAP + 1, now }),
    repo.recentRatings(scope, 5),
  ]);
  const page = queued.slice(0, HOME_QUEUE_CAP);
  const overdue = page.filter((c) => isOverdue(c, now));
  const dueToday = page.filter(
    (c) =>
      !isOverdue(c, now) &&
      c.paused_at === null &&
      c.deadline_at !== null &&
      c.deadline_at >= now &&
      c.deadline_at < endOfToday,
  );
  // Overdue first, then by the nearest deadline, then the oldest report.
  const top = [...page]
    .sort((a, b) => {
      const ao = isOverdue(a, now) ? 0 : 1;
      const bo = isOverdue(b, now) ? 0 : 1;
      return (
        ao - bo ||
        (a.deadline_at ?? Number.MAX_SAFE_INTEGER) - (b.deadline_at ?? Number.MAX_SAFE_INTEGER) ||
        a.reported_at - b.reported_at
      );
    })
    .slice(0, 8);
  return {
    queue: {
      count: page.length,
      isCapped: queued.length > HOME_QUEUE_CAP,
      overdue: overdue.length,
      dueToday: dueToday.length,
      top,
    },
    scope: {
      open: counts.open,
      yellow: counts.yellow,
      red: counts.red,
      yellowCards: Math.min(yellowCards.length, HOME_QUEUE_CAP),
      redCards: Math.min(redCards.length, HOME_QUEUE_CAP),
    },
    recentRatings: ratings,
  };
}

/** The states a case with a supervision card can be in: every open state but a draft, which has no clock. */
const openStatesForCards = caseStates.filter((state) => isOpenState(state) && state !== 'draft');
