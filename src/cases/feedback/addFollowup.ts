// A resident adds information to their case or asks to be called back, through the tracking code they report with.
// Numbers typed into the text are stored masked (the original only encrypted), like descriptions; a phone for the
// call-back is encrypted and shown masked. A call-back request opens the command centre's call-back task.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../audit/index.js';
import { maskPhone } from '../../members/index.js';
import type { RequestContext } from '../../platform/context.js';
import type { FieldCipher } from '../../platform/crypto.js';
import type { Dialect } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import { AppError, notFound } from '../../platform/errors.js';
import { msg } from '../../platform/i18n.js';
import { newId } from '../../platform/ids.js';
import { DAY_MS } from '../../platform/time.js';
import { openCallback } from './openCallback.js';
import { maskPersonalText } from '../publicText.js';
import { caseRepository, type CaseRow } from '../repository.js';
import { deliverNotices } from '../workflow/applyCaseAction.js';
import { commandUsers } from '../workflow/effects/notices.js';

export type FollowupInput = { kind: 'info' | 'callBack'; text: string; phone?: string };

/** At most this many follow-ups per case in a day: the tracking page is public. */
export const FOLLOWUPS_PER_DAY = 10;

/** Caller: anyone holding the tracking code (the code is the reporter's secret). */
export async function addFollowup(
  trx: Kysely<DB>,
  dialect: Dialect,
  cipher: FieldCipher,
  ctx: RequestContext,
  trackingCode: string,
  input: FollowupInput,
): Promise<CaseRow> {
  const repo = caseRepository(trx, dialect);
  const c = await repo.findByTracking(trackingCode);
  if (c === undefined) {
    throw notFound();
  }
  if (c.state === 'voided' || c.state === 'merged' || c.state === 'draft') {
    throw new AppError('workflow.transition_not_allowed', {
      detail: msg(
        '该事件已作废或合并，不能补充',
        'This case was voided or merged; it takes no more information',
      ),
    });
  }
  const now = ctx.now;
  if ((await repo.countFollowupsSince(c.id, now - DAY_MS)) >= FOLLOWUPS_PER_DAY) {
    throw new AppError('rate.limited');
  }
  const typed = input.text.trim();
  const masked = maskPersonalText(typed);
  const phone = input.phone?.trim() ?? '';
  await repo.insertFollowup({
    id: newId(now),
    case_id: c.id,
    kind: input.kind,
    text: masked,
    text_enc: masked === typed ? null : cipher.encrypt(typed),
    phone_enc: phone === '' ? null : cipher.encrypt(phone),
    phone_masked: phone === '' ? null : maskPhone(phone),
    created_at: now,
  });
  if (input.kind === 'callBack' && (await repo.openCallback(c.id)) === undefined) {
    await openCallback(trx, dialect, c.id, now);
  }
  // The command centre that commands the case, and its handler while a department works on it.
  const told = [...(await commandUsers(trx, c)), ...(c.handler_user_id === null ? [] : [c.handler_user_id])];
  await deliverNotices(trx, c, c.state, [{ event: 'case.followUp', userIds: told }], now);
  await recordAudit(
    trx,
    { ...ctx, actor: { kind: 'anonymous' } },
    {
      action: input.kind === 'callBack' ? 'case.callBackRequest' : 'case.followUp',
      entityType: 'case',
      entityId: c.id,
      orgPath: c.org_path,
    },
  );
  return c;
}
