// The one pure transition of the case workflow: (case, caller's seats, action and inputs) → next state, the part of
// the case and step that follows from the table alone, and the names of the side effects to run. No database here:
// the live path (applyCaseAction) and the demo generator (simulate) both drive it.
import { AppError } from '../../platform/errors.js';
import { msg } from '../../platform/i18n.js';
import { maskPersonalText } from '../publicText.js';
import type { CaseRow } from '../repository.js';
import type { EffectName } from './effects/names.js';
import {
  actingSeat,
  decideNextState,
  isOpenState,
  pausedStates,
  rules,
  type CaseAction,
  type CaseLevel,
  type CaseState,
  type Seat,
} from './stateMachine.js';
import type { ActorKind, StepReason } from './stepCodes.js';

/** The case fields the transition reads. */
export type TransitionCase = Pick<
  CaseRow,
  | 'state'
  | 'level'
  | 'pending_request'
  | 'pending_from_state'
  | 'paused_at'
  | 'supervision'
  | 'rework_count'
  | 'return_count'
  | 'escalation_count'
>;

export type TransitionInput = {
  action: CaseAction;
  comment?: string;
  isPublic?: boolean;
  departmentId?: string;
  minutes?: number;
  targetCaseId?: string;
  card?: 'yellow' | 'red';
  photoCount?: number;
  /** A coded reason the system (or the demo) gives instead of a typed comment. */
  reason?: StepReason;
};

export type Performer = { kind: ActorKind; seats: readonly Seat[] };

export type Transition = {
  seat: Seat;
  state: CaseState;
  level: CaseLevel;
  /** The case fields that follow from the table (the effects add deadlines, departments and the like). */
  patch: Partial<CaseRow>;
  /** The step's data so far. */
  data: Record<string, unknown>;
  step: {
    action: CaseAction;
    from_state: CaseState;
    to_state: CaseState;
    comment: string | null;
    is_public: number;
    reason_code: StepReason | null;
  };
  effects: readonly EffectName[];
  /** +1 when the case opens again, −1 when it is finished, else 0 (the open-case roll-up). */
  openDelta: -1 | 0 | 1;
  /** The case leaves a paused state: its clock runs again and the deadline moves by the pause. */
  resumesClock: boolean;
};

/** Steps the reporter always sees on the tracking page. */
const PUBLIC_ACTIONS: readonly CaseAction[] = ['close', 'selfHandle', 'merge', 'void'];

/** The side effects each action has beyond what the table says (see effects/). */
const EFFECTS: Readonly<Record<CaseAction, readonly EffectName[]>> = {
  submit: [],
  sendToVerify: [],
  verify: ['nameActingGridWorker'],
  verifyReject: ['nameActingGridWorker'],
  accept: [],
  register: ['timeRegistration', 'nameBundledParties'],
  void: [],
  dispatch: ['assignDepartment'],
  sign: ['takeAsHandler'],
  requestExtension: ['askCommand'],
  requestReturn: ['askCommand'],
  requestHold: ['askCommand'],
  approve: ['grantRequest'],
  refuse: [],
  resume: [],
  markHandled: [],
  sendToCheck: [],
  checkPass: ['nameActingGridWorker'],
  checkFail: ['tellHandlerOfRework', 'nameActingGridWorker'],
  close: ['tellReporterClosed'],
  selfHandle: ['requireSelfHandling', 'tellReporterClosed'],
  escalate: ['tellUpperCommand', 'nameBundledParties'],
  merge: ['mergeIntoTarget'],
  reopen: ['tellCommandReopened'],
  supervise: ['tellWatchersSupervised'],
  comment: [],
};

function notAllowed(action: CaseAction, state: string): AppError {
  return new AppError('workflow.transition_not_allowed', {
    detail: msg(`当前状态（${state}）不能执行“${action}”`, `"${action}" is not allowed in state ${state}`),
    extra: { action, state },
  });
}

function required(field: string, zh: string, en: string): AppError {
  return new AppError('request.invalid', { errors: [{ field, message: `${zh} / ${en}` }] });
}

const requestOf = (action: CaseAction): 'extension' | 'return' | 'hold' | null =>
  action === 'requestExtension'
    ? 'extension'
    : action === 'requestReturn'
      ? 'return'
      : action === 'requestHold'
        ? 'hold'
        : null;

