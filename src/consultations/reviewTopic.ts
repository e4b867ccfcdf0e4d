// The branch (党组织) approves, merges or declines a topic; merging and declining carry a public reason.
// The caller holds council.write; the topic must be in scope.
import { recordAudit } from '../audit/index.js';
import type { Scope } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { maskPersonalText } from '../cases/index.js';
import { topicOrThrow, type ConsultationDeps } from './deps.js';
import { consultationRepository, type TopicRow } from './repository.js';
import { nextTopicState } from './topicStates.js';

export type ReviewInput = {
  topicId: string;
  action: 'approve' | 'merge' | 'decline';
  reason?: string | null;
  mergeIntoId?: string | null;
};

export async function reviewTopic(
  deps: ConsultationDeps,
  ctx: RequestContext,
  scope: Scope,
  input: ReviewInput,
): Promise<TopicRow> {
  const reason = input.reason?.trim() ?? '';
  if (input.action !== 'approve' && reason === '') {
    throw new AppError('request.invalid', {
      errors: [{ field: 'reason', message: 'a public reason is required' }],
    });
  }
  return deps.database.db.transaction().execute(async (trx) => {
    const repo = consultationRepository(trx, deps.database.dialect);
    const topic = await topicOrThrow(repo, scope, input.topicId);
    const status = nextTopicState(topic.status, input.action);
    let mergedInto: string | null = null;
    if (input.action === 'merge') {
      const target = await topicOrThrow(repo, scope, input.mergeIntoId ?? '');
      if (
        target.id === topic.id ||
        target.council_id !== topic.council_id ||
        ['merged', 'declined', 'expired'].includes(target.status)
      ) {
        throw new AppError('request.invalid', {
          errors: [{ field: 'mergeIntoId', message: 'an open topic of the same council' }],
        });
      }
      mergedInto = target.id;
      await repo.updateTopic(target.id, {
        support_count: target.support_count + topic.support_count,
        updated_at: ctx.now,
      });
    }
    const patch = {
      status,
      reason: reason === '' ? null : maskPersonalText(reason),
      merged_into_id: mergedInto,
      reviewed_at: ctx.now,
      updated_at: ctx.now,
    };
    await repo.updateTopic(topic.id, patch);
    await recordAudit(trx, ctx, {
      action: `topic.${input.action}`,
      entityType: 'consultationTopic',
      entityId: topic.id,
      orgPath: topic.org_path,
      detail: { mergedInto },
    });
    return { ...topic, ...patch };
  });
}
