// Ends an assignment with what was done and an evaluation (1–5), added to its record; once only. Audited.
// The caller holds 'talent.write' (the route checks it).
import type { Kysely } from 'kysely';
import type { Scope } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { maskPersonalText } from '../cases/index.js';
import type { RequestContext } from '../platform/context.js';
import type { DB } from '../platform/db/schema.js';
import { AppError, notFound } from '../platform/errors.js';
import { talentRepository, type AssignmentRow } from './repository.js';
import { invalid } from './saveProfile.js';

export type CompleteInput = { endsAt: number | null; outcome: string; rating: number; record: string };

export async function completeAssignment(
  trx: Kysely<DB>,
  ctx: RequestContext,
  scope: Scope,
  profileId: string,
  assignmentId: string,
  input: CompleteInput,
): Promise<AssignmentRow> {
  const repo = talentRepository(trx);
  const profile = await repo.findById(scope, profileId);
  const row = profile === undefined ? undefined : await repo.findAssignment(profile.id, assignmentId);
  if (profile === undefined || row === undefined) {
    throw notFound();
  }
  if (row.status !== 'active') {
    throw new AppError('talent.wrong_state');
  }
  const outcome = maskPersonalText(input.outcome.trim());
  if (outcome === '') {
    throw invalid('outcome', '请填写完成情况', 'Say what was done');
  }
  if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) {
    throw invalid('rating', '评价须为 1 至 5 分', 'The evaluation is 1 to 5');
  }
  const endsAt = input.endsAt ?? ctx.now;
  if (endsAt <= row.starts_at) {
    throw invalid('endsAt', '结束时间须晚于开始时间', 'The end must be after the start');
  }
  const note = maskPersonalText(input.record.trim());
  const patch = {
    status: 'completed',
    ends_at: endsAt,
    outcome,
    rating: input.rating,
    record: note === '' ? row.record : row.record === '' ? note : `${row.record}\n${note}`,
    updated_at: ctx.now,
  };
  if (!(await repo.completeIfActive(row.id, patch))) {
    throw new AppError('talent.wrong_state');
  }
  await recordAudit(trx, ctx, {
    action: 'talent.assignment.complete',
    entityType: 'talent',
    entityId: profile.id,
    orgPath: profile.org_path,
    detail: { assignmentId: row.id, rating: input.rating },
  });
  return { ...row, ...patch };
}
