// Closes a decision and unseals it: the tally rule of its type counts the ballots (or takes the chair's record for
// consensus and a show of hands). The caller holds council.write; the decision must be in scope.
import { recordAudit } from '../audit/index.js';
import type { Scope } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import { fromDbJson, toDbJson } from '../platform/db/database.js';
import { AppError, notFound } from '../platform/errors.js';
import { msg } from '../platform/i18n.js';
import type { ConsultationDeps } from './deps.js';
import { tellMeeting } from './notices.js';
import { consultationRepository, type DecisionRow } from './repository.js';
import { defaultConfig, tallyRuleOf, type DecisionConfig, type DecisionType } from './tally/index.js';
import { nextTopicState } from './topicStates.js';

export async function closeVote(
  deps: ConsultationDeps,
  ctx: RequestContext,
  scope: Scope,
  input: { decisionId: string; record?: unknown },
): Promise<DecisionRow> {
  return deps.database.db.transaction().execute(async (trx) => {
    const repo = consultationRepository(trx, deps.database.dialect);
    const decision = await repo.findDecision(scope, input.decisionId);
    if (decision === undefined) {
      throw notFound();
    }
    if (decision.status !== 'open') {
      throw new AppError('consultation.vote_closed');
    }
    const rule = tallyRuleOf(decision.type as DecisionType);
    const options = fromDbJson<string[]>(decision.options) ?? [];
    const config = { ...defaultConfig, ...fromDbJson<Partial<DecisionConfig>>(decision.config) };
    let ballots: { ballot: unknown; viaProxy: boolean }[];
    if (rule.isRecordedByChair) {
      const record = rule.parseBallot(input.record, options, config);
      if (record === null) {
        throw new AppError('consultation.invalid_ballot');
      }
      if (decision.type === 'showOfHands') {
        // Hands counted cannot exceed the people present.
        const present = (await repo.participantsOf(decision.meeting_id)).filter(
          (p) => p.attended_at !== null,
        ).length;
        const hands = record as { approve: number; oppose: number; abstain: number };
        if (hands.approve + hands.oppose + hands.abstain > present) {
          throw new AppError('consultation.invalid_ballot');
        }
      }
      ballots = [{ ballot: record, viaProxy: false }];
    } else {
      ballots = (await repo.votesOf(decision.id)).map((v) => ({
        ballot: fromDbJson<unknown>(v.ballot),
        viaProxy: v.proxy_participant_id !== null,
      }));
    }
    const result = rule.tally(ballots, options, config);
    const patch = { status: 'closed', closed_at: ctx.now, result: toDbJson(result) };
    await repo.updateDecision(decision.id, patch);
    await tellMeeting(trx, deps.database.dialect, decision.meeting_id, {
      event: 'consultation.vote',
      title: msg(`表决结果已公布：${decision.question}`, `Vote result published: ${decision.question}`),
      body: msg(`共 ${result.voters} 人参与表决。`, `${result.voters} took part.`),
      link: `/consultations/meetings/${decision.meeting_id}`,
      data: { meetingId: decision.meeting_id, decisionId: decision.id },
      exceptUserId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      now: ctx.now,
    });
    if (decision.topic_id !== null) {
      const [topic] = await repo.topicsByIds([decision.topic_id]);
      if (topic !== undefined) {
        await repo.updateTopic(topic.id, {
          status: nextTopicState(topic.status, 'decide'),
          updated_at: ctx.now,
        });
      }
    }
    await recordAudit(trx, ctx, {
      action: 'decision.close',
      entityType: 'consultationDecision',
      entityId: decision.id,
      orgPath: decision.org_path,
      detail: { outcome: result.outcome, voters: result.voters },
    });
    return { ...decision, ...patch };
  });
}
