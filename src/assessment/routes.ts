// HTTP routes of the assessment: staff (scoped to the caller's subtree) and the public notice with its objections.
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { scopeOf } from '../access/index.js';
import { contextOf, userOf } from '../platform/http/request.js';
import type { ModuleRoutes } from '../platform/http/module.js';
import { keyAfter, keysetPage } from '../platform/http/keyset.js';
import { literals as Literals } from '../platform/http/schemas.js';
import { answerObjection } from './answerObjection.js';
import { attachEvidence, evidenceKinds } from './attachEvidence.js';
import { closeNotice } from './closeNotice.js';
import { sheetOrThrow, type AssessmentDeps } from './deps.js';
import { enterSelfScore } from './enterSelfScore.js';
import { leaderPosts } from './tree.js';
import { leaderRoutes } from './leaderRoutes.js';
import { moveSheet, sheetStates, type SheetMove } from './moveSheet.js';
import { openCycle } from './openCycle.js';
import { presentAward, presentEvidence, presentNotice, presentObjection } from './presenter.js';
import { publishNotice } from './publishNotice.js';
import { refreshFigures } from './refreshFigures.js';
import { assessmentRepository } from './repository.js';
import { reviewLine } from './reviewLine.js';
import { saveTree } from './saveTree.js';
import { setAward } from './setAward.js';
import { publicRoutes } from './publicRoutes.js';
import { cyclesView, sheetsView, sheetView, sourcesView, treeView } from './views.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const IdParams = Type.Object({ id: Id });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const YearParams = Type.Object({ year: Year });
const LineParams = Type.Object({ id: Id, code: Type.String({ minLength: 1, maxLength: 80 }) });
const Reason = Type.String({ maxLength: 500 });
const Points = Type.Number({ minimum: -1000, maximum: 1000 });

const Message = Type.Object({ zh: Type.String({ maxLength: 200 }), en: Type.String({ maxLength: 200 }) });
const Rule = Type.Union([
  Type.Object({ type: Type.Literal('linear'), from: Type.Number(), to: Type.Number() }),
  Type.Object({ type: Type.Literal('perUnit'), per: Type.Number({ minimum: 0 }) }),
  Type.Object({ type: Type.Literal('perUnitAbove'), bound: Type.Number(), per: Type.Number({ minimum: 0 }) }),
  Type.Object({ type: Type.Literal('atLeast'), min: Type.Number() }),
  Type.Object({ type: Type.Literal('entered') }),
]);
const Line = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 80 }),
  name: Message,
  points: Type.Number({ minimum: 0, maximum: 1000 }),
  source: Type.Optional(Type.String({ maxLength: 80 })),
  rule: Rule,
  evidence: Type.Optional(Message),
});
const Lines = Type.Array(Line, { maxItems: 60 });
const Tree = Type.Object({
  name: Message,
  basics: Lines,
  stars: Type.Array(
    Type.Object({
      code: Type.String({ minLength: 1, maxLength: 40 }),
      name: Message,
      fullMarks: Type.Number({ minimum: 1, maximum: 1000 }),
      threshold: Type.Optional(Type.Number({ minimum: 0 })),
      items: Lines,
      deductions: Lines,
      bonuses: Lines,
      vetoes: Lines,
    }),
    { minItems: 1, maxItems: 10 },
  ),
  threshold: Type.Number({ minimum: 0 }),
  basicsRequired: Type.Boolean(),
  maxRisePerYear: Type.Integer({ minimum: 1, maximum: 10 }),
  quotas: Type.Array(Type.Object({ level: Type.Integer(), maxShare: Type.Number() }), { maxItems: 10 }),
  noticeDays: Type.Integer({ minimum: 1, maximum: 60 }),
  leaders: Type.Optional(
    Type.Array(
      Type.Object({
        post: Literals(leaderPosts),
        name: Message,
        lines: Type.Array(
          Type.Object({
            code: Type.String({ minLength: 1, maxLength: 80 }),
            name: Message,
            points: Type.Number({ minimum: 0, maximum: 100 }),
            source: Type.String({ minLength: 1, maxLength: 80 }),
            rule: Type.Union(Rule.anyOf.filter((r) => r.properties.type.const !== 'entered')),
          }),
          { minItems: 1, maxItems: 20 },
        ),
      }),
      { maxItems: leaderPosts.length },
    ),
  ),
});

