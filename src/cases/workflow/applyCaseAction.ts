// Applies one workflow action to a case: the pure transition decides from the rules table, its named effects add
// what needs the database, then the case, its append-only step, timers, notifications, the audit entry, indicator
// facts and roll-ups are written together.
// The caller runs it inside a transaction and has authenticated the performer.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../audit/index.js';
import { isProvisional, loadWorkCalendar, type Limit } from '../../calendar/index.js';
import { notify, notifyExternal } from '../../notifications/index.js';
import { orgDirectory, orgRollups } from '../../orgs/index.js';
import type { RequestContext } from '../../platform/context.js';
import type { Dialect } from '../../platform/db/database.js';
import { fromDbJson, toDbJson } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import { AppError, notFound } from '../../platform/errors.js';
import { msg } from '../../platform/i18n.js';
import { caseScopeOf, seatsOf } from '../access.js';
import { runCaseGuards } from '../hooks.js';
import { loadCaseSettings } from '../caseSettings.js';
import { stepLimitMinutes, syncCaseTimers } from '../clock.js';
import { factDelta, factsForCase, type FactStep } from '../indicators/facts.js';
import type { ProcessedPhoto } from '../../platform/images.js';
import { storePhotos } from '../photos.js';
import { caseRepository, type CaseRow, type StepRow } from '../repository.js';
import {
  actorFieldsOf,
  effects,
  eventTitle,
  queueNotices,
  resumeClock,
  type EffectContext,
  type Notice,
  type Performer,
} from './effects/index.js';
import type { CaseState, Seat } from './stateMachine.js';
import { transition, type TransitionInput } from './transition.js';

export { assignBundledParties, queueNotices } from './effects/index.js';
export type { Performer } from './effects/index.js';

export type ActionInput = Omit<TransitionInput, 'photoCount'> & {
  /** Already processed (processPhotos) outside the transaction. */
  photos?: ProcessedPhoto[];
  /** Extra data recorded on the step (e.g. a rating). */
  data?: Record<string, unknown>;
};

export type ActionResult = { case: CaseRow; step: Omit<StepRow, 'id'> };

export function stepToFact(s: Pick<StepRow, 'action' | 'at' | 'actor_id' | 'data'>): FactStep {
  return {
    action: s.action,
    at: s.at,
    actor_id: s.actor_id,
    data: fromDbJson<Record<string, unknown>>(s.data),
  };
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
  const held: Seat[] = performer.kind === 'user' ? await seatsOf(trx, performer.actor, c) : [performer.kind];
  const photos = input.photos ?? [];
  const t = transition(
    c,
    { kind: performer.kind, seats: held },
    { ...input, photoCount: photos.length },
    now,
  );

  const settings = await loadCaseSettings(trx);
  const cal = await loadWorkCalendar(trx, now);
  // On-site checks get longer in rural villages (村) than in town communities (社区). Unscoped: the case's own village.
  const village =
    c.village_id === null ? undefined : await orgDirectory(trx, dialect).findByIdUnscoped(c.village_id);
  const isRural = village?.type === 'village';
  const e: EffectContext = {
    trx,
    dialect,
    ctx,
    performer,
    c,
    input,
    t,
    patch: t.patch,
    data: { ...(input.data ?? {}), ...t.data },
    now,
    cal,
    stepLimit: (s: CaseState) => stepLimitMinutes(s, c.urgency, isRural, settings.stepLimits),
    notices: [],
    afterWrite: [],
  };
  if (t.resumesClock) {
    resumeClock(e);
  }
  for (const name of t.effects) {
    await effects[name](e);
  }
  // Other modules' guards (the negative list, grid task admission) see where the action takes the case.
  await runCaseGuards(trx, dialect, {
    caseId: c.id,
    categoryCode: c.category_code,
    action: input.action,
    orgPath: c.org_path,
    townId: c.town_id,
    villageId: c.village_id,
    gridId: c.grid_id,
    fromLevel: c.level,
    toLevel: t.level,
    fromState: c.state,
    toState: t.state,
    departmentId: e.patch.department_id === undefined ? c.department_id : e.patch.department_id,
    actorUserId: performer.kind === 'user' ? performer.actor.userId : null,
    now,
  });
  const { patch, data } = e;
  const stepMinutes = e.stepLimit(t.state);
  patch.step_deadline_at = stepMinutes === null ? null : now + stepMinutes * 60_000;

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
    ...actorFieldsOf(performer),
    ...t.step,
    data: toDbJson(Object.keys(data).length === 0 ? null : { ...data, level: t.level }),
  };
  await repo.insertStep(step);

  await syncCaseTimers(trx, after, now);
  for (const work of e.afterWrite) {
    await work(after);
  }

  // Whoever's queue the case lands in hears of it, unless the step's own notices already told them.
  if (t.state !== c.state || t.level !== c.level) {
    e.notices.push(
      ...(await queueNotices(trx, after, t, {
        performerId: performer.kind === 'user' ? performer.actor.userId : null,
        already: e.notices,
      })),
    );
  }
  await deliverNotices(trx, c, t.state, e.notices, now);

  await recordAudit(trx, performer.kind === 'user' ? ctx : { ...ctx, actor: { kind: 'anonymous' } }, {
    action: `case.${input.action}`,
    entityType: 'case',
    entityId: c.id,
    orgPath: c.org_path,
    detail: { from: t.step.from_state, to: t.state },
  });

  // Counters last: the district's fact row and roll-up are shared by every case, so their row locks are held
  // from here to the commit only.
  const before = factsForCase(c, stepsBefore.map(stepToFact));
  const afterFacts = factsForCase(after, [...stepsBefore, step].map(stepToFact));
  await repo.applyFacts(factDelta(before, afterFacts));
  if (t.openDelta !== 0) {
    await orgRollups(trx, dialect).adjustRollup(c.org_path, 'case.open', t.openDelta);
  }
  return { case: after, step };
}

/** Sends a step's notices: inbox and e-mail to the users, and the subscribed gateways. */
export async function deliverNotices(
  trx: Kysely<DB>,
  c: Pick<CaseRow, 'id' | 'tracking_code' | 'category_code'>,
  state: CaseState,
  notices: readonly Notice[],
  now: number,
): Promise<void> {
  for (const notice of notices) {
    const payload = {
      caseId: c.id,
      trackingCode: c.tracking_code,
      state,
      category: c.category_code,
    };
    const title = eventTitle(notice.event, c.tracking_code);
    // notify() also tells the subscribed gateways; without users to tell, external events still reach them.
    if (notice.userIds.length > 0) {
      await notify(trx, {
        event: notice.event,
        userIds: notice.userIds,
        title,
        body: title,
        data: payload,
        caseId: c.id,
        now,
      });
    } else if (notice.external === true) {
      await notifyExternal(trx, { event: notice.event, data: payload, caseId: c.id, now });
    }
  }
}
