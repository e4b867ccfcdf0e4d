// Opens a call-back task on a case (a bad rating, or a resident asking to be called), due after the settings'
// call-back limit in working time, with its due job; returns the task's id and due time.
import type { Kysely } from 'kysely';
import { addWorkingMinutes, loadWorkCalendar } from '../../calendar/index.js';
import type { Dialect } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import { newId } from '../../platform/ids.js';
import { scheduleJob } from '../../platform/jobs/jobs.js';
import { loadCaseSettings } from '../caseSettings.js';
import { caseRepository } from '../repository.js';

export async function openCallback(
  trx: Kysely<DB>,
  dialect: Dialect,
  caseId: string,
  now: number,
): Promise<{ id: string; dueAt: number }> {
  const settings = await loadCaseSettings(trx);
  const dueAt = addWorkingMinutes(now, settings.stepLimits.callBack, await loadWorkCalendar(trx, now));
  const callbackId = newId(now);
  await caseRepository(trx, dialect).insertCallback({
    id: callbackId,
    case_id: caseId,
    due_at: dueAt,
    status: 'open',
    result: null,
    done_at: null,
    done_by: null,
    created_at: now,
  });
  await scheduleJob(trx, {
    kind: 'case.callbackDue',
    key: `callback:${callbackId}`,
    dueAt,
    payload: { callbackId, caseId },
    now,
  });
  return { id: callbackId, dueAt };
}