export const assessmentRoutes: ModuleRoutes = async (base, { deps: appDeps }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { database } = appDeps;
  const deps: AssessmentDeps = { database };
  const repo = assessmentRepository(database.db);
  const scope = (request: FastifyRequest) => scopeOf(userOf(request));
  const tags = ['assessment'];

  // The tree and its sources
  app.get(
    '/api/assessment/sources',
    {
      config: { auth: 'assessment.read' },
      schema: { tags, summary: 'The registered sources of computed items' },
    },
    async () => ({ items: sourcesView() }),
  );

  app.get(
    '/api/assessment/trees/:year',
    {
      config: { auth: 'assessment.read' },
      schema: {
        tags,
        summary:
          'A year’s indicator tree (the default tree until one is saved) with its computed share of points',
        params: YearParams,
      },
    },
    async (request) => treeView(await repo.latestTree(request.params.year), request.params.year),
  );

  app.put(
    '/api/assessment/trees/:year',
    {
      config: { auth: 'assessment.approve' },
      schema: {
        tags,
        summary: 'Save a new version of a year’s tree (refused once the cycle has opened)',
        params: YearParams,
        body: Type.Object({ tree: Tree }),
      },
    },
    async (request) => {
      const row = await saveTree(deps, contextOf(request), request.params.year, request.body.tree);
      return treeView(row, row.year);
    },
  );

  // Cycles and sheets
  app.get(
    '/api/assessment/cycles',
    {
      config: { auth: 'assessment.read' },
      schema: { tags, summary: 'The years assessed, with sheet counts in scope' },
    },
    async (request) => cyclesView(database, scope(request)),
  );

  app.post(
    '/api/assessment/cycles/:year',
    {
      config: { auth: 'assessment.approve' },
      schema: {
        tags,
        summary: 'Open a year’s cycle: freeze its tree and give every village a score sheet',
        params: YearParams,
        response: { 200: Type.Object({ year: Type.Integer(), sheets: Type.Integer() }) },
      },
    },
    async (request) => {
      const r = await openCycle(deps, contextOf(request), request.params.year);
      return { year: r.cycle.year, sheets: r.sheets };
    },
  );

  app.get(
    '/api/assessment/cycles/:year/sheets',
    {
      config: { auth: 'assessment.read' },
      schema: {
        tags,
        summary: 'The year’s sheets in scope, ranked by total, with star scores and awards',
        params: YearParams,
        querystring: Type.Object({ status: Type.Optional(Literals(sheetStates)) }),
      },
    },
    async (request) =>
      sheetsView(database, scope(request), request.params.year, request.query.status ?? null),
  );

  app.get(
    '/api/assessment/cycles/:year/awards',
    {
      config: { auth: 'assessment.read' },
      schema: { tags, summary: 'Stars awarded in the year', params: YearParams },
    },
    async (request) => ({
      items: (await repo.awardsOf(scope(request), request.params.year)).map(presentAward),
    }),
  );

  app.get(
    '/api/assessment/sheets/:id',
    {
      config: { auth: 'assessment.read' },
      schema: {
        tags,
        summary: 'A score sheet: every line side by side, the score, the log',
        params: IdParams,
      },
    },
    async (request) => sheetView(database, userOf(request), scope(request), request.params.id),
  );

  app.post(
    '/api/assessment/sheets/:id/refresh',
    {
      config: { auth: 'assessment.self' },
      schema: { tags, summary: 'Recompute the computed lines from the live records', params: IdParams },
    },
    async (request) => {
      await refreshFigures(deps, scope(request), request.params.id, request.now);
      return sheetView(database, userOf(request), scope(request), request.params.id);
    },
  );

  app.put(
    '/api/assessment/sheets/:id/lines/:code/self',
    {
      config: { auth: 'assessment.self' },
      schema: {
        tags,
        summary: 'The village’s own points, note and evidence for a line',
        params: LineParams,
        body: Type.Object({
          points: Type.Optional(Type.Union([Points, Type.Null()])),
          note: Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()])),
          evidenceIds: Type.Optional(Type.Array(Id, { maxItems: 20 })),
        }),
        response: { 200: Type.Object({ ok: Type.Boolean() }) },
      },
    },
    async (request) => {
      await enterSelfScore(deps, contextOf(request), scope(request), {
        sheetId: request.params.id,
        code: request.params.code,
        ...request.body,
      });
      return { ok: true };
    },
  );

  app.get(
    '/api/assessment/sheets/:id/evidence',
    {
      config: { auth: 'assessment.read' },
      schema: {
        tags,
        summary: 'The village’s evidence, attached once and reused by any line',
        params: IdParams,
      },
    },
    async (request) => {
      const s = scope(request);
      const sheet = await sheetOrThrow(repo, s, request.params.id);
      return { items: (await repo.evidenceOfOrg(s, sheet.org_id)).map(presentEvidence) };
    },
  );

  app.post(
    '/api/assessment/sheets/:id/evidence',
    {
      config: { auth: 'assessment.self' },
      schema: {
        tags,
        summary: 'Attach a piece of evidence to the village (a file address or a link to a record)',
        params: IdParams,
        body: Type.Object({
          kind: Literals(evidenceKinds),
          title: Type.String({ minLength: 1, maxLength: 100 }),
          url: Type.String({ minLength: 2, maxLength: 500 }),
          note: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
        }),
      },
    },
    async (request) => ({
      item: presentEvidence(
        await attachEvidence(deps, contextOf(request), scope(request), {
          sheetId: request.params.id,
          ...request.body,
        }),
      ),
    }),
  );

  const move = (
    path: string,
    auth: 'assessment.self' | 'assessment.review' | 'assessment.approve',
    m: SheetMove,
    summary: string,
  ) =>
    app.post(
      `/api/assessment/sheets/:id/${path}`,
      { config: { auth }, schema: { tags, summary, params: IdParams } },
      async (request) => {
        await moveSheet(deps, contextOf(request), scope(request), { sheetId: request.params.id, move: m });
        return sheetView(database, userOf(request), scope(request), request.params.id);
      },
    );
  move('submit', 'assessment.self', 'submit', 'The village submits its self-assessment (figures refreshed)');
  move('complete-review', 'assessment.review', 'completeReview', 'The town completes its review');
  move('approve', 'assessment.approve', 'approve', 'The district approves the reviewed sheet');

  app.post(
    '/api/assessment/sheets/:id/return',
    {
      config: { auth: 'assessment.review' },
      schema: {
        tags,
        summary: 'The town returns the sheet to the village, with a reason',
        params: IdParams,
        body: Type.Object({ reason: Reason }),
      },
    },
    async (request) => {
      await moveSheet(deps, contextOf(request), scope(request), {
        sheetId: request.params.id,
        move: 'return',
        reason: request.body.reason,
      });
      return sheetView(database, userOf(request), scope(request), request.params.id);
    },
  );

  app.put(
    '/api/assessment/sheets/:id/lines/:code/review',
    {
      config: { auth: 'assessment.review' },
      schema: {
        tags,
        summary: 'The town sets a line’s points with a reason (null clears the adjustment)',
        params: LineParams,
        body: Type.Object({ points: Type.Union([Points, Type.Null()]), reason: Reason }),
        response: { 200: Type.Object({ ok: Type.Boolean() }) },
      },
    },
    async (request) => {
      await reviewLine(deps, contextOf(request), scope(request), {
        sheetId: request.params.id,
        code: request.params.code,
        ...request.body,
      });
      return { ok: true };
    },
  );

  // Notices, objections, awards
  app.post(
    '/api/assessment/cycles/:year/notices',
    {
      config: { auth: 'assessment.approve' },
      schema: {
        tags,
        summary: 'Publish the public notice of every approved sheet of the year',
        params: YearParams,
        body: Type.Optional(
          Type.Object({
            days: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
            title: Type.Optional(Type.String({ maxLength: 100 })),
          }),
        ),
      },
    },
    async (request) => {
      const r = await publishNotice(deps, contextOf(request), { year: request.params.year, ...request.body });
      return { item: presentNotice(r.notice), sheets: r.sheets };
    },
  );

  app.post(
    '/api/assessment/notices/:id/close',
    {
      config: { auth: 'assessment.approve' },
      schema: { tags, summary: 'Close a notice after its days: award the stars', params: IdParams },
    },
    async (request) => {
      const r = await closeNotice(deps, contextOf(request), request.params.id);
      return { item: presentNotice(r.notice), awards: r.awards.map(presentAward) };
    },
  );

  app.get(
    '/api/assessment/objections',
    {
      config: { auth: 'assessment.read' },
      schema: {
        tags,
        summary: 'Objections to the notices in scope, newest first, a page at a time',
        querystring: Type.Object({
          status: Type.Optional(Literals(['open', 'answered'] as const)),
          year: Type.Optional(Year),
          cursor: Type.Optional(Type.String({ maxLength: 100 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
        }),
      },
    },
    async (request) => {
      const q = request.query;
      const limit = q.limit ?? 50;
      const rows = await repo.objectionsOf(scope(request), {
        status: q.status,
        year: q.year,
        beforeId: keyAfter(q.cursor),
        limit: limit + 1,
      });
      const { page, nextCursor } = keysetPage(rows, limit);
      return { items: page.map(presentObjection), nextCursor };
    },
  );

  app.post(
    '/api/assessment/objections/:id/answer',
    {
      config: { auth: 'assessment.approve' },
      schema: {
        tags,
        summary: 'Answer an objection; the answer may change the line’s points',
        params: IdParams,
        body: Type.Object({
          answer: Reason,
          lineCode: Type.Optional(Type.Union([Type.String({ maxLength: 80 }), Type.Null()])),
          points: Type.Optional(Type.Union([Points, Type.Null()])),
        }),
      },
    },
    async (request) => ({
      item: presentObjection(
        await answerObjection(deps, contextOf(request), scope(request), {
          objectionId: request.params.id,
          ...request.body,
        }),
      ),
    }),
  );

  app.put(
    '/api/assessment/awards/:id',
    {
      config: { auth: 'assessment.approve' },
      schema: {
        tags,
        summary:
          'Set a village’s star level by hand, with a reason (within earned stars, the yearly rise and quota)',
        params: IdParams,
        body: Type.Object({ level: Type.Integer({ minimum: 0, maximum: 10 }), reason: Reason }),
      },
    },
    async (request) => ({
      item: presentAward(
        await setAward(deps, contextOf(request), scope(request), {
          awardId: request.params.id,
          ...request.body,
        }),
      ),
    }),
  );

  await publicRoutes(app, deps);
  await leaderRoutes(app, database);
};
