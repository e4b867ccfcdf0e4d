// Effects that tell people: the command centre of a request, an escalation or a reopening; the handler of a rework;
// the reporter of the close; the watchers of a supervision card.
import type { Kysely } from 'kysely';
import { userIdsWithRole } from '../../../identity/index.js';
import type { NotificationEvent } from '../../../notifications/index.js';
import type { DB } from '../../../platform/db/schema.js';
import { msg } from '../../../platform/i18n.js';
import { caseRepository, type CaseRow } from '../../repository.js';
import type { Effect } from './context.js';

/** The command centre that commands a case at its level: its town's, or the district's. */
export async function commandUsers(
  db: Kysely<DB>,
  c: Pick<CaseRow, 'town_id' | 'district_id' | 'level'>,
): Promise<string[]> {
  const orgIds = c.level === 'district' || c.town_id === null ? [c.district_id] : [c.town_id];
  return userIdsWithRole(db, orgIds, ['townCommand', 'districtCommand']);
}

/** A request for extension, return or hold waits on the command centre's approval. */
export const askCommand: Effect = async (e) => {
  e.notices.push({
    event: e.input.action === 'requestReturn' ? 'case.returned' : 'case.extension',
    userIds: await commandUsers(e.trx, e.c),
  });
};

export const tellHandlerOfRework: Effect = async (e) => {
  if (e.c.handler_user_id !== null) {
    e.notices.push({ event: 'case.returned', userIds: [e.c.handler_user_id] });
  }
};

export const tellReporterClosed: Effect = async (e) => {
  e.notices.push({
    event: 'case.closed',
    userIds: e.c.reporter_user_id === null ? [] : [e.c.reporter_user_id],
    external: true,
  });
};

export const tellUpperCommand: Effect = async (e) => {
  e.notices.push({
    event: 'case.escalated',
    userIds: await commandUsers(e.trx, { ...e.c, level: e.t.level }),
  });
};

export const tellCommandReopened: Effect = async (e) => {
  e.notices.push({ event: 'case.reopened', userIds: await commandUsers(e.trx, e.c) });
};

export const tellWatchersSupervised: Effect = async (e) => {
  const parties = await caseRepository(e.trx, e.dialect).parties(e.c.id);
  const watchers = parties.map((p) => p.user_id).filter((u): u is string => u !== null);
  e.notices.push({
    event: 'case.supervised',
    userIds: [...watchers, ...(e.c.handler_user_id === null ? [] : [e.c.handler_user_id])],
  });
};

export function eventTitle(event: NotificationEvent, code: string) {
  switch (event) {
    case 'case.assigned':
      return msg(`新派遣事件 ${code}`, `Case ${code} dispatched to you`);
    case 'case.deadlineNear':
      return msg(`事件 ${code} 即将超时`, `Case ${code} is nearly due`);
    case 'case.overdue':
      return msg(`事件 ${code} 已超时`, `Case ${code} is overdue`);
    case 'case.supervised':
      return msg(`事件 ${code} 被督办`, `Case ${code} is under supervision`);
    case 'case.returned':
      return msg(`事件 ${code} 被退回`, `Case ${code} was sent back`);
    case 'case.escalated':
      return msg(`事件 ${code} 已上报上级`, `Case ${code} was escalated`);
    case 'case.closed':
      return msg(`您反映的事件 ${code} 已办结`, `Your case ${code} is closed`);
    case 'case.rated':
      return msg(`事件 ${code} 收到评价`, `Case ${code} was rated`);
    case 'case.callBack':
      return msg(`事件 ${code} 需要回访`, `Case ${code} needs a call-back`);
    case 'case.merged':
      return msg(`事件 ${code} 已合并`, `Case ${code} was merged`);
    case 'case.reopened':
      return msg(`事件 ${code} 已重新办理`, `Case ${code} was reopened`);
    case 'case.extension':
      return msg(`事件 ${code} 申请审批`, `Case ${code} awaits approval`);
  }
}
