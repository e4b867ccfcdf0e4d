// Opens a decision (表决) in a meeting: its type names the tally rule; a hearing's decision is a recommendation.
// The caller holds council.write; the meeting must be in scope and not closed.
import { recordAudit } from '../audit/index.js';
import type { Scope } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import { toDbBool, toDbJson } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { msg } from '../platform/i18n.js';
import { newId } from '../platform/ids.js';
import { meetingOrThrow, type ConsultationDeps } from './deps.js';
import { tellMeeting } from './notices.js';
import { consultationRepository, type DecisionRow } from './repository.js';
import { defaultConfig, tallyRuleOf, type DecisionConfig, type DecisionType } from './tally/index.js';

export type OpenVoteInput = {
  meetingId: string;
  topicId?: string | null;
  type: DecisionType;
  question: string;
  options?: string[];
  config?: Partial<DecisionConfig>;
};

export async function openVote(
  deps: ConsultationDeps,
  ctx: RequestContext,
  scope: Scope,
  input: OpenVoteInput,
): Promise<DecisionRow> {
  const rule = tallyRuleOf(input.type);
  const options = [...new Set((input.options ?? []).map((o) => o.trim()).filter((o) => o !== ''))];
  if (rule.needsOptions && options.length < 2) {
    throw new AppError('request.invalid', {
      errors: [{ field: 'options', message: 'at least two options' }],
    });
  }
  return deps.database.db.transaction().execute(async (trx) => {
    const repo = consultationRepository(trx, deps.database.dialect);
    const meeting = await meetingOrThrow(repo, scope, input.meetingId);
    if (meeting.status !== 'scheduled') {
      throw new AppError('workflow.transition_not_allowed');
    }
    if (input.topicId !== undefined && input.topicId !== null) {
      const agenda = await repo.agendaOf(meeting.id);
      if (!agenda.some((t) => t.id === input.topicId)) {
        throw new AppError('request.invalid', {
          errors: [{ field: 'topicId', message: 'not on the agenda' }],
        });
      }
    }
    const config: DecisionConfig = { ...defaultConfig, quorum: meeting.quorum, ...input.config };
    const row: DecisionRow = {
      id: newId(ctx.now),
      meeting_id: meeting.id,
      topic_id: input.topicId ?? null,
      org_path: meeting.org_path,
      type: input.type,
      question: input.question.trim(),
      options: toDbJson(rule.needsOptions ? options : []) ?? '[]',
      config: toDbJson(config) ?? '{}',
      is_recommendation: toDbBool(meeting.kind === 'hearing'),
      status: 'open',
      opened_at: ctx.now,
      closed_at: null,
      result: null,
    };
    await repo.insertDecision(row);
    await tellMeeting(trx, deps.database.dialect, meeting.id, {
      event: 'consultation.vote',
      title: msg(`表决已开始：${row.question}`, `A vote is open: ${row.question}`),
      body: msg(
        `${meeting.title}：请参会人员表决，结果在表决结束后公布。`,
        `${meeting.title}: results are shown once the vote closes.`,
      ),
      link: `/consultations/meetings/${meeting.id}`,
      data: { meetingId: meeting.id, decisionId: row.id },
      exceptUserId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      now: ctx.now,
    });
    await recordAudit(trx, ctx, {
      action: 'decision.open',
      entityType: 'consultationDecision',
      entityId: row.id,
      orgPath: row.org_path,
      detail: { type: row.type },
    });
    return row;
  });
}
