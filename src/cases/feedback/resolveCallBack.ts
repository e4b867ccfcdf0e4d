// The command centre records the call-back after a bad rating: solved, or reopened for a redo.
import type { Kysely } from 'kysely';
import type { UserActor } from '../../access/index.js';
import type { RequestContext } from '../../platform/context.js';
import type { Dialect } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import { AppError, notFound } from '../../platform/errors.js';
import { msg } from '../../platform/i18n.js';
import { caseScopeOf } from '../access.js';
import { caseRepository } from '../repository.js';
import { applyCaseAction } from '../workflow/applyCaseAction.js';

/** Caller must have checked the 'case.command' ability. */
export async function resolveCallBack(
  trx: Kysely<DB>,
  dialect: Dialect,
  ctx: RequestContext,
  actor: UserActor,
  caseId: string,
  input: { result: 'solved' | 'reopen'; comment: string },
): Promise<void> {
  const repo = caseRepository(trx, dialect);
  const c = await repo.findVisible(await caseScopeOf(trx, actor), caseId);
  if (c === undefined) {
    throw notFound();
  }
  const callback = await repo.openCallback(c.id);
  if (callback === undefined) {
    throw new AppError('workflow.transition_not_allowed', {
      detail: msg('该事件没有待回访任务', 'This case has no open call-back'),
    });
  }
  await repo.finishCallback(callback.id, input.result, actor.userId, ctx.now);
  await applyCaseAction(trx, dialect, ctx, { kind: 'user', actor }, c.id, {
    action: input.result === 'reopen' ? 'reopen' : 'comment',
    comment: input.comment,
    reason: input.result === 'reopen' ? 'callBackReopen' : 'callBackSolved',
    data: { callBack: input.result },
  });
}
