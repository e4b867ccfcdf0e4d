// One vote per participant per decision, with its origin (online, the clerk's device in the room, paper entered by
// the clerk) and, for a proxy vote, who cast it for whom. Ballots stay sealed until the vote closes.
// Online: the caller holds council.vote and is a participant present at the meeting (any org: a party member or
// resident votes in their council). Clerk: the caller holds council.write over the meeting's scope.
import { recordAudit } from '../audit/index.js';
import type { Scope } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import { fromDbJson, toDbJson } from '../platform/db/database.js';
import { AppError, notFound } from '../platform/errors.js';
import { msg } from '../platform/i18n.js';
import { newId } from '../platform/ids.js';
import type { ConsultationDeps } from './deps.js';
import { consultationRepository, type VoteRow } from './repository.js';
import { defaultConfig, tallyRuleOf, type DecisionConfig, type DecisionType } from './tally/index.js';

export type VoteOrigin = 'online' | 'device' | 'paper';

export type CastVoteInput = {
  decisionId: string;
  ballot: unknown;
  /** Online: the caster is found from the account; by the clerk: named here. */
  caster: { userId: string } | { participantId: string; scope: Scope };
  origin: VoteOrigin;
  /** A proxy vote: the participant the vote counts for (the caster holds their proxy). */
  forParticipantId?: string | null;
};

/** A participant may carry at most this many proxies per decision. */
export const MAX_PROXIES = 1;

export async function castVote(
  deps: ConsultationDeps,
  ctx: RequestContext,
  input: CastVoteInput,
): Promise<VoteRow> {
  return deps.database.db.transaction().execute(async (trx) => {
    const repo = consultationRepository(trx, deps.database.dialect);
    const decision =
      'scope' in input.caster
        ? await repo.findDecision(input.caster.scope, input.decisionId)
        : await repo.findDecisionUnscoped(input.decisionId);
    if (decision === undefined) {
      throw notFound();
    }
    const caster =
      'userId' in input.caster
        ? await repo.findParticipant(decision.meeting_id, { userId: input.caster.userId })
        : await repo.findParticipant(decision.meeting_id, { id: input.caster.participantId });
    if (caster === undefined) {
      // Online: someone not on the list does not learn more than that.
      throw 'userId' in input.caster ? new AppError('consultation.not_participant') : notFound();
    }
    if (decision.status !== 'open') {
      throw new AppError('consultation.vote_closed');
    }
    if (caster.attended_at === null) {
      throw new AppError('consultation.not_participant', {
        detail: msg('须先签到才能投票', 'Check in before voting'),
      });
    }
    const rule = tallyRuleOf(decision.type as DecisionType);
    const options = fromDbJson<string[]>(decision.options) ?? [];
    const config = { ...defaultConfig, ...fromDbJson<Partial<DecisionConfig>>(decision.config) };
    const ballot = rule.isRecordedByChair ? null : rule.parseBallot(input.ballot, options, config);
    if (ballot === null) {
      throw new AppError('consultation.invalid_ballot');
    }
    let principalId = caster.id;
    let proxyId: string | null = null;
    if (
      input.forParticipantId !== undefined &&
      input.forParticipantId !== null &&
      input.forParticipantId !== caster.id
    ) {
      const principal = await repo.findParticipant(decision.meeting_id, { id: input.forParticipantId });
      if (principal === undefined) {
        throw new AppError('request.invalid', {
          errors: [{ field: 'forParticipantId', message: 'not on the list' }],
        });
      }
      const carried = (await repo.votesOf(decision.id)).filter(
        (v) => v.proxy_participant_id === caster.id,
      ).length;
      if (carried >= MAX_PROXIES) {
        throw new AppError('request.invalid', {
          errors: [{ field: 'forParticipantId', message: `at most ${MAX_PROXIES} proxy per participant` }],
        });
      }
      principalId = principal.id;
      proxyId = caster.id;
    }
    const row: VoteRow = {
      id: newId(ctx.now),
      decision_id: decision.id,
      participant_id: principalId,
      proxy_participant_id: proxyId,
      recorded_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      origin: input.origin,
      ballot: toDbJson(ballot) ?? '{}',
      at: ctx.now,
    };
    if (!(await repo.insertVote(row))) {
      throw new AppError('consultation.already_voted');
    }
    // The audit entry names who voted and how, never what.
    await recordAudit(trx, ctx, {
      action: 'decision.vote',
      entityType: 'consultationDecision',
      entityId: decision.id,
      orgPath: decision.org_path,
      detail: { participantId: principalId, proxyParticipantId: proxyId, origin: input.origin },
    });
    return row;
  });
}
