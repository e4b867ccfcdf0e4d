// Creating a survey, and changing it while it is a draft: the questionnaire, the sampling rule (share of each
// village's households, the fewest per village), the coverage a village's score needs, and the "don't know" rule.
import type { Scope } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import type { RequestContext } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { questionnaireErrors, type DontKnowRule, type Questionnaire } from './questionnaire.js';
import { surveyRepository, type SurveyRow } from './repository.js';
import { assertOwnerScope, surveyOrThrow, type SurveyDeps } from './deps.js';

export type SurveyInput = {
  title: string;
  year: number;
  questionnaire: Questionnaire;
  share: number;
  minPerVillage: number;
  coverage: number;
  dontKnowRule: DontKnowRule;
  minAnswers: number;
  endsAt: number;
};

function check(input: SurveyInput, now: number): void {
  const errors = questionnaireErrors(input.questionnaire);
  if (input.endsAt <= now) {
    errors.push({ field: 'endsOn', message: 'a day after today' });
  }
  if (errors.length > 0) {
    throw new AppError('request.invalid', { errors });
  }
}

const columns = (input: SurveyInput) => ({
  title: input.title.trim(),
  year: input.year,
  body: JSON.stringify(input.questionnaire),
  share: input.share,
  min_per_village: input.minPerVillage,
  coverage: input.coverage,
  dont_know_rule: input.dontKnowRule,
  min_answers: input.minAnswers,
  ends_at: input.endsAt,
});

/** A new draft survey owned by the caller's organisation (the district or a town). */
export async function createSurvey(
  deps: SurveyDeps,
  ctx: RequestContext,
  owner: { id: string; path: string },
  input: SurveyInput,
): Promise<SurveyRow> {
  check(input, ctx.now);
  const id = newId(ctx.now);
  return deps.database.db.transaction().execute(async (trx) => {
    const repo = surveyRepository(trx);
    await repo.insertSurvey({
      id,
      ...columns(input),
      owner_org_id: owner.id,
      org_path: owner.path,
      status: 'draft',
      created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      created_at: ctx.now,
      opened_at: null,
      closed_at: null,
      updated_at: ctx.now,
    });
    await recordAudit(trx, ctx, {
      action: 'survey.create',
      entityType: 'survey',
      entityId: id,
      orgPath: owner.path,
    });
    return (await repo.findSurvey({ path: owner.path }, id))!;
  });
}

export async function updateSurvey(
  deps: SurveyDeps,
  ctx: RequestContext,
  scope: Scope,
  id: string,
  input: SurveyInput,
): Promise<SurveyRow> {
  return deps.database.db.transaction().execute(async (trx) => {
    const repo = surveyRepository(trx);
    const survey = await surveyOrThrow(repo, scope, id);
    assertOwnerScope(scope, survey);
    if (survey.status !== 'draft') {
      throw new AppError('survey.not_editable');
    }
    check(input, ctx.now);
    await repo.updateSurvey(id, { ...columns(input), updated_at: ctx.now });
    await recordAudit(trx, ctx, {
      action: 'survey.update',
      entityType: 'survey',
      entityId: id,
      orgPath: survey.org_path,
    });
    return (await repo.findSurvey(scope, id))!;
  });
}
