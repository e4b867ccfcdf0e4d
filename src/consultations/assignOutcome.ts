// Publishes one outcome (协商成果) of a council's decision: assigned to a unit with a deadline and a weight. One that
// needs government work opens a case in the four-platform workflow (source 'council') in the same transaction and
// then follows that case. The caller holds council.write; the council (and topic, decision) must be in scope.
import { recordAudit } from '../audit/index.js';
import { maskPersonalText, reportCase } from '../cases/index.js';
import type { Scope, UserActor } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import { AppError, notFound } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { councilOrThrow, topicOrThrow, type ConsultationDeps } from './deps.js';
import { consultationRepository, type OutcomeRow } from './repository.js';

export type AssignOutcomeInput = {
  councilId: string;
  topicId?: string | null;
  decisionId?: string | null;
  title: string;
  ownerUnit: string;
  deadlineAt: number;
  weight?: number;
  /** Government work: a case of this leaf category is opened in the council's village or town. */
  case?: { categoryCode: string; description?: string | null } | null;
};

export async function assignOutcome(
  deps: ConsultationDeps,
  ctx: RequestContext,
  scope: Scope,
  performer: UserActor,
  input: AssignOutcomeInput,
): Promise<OutcomeRow> {
  return deps.database.db.transaction().execute(async (trx) => {
    const repo = consultationRepository(trx, deps.database.dialect);
    const council = await councilOrThrow(repo, scope, input.councilId);
    if (input.topicId !== undefined && input.topicId !== null) {
      const topic = await topicOrThrow(repo, scope, input.topicId);
      if (topic.council_id !== council.id) {
        throw notFound();
      }
    }
    if (input.decisionId !== undefined && input.decisionId !== null) {
      const decision = await repo.findDecision(scope, input.decisionId);
      if (decision === undefined || decision.org_path !== council.org_path) {
        throw notFound();
      }
      if (decision.status !== 'closed') {
        throw new AppError('workflow.transition_not_allowed');
      }
    }
    const title = maskPersonalText(input.title.trim());
    let caseId: string | null = null;
    if (input.case !== undefined && input.case !== null) {
      const opened = await reportCase(
        trx,
        { dialect: deps.database.dialect, cipher: deps.cipher, locate: () => null },
        ctx,
        performer,
        {
          categoryCode: input.case.categoryCode,
          description: maskPersonalText(input.case.description?.trim() || `【协商成果】${title}`),
          orgId: council.org_id,
          source: 'council',
        },
      );
      caseId = opened.id;
    }
    const row: OutcomeRow = {
      id: newId(ctx.now),
      council_id: council.id,
      topic_id: input.topicId ?? null,
      decision_id: input.decisionId ?? null,
      org_path: council.org_path,
      title,
      owner_unit: input.ownerUnit.trim(),
      deadline_at: input.deadlineAt,
      weight: input.weight ?? 1,
      progress: 0,
      status: caseId === null ? 'open' : 'inProgress',
      case_id: caseId,
      case_state: caseId === null ? null : 'reported',
      done_at: null,
      reopen_count: 0,
      created_at: ctx.now,
      updated_at: ctx.now,
    };
    await repo.insertOutcome(row);
    await repo.insertProgress({
      id: newId(ctx.now),
      outcome_id: row.id,
      at: ctx.now,
      kind: caseId === null ? 'assigned' : 'caseOpened',
      progress: 0,
      note: null,
      evidence: null,
      by_name: performer.displayName,
    });
    await recordAudit(trx, ctx, {
      action: 'outcome.assign',
      entityType: 'consultationOutcome',
      entityId: row.id,
      orgPath: row.org_path,
      detail: { caseId, ownerUnit: row.owner_unit },
    });
    return row;
  });
}
