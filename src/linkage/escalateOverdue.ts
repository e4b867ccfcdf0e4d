// The overdue timer of appeals: when a level's limit runs out while the appeal still waits there, it moves up to
// the next level by itself and is flagged; at the top of the chain it is only flagged. Registered in src/modules.ts.
import type { Database } from '../platform/db/database.js';
import { jobPayload, type JobHandler } from '../platform/jobs/jobs.js';
import { chainAbove, nextStop, type ChainLevel } from './chain.js';
import { linkageRepository } from './repository.js';
import { applyAppealStep, OVERDUE_JOB, type OverduePayload } from './transition.js';

export const OVERDUE_REASON = 'overdue';

export function linkageJobHandlers(database: Database): Record<string, JobHandler> {
  return {
    [OVERDUE_JOB]: {
      async run(trx, job, now) {
        const p = jobPayload<OverduePayload>(job);
        if (p === null) {
          return;
        }
        const appeal = await linkageRepository(trx, database.dialect).findAppealForUpdate(p.appealId);
        // A step since the timer was set moved the deadline (and rescheduled under the same key): nothing to do.
        if (appeal === undefined || appeal.status !== 'open' || appeal.due_at !== p.dueAt) {
          return;
        }
        const to = nextStop(
          await chainAbove(trx, database.dialect, appeal.org_path),
          appeal.level as ChainLevel,
        );
        await applyAppealStep(trx, database.dialect, now, appeal, {
          action: to === undefined ? 'flagOverdue' : 'escalate',
          actor: { id: null, name: null },
          toStatus: 'open',
          ...(to === undefined ? {} : { to }),
          reason: OVERDUE_REASON,
          isFromTimer: true,
          patch: { is_overdue: 1, ...(to === undefined ? { due_at: null } : {}) },
        });
      },
    },
  };
}
