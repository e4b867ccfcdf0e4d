// Outcomes that opened a case follow it: before outcomes are presented (and before numbers are counted) the state of
// each followed case is read through the cases door; a case seen closed completes its outcome at the case's closing
// time. The first sighting is kept (case_state), so an outcome reopened by a poor rating stays reopened.
import type { Scope } from '../access/index.js';
import { caseStatesByIds } from '../cases/index.js';
import type { Database } from '../platform/db/database.js';
import { msg } from '../platform/i18n.js';
import { newId } from '../platform/ids.js';
import { tellOutcome } from './notices.js';
import { consultationRepository } from './repository.js';

const FINAL = ['closed', 'voided', 'merged'];

export const isCaseFinal = (state: string | null): boolean => state !== null && FINAL.includes(state);

export async function followCases(database: Database, scope: Scope, now: number): Promise<number> {
  const repo = consultationRepository(database.db, database.dialect);
  const following = await repo.outcomesFollowingCases(scope);
  if (following.length === 0) {
    return 0;
  }
  const states = await caseStatesByIds(
    database.db,
    database.dialect,
    following.map((o) => o.case_id ?? ''),
  );
  let changed = 0;
  for (const o of following) {
    const seen = states.get(o.case_id ?? '');
    if (seen === undefined || seen.state === o.case_state) {
      continue;
    }
    changed += 1;
    await database.db.transaction().execute(async (trx) => {
      const tx = consultationRepository(trx, database.dialect);
      if (seen.state === 'closed') {
        const at = seen.closedAt ?? now;
        await tx.updateOutcome(o.id, {
          case_state: seen.state,
          status: 'done',
          progress: 100,
          done_at: at,
          updated_at: now,
        });
        await tx.insertProgress({
          id: newId(now),
          outcome_id: o.id,
          at,
          kind: 'caseClosed',
          progress: 100,
          note: seen.trackingCode,
          evidence: null,
          by_name: null,
        });
        await tellOutcome(trx, database.dialect, o, {
          event: 'consultation.outcome',
          title: msg(`协商成果已落实：${o.title}`, `A consultation outcome is done: ${o.title}`),
          body: msg(
            `关联事件 ${seen.trackingCode} 已办结，欢迎评价。`,
            `Its case ${seen.trackingCode} is closed; you may rate it.`,
          ),
          link: `/consultations/outcomes/${o.id}`,
          data: { outcomeId: o.id },
          exceptUserId: null,
          now,
        });
      } else {
        await tx.updateOutcome(o.id, { case_state: seen.state, updated_at: now });
      }
    });
  }
  return changed;
}
