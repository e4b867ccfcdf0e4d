// Calendar listener: when a year's holiday calendar arrives, every open case whose deadline was provisional (counted
// in working time across a year that had no calendar, so holidays there counted as working days) has its marks laid
// again: the working time still to run from now (or from the pause) under the old calendar is counted out on the new
// one. Registered in src/modules.ts through the calendar's onCalendarImported.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/index.js';
import {
  addWorkingMinutes,
  isProvisional,
  isWorkUnit,
  workingMinutesBetween,
  type CalendarListener,
  type Limit,
  type WorkCalendar,
} from '../calendar/index.js';
import { fromDbJson } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { syncCaseTimers } from './clock.js';
import type { CaseRow } from './repository.js';
import { isOpenState } from './workflow/stateMachine.js';

const relay = (mark: number | null, from: number, before: WorkCalendar, after: WorkCalendar) =>
  mark === null || mark <= from
    ? mark
    : addWorkingMinutes(from, workingMinutesBetween(from, mark, before), after);

/** The marks of one case under the new calendar, or null when nothing changes. */
export function relaidMarks(
  c: Pick<CaseRow, 'deadline_at' | 'yellow_at' | 'paused_at' | 'limit_json'>,
  now: number,
  before: WorkCalendar,
  after: WorkCalendar,
): Pick<CaseRow, 'deadline_at' | 'yellow_at' | 'deadline_provisional'> | null {
  const unit = fromDbJson<Limit>(c.limit_json)?.unit;
  if (c.deadline_at === null || unit === undefined || !isWorkUnit(unit)) {
    return null;
  }
  const from = c.paused_at ?? now;
  const deadline = relay(c.deadline_at, from, before, after)!;
  const yellow = relay(c.yellow_at, from, before, after);
  return {
    deadline_at: deadline,
    yellow_at: yellow,
    deadline_provisional: isProvisional(after, from, deadline, unit) ? 1 : 0,
  };
}

export const relayProvisionalDeadlines: CalendarListener = async (trx: Kysely<DB>, e) => {
  const provisional = await trx
    .selectFrom('case_file')
    .selectAll()
    .where('deadline_provisional', '=', 1)
    .execute();
  const open = provisional.filter((c) => isOpenState(c.state));
  let moved = 0;
  for (const c of open) {
    const marks = relaidMarks(c, e.ctx.now, e.before, e.after);
    if (marks === null) {
      continue;
    }
    await trx
      .updateTable('case_file')
      .set({ ...marks, version: c.version + 1, updated_at: e.ctx.now })
      .where('id', '=', c.id)
      .execute();
    await syncCaseTimers(trx, { ...c, ...marks, version: c.version + 1 }, e.ctx.now);
    moved += 1;
  }
  if (moved > 0) {
    await recordAudit(trx, e.ctx, {
      action: 'case.deadlinesRelaid',
      entityType: 'calendar',
      entityId: String(e.year),
      orgPath: null,
      detail: { cases: moved },
    });
  }
};
