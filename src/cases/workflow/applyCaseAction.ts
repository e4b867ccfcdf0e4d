// Applies one workflow action to a case: checks state, seat and inputs against the rules table, then writes the
// case, its append-only step, parties, timers, roll-ups, indicator facts, notifications and the audit entry together.
// The caller runs it inside a transaction and has authenticated the performer.
import type { Kysely } from 'kysely';
import { addLimit, isProvisional, loadWorkCalendar, type Limit } from '../../calendar/index.js';
import type { UserActor } from '../../identity/actor.js';
import { recordAudit } from '../../audit/recordAudit.js';
import { notify, notifyExternal, type NotificationEvent } from '../../notifications/index.js';
import { orgRepository } from '../../orgs/repository.js';
import type { RequestContext } from '../../platform/context.js';
import type { Dialect } from '../../platform/db/database.js';
import { fromDbJson, toDbJson } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import { AppError, notFound } from '../../platform/errors.js';
import { msg } from '../../platform/i18n.js';
import { caseScopeOf, seatsOf } from '../access.js';
import { loadCaseSettings } from '../caseSettings.js';
import { catalogueRepository } from '../catalogue/repository.js';
import { deadlinesFrom, shiftedByPause, stepLimitMinutes, syncCaseTimers } from '../clock.js';
import { factDelta, factsForCase, type FactStep } from '../indicators/facts.js';
import { storePhotos, type ProcessedPhoto } from '../photos.js';
import { caseRepository, type CaseRow, type StepRow } from '../repository.js';
import { dispatchTargetOf } from '../routing/dispatchTargets.js';
import { resolveRoute } from '../routing/resolveRoute.js';
import {
  decideNextState,
  isOpenState,
  pausedStates,
  rules,
  seatActsAtLevel,
  type CaseAction,
  type CaseLevel,
  type CaseState,
  type Seat,
} from './stateMachine.js';

export type Performer = { kind: 'user'; actor: UserActor } | { kind: 'system' } | { kind: 'reporter' };

export type ActionInput = {
  action: CaseAction;
  comment?: string;
  isPublic?: boolean;
  departmentId?: string;
  minutes?: number;
  targetCaseId?: string;
  card?: 'yellow' | 'red';
  /** Already processed (processPhotos) outside the transaction. */
  photos?: ProcessedPhoto[];
  /** Extra data recorded on the step (e.g. a rating). */
  data?: Record<string, unknown>;
};

export type ActionResult = { case: CaseRow; step: Omit<StepRow, 'id'> };

const COMMAND_LEVELS: readonly CaseLevel[] = ['town', 'district'];

export function stepToFact(s: Pick<StepRow, 'action' | 'at' | 'actor_id' | 'data'>): FactStep {
  return {
    action: s.action,
    at: s.at,
    actor_id: s.actor_id,
    data: fromDbJson<Record<string, unknown>>(s.data),
  };
}

function notAllowed(action: CaseAction, state: string): AppError {
  return new AppError('workflow.transition_not_allowed', {
    detail: msg(`当前状态（${state}）不能执行“${action}”`, `"${action}" is not allowed in state ${state}`),
    extra: { action, state },
  });
}

function required(field: string, zh: string): AppError {
  return new AppError('request.invalid', { errors: [{ field, message: `${zh} / required` }] });
}

