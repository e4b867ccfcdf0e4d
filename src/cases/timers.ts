// Job handlers of cases: yellow and red cards raised automatically at 80 % and 100 % of the limit, and overdue call-backs.
import type { Logger } from 'pino';
import { notify } from '../notifications/index.js';
import type { Database } from '../platform/db/database.js';
import { msg } from '../platform/i18n.js';
import { jobPayload, type JobHandler } from '../platform/jobs/jobs.js';
import { newId } from '../platform/ids.js';
import { caseRepository } from './repository.js';
import { applyCaseAction } from './workflow/applyCaseAction.js';
import { isOpenState } from './workflow/stateMachine.js';

type CardPayload = { caseId: string; deadlineAt: number };

export function caseJobHandlers(database: Database, log: Logger): Record<string, JobHandler> {
  const card = (which: 'yellow' | 'red'): JobHandler => ({
    async run(trx, job, now) {
      const p = jobPayload<CardPayload>(job);
      if (p === null) {
        return;
      }
      const c = await caseRepository(trx, database.dialect).findById(p.caseId);
      // A moved deadline reschedules the timer under the same key; a stale firing does nothing.
      if (
        c === undefined ||
        !isOpenState(c.state) ||
        c.paused_at !== null ||
        c.deadline_at !== p.deadlineAt
      ) {
        return;
      }
      if (c.supervision === 'red' || c.supervision === which) {
        return;
      }
      const ctx = {
        actor: { kind: 'anonymous' as const },
        ip: '127.0.0.1',
        requestId: newId(now),
        locale: 'zh-CN' as const,
        log,
        now,
      };
      await applyCaseAction(trx, database.dialect, ctx, { kind: 'system' }, c.id, {
        action: 'supervise',
        card: which,
        reason: which === 'red' ? 'autoRed' : 'autoYellow',
      });
      if (which === 'red' && c.handler_user_id !== null) {
        await notify(trx, {
          event: 'case.overdue',
          userIds: [c.handler_user_id],
          title: msg(`事件 ${c.tracking_code} 已超时`, `Case ${c.tracking_code} is overdue`),
          body: msg('请尽快处置', 'Please handle it now'),
          data: { caseId: c.id, trackingCode: c.tracking_code },
          caseId: c.id,
          now,
        });
      }
    },
  });
  return {
    'case.yellow': card('yellow'),
    'case.red': card('red'),
    'case.callbackDue': {
      async run(trx, job, now) {
        const p = jobPayload<{ callbackId: string; caseId: string }>(job);
        if (p === null) {
          return;
        }
        const repo = caseRepository(trx, database.dialect);
        const open = await repo.openCallback(p.caseId);
        const c = await repo.findById(p.caseId);
        if (open?.id !== p.callbackId || c === undefined) {
          return;
        }
        const watchers = (await repo.parties(c.id))
          .map((x) => x.user_id)
          .filter((u): u is string => u !== null);
        await notify(trx, {
          event: 'case.callBack',
          userIds: watchers,
          title: msg(
            `事件 ${c.tracking_code} 回访已超时`,
            `The call-back of case ${c.tracking_code} is overdue`,
          ),
          body: msg('请立即回访诉求人', 'Call the reporter back now'),
          data: { caseId: c.id, trackingCode: c.tracking_code },
          caseId: c.id,
          now,
        });
      },
    },
  };
}
