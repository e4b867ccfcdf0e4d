// Deadlines of a case: the handling limit from routing or the category, the 80 % yellow mark, pauses and step limits.
import type { Kysely } from 'kysely';
import {
  addLimit,
  elapsedMinutes,
  lightAt,
  limitMinutes,
  type Light,
  type Limit,
  type WorkCalendar,
} from '../calendar/index.js';
import { fromDbJson } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { cancelJob, scheduleJob } from '../platform/jobs/jobs.js';
import type { StepLimits } from './caseSettings.js';
import type { CaseRow } from './repository.js';
import { isOpenState, pausedStates, type CaseState } from './workflow/stateMachine.js';

export type Deadlines = { deadlineAt: number; yellowAt: number };

export function deadlinesFrom(start: number, limit: Limit, cal: WorkCalendar): Deadlines {
  const minutes = limitMinutes(limit, cal);
  return {
    deadlineAt: addLimit(start, minutes, limit.unit, cal),
    yellowAt: addLimit(start, minutes * 0.8, limit.unit, cal),
  };
}

/** Moves both marks by the time spent paused, counted in the limit's own kind of time. */
export function shiftedByPause(c: CaseRow, now: number, cal: WorkCalendar): Partial<Deadlines> {
  const limit = fromDbJson<Limit>(c.limit_json);
  if (c.paused_at === null || limit === null || c.deadline_at === null) {
    return {};
  }
  const paused = elapsedMinutes(c.paused_at, now, limit.unit, cal);
  return {
    deadlineAt: addLimit(c.deadline_at, paused, limit.unit, cal),
    yellowAt: c.yellow_at === null ? undefined : addLimit(c.yellow_at, paused, limit.unit, cal),
  };
}

export function caseLight(
  c: Pick<CaseRow, 'state' | 'yellow_at' | 'deadline_at' | 'paused_at'>,
  now: number,
): Light {
  if (!isOpenState(c.state)) {
    return 'green';
  }
  // While paused the clock stands still where it stopped.
  return lightAt(c.paused_at ?? now, c.yellow_at, c.deadline_at);
}

/** The natural-minute limit of the step a case waits in, or null when no seat's clock runs. */
export function stepLimitMinutes(
  state: CaseState,
  urgency: string,
  isRural: boolean,
  limits: StepLimits,
): number | null {
  const tier = urgency === 'urgent' ? 'urgent' : 'normal';
  switch (state) {
    case 'reported':
    case 'verifying':
      return limits.accept[tier];
    case 'accepted':
      return limits.register[tier];
    case 'registered':
      return limits.dispatch[tier];
    case 'dispatched':
      return limits.sign[tier];
    case 'checking':
      return isRural ? limits.check.village : limits.check.community;
    case 'draft':
    case 'handling':
    case 'pendingApproval':
    case 'onHold':
    case 'handled':
    case 'checked':
    case 'closed':
    case 'voided':
    case 'merged':
      return null;
  }
}

export const timerKeys = (caseId: string) => ({ yellow: `case:${caseId}:yellow`, red: `case:${caseId}:red` });

/** Keeps the yellow- and red-card timers in line with the case: scheduled while the clock runs, gone otherwise. */
export async function syncCaseTimers(db: Kysely<DB>, c: CaseRow, now: number): Promise<void> {
  const keys = timerKeys(c.id);
  const isRunning = isOpenState(c.state) && !pausedStates.includes(c.state) && c.deadline_at !== null;
  if (!isRunning || c.deadline_at === null) {
    await cancelJob(db, keys.yellow);
    await cancelJob(db, keys.red);
    return;
  }
  if (c.yellow_at !== null && c.supervision === null) {
    await scheduleJob(db, {
      kind: 'case.yellow',
      key: keys.yellow,
      dueAt: c.yellow_at,
      payload: { caseId: c.id, deadlineAt: c.deadline_at },
      now,
    });
  }
  if (c.supervision !== 'red') {
    await scheduleJob(db, {
      kind: 'case.red',
      key: keys.red,
      dueAt: c.deadline_at + 1,
      payload: { caseId: c.id, deadlineAt: c.deadline_at },
      now,
    });
  }
}
