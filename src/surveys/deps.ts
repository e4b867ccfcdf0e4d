// What the survey use cases are given, and the scoped find that answers 404 outside the caller's view.
import { isInScope, type Scope } from '../access/index.js';
import type { Database } from '../platform/db/database.js';
import type { FieldCipher } from '../platform/crypto.js';
import { AppError, notFound } from '../platform/errors.js';
import type { Questionnaire } from './questionnaire.js';
import type { SurveyRepository, SurveyRow } from './repository.js';

export type SurveyDeps = { database: Database; cipher: FieldCipher };

export async function surveyOrThrow(repo: SurveyRepository, scope: Scope, id: string): Promise<SurveyRow> {
  const row = await repo.findSurvey(scope, id);
  if (row === undefined) {
    throw notFound();
  }
  return row;
}

/** Only the owner's subtree manages a survey: a town sees the district's survey but does not change it. */
export function assertOwnerScope(scope: Scope, survey: SurveyRow): void {
  if (!isInScope(scope, survey.org_path)) {
    throw notFound();
  }
}

/** The state a reader sees: an open survey past its end reads as closed until the job closes it. */
export function stateOf(survey: SurveyRow, now: number): 'draft' | 'open' | 'closed' {
  if (survey.status === 'open' && now >= survey.ends_at) {
    return 'closed';
  }
  return survey.status as 'draft' | 'open' | 'closed';
}

/** Whether the survey takes answers at this instant: open, and its end not reached. */
export function isTakingAnswers(survey: SurveyRow, now: number): boolean {
  return stateOf(survey, now) === 'open';
}

export const questionnaireOf = (survey: SurveyRow): Questionnaire => JSON.parse(survey.body) as Questionnaire;

export function assertTakingAnswers(survey: SurveyRow, now: number): void {
  if (!isTakingAnswers(survey, now)) {
    throw new AppError('survey.not_open');
  }
}
