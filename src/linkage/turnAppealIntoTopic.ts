// At the village or the town an appeal that is a matter for residents to decide together becomes a topic of that
// level's consultation room (有事好商量), opened through the consultations' door in the same transaction; the
// appeal keeps the topic (the topic never shows the appeal's tracking code, the household's key). The seat is
// checked here.
import { recordAudit } from '../audit/index.js';
import { proposeAppealTopic } from '../consultations/index.js';
import type { UserActor } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { actingSeat, appealFor, viewerOf } from './access.js';
import { chainAbove, type ChainLevel } from './chain.js';
import type { AppealRow } from './repository.js';
import { applyAppealStep } from './transition.js';

const TOPIC_LEVELS: readonly ChainLevel[] = ['village', 'town'];

export async function turnAppealIntoTopic(
  database: Database,
  ctx: RequestContext,
  actor: UserActor,
  appealId: string,
  input: { title: string; reason: string },
): Promise<AppealRow> {
  const viewer = await viewerOf(database.db, database.dialect, actor);
  return database.db.transaction().execute(async (trx) => {
    const appeal = await appealFor(trx, database.dialect, viewer, appealId);
    actingSeat(viewer, appeal);
    const level = appeal.level as ChainLevel;
    if (!TOPIC_LEVELS.includes(level)) {
      throw new AppError('linkage.topic_from_village');
    }
    const stops = await chainAbove(trx, database.dialect, appeal.org_path);
    const place = stops.find((s) => s.level === level)!;
    const topic = await proposeAppealTopic(trx, database, ctx.now, {
      orgId: place.orgId,
      title: input.title,
      body: appeal.text,
      proposerUserId: actor.userId,
    });
    if (topic === null) {
      throw new AppError('linkage.no_council');
    }
    const next = await applyAppealStep(trx, database.dialect, ctx.now, appeal, {
      action: 'toTopic',
      actor: { id: actor.userId, name: actor.displayName },
      toStatus: 'topic',
      reason: input.reason.trim(),
      patch: { topic_id: topic.topicId },
    });
    await recordAudit(trx, ctx, {
      action: 'linkage.appeal.toTopic',
      entityType: 'linkageAppeal',
      entityId: appeal.id,
      orgPath: appeal.org_path,
      detail: { topicId: topic.topicId, councilId: topic.councilId },
    });
    return next;
  });
}
