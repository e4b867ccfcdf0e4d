// The case workflow as data: (state, action) → next state, the seats that may act, and what the action needs.
export const caseStates = [
  'draft',
  'reported',
  'verifying',
  'accepted',
  'registered',
  'dispatched',
  'handling',
  'pendingApproval',
  'onHold',
  'handled',
  'checking',
  'checked',
  'closed',
  'voided',
  'merged',
] as const;
export type CaseState = (typeof caseStates)[number];

/** States in which a case is finished; Open311 reports them as 'closed'. */
export const finalStates: readonly CaseState[] = ['closed', 'voided', 'merged'];
export const isOpenState = (s: CaseState): boolean => !finalStates.includes(s);

/** States whose handling clock is paused. */
export const pausedStates: readonly CaseState[] = ['pendingApproval', 'onHold'];

export const caseLevels = ['grid', 'village', 'town', 'district'] as const;
export type CaseLevel = (typeof caseLevels)[number];

/** The seat a caller occupies on a given case (derived from role, scope and the case's parties). */
export const seats = ['command', 'handler', 'gridWorker', 'villageCadre', 'reporter', 'system'] as const;
export type Seat = (typeof seats)[number];

export const caseActions = [
  'submit',
  'sendToVerify',
  'verify',
  'verifyReject',
  'accept',
  'register',
  'void',
  'dispatch',
  'sign',
  'requestExtension',
  'requestReturn',
  'requestHold',
  'approve',
  'refuse',
  'resume',
  'markHandled',
  'sendToCheck',
  'checkPass',
  'checkFail',
  'close',
  'selfHandle',
  'escalate',
  'merge',
  'reopen',
  'supervise',
  'comment',
] as const;
export type CaseAction = (typeof caseActions)[number];

/** What an action's request carries: `needs` must be given, `accepts` may be. */
export type Input = 'comment' | 'department' | 'minutes' | 'target' | 'photo' | 'card' | 'isPublic';

/** 'same' keeps the state; 'decided' is worked out by decideNextState from the case. */
export type Rule = {
  from: readonly CaseState[];
  to: CaseState | 'same' | 'decided';
  seats: readonly Seat[];
  needs: readonly Input[];
  /** Optional inputs (default: a comment). */
  accepts?: readonly Input[];
  /** The seats whose turn it is while the case waits in a from-state: the case is in their queue (default none). */
  duty?: readonly Seat[];
  /** Only at these levels (default: town and district, where the command centres work). */
  levels?: readonly CaseLevel[];
};

const OPEN_BEFORE_DISPATCH: readonly CaseState[] = ['reported', 'verifying', 'accepted', 'registered'];
const ALL_OPEN: readonly CaseState[] = caseStates.filter((s) => isOpenState(s));

export const rules: Readonly<Record<CaseAction, Rule>> = {
  submit: {
    from: ['draft'],
    to: 'reported',
    seats: ['reporter', 'gridWorker', 'villageCadre', 'command'],
    needs: [],
    duty: ['gridWorker'],
    levels: caseLevels,
  },
  sendToVerify: { from: ['reported'], to: 'verifying', seats: ['command'], needs: [], duty: ['command'] },
  verify: {
    from: ['verifying'],
    to: 'accepted',
    seats: ['gridWorker', 'command'],
    needs: [],
    duty: ['gridWorker'],
  },
  verifyReject: {
    from: ['verifying'],
    to: 'reported',
    seats: ['gridWorker'],
    needs: ['comment'],
    duty: ['gridWorker'],
  },
  accept: { from: ['reported'], to: 'accepted', seats: ['command'], needs: [], duty: ['command'] },
  register: { from: ['accepted'], to: 'registered', seats: ['command'], needs: [], duty: ['command'] },
  void: { from: ['reported', 'verifying', 'accepted'], to: 'voided', seats: ['command'], needs: ['comment'] },
  dispatch: {
    from: ['registered'],
    to: 'dispatched',
    seats: ['command'],
    needs: ['department'],
    accepts: ['comment'],
    duty: ['command'],
  },
  sign: { from: ['dispatched'], to: 'handling', seats: ['handler'], needs: [], duty: ['handler'] },
  requestExtension: {
    from: ['handling'],
    to: 'pendingApproval',
    seats: ['handler'],
    needs: ['comment', 'minutes'],
    duty: ['handler'],
  },
  requestReturn: {
    from: ['dispatched', 'handling'],
    to: 'pendingApproval',
    seats: ['handler'],
    needs: ['comment'],
    duty: ['handler'],
  },
  requestHold: {
    from: ['handling'],
    to: 'pendingApproval',
    seats: ['handler'],
    needs: ['comment'],
    duty: ['handler'],
  },
  approve: { from: ['pendingApproval'], to: 'decided', seats: ['command'], needs: [], duty: ['command'] },
  refuse: {
    from: ['pendingApproval'],
    to: 'decided',
    seats: ['command'],
    needs: ['comment'],
    duty: ['command'],
  },
  resume: { from: ['onHold'], to: 'handling', seats: ['command'], needs: [], duty: ['command'] },
  markHandled: {
    from: ['handling'],
    to: 'handled',
    seats: ['handler'],
    needs: ['comment'],
    accepts: ['photo', 'isPublic'],
    duty: ['handler'],
  },
  sendToCheck: { from: ['handled'], to: 'checking', seats: ['command'], needs: [], duty: ['command'] },
  checkPass: {
    from: ['checking'],
    to: 'checked',
    seats: ['gridWorker', 'command'],
    needs: [],
    duty: ['gridWorker'],
  },
  checkFail: {
    from: ['checking'],
    to: 'handling',
    seats: ['gridWorker', 'command'],
    needs: ['comment'],
    duty: ['gridWorker'],
  },
  close: { from: ['checked'], to: 'closed', seats: ['command'], needs: [], duty: ['command'] },
  selfHandle: {
    from: ['draft', 'reported', 'verifying'],
    to: 'closed',
    seats: ['gridWorker', 'villageCadre'],
    needs: ['comment', 'photo'],
    accepts: [],
    duty: ['gridWorker', 'villageCadre'],
    levels: caseLevels,
  },
  escalate: {
    from: ['reported', 'verifying', 'accepted', 'registered'],
    to: 'decided',
    seats: ['gridWorker', 'villageCadre', 'command'],
    needs: ['comment'],
    levels: ['grid', 'village', 'town'],
  },
  merge: {
    from: OPEN_BEFORE_DISPATCH,
    to: 'merged',
    seats: ['command'],
    needs: ['target'],
    accepts: ['comment'],
  },
  reopen: { from: ['closed'], to: 'registered', seats: ['command'], needs: ['comment'] },
  supervise: {
    from: ALL_OPEN,
    to: 'same',
    seats: ['command', 'system'],
    needs: ['card'],
    accepts: ['comment'],
    levels: caseLevels,
  },
  comment: {
    from: [...caseStates],
    to: 'same',
    seats: ['command', 'handler', 'gridWorker', 'villageCadre'],
    needs: ['comment'],
    accepts: ['isPublic'],
    levels: caseLevels,
  },
};

