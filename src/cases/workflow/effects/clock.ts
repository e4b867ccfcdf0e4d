// Effects on the case's clock: on-time registration, the deadline moving by a pause, and granted requests.
import { addLimit, type Limit } from '../../../calendar/index.js';
import { fromDbJson } from '../../../platform/db/database.js';
import { shiftedByPause } from '../../clock.js';
import type { Effect, EffectContext } from './context.js';

/** 按时立案: registered within the accept and register step limits of the report. */
export const timeRegistration: Effect = async (e) => {
  const allowed = (e.stepLimit('reported') ?? 0) + (e.stepLimit('accepted') ?? 0);
  e.data.onTime = e.now - e.c.reported_at <= allowed * 60_000;
};

/** The clock runs again: both marks move by the time spent paused. */
export function resumeClock(e: EffectContext): void {
  const moved = shiftedByPause(e.c, e.now, e.cal);
  if (moved.deadlineAt !== undefined) {
    e.patch.deadline_at = moved.deadlineAt;
    e.data.deadlineAt = moved.deadlineAt;
  }
  if (moved.yellowAt !== undefined) {
    e.patch.yellow_at = moved.yellowAt;
  }
  e.patch.paused_at = null;
}

/** An approved extension moves the deadline (already shifted by the pause) by the minutes asked for. */
export const grantRequest: Effect = async (e) => {
  const { c } = e;
  if (c.pending_request !== 'extension') {
    return;
  }
  const limit = fromDbJson<Limit>(c.limit_json);
  const base = e.patch.deadline_at ?? c.deadline_at;
  if (limit !== null && base !== null) {
    const extended = addLimit(base, c.pending_minutes ?? 0, limit.unit, e.cal);
    e.patch.deadline_at = extended;
    e.data.deadlineAt = extended;
    e.patch.extension_count = c.extension_count + 1;
    e.patch.supervision = null;
  }
};
