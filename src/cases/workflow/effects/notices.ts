// Effects that tell people: the command centre of a request, an escalation or a reopening; the handler of a rework;
// the reporter of the close; the watchers of a supervision card.
import type { Kysely } from 'kysely';
import { gridStaffLinks } from '../../../grids/index.js';
import { userIdsWithRole } from '../../../identity/index.js';
import type { DB } from '../../../platform/db/schema.js';
import { msg } from '../../../platform/i18n.js';
import { caseRepository, type CaseRow } from '../../repository.js';
import { isDutyOf, type CaseLevel, type CaseState, type Seat } from '../stateMachine.js';
import type { CaseEvent, Effect, Notice } from './context.js';

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

/** The accounts of the grid's workers (staff without an account cannot be told). */
export async function gridWorkerUsers(db: Kysely<DB>, gridId: string | null): Promise<string[]> {
  if (gridId === null) {
    return [];
  }
  const staff = await gridStaffLinks(db).staffOf([gridId]);
  return staff.filter((s) => s.role === 'worker' && s.user_id !== null).map((s) => s.user_id!);
}

/** The event that tells a seat a case now waits on it, by the state the case waits in. */
const TASK_EVENTS: Partial<Record<CaseState, CaseEvent>> = {
  draft: 'case.reported',
  reported: 'case.reported',
  verifying: 'case.toVerify',
  checking: 'case.toCheck',
  handled: 'case.handled',
  checked: 'case.checked',
};
const taskEventOf = (state: CaseState): CaseEvent => TASK_EVENTS[state] ?? 'case.task';

const TASK_SEATS: readonly Seat[] = ['command', 'handler', 'gridWorker', 'villageCadre'];

/**
 * Whoever's queue the case lands in at this position: the command centre of its level, the department's handler
 * (or its handlers before signing), the grid's workers, the village's cadres. The performer is not told of his own
 * step, and people another notice of the same step already reaches are not told twice.
 */
export async function queueNotices(
  db: Kysely<DB>,
  c: Pick<
    CaseRow,
    'town_id' | 'district_id' | 'village_id' | 'grid_id' | 'department_id' | 'handler_user_id'
  >,
  at: { state: CaseState; level: CaseLevel },
  exclude: { performerId: string | null; already: readonly Notice[] },
): Promise<Notice[]> {
  const told = new Set(exclude.already.flatMap((n) => n.userIds));
  if (exclude.performerId !== null) {
    told.add(exclude.performerId);
  }
  const userIds: string[] = [];
  for (const seat of TASK_SEATS) {
    if (!isDutyOf(seat, at)) {
      continue;
    }
    switch (seat) {
      case 'command':
        userIds.push(...(await commandUsers(db, { ...c, level: at.level })));
        break;
      case 'handler':
        if (c.handler_user_id !== null) {
          userIds.push(c.handler_user_id);
        } else if (c.department_id !== null) {
          userIds.push(...(await userIdsWithRole(db, [c.department_id], ['departmentHandler'])));
        }
        break;
      case 'gridWorker':
        userIds.push(...(await gridWorkerUsers(db, c.grid_id)));
        break;
      case 'villageCadre':
        if (c.village_id !== null && at.level === 'village') {
          userIds.push(...(await userIdsWithRole(db, [c.village_id], ['villageCadre'])));
        }
        break;
      case 'reporter':
      case 'system':
        break;
    }
  }
  const fresh = [...new Set(userIds)].filter((u) => !told.has(u));
  return fresh.length === 0 ? [] : [{ event: taskEventOf(at.state), userIds: fresh }];
}

export function eventTitle(event: CaseEvent, code: string) {
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
    case 'case.reported':
      return msg(`新上报事件 ${code} 待受理`, `New report ${code} awaits acceptance`);
    case 'case.toVerify':
      return msg(`事件 ${code} 待您核实`, `Case ${code} is yours to verify`);
    case 'case.toCheck':
      return msg(`事件 ${code} 已处置，待您核查`, `Case ${code} was handled; yours to check`);
    case 'case.handled':
      return msg(`事件 ${code} 已处置，待派核查`, `Case ${code} was handled; send it to check`);
    case 'case.checked':
      return msg(`事件 ${code} 核查通过，待结案`, `Case ${code} passed its check; ready to close`);
    case 'case.task':
      return msg(`事件 ${code} 待您处理`, `Case ${code} awaits your action`);
    case 'case.followUp':
      return msg(`事件 ${code} 群众有新留言`, `The resident of case ${code} wrote again`);
  }
}
