// What a client may see of a survey: its rules and questionnaire, each village's sample, answers and coverage, and
// the tallies of the villages whose answers are enough to show (never fewer than the survey's fewest answers, so
// no single household's answer can be told apart).
import { Type } from '@fastify/type-provider-typebox';
import { isInScope } from '../access/index.js';
import { isoLocal, localDate } from '../platform/time.js';
import { stateOf } from './deps.js';
import type { Questionnaire } from './questionnaire.js';
import type { SurveyRow, SurveyVillageRow } from './repository.js';

const Code = Type.String({ pattern: '^[a-z][a-zA-Z0-9_]{0,29}$' });

export const QuestionnaireSchema = Type.Object({
  questions: Type.Array(
    Type.Object({
      code: Code,
      kind: Type.Union([
        Type.Literal('single'),
        Type.Literal('multiple'),
        Type.Literal('scale'),
        Type.Literal('text'),
      ]),
      text: Type.String({ minLength: 1, maxLength: 300 }),
      required: Type.Boolean(),
      scored: Type.Boolean(),
      options: Type.Optional(
        Type.Array(
          Type.Object({
            code: Code,
            label: Type.String({ minLength: 1, maxLength: 100 }),
            score: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
            dontKnow: Type.Optional(Type.Boolean()),
          }),
          { maxItems: 20 },
        ),
      ),
      scale: Type.Optional(
        Type.Object({
          min: Type.Integer({ minimum: 0, maximum: 10 }),
          max: Type.Integer({ minimum: 1, maximum: 10 }),
          dontKnow: Type.Boolean(),
        }),
      ),
      showIf: Type.Optional(
        Type.Object({ question: Code, anyOf: Type.Array(Code, { minItems: 1, maxItems: 20 }) }),
      ),
    }),
    { maxItems: 60 },
  ),
});

export const AnswersSchema = Type.Record(
  Type.String({ maxLength: 30 }),
  Type.Object({
    options: Type.Optional(Type.Array(Type.String({ maxLength: 30 }), { maxItems: 20 })),
    value: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
    dontKnow: Type.Optional(Type.Boolean()),
    text: Type.Optional(Type.String({ maxLength: 1000 })),
  }),
  { maxProperties: 60 },
);

export const StateSchema = Type.Union([Type.Literal('draft'), Type.Literal('open'), Type.Literal('closed')]);

export const SurveySchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  year: Type.Integer(),
  ownerOrgId: Type.String(),
  state: StateSchema,
  share: Type.Number(),
  minPerVillage: Type.Integer(),
  coverage: Type.Number(),
  dontKnowRule: Type.Union([Type.Literal('exclude'), Type.Literal('lowest')]),
  minAnswers: Type.Integer(),
  endsOn: Type.String(),
  openedAt: Type.Union([Type.String(), Type.Null()]),
  closedAt: Type.Union([Type.String(), Type.Null()]),
  isOwnedHere: Type.Boolean(),
});

export const SurveyDetailSchema = Type.Intersect([
  SurveySchema,
  Type.Object({ questionnaire: QuestionnaireSchema }),
]);

export const VillageFigureSchema = Type.Object({
  villageId: Type.String(),
  villageName: Type.String(),
  townName: Type.String(),
  households: Type.Integer(),
  sampled: Type.Integer(),
  answered: Type.Integer(),
  /** answered ÷ sampled. */
  coverage: Type.Union([Type.Number(), Type.Null()]),
  isCoverageMet: Type.Boolean(),
  /** Mean points out of 100, null until enough answers (or none scored). */
  score: Type.Union([Type.Number(), Type.Null()]),
});

export function presentSurvey(row: SurveyRow, now: number, callerPath: string) {
  return {
    id: row.id,
    title: row.title,
    year: row.year,
    ownerOrgId: row.owner_org_id,
    state: stateOf(row, now),
    share: row.share,
    minPerVillage: row.min_per_village,
    coverage: row.coverage,
    dontKnowRule: row.dont_know_rule as 'exclude' | 'lowest',
    minAnswers: row.min_answers,
    // The last day answers are taken (ends_at is the start of the next day).
    endsOn: localDate(row.ends_at - 1),
    openedAt: row.opened_at === null ? null : isoLocal(row.opened_at),
    closedAt: row.closed_at === null ? null : isoLocal(row.closed_at),
    isOwnedHere: isInScope({ path: callerPath }, row.org_path),
  };
}

export function presentSurveyDetail(row: SurveyRow, now: number, callerPath: string) {
  return {
    ...presentSurvey(row, now, callerPath),
    questionnaire: JSON.parse(row.body) as Questionnaire,
  };
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** A village's figures; its score only once its answers reach the survey's fewest. */
export function presentVillage(v: SurveyVillageRow, survey: SurveyRow) {
  const coverage = v.sampled === 0 ? null : v.answered / v.sampled;
  return {
    villageId: v.village_id,
    villageName: v.village_name,
    townName: v.town_name,
    households: v.households,
    sampled: v.sampled,
    answered: v.answered,
    coverage: coverage === null ? null : round(coverage, 4),
    isCoverageMet: coverage !== null && coverage >= survey.coverage,
    score: v.answered < survey.min_answers || v.scored === 0 ? null : round(v.score_sum / v.scored, 1),
  };
}
