// HTTP routes of the surveys module: the owner's console (create, open, close, results, texts), the interviewer's
// sample list and phone-call entry, and the household's public phone page behind its link token.
import { Type, type Static, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { scopeOf } from '../access/index.js';
import { householdDirectory } from '../households/index.js';
import { maskName } from '../members/index.js';
import { orgDirectory } from '../orgs/index.js';
import { AppError, notFound } from '../platform/errors.js';
import { contextOf, userOf } from '../platform/http/request.js';
import type { ModuleRoutes } from '../platform/http/module.js';
import { DAY_MS, instantOfLocalDate } from '../platform/time.js';
import { answerByInterview, answerByLink, surveyOfToken } from './answerSurvey.js';
import {
  assertOwnerScope,
  isTakingAnswers,
  questionnaireOf,
  stateOf,
  surveyOrThrow,
  type SurveyDeps,
} from './deps.js';
import { closeSurvey, openSurvey } from './openSurvey.js';
import {
  AnswersSchema,
  QuestionnaireSchema,
  StateSchema,
  SurveyDetailSchema,
  SurveySchema,
  VillageFigureSchema,
  presentSurvey,
  presentSurveyDetail,
  presentVillage,
} from './presenter.js';
import { tally, type Answers } from './questionnaire.js';
import { surveyRepository, type SurveyRow } from './repository.js';
import { createSurvey, updateSurvey, type SurveyInput } from './saveSurvey.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const IdParams = Type.Object({ id: Id });
const Token = Type.String({ minLength: 16, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });
const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

const InputSchema = Type.Object({
  title: Type.String({ minLength: 2, maxLength: 100 }),
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  questionnaire: QuestionnaireSchema,
  share: Type.Number({ exclusiveMinimum: 0, maximum: 1 }),
  minPerVillage: Type.Integer({ minimum: 1, maximum: 1000 }),
  coverage: Type.Number({ minimum: 0, maximum: 1 }),
  dontKnowRule: Type.Union([Type.Literal('exclude'), Type.Literal('lowest')]),
  minAnswers: Type.Integer({ minimum: 3, maximum: 100 }),
  endsOn: LocalDate,
});

const TallySchema = Type.Object({
  code: Type.String(),
  answered: Type.Integer(),
  counts: Type.Record(Type.String(), Type.Integer()),
});

export const surveyRoutes: ModuleRoutes = async (base, { deps: appDeps }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { database, services } = appDeps;
  const { db, dialect } = database;
  const deps: SurveyDeps = { database, cipher: services.cipher };
  const repo = surveyRepository(db);
  const scope = (request: FastifyRequest) => scopeOf(userOf(request));
  const inputOf = (body: Static<typeof InputSchema>): SurveyInput => ({
    ...body,
    // Answers are taken through the last day, in district time.
    endsAt: instantOfLocalDate(body.endsOn) + DAY_MS,
  });
  /** A village's figures are shown to the village itself only once the survey has closed. */
  const mayShowFigures = (request: FastifyRequest, survey: SurveyRow) =>
    stateOf(survey, request.now) === 'closed' ||
    !['village', 'branch', 'group'].includes(userOf(request).active.orgLevel);
  const villageOrThrow = async (request: FastifyRequest, survey: SurveyRow, villageId: string) => {
    const v = await repo.village(scope(request), survey.id, villageId);
    if (v === undefined) {
      throw notFound();
    }
    return v;
  };

  app.get(
    '/api/surveys',
    {
      config: { auth: 'survey.read' },
      schema: {
        tags: ['surveys'],
        summary: 'Surveys of the caller’s organisation, those above it that cover it, and those below it',
        querystring: Type.Object({
          year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
          state: Type.Optional(StateSchema),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Intersect([
                SurveySchema,
                Type.Object({ sampled: Type.Integer(), answered: Type.Integer(), villages: Type.Integer() }),
              ]),
            ),
          }),
        },
      },
    },
    async (request) => {
      const s = scope(request);
      const rows = (await repo.listSurveys(s, { year: request.query.year, limit: 200 })).filter(
        (r) => request.query.state === undefined || stateOf(r, request.now) === request.query.state,
      );
      const items = [];
      for (const r of rows) {
        const villages = await repo.villages(s, r.id);
        items.push({
          ...presentSurvey(r, request.now, s.path),
          sampled: villages.reduce((n, v) => n + v.sampled, 0),
          answered: mayShowFigures(request, r) ? villages.reduce((n, v) => n + v.answered, 0) : 0,
          villages: villages.length,
        });
      }
      return { items };
    },
  );

  app.post(
    '/api/surveys',
    {
      config: { auth: 'survey.manage' },
      schema: {
        tags: ['surveys'],
        summary: 'A new draft survey owned by the caller’s district or town',
        body: InputSchema,
        response: { 200: Type.Object({ item: SurveyDetailSchema }) },
      },
    },
    async (request) => {
      const user = userOf(request);
      if (!['district', 'town'].includes(user.active.orgLevel)) {
        throw new AppError('auth.forbidden');
      }
      const row = await createSurvey(
        deps,
        contextOf(request),
        { id: user.active.orgId, path: user.active.orgPath },
        inputOf(request.body),
      );
      return { item: presentSurveyDetail(row, request.now, scope(request).path) };
    },
  );

  app.get(
    '/api/surveys/:id',
    {
      config: { auth: 'survey.read' },
      schema: {
        tags: ['surveys'],
        summary: 'A survey with its questionnaire and rules',
        params: IdParams,
        response: { 200: Type.Object({ item: SurveyDetailSchema }) },
      },
    },
    async (request) => {
      const row = await surveyOrThrow(repo, scope(request), request.params.id);
      return { item: presentSurveyDetail(row, request.now, scope(request).path) };
    },
  );

  app.put(
    '/api/surveys/:id',
    {
      config: { auth: 'survey.manage' },
      schema: {
        tags: ['surveys'],
        summary: 'Change a draft survey',
        params: IdParams,
        body: InputSchema,
        response: { 200: Type.Object({ item: SurveyDetailSchema }) },
      },
    },
    async (request) => {
      const row = await updateSurvey(
        deps,
        contextOf(request),
        scope(request),
        request.params.id,
        inputOf(request.body),
      );
      return { item: presentSurveyDetail(row, request.now, scope(request).path) };
    },
  );

  for (const [verb, run] of [
    ['open', openSurvey],
    ['close', closeSurvey],
  ] as const) {
    app.post(
      `/api/surveys/:id/${verb}`,
      {
        config: { auth: 'survey.manage' },
        schema: {
          tags: ['surveys'],
          summary:
            verb === 'open'
              ? 'Open the survey: draw each village’s sample and issue the households’ links'
              : 'Close the survey before its last day',
          params: IdParams,
          response: { 200: Type.Object({ item: SurveyDetailSchema }) },
        },
      },
      async (request) => {
        const row = await run(deps, contextOf(request), scope(request), request.params.id);
        return { item: presentSurveyDetail(row, request.now, scope(request).path) };
      },
    );
  }

  app.get(
    '/api/surveys/:id/results',
    {
      config: { auth: 'survey.read' },
      schema: {
        tags: ['surveys'],
        summary:
          'Each village’s sample, answers, coverage and score in the caller’s subtree (or under one org of it), ' +
          'and the answers tallied per option over the villages with enough answers',
        params: IdParams,
        querystring: Type.Object({ orgId: Type.Optional(Id) }),
        response: {
          200: Type.Object({
            villages: Type.Array(VillageFigureSchema),
            total: Type.Object({
              sampled: Type.Integer(),
              answered: Type.Integer(),
              coverage: Type.Union([Type.Number(), Type.Null()]),
              score: Type.Union([Type.Number(), Type.Null()]),
              villagesMet: Type.Integer(),
            }),
            tallies: Type.Array(TallySchema),
            isShown: Type.Boolean(),
          }),
        },
      },
    },
    async (request) => {
      const s = scope(request);
      const survey = await surveyOrThrow(repo, s, request.params.id);
      let path = s.path;
      if (request.query.orgId !== undefined) {
        const org = await orgDirectory(db, dialect).findById(s, request.query.orgId);
        if (org === undefined) {
          throw notFound();
        }
        path = org.path;
      }
      const isShown = mayShowFigures(request, survey);
      // path lies in the caller's subtree (its own, or an org found in it), so it narrows the scope.
      const rows = await repo.villages({ path }, survey.id);
      const villages = rows.map((v) => presentVillage(v, survey));
      const sampled = rows.reduce((n, v) => n + v.sampled, 0);
      const shown = rows.filter((v) => v.answered >= survey.min_answers);
      const scored = shown.reduce((n, v) => n + v.scored, 0);
      const answered = rows.reduce((n, v) => n + v.answered, 0);
      const answers = isShown
        ? (await repo.answersUnder(survey.id, path, survey.min_answers)).map(
            (a) => JSON.parse(a.answers) as Answers,
          )
        : [];
      return {
        villages: isShown
          ? villages
          : villages.map((v) => ({ ...v, answered: 0, coverage: null, isCoverageMet: false, score: null })),
        total: {
          sampled,
          answered: isShown ? answered : 0,
          coverage: isShown && sampled > 0 ? Math.round((answered / sampled) * 10_000) / 10_000 : null,
          score:
            isShown && scored > 0
              ? Math.round((shown.reduce((n, v) => n + v.score_sum, 0) / scored) * 10) / 10
              : null,
          villagesMet: isShown ? villages.filter((v) => v.isCoverageMet).length : 0,
        },
        tallies: tally(questionnaireOf(survey), answers),
        isShown,
      };
    },
  );

  app.get(
    '/api/surveys/:id/villages/:villageId/texts',
    {
      config: { auth: 'survey.manage' },
      schema: {
        tags: ['surveys'],
        summary:
          'The text answers of one village (personal numbers masked), once it has the survey’s fewest answers',
        params: Type.Object({ id: Id, villageId: Id }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({ question: Type.String(), text: Type.String(), on: Type.String() }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const s = scope(request);
      const survey = await surveyOrThrow(repo, s, request.params.id);
      assertOwnerScope(s, survey);
      const village = await villageOrThrow(request, survey, request.params.villageId);
      if (village.answered < survey.min_answers) {
        return { items: [] };
      }
      const items = [];
      for (const a of await repo.answersOfVillage(survey.id, village.village_id)) {
        for (const [question, value] of Object.entries(JSON.parse(a.answers) as Answers)) {
          if (value.text !== undefined) {
            // The day is dropped too: texts are listed in random order, with nothing to match them to a household.
            items.push({ question, text: value.text, on: a.answered_on.slice(0, 7) });
          }
        }
      }
      return { items };
    },
  );

  app.get(
    '/api/surveys/:id/villages/:villageId/samples',
    {
      config: { auth: 'survey.interview' },
      schema: {
        tags: ['surveys'],
        summary:
          'The sampled households of a village with their phone links, for the QR slips and the interviewer’s calls',
        params: Type.Object({ id: Id, villageId: Id }),
        querystring: Type.Object({
          after: Type.Optional(Id),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                householdId: Type.String(),
                headName: Type.String(),
                address: Type.String(),
                token: Type.String(),
                isAnswered: Type.Boolean(),
              }),
            ),
            next: Type.Union([Type.String(), Type.Null()]),
          }),
        },
      },
    },
    async (request) => {
      const s = scope(request);
      const survey = await surveyOrThrow(repo, s, request.params.id);
      const village = await villageOrThrow(request, survey, request.params.villageId);
      const limit = request.query.limit ?? 50;
      const rows = await repo.samplesOfVillage(survey.id, village.village_id, {
        afterId: request.query.after ?? null,
        limit,
      });
      // The sample lies in the village the caller's scope has just found, so its households are read by id.
      const households = new Map(
        (await householdDirectory(db, dialect).householdsByIds(rows.map((r) => r.household_id))).map(
          (h) => [h.id, h] as const,
        ),
      );
      const items = rows.map((r) => {
        const h = households.get(r.household_id);
        return {
          householdId: r.household_id,
          headName: maskName(h?.head_name ?? ''),
          // Head name and house number masked on the list; the household page (household.read) shows them in full.
          address: (h?.address ?? '').replace(/(\d+)(?=[号室])/g, (d) => '*'.repeat(d.length)),
          token: services.cipher.decrypt(r.token_enc),
          isAnswered: r.answered_on !== null,
        };
      });
      return { items, next: rows.length === limit ? rows.at(-1)!.id : null };
    },
  );

  app.post(
    '/api/surveys/:id/interviews',
    {
      config: { auth: 'survey.interview' },
      schema: {
        tags: ['surveys'],
        summary: 'Enter a sampled household’s answers from a phone call',
        params: IdParams,
        body: Type.Object({ householdId: Id, answers: AnswersSchema }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await answerByInterview(
        deps,
        contextOf(request),
        scope(request),
        request.params.id,
        request.body.householdId,
        request.body.answers,
      );
      return reply.code(204).send(null);
    },
  );

  // ---------------------------------------------------------------- the household's phone page

  app.get(
    '/api/public/surveys/:token',
    {
      config: { auth: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['surveys'],
        summary:
          'The questionnaire behind a household’s link: the survey and village, nothing about the household',
        params: Type.Object({ token: Token }),
        response: {
          200: Type.Object({
            title: Type.String(),
            villageName: Type.String(),
            townName: Type.String(),
            endsOn: Type.String(),
            isOpen: Type.Boolean(),
            isAnswered: Type.Boolean(),
            questionnaire: QuestionnaireSchema,
          }),
        },
      },
    },
    async (request) => {
      const { survey, village, isAnswered } = await surveyOfToken(deps, request.params.token, request.now);
      if (survey.status === 'draft') {
        throw notFound();
      }
      const shown = presentSurvey(survey, request.now, survey.org_path);
      return {
        title: survey.title,
        villageName: village.village_name,
        townName: village.town_name,
        endsOn: shown.endsOn,
        isOpen: isTakingAnswers(survey, request.now),
        isAnswered,
        questionnaire: questionnaireOf(survey),
      };
    },
  );

  app.post(
    '/api/public/surveys/:token',
    {
      config: { auth: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['surveys'],
        summary: 'A household’s answer through its link (once)',
        params: Type.Object({ token: Token }),
        body: Type.Object({ answers: AnswersSchema }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await answerByLink(deps, contextOf(request), request.params.token, request.body.answers);
      return reply.code(204).send(null);
    },
  );
};
