// One resident supports (附议) a topic that is collecting support; the supporter is known only by a keyed hash of
// their phone (or account), so each counts once. Reaching the threshold in the window sends it to the branch.
import { recordAudit } from '../audit/index.js';
import type { RequestContext } from '../platform/context.js';
import { AppError, notFound } from '../platform/errors.js';
import type { ConsultationDeps } from './deps.js';
import { consultationRepository, type TopicRow } from './repository.js';
import { nextTopicState } from './topicStates.js';

export async function supportTopic(
  deps: ConsultationDeps,
  ctx: RequestContext,
  input: { topicId: string; supporterKey: string },
): Promise<TopicRow> {
  return deps.database.db.transaction().execute(async (trx) => {
    const repo = consultationRepository(trx, deps.database.dialect);
    const topic = await repo.findTopicPublished(input.topicId);
    if (topic === undefined) {
      throw notFound();
    }
    if (topic.status === 'collecting' && topic.support_until !== null && topic.support_until < ctx.now) {
      await repo.updateTopic(topic.id, {
        status: nextTopicState(topic.status, 'expire'),
        updated_at: ctx.now,
      });
      throw new AppError('workflow.transition_not_allowed');
    }
    if (topic.status !== 'collecting') {
      throw new AppError('workflow.transition_not_allowed');
    }
    if (!(await repo.addSupport(topic.id, input.supporterKey, ctx.now))) {
      throw new AppError('consultation.already_supported');
    }
    const count = topic.support_count + 1;
    const status =
      count >= topic.support_threshold ? nextTopicState(topic.status, 'reachThreshold') : topic.status;
    if (status !== topic.status) {
      await repo.updateTopic(topic.id, { status, updated_at: ctx.now });
    }
    await recordAudit(trx, ctx, {
      action: 'topic.support',
      entityType: 'consultationTopic',
      entityId: topic.id,
      orgPath: topic.org_path,
      detail: { count },
    });
    return { ...topic, support_count: count, status };
  });
}
