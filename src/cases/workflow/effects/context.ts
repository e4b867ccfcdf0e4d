// What a workflow side effect works with: the transaction, the case before, the transition, and the patch, step data
// and notifications it may add to. Effects run after the pure transition and before the case is written.
import type { Kysely } from 'kysely';
import type { WorkCalendar } from '../../../calendar/index.js';
import type { UserActor } from '../../../access/index.js';
import type { NotificationEvent } from '../../../notifications/index.js';
import type { RequestContext } from '../../../platform/context.js';
import type { Dialect } from '../../../platform/db/database.js';
import type { DB } from '../../../platform/db/schema.js';
import type { CaseRow } from '../../repository.js';
import type { CaseState } from '../stateMachine.js';
import type { Transition, TransitionInput } from '../transition.js';

export type Performer = { kind: 'user'; actor: UserActor } | { kind: 'system' } | { kind: 'reporter' };

/** The notification events about a case. */
export type CaseEvent = Extract<NotificationEvent, `case.${string}`>;
export type Notice = { event: CaseEvent; userIds: string[]; external?: boolean };

export type EffectContext = {
  trx: Kysely<DB>;
  dialect: Dialect;
  ctx: RequestContext;
  performer: Performer;
  /** The case as it was before the action. */
  c: CaseRow;
  input: TransitionInput;
  t: Transition;
  /** The case fields to write; effects add to it. */
  patch: Partial<CaseRow>;
  /** The step's data; effects add to it. */
  data: Record<string, unknown>;
  now: number;
  cal: WorkCalendar;
  /** The natural-minute step limit of a state for this case (null: no step clock). */
  stepLimit: (state: CaseState) => number | null;
  notices: Notice[];
  /** Work to do once the case and its step are written, with the case as it is now. */
  afterWrite: ((after: CaseRow) => Promise<void>)[];
};

export type Effect = (e: EffectContext) => Promise<void>;