/** Checks state, seat and inputs against the table, then says where the case goes. Throws a problem otherwise. */
export function transition(
  c: TransitionCase,
  performer: Performer,
  input: TransitionInput,
  now: number,
): Transition {
  const action = input.action;
  const rule = rules[action];
  const state = c.state;
  const level = c.level;
  if (!rule.from.includes(state)) {
    throw notAllowed(action, state);
  }
  const seat = actingSeat(performer.seats, action, { state, level });
  if (seat === undefined) {
    throw new AppError('auth.forbidden', {
      detail: msg(`您在此事件中的岗位不能执行“${action}”`, `Your seat on this case may not "${action}"`),
    });
  }
  const comment = input.comment?.trim() ?? '';
  for (const need of rule.needs) {
    switch (need) {
      case 'comment':
        if (comment === '' && input.reason === undefined) {
          throw required('comment', '请填写说明', 'a comment is required');
        }
        break;
      case 'minutes':
        if (input.minutes === undefined || input.minutes <= 0) {
          throw required('minutes', '请填写延期时长', 'the extension is required');
        }
        break;
      case 'photo':
        if ((input.photoCount ?? 0) === 0) {
          throw required('photos', '请上传现场照片', 'a photo of the site is required');
        }
        break;
      case 'card':
        if (input.card === undefined) {
          throw required('card', '请选择督办级别', 'the card is required');
        }
        break;
      case 'department':
        if (input.departmentId === undefined || input.departmentId === '') {
          throw required('departmentId', '请选择处置部门', 'the department is required');
        }
        break;
      case 'target':
        if (input.targetCaseId === undefined || input.targetCaseId === '') {
          throw required('targetCaseId', '请选择合并到的事件', 'the case to merge into is required');
        }
        break;
      case 'isPublic':
        break;
    }
  }

  const patch: Partial<CaseRow> = { updated_at: now, state_since: now };
  const data: Record<string, unknown> = {};
  let next: CaseState;
  let nextLevel: CaseLevel = level;
  if (rule.to === 'same') {
    next = state;
  } else if (rule.to === 'decided') {
    const decided = decideNextState({
      action,
      level,
      pendingRequest: c.pending_request,
      pendingFromState: c.pending_from_state,
    });
    next = decided.state;
    nextLevel = decided.level;
  } else {
    next = rule.to;
  }

  const request = requestOf(action);
  if (request !== null) {
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
  }
  switch (action) {
    case 'register':
      patch.registered_at = now;
      break;
    case 'approve':
    case 'refuse':
      data.request = c.pending_request;
      Object.assign(patch, { pending_request: null, pending_from_state: null, pending_minutes: null });
      if (action === 'approve' && c.pending_request === 'return') {
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
    case 'markHandled':
      patch.handled_at = now;
      break;
    case 'checkFail':
      patch.rework_count = c.rework_count + 1;
      break;
    case 'close':
      patch.closed_at = now;
      break;
    case 'selfHandle':
      Object.assign(patch, { closed_at: now, handled_at: now, self_handled: 1 });
      break;
    case 'escalate':
      patch.level = nextLevel;
      patch.escalation_count = c.escalation_count + 1;
      data.toLevel = nextLevel;
      break;
    case 'merge':
      patch.merged_into_id = input.targetCaseId ?? null;
      break;
    case 'reopen':
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
      break;
    case 'supervise': {
      const card = input.card ?? 'yellow';
      if (c.supervision === 'red' || c.supervision === card) {
        throw notAllowed(action, `${state}/${c.supervision ?? 'none'}`);
      }
      patch.supervision = card;
      data.card = card;
      data.automatic = performer.kind === 'system';
      break;
    }
    case 'submit':
    case 'sendToVerify':
    case 'verify':
    case 'verifyReject':
    case 'accept':
    case 'void':
    case 'dispatch':
    case 'sign':
    case 'requestExtension':
    case 'requestReturn':
    case 'requestHold':
    case 'resume':
    case 'sendToCheck':
    case 'checkPass':
    case 'comment':
      break;
  }

  patch.state = next;
  if (next === state && action !== 'escalate') {
    delete patch.state_since;
  }
  const wasOpen = isOpenState(state);
  const isOpen = isOpenState(next);
  const resumesClock =
    next !== state &&
    pausedStates.includes(state) &&
    !pausedStates.includes(next) &&
    patch.paused_at === undefined;
  return {
    seat,
    state: next,
    level: nextLevel,
    patch,
    data,
    step: {
      action,
      from_state: state,
      to_state: next,
      // Numbers typed into a comment or reply are never stored in plaintext (the step log is append-only).
      comment: comment === '' ? null : maskPersonalText(comment),
      is_public: input.isPublic === true || PUBLIC_ACTIONS.includes(action) ? 1 : 0,
      reason_code: input.reason ?? null,
    },
    effects: EFFECTS[action],
    openDelta: wasOpen === isOpen ? 0 : isOpen ? 1 : -1,
    resumesClock,
  };
}