export async function applyCaseAction(
  trx: Kysely<DB>,
  dialect: Dialect,
  ctx: RequestContext,
  performer: Performer,
  caseId: string,
  input: ActionInput,
): Promise<ActionResult> {
  const repo = caseRepository(trx, dialect);
  const now = ctx.now;
  const c =
    performer.kind === 'user'
      ? await repo.findVisible(await caseScopeOf(trx, performer.actor), caseId)
      : await repo.findById(caseId);
  if (c === undefined) {
    throw notFound();
  }
  const rule = rules[input.action];
  const state = c.state as CaseState;
  const level = c.level as CaseLevel;

  const held: Seat[] =
    performer.kind === 'user'
      ? await seatsOf(trx, performer.actor, c)
      : performer.kind === 'system'
        ? ['system']
        : ['reporter'];
  const levels = rule.levels ?? COMMAND_LEVELS;
  const acting = held.find(
    (seat) =>
      rule.seats.includes(seat) && levels.includes(level) && seatActsAtLevel(seat, level, input.action),
  );
  if (!rule.from.includes(state)) {
    throw notAllowed(input.action, state);
  }
  if (acting === undefined) {
    throw new AppError('auth.forbidden', {
      detail: msg(
        `您在此事件中的岗位不能执行“${input.action}”`,
        `Your seat on this case may not "${input.action}"`,
      ),
    });
  }

  const comment = input.comment?.trim() ?? '';
  if (rule.needs.includes('comment') && comment === '') {
    throw required('comment', '请填写说明');
  }
  if (rule.needs.includes('minutes') && (input.minutes === undefined || input.minutes <= 0)) {
    throw required('minutes', '请填写延期时长');
  }
  if (rule.needs.includes('photo') && (input.photos ?? []).length === 0) {
    throw required('photos', '请上传现场照片');
  }
  if (rule.needs.includes('card') && input.card === undefined) {
    throw required('card', '请选择督办级别');
  }

  const settings = await loadCaseSettings(trx);
  const cal = await loadWorkCalendar(trx, now);
  const patch: Partial<CaseRow> = { updated_at: now, state_since: now };
  const data: Record<string, unknown> = { ...(input.data ?? {}) };
  let next: CaseState = state;
  let nextLevel: CaseLevel = level;
  let openDelta = 0;
  const events: { event: NotificationEvent; userIds: string[]; external?: boolean }[] = [];

  // On-site checks get longer in rural villages (村) than in town communities (社区).
  const village =
    c.village_id === null ? undefined : await orgRepository(trx, dialect).findByIdUnscoped(c.village_id);
  const isRural = village?.type === 'village';
  const stepLimit = (s: CaseState) => stepLimitMinutes(s, c.urgency, isRural, settings.stepLimits);
  const clockResume = () => {
    const moved = shiftedByPause(c, now, cal);
    if (moved.deadlineAt !== undefined) {
      patch.deadline_at = moved.deadlineAt;
      data.deadlineAt = moved.deadlineAt;
    }
    if (moved.yellowAt !== undefined) {
      patch.yellow_at = moved.yellowAt;
    }
    patch.paused_at = null;
  };

  switch (input.action) {
    case 'submit':
    case 'sendToVerify':
    case 'verify':
    case 'verifyReject':
    case 'accept':
    case 'sendToCheck':
    case 'checkPass':
      next = rule.to as CaseState;
      break;
    case 'register': {
      next = 'registered';
      const allowed = (stepLimit('reported') ?? 0) + (stepLimit('accepted') ?? 0);
      data.onTime = now - c.reported_at <= allowed * 60_000;
      patch.registered_at = now;
      break;
    }
    case 'void':
      next = 'voided';
      openDelta = -1;
      break;
    case 'dispatch': {
      const dept = await dispatchTargetOf(trx, dialect, c, input.departmentId);
      const category = await catalogueRepository(trx).find(c.category_code);
      const routed = await resolveRoute(trx, {
        categoryCode: c.category_code,
        platform: c.platform,
        townId: c.town_id,
        villageId: c.village_id,
        gridId: c.grid_id,
      });
      const fromRule = routed.route?.departmentId === dept.id ? routed.route.limit : null;
      const limit: Limit = fromRule ??
        (c.urgency === 'urgent' ? category?.limits.urgent : category?.limits.normal) ?? {
          amount: 5,
          unit: 'workDays',
        };
      const marks = deadlinesFrom(now, limit, cal);
      next = 'dispatched';
      Object.assign(patch, {
        department_id: dept.id,
        department_path: dept.path,
        dispatched_at: now,
        limit_json: JSON.stringify(limit),
        deadline_at: marks.deadlineAt,
        yellow_at: marks.yellowAt,
        paused_at: null,
        supervision: null,
        handler_user_id: null,
      });
      Object.assign(data, {
        departmentId: dept.id,
        departmentName: dept.name,
        deadlineAt: marks.deadlineAt,
        limit,
        routedBy: fromRule === null ? 'category' : 'rule',
        rightFirstTime: c.return_count === 0,
      });
      const handlers = await trx
        .selectFrom('user_role')
        .select('user_id')
        .where('org_id', '=', dept.id)
        .where('role', '=', 'departmentHandler')
        .execute();
      await repo.setParty({
        case_id: c.id,
        role: 'department',
        user_id: null,
        org_id: dept.id,
        name: dept.name,
      });
      events.push({ event: 'case.assigned', userIds: handlers.map((h) => h.user_id) });
      break;
    }
    case 'sign': {
      next = 'handling';
      const limit = stepLimit('dispatched') ?? 0;
      data.onTime = now - (c.dispatched_at ?? now) <= limit * 60_000;
      if (performer.kind === 'user') {
        patch.handler_user_id = performer.actor.userId;
        await repo.setParty({
          case_id: c.id,
          role: 'handler',
          user_id: performer.actor.userId,
          org_id: c.department_id,
          name: performer.actor.displayName,
        });
      }
      break;
    }
    case 'requestExtension':
    case 'requestReturn':
    case 'requestHold': {
      next = 'pendingApproval';
      const request =
        input.action === 'requestExtension'
          ? 'extension'
          : input.action === 'requestReturn'
            ? 'return'
            : 'hold';
      Object.assign(patch, {
        pending_request: request,
        pending_from_state: state,
        pending_minutes: input.minutes ?? null,
        paused_at: c.paused_at ?? now,
      });
      data.request = request;
      if (input.minutes !== undefined) {
        data.minutes = input.minutes;
      }
      events.push({
        event: input.action === 'requestReturn' ? 'case.returned' : 'case.extension',
        userIds: await commandUsers(trx, c),
      });
      break;
    }
    case 'approve': {
      const decided = decideNextState({
        action: 'approve',
        level,
        pendingRequest: c.pending_request,
        pendingFromState: c.pending_from_state,
      });
      next = decided.state;
      data.request = c.pending_request;
      Object.assign(patch, { pending_request: null, pending_from_state: null, pending_minutes: null });
      if (c.pending_request === 'extension') {
        clockResume();
        const limit = fromDbJson<Limit>(c.limit_json);
        const minutes = c.pending_minutes ?? 0;
        const base = patch.deadline_at ?? c.deadline_at;
        if (limit !== null && base !== null) {
          const extended = addLimit(base, minutes, limit.unit, cal);
          patch.deadline_at = extended;
          data.deadlineAt = extended;
          patch.extension_count = c.extension_count + 1;
          patch.supervision = null;
        }
      } else if (c.pending_request === 'return') {
        Object.assign(patch, {
          department_id: null,
          department_path: null,
          handler_user_id: null,
          deadline_at: null,
          yellow_at: null,
          paused_at: null,
          limit_json: null,
          supervision: null,
          return_count: c.return_count + 1,
        });
      }
      break;
    }
    case 'refuse': {
      next = decideNextState({
        action: 'refuse',
        level,
        pendingRequest: c.pending_request,
        pendingFromState: c.pending_from_state,
      }).state;
      data.request = c.pending_request;
      Object.assign(patch, { pending_request: null, pending_from_state: null, pending_minutes: null });
      clockResume();
      break;
    }
    case 'resume':
      next = 'handling';
      clockResume();
      break;
    case 'markHandled':
      next = 'handled';
      patch.handled_at = now;
      break;
    case 'checkFail':
      next = 'handling';
      patch.rework_count = c.rework_count + 1;
      if (c.handler_user_id !== null) {
        events.push({ event: 'case.returned', userIds: [c.handler_user_id] });
      }
      break;
    case 'close':
      next = 'closed';
      patch.closed_at = now;
      openDelta = -1;
      events.push({
        event: 'case.closed',
        userIds: c.reporter_user_id === null ? [] : [c.reporter_user_id],
        external: true,
      });
      break;
    case 'selfHandle': {
      const category = await catalogueRepository(trx).find(c.category_code);
      if (category?.selfHandle !== true) {
        throw new AppError('workflow.transition_not_allowed', {
          detail: msg('该类别不允许网格员现场自处理', 'This category may not be settled on the spot'),
        });
      }
      next = 'closed';
      Object.assign(patch, { closed_at: now, handled_at: now, self_handled: 1 });
      openDelta = -1;
      events.push({
        event: 'case.closed',
        userIds: c.reporter_user_id === null ? [] : [c.reporter_user_id],
        external: true,
      });
      break;
    }
    case 'escalate': {
      const decided = decideNextState({
        action: 'escalate',
        level,
        pendingRequest: null,
        pendingFromState: null,
      });
      next = decided.state;
      nextLevel = decided.level;
      patch.level = decided.level;
      patch.escalation_count = c.escalation_count + 1;
      data.toLevel = decided.level;
      events.push({
        event: 'case.escalated',
        userIds: await commandUsers(trx, { ...c, level: decided.level }),
      });
      break;
    }
    case 'merge': {
      if (input.targetCaseId === undefined || input.targetCaseId === c.id) {
        throw required('targetCaseId', '请选择合并到的事件');
      }
      const scope = performer.kind === 'user' ? await caseScopeOf(trx, performer.actor) : null;
      const target =
        scope === null
          ? await repo.findById(input.targetCaseId)
          : await repo.findVisible(scope, input.targetCaseId);
      if (target === undefined || !isOpenState(target.state as CaseState)) {
        throw new AppError('request.invalid', {
          errors: [{ field: 'targetCaseId', message: 'not an open case in your scope' }],
        });
      }
      next = 'merged';
      patch.merged_into_id = target.id;
      data.targetCaseId = target.id;
      data.targetTrackingCode = target.tracking_code;
      openDelta = -1;
      await repo.insertStep({
        case_id: target.id,
        seq: (await repo.steps(target.id)).length + 1,
        at: now,
        actor_id: performer.kind === 'user' ? performer.actor.userId : null,
        actor_name: performer.kind === 'user' ? performer.actor.displayName : null,
        actor_role: performer.kind === 'user' ? performer.actor.active.role : 'system',
        action: 'comment',
        from_state: target.state,
        to_state: target.state,
        comment: `合并重复上报 ${c.tracking_code}`,
        is_public: 1,
        data: toDbJson({ mergedCaseId: c.id, mergedTrackingCode: c.tracking_code }),
      });
      // Both reporters are told: the duplicate's and the surviving case's.
      const reporters = [c.reporter_user_id, target.reporter_user_id].filter((u): u is string => u !== null);
      events.push({ event: 'case.merged', userIds: reporters, external: true });
      break;
    }
    case 'reopen':
      next = 'registered';
      Object.assign(patch, {
        closed_at: null,
        handled_at: null,
        department_id: null,
        department_path: null,
        deadline_at: null,
        yellow_at: null,
        limit_json: null,
        supervision: null,
        rating: null,
      });
      openDelta = 1;
      events.push({ event: 'case.reopened', userIds: await commandUsers(trx, c) });
      break;
    case 'supervise': {
      const card = input.card ?? 'yellow';
      if (c.supervision === 'red' || c.supervision === card) {
        throw notAllowed(input.action, `${state}/${c.supervision ?? 'none'}`);
      }
      patch.supervision = card;
      data.card = card;
      data.automatic = performer.kind === 'system';
      const parties = await repo.parties(c.id);
      const watchers = parties.map((p) => p.user_id).filter((u): u is string => u !== null);
      events.push({
        event: 'case.supervised',
        userIds: [...watchers, ...(c.handler_user_id === null ? [] : [c.handler_user_id])],
      });
      break;
    }
    case 'comment':
      break;
  }

  if (
    next !== state &&
    pausedStates.includes(state) &&
    !pausedStates.includes(next) &&
    patch.paused_at === undefined
  ) {
    clockResume();
  }
  patch.state = next;
  if (next === state && input.action !== 'escalate') {
    delete patch.state_since;
  }
  const stepMinutes = stepLimit(next);
  patch.step_deadline_at = stepMinutes === null ? null : now + stepMinutes * 60_000;

  const photos = input.photos ?? [];
  const stepsBefore = await repo.steps(c.id);
  const seq = stepsBefore.length + 1;
  if (photos.length > 0) {
    await storePhotos(trx, dialect, c.id, seq, photos, now);
    patch.photo_count = c.photo_count + photos.length;
    data.photos = photos.length;
  }

  if (patch.deadline_at !== undefined) {
    const unit = fromDbJson<Limit>(patch.limit_json ?? c.limit_json)?.unit;
    patch.deadline_provisional =
      patch.deadline_at !== null && isProvisional(cal, now, patch.deadline_at, unit) ? 1 : 0;
  }
  if (!(await repo.update(c.id, c.version, patch))) {
    throw new AppError('record.conflict', {
      detail: msg(
        '事件已被他人更新，请刷新后重试',
        'The case was changed by someone else; reload and try again',
      ),
    });
  }
  const after: CaseRow = { ...c, ...patch, version: c.version + 1 };
  const step: Omit<StepRow, 'id'> = {
    case_id: c.id,
    seq,
    at: now,
    actor_id: performer.kind === 'user' ? performer.actor.userId : null,
    actor_name:
      performer.kind === 'user'
        ? performer.actor.displayName
        : performer.kind === 'system'
          ? '系统'
          : '诉求人',
    actor_role: performer.kind === 'user' ? performer.actor.active.role : performer.kind,
    action: input.action,
    from_state: state,
    to_state: next,
    comment: comment === '' ? null : comment,
    is_public:
      input.isPublic === true || ['close', 'selfHandle', 'merge', 'void'].includes(input.action) ? 1 : 0,
    data: toDbJson(Object.keys(data).length === 0 ? null : { ...data, level: nextLevel }),
  };
  await repo.insertStep(step);

  await syncCaseTimers(trx, after, now);
  if (input.action === 'register' || input.action === 'escalate') {
    await assignBundledParties(trx, dialect, after);
  }

  for (const e of events) {
    const data2 = { caseId: c.id, trackingCode: c.tracking_code, state: next, category: c.category_code };
    const title = eventTitle(e.event, c.tracking_code);
    // notify() also tells the subscribed gateways; without users to tell, external events still reach them.
    if (e.userIds.length > 0) {
      await notify(trx, {
        event: e.event,
        userIds: e.userIds,
        title,
        body: title,
        data: data2,
        caseId: c.id,
        now,
      });
    } else if (e.external === true) {
      await notifyExternal(trx, { event: e.event, data: data2, caseId: c.id, now });
    }
  }

  await recordAudit(trx, performer.kind === 'user' ? ctx : { ...ctx, actor: { kind: 'anonymous' } }, {
    action: `case.${input.action}`,
    entityType: 'case',
    entityId: c.id,
    orgPath: c.org_path,
    detail: { from: state, to: next },
  });

  // Counters last: the district's fact row and roll-up are shared by every case, so their row locks are held
  // from here to the commit only.
  const before = factsForCase(c, stepsBefore.map(stepToFact));
  const afterFacts = factsForCase(after, [...stepsBefore, step].map(stepToFact));
  await repo.applyFacts(factDelta(before, afterFacts));
  if (openDelta !== 0) {
    await orgRepository(trx, dialect).adjustRollup(c.org_path, 'case.open', openDelta);
  }
  return { case: after, step };
}

