// One household's answer, from its phone link (the token on its QR slip) or entered by an interviewer on a call.
// The sample is marked answered and the answer written in one transaction; the answer row carries the village and
// the day only, so neither the village nor anyone reading the answers can tell which household gave it. Personal
// numbers typed into a text answer are masked before it is stored.
import type { Scope } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { maskPersonalText } from '../cases/index.js';
import { householdDirectory } from '../households/index.js';
import type { RequestContext } from '../platform/context.js';
import { AppError, notFound } from '../platform/errors.js';
import { sha256 } from '../platform/hash.js';
import { newSecret } from '../platform/ids.js';
import { localDate } from '../platform/time.js';
import { assertTakingAnswers, questionnaireOf, surveyOrThrow, type SurveyDeps } from './deps.js';
import { answerErrors, answerScore, type Answers, type DontKnowRule } from './questionnaire.js';
import {
  surveyRepository,
  type SurveyRepository,
  type SurveyRow,
  type SurveySampleRow,
} from './repository.js';

const WHOLE_DISTRICT: Scope = { path: '/' };

function sealedAnswers(answers: Answers): Answers {
  const out: Answers = {};
  for (const [code, a] of Object.entries(answers)) {
    out[code] = a.text === undefined ? a : { ...a, text: maskPersonalText(a.text.trim()) };
  }
  return out;
}

async function record(
  repo: SurveyRepository,
  survey: SurveyRow,
  sample: SurveySampleRow,
  answers: Answers,
  channel: 'link' | 'interview',
  now: number,
): Promise<void> {
  const q = questionnaireOf(survey);
  const errors = answerErrors(q, answers);
  if (errors.length > 0) {
    throw new AppError('request.invalid', { errors });
  }
  const day = localDate(now);
  if (!(await repo.markAnswered(sample.id, day, channel))) {
    throw new AppError('survey.already_answered');
  }
  const score = answerScore(q, answers, survey.dont_know_rule as DontKnowRule);
  await repo.insertAnswer({
    // Random, not time-ordered: an id that sorts by arrival would tell which call or link it came from.
    id: newSecret(15),
    survey_id: survey.id,
    village_id: sample.village_id,
    answers: JSON.stringify(sealedAnswers(answers)),
    score,
    channel,
    answered_on: day,
  });
  await repo.countAnswer(survey.id, sample.village_id, score);
}

/** What the phone page shows for a link: the questionnaire and the village, nothing about the household. */
export async function surveyOfToken(deps: SurveyDeps, token: string, now: number) {
  const repo = surveyRepository(deps.database.db);
  const sample = await repo.sampleByToken(sha256(token));
  if (sample === undefined) {
    throw notFound();
  }
  const survey = (await repo.findSurvey(WHOLE_DISTRICT, sample.survey_id))!;
  const village = (await repo.village(WHOLE_DISTRICT, survey.id, sample.village_id))!;
  return { survey, village, isAnswered: sample.answered_on !== null, now };
}

export async function answerByLink(deps: SurveyDeps, ctx: RequestContext, token: string, answers: Answers) {
  await deps.database.db.transaction().execute(async (trx) => {
    const repo = surveyRepository(trx);
    const sample = await repo.sampleByToken(sha256(token));
    if (sample === undefined) {
      throw notFound();
    }
    const survey = (await repo.findSurvey(WHOLE_DISTRICT, sample.survey_id))!;
    assertTakingAnswers(survey, ctx.now);
    await record(repo, survey, sample, answers, 'link', ctx.now);
  });
}

/** An interviewer enters a sampled household's answers from a phone call (the household in the caller's scope). */
export async function answerByInterview(
  deps: SurveyDeps,
  ctx: RequestContext,
  scope: Scope,
  surveyId: string,
  householdId: string,
  answers: Answers,
) {
  await deps.database.db.transaction().execute(async (trx) => {
    const repo = surveyRepository(trx);
    const survey = await surveyOrThrow(repo, scope, surveyId);
    if (
      (await householdDirectory(trx, deps.database.dialect).findHousehold(scope, householdId)) === undefined
    ) {
      throw notFound();
    }
    assertTakingAnswers(survey, ctx.now);
    const sample = await repo.sampleOfHousehold(scope, surveyId, householdId);
    if (sample === undefined) {
      throw new AppError('survey.not_sampled');
    }
    await record(repo, survey, sample, answers, 'interview', ctx.now);
    // The sample, not the answer: who called which household is on record, what it answered stays apart.
    await recordAudit(trx, ctx, {
      action: 'survey.interview',
      entityType: 'surveySample',
      entityId: sample.id,
      orgPath: sample.village_path,
    });
  });
}