/** Which seat may act at which level: grid workers at grid level, village cadres at village level, command centres above. */
export function seatActsAtLevel(seat: Seat, level: CaseLevel, action: CaseAction): boolean {
  switch (seat) {
    case 'gridWorker':
      // Grid workers also verify and check cases of the command centres in their grids.
      return (
        level === 'grid' ||
        ['verify', 'verifyReject', 'checkPass', 'checkFail', 'comment', 'submit'].includes(action)
      );
    case 'villageCadre':
      return level === 'village' || ['comment', 'submit'].includes(action);
    case 'command':
      return level === 'town' || level === 'district';
    case 'handler':
    case 'reporter':
    case 'system':
      return true;
  }
}

export type DecideInput = {
  action: CaseAction;
  level: CaseLevel;
  pendingRequest: string | null;
  pendingFromState: string | null;
};

/** For rules whose target is 'decided': the next state and level. */
export function decideNextState(c: DecideInput): { state: CaseState; level: CaseLevel } {
  if (c.action === 'approve') {
    return {
      state:
        c.pendingRequest === 'return' ? 'registered' : c.pendingRequest === 'hold' ? 'onHold' : 'handling',
      level: c.level,
    };
  }
  if (c.action === 'refuse') {
    return { state: c.pendingFromState === 'dispatched' ? 'dispatched' : 'handling', level: c.level };
  }
  if (c.action === 'escalate') {
    const next: CaseLevel = c.level === 'grid' ? 'village' : c.level === 'village' ? 'town' : 'district';
    // A town passes its case to the district already accepted (乡呼县应); lower levels pass it as a report.
    return { state: next === 'district' ? 'accepted' : 'reported', level: next };
  }
  throw new Error(`action ${c.action} has a fixed next state`);
}

export function isCaseAction(value: string): value is CaseAction {
  return (caseActions as readonly string[]).includes(value);
}

export function isCaseState(value: string): value is CaseState {
  return (caseStates as readonly string[]).includes(value);
}

const COMMAND_LEVELS: readonly CaseLevel[] = ['town', 'district'];

/** The case facts the table's guards read. */
export type Position = { state: CaseState; level: CaseLevel };

/** Whether the table lets this seat take this action on a case in this state and at this level. */
export function mayAct(seat: Seat, action: CaseAction, at: Position): boolean {
  const rule = rules[action];
  return (
    rule.from.includes(at.state) &&
    (rule.levels ?? COMMAND_LEVELS).includes(at.level) &&
    rule.seats.includes(seat) &&
    seatActsAtLevel(seat, at.level, action)
  );
}

/** The first of the caller's seats that may take the action, if any. */
export function actingSeat(held: readonly Seat[], action: CaseAction, at: Position): Seat | undefined {
  return held.find((seat) => mayAct(seat, action, at));
}

/** Every action some seat of the caller may take now, in the table's order. */
export function allowedActions(at: Position, held: readonly Seat[]): CaseAction[] {
  return caseActions.filter((action) => actingSeat(held, action, at) !== undefined);
}

export type ActionNeeds = { needs: readonly Input[]; accepts: readonly Input[] };

/** What the action's request must carry and what it may carry besides. */
export function needs(action: CaseAction): ActionNeeds {
  const rule = rules[action];
  return { needs: rule.needs, accepts: (rule.accepts ?? ['comment']).filter((i) => !rule.needs.includes(i)) };
}

/** Whether the case waits on this seat: the seat may take an action that is its duty in this position. */
export function isDutyOf(seat: Seat, at: Position): boolean {
  return caseActions.some((action) => (rules[action].duty ?? []).includes(seat) && mayAct(seat, action, at));
}

/** The positions (state × level) in which cases wait on the seat, grouped by state with the levels of each. */
export function dutyPositions(
  seat: Seat,
  levels: readonly CaseLevel[],
): { state: CaseState; levels: CaseLevel[] }[] {
  return caseStates
    .map((state) => ({ state, levels: levels.filter((level) => isDutyOf(seat, { state, level })) }))
    .filter((p) => p.levels.length > 0);
}
