// The reporter rates a closed case through its tracking code; a bad rating opens a call-back due in one working day.
import { maskPersonalText } from '../publicText.js';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../audit/index.js';
import { notify } from '../../notifications/index.js';
import type { RequestContext } from '../../platform/context.js';
import type { Dialect } from '../../platform/db/database.js';
import { toDbJson } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import { AppError, notFound } from '../../platform/errors.js';
import { msg } from '../../platform/i18n.js';
import { openCallback } from './openCallback.js';
import { factDelta, factsForCase } from '../indicators/facts.js';
import { caseRepository, type CaseRow } from '../repository.js';
import { stepToFact } from '../workflow/applyCaseAction.js';

/** 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意. */
export const ratingScale = [5, 4, 3, 2, 1] as const;
export type Rating = (typeof ratingScale)[number];

/** Caller: anyone holding the tracking code (the code is the reporter's secret). */
export async function rateCase(
  trx: Kysely<DB>,
  dialect: Dialect,
  ctx: RequestContext,
  trackingCode: string,
  rating: Rating,
  typed: string | null,
): Promise<CaseRow> {
  // A resident's comment is stored with any phone or ID number masked, like every free text.
  const comment = typed === null ? null : maskPersonalText(typed);
  const repo = caseRepository(trx, dialect);
  const c = await repo.findByTracking(trackingCode);
  if (c === undefined) {
    throw notFound();
  }
  if (c.state !== 'closed' || c.rating !== null) {
    throw new AppError('workflow.transition_not_allowed', {
      detail: msg(
        '只能对已办结且未评价的事件评价',
        'Only a closed case that has not been rated can be rated',
      ),
    });
  }
  const now = ctx.now;
  const steps = await repo.steps(c.id);
  const patch = { rating, rating_comment: comment, rated_at: now, updated_at: now };
  if (!(await repo.update(c.id, c.version, patch))) {
    throw new AppError('record.conflict');
  }
  const after: CaseRow = { ...c, ...patch, version: c.version + 1 };
  const step = {
    case_id: c.id,
    seq: steps.length + 1,
    at: now,
    actor_id: null,
    actor_name: null,
    actor_role: 'reporter',
    actor_kind: 'reporter',
    action: 'rate',
    from_state: c.state,
    to_state: c.state,
    comment,
    reason_code: null,
    is_public: 1,
    data: toDbJson({ rating }),
  };
  await repo.insertStep(step);
  await repo.applyFacts(
    factDelta(factsForCase(c, steps.map(stepToFact)), factsForCase(after, [...steps, step].map(stepToFact))),
  );

  const watchers = (await repo.parties(c.id)).map((p) => p.user_id).filter((u): u is string => u !== null);
  if (rating <= 2) {
    const { dueAt } = await openCallback(trx, dialect, c.id, now);
    await notify(trx, {
      event: 'case.callBack',
      userIds: watchers,
      title: msg(
        `事件 ${c.tracking_code} 评价不满意，请于一个工作日内回访`,
        `Case ${c.tracking_code} was rated unsatisfied: call back within one working day`,
      ),
      body: msg(comment ?? '', comment ?? ''),
      data: { caseId: c.id, trackingCode: c.tracking_code, rating, dueAt },
      caseId: c.id,
      now,
    });
  } else if (watchers.length > 0) {
    await notify(trx, {
      event: 'case.rated',
      userIds: watchers,
      title: msg(`事件 ${c.tracking_code} 收到评价`, `Case ${c.tracking_code} was rated`),
      body: msg(`评价：${rating}`, `Rating: ${rating}`),
      data: { caseId: c.id, trackingCode: c.tracking_code, rating },
      caseId: c.id,
      now,
    });
  }
  await recordAudit(trx, ctx, {
    action: 'case.rate',
    entityType: 'case',
    entityId: c.id,
    orgPath: c.org_path,
    detail: { rating },
  });
  return after;
}