async function commandUsers(
  trx: Kysely<DB>,
  c: Pick<CaseRow, 'town_id' | 'district_id' | 'level'>,
): Promise<string[]> {
  const orgIds = c.level === 'district' || c.town_id === null ? [c.district_id] : [c.town_id];
  const rows = await trx
    .selectFrom('user_role')
    .select('user_id')
    .where('org_id', 'in', orgIds)
    .where('role', 'in', ['townCommand', 'districtCommand'])
    .execute();
  return rows.map((r) => r.user_id);
}

/** 捆绑式责任: the grid worker, the grid's party branch secretary and the town leader are named on the case. */
export async function assignBundledParties(trx: Kysely<DB>, dialect: Dialect, c: CaseRow): Promise<void> {
  const repo = caseRepository(trx, dialect);
  if (c.grid_id !== null) {
    const worker = await trx
      .selectFrom('grid_staff')
      .select(['user_id', 'name'])
      .where('grid_id', '=', c.grid_id)
      .where('removed_at', 'is', null)
      .where('role', '=', 'worker')
      .orderBy('created_at')
      .executeTakeFirst();
    if (worker !== undefined) {
      await repo.setParty({
        case_id: c.id,
        role: 'gridWorker',
        user_id: worker.user_id,
        org_id: null,
        name: worker.name,
      });
    }
    const grid = await trx
      .selectFrom('grid')
      .select(['party_org_id'])
      .where('id', '=', c.grid_id)
      .executeTakeFirst();
    if (grid?.party_org_id !== null && grid?.party_org_id !== undefined) {
      const branch = await orgRepository(trx, dialect).findByIdUnscoped(grid.party_org_id);
      await repo.setParty({
        case_id: c.id,
        role: 'branchSecretary',
        user_id: null,
        org_id: grid.party_org_id,
        name: branch?.name ?? null,
      });
    }
  }
  const leaderOrg = c.level === 'district' || c.town_id === null ? c.district_id : c.town_id;
  const leader = await trx
    .selectFrom('user_role')
    .innerJoin('app_user', 'app_user.id', 'user_role.user_id')
    .select(['app_user.id', 'app_user.display_name'])
    .where('user_role.org_id', '=', leaderOrg)
    .where('user_role.role', 'in', ['townCommand', 'districtCommand'])
    .orderBy('user_role.created_at')
    .executeTakeFirst();
  if (leader !== undefined) {
    await repo.setParty({
      case_id: c.id,
      role: 'townLeader',
      user_id: leader.id,
      org_id: leaderOrg,
      name: leader.display_name,
    });
  }
}

function eventTitle(event: NotificationEvent, code: string) {
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
