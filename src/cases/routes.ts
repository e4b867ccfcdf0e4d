// HTTP routes of cases for staff: lists and queues, the case page, intake, workflow actions, reveal, export.
import { DAY_MS, localDate, startOfLocalDay } from '../platform/time.js';
import { Type, type Static, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { recordAudit } from '../audit/index.js';
import { getGridIndex } from '../grids/index.js';
import { orgDirectory } from '../orgs/index.js';
import { AppError, notFound } from '../platform/errors.js';
import { contextOf, userOf } from '../platform/http/request.js';
import type { ModuleRoutes } from '../platform/http/module.js';
import { caseScopeOf } from './access.js';
import { catalogueRepository } from './catalogue/repository.js';
import { caseDetailOf } from './caseDetail.js';
import { caseDailyRoutes } from './dailyRoutes.js';
import { exportCases } from './exportCases.js';
import { resolveCallBack } from './feedback/resolveCallBack.js';
import { submitReport } from './intake/submitReport.js';
import { processPhotos } from '../platform/images.js';
import { CaseSummarySchema, presentCase, presentStep, StepSchema } from './presenter.js';
import { maskPersonalText } from './publicText.js';
import { caseRepository, type CaseListFilter, type CaseRow } from './repository.js';
import { ActionBodySchema, PHOTO_BODY_LIMIT, StaffReportBodySchema } from './schemas.js';
import { recordGuardRefusal } from './hooks.js';
import { applyCaseAction } from './workflow/applyCaseAction.js';
import { bulkDispatch } from './workflow/bulkDispatch.js';
import { queueOf } from './workflow/queues.js';
import { caseStates, isOpenState, type CaseState } from './workflow/stateMachine.js';

const ListQuery = Type.Object({
  state: Type.Optional(Type.String({ maxLength: 200 })),
  category: Type.Optional(Type.String({ maxLength: 20 })),
  net: Type.Optional(Type.String({ maxLength: 30 })),
  platform: Type.Optional(Type.String({ maxLength: 30 })),
  source: Type.Optional(Type.String({ maxLength: 30 })),
  urgency: Type.Optional(Type.String({ maxLength: 10 })),
  orgId: Type.Optional(Type.String({ maxLength: 64 })),
  gridId: Type.Optional(Type.String({ maxLength: 64 })),
  departmentId: Type.Optional(Type.String({ maxLength: 64 })),
  light: Type.Optional(Type.Union([Type.Literal('green'), Type.Literal('yellow'), Type.Literal('red')])),
  from: Type.Optional(Type.Integer({ minimum: 0 })),
  to: Type.Optional(Type.Integer({ minimum: 0 })),
  closedFrom: Type.Optional(Type.Integer({ minimum: 0 })),
  closedTo: Type.Optional(Type.Integer({ minimum: 0 })),
  card: Type.Optional(Type.Union([Type.Literal('yellow'), Type.Literal('red')])),
  /** Open, running cases due before the end of today (district time), not yet overdue. */
  due: Type.Optional(Type.Literal('today')),
  q: Type.Optional(Type.String({ maxLength: 50 })),
  queue: Type.Optional(Type.Union([Type.Literal('actionable'), Type.Literal('watching')])),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 100 })),
});

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** Open cases a party to them may be watching (drafts are their writer's alone). */
const WATCHED_STATES: CaseState[] = caseStates.filter((st) => isOpenState(st) && st !== 'draft');

const InputsSchema = Type.Array(
  Type.Union([
    Type.Literal('comment'),
    Type.Literal('department'),
    Type.Literal('minutes'),
    Type.Literal('target'),
    Type.Literal('photo'),
    Type.Literal('card'),
    Type.Literal('isPublic'),
  ]),
);

export const caseRoutes: ModuleRoutes = async (base, { deps }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { database } = deps;
  const db = database.db;
  const repo = caseRepository(db, database.dialect);
  // The home, the town's leaders and residents' follow-ups; before /api/cases/:id so their paths stay static.
  await caseDailyRoutes(base, { deps });

  const filterFrom = async (q: Static<typeof ListQuery>, now: number): Promise<CaseListFilter> => {
    let after: CaseListFilter['after'];
    if (q.cursor !== undefined) {
      const [at, id] = Buffer.from(q.cursor, 'base64url').toString().split(':');
      if (at === undefined || id === undefined || !/^\d+$/.test(at)) {
        throw new AppError('request.invalid', { errors: [{ field: 'cursor', message: 'invalid cursor' }] });
      }
      after = { reportedAt: Number(at), id };
    }
    let orgPath: string | undefined;
    if (q.orgId !== undefined) {
      orgPath = (await orgDirectory(db, database.dialect).findByIdUnscoped(q.orgId))?.path ?? '/none/';
    }
    return {
      states: q.state?.split(',').filter((s) => s !== ''),
      categoryCode: q.category,
      net: q.net,
      platform: q.platform,
      source: q.source,
      urgency: q.urgency,
      orgPath,
      gridId: q.gridId,
      departmentId: q.departmentId,
      light: q.light,
      from: q.from,
      to: q.to,
      closedFrom: q.closedFrom,
      closedTo: q.closedTo,
      card: q.card,
      dueBefore: q.due === 'today' ? startOfLocalDay(now) + DAY_MS : undefined,
      text: q.q?.trim(),
      after,
      limit: (q.limit ?? 50) + 1,
      now,
    };
  };
  const cursorOf = (rows: CaseRow[], limit: number) => {
    const last = rows[limit - 1];
    return rows.length > limit && last !== undefined
      ? Buffer.from(`${last.reported_at}:${last.id}`).toString('base64url')
      : null;
  };

  app.get(
    '/api/cases',
    {
      config: { auth: 'case.read' },
      schema: {
        tags: ['cases'],
        summary:
          'Cases in scope with filters, newest first, keyset-paged; queue=actionable|watching for my queue',
        querystring: ListQuery,
        response: {
          200: Type.Object({
            items: Type.Array(CaseSummarySchema),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
        },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const now = request.now;
      const filter = await filterFrom(request.query, now);
      if (request.query.queue === 'actionable') {
        filter.actionable = queueOf(actor.active.role);
      } else if (request.query.queue === 'watching') {
        filter.partyUserId = actor.userId;
        filter.states = filter.states ?? WATCHED_STATES;
      }
      const limit = request.query.limit ?? 50;
      const rows = await repo.list(await caseScopeOf(db, actor), filter);
      return {
        items: rows.slice(0, limit).map((r) => presentCase(r, now)),
        nextCursor: cursorOf(rows, limit),
      };
    },
  );

  app.get(
    '/api/cases/open-counts',
    {
      config: { auth: 'case.read' },
      schema: {
        tags: ['cases'],
        summary: 'Open cases in scope, or of one grid, with how many are yellow and red',
        querystring: Type.Object({ gridId: Type.Optional(Type.String({ maxLength: 64 })) }),
        response: { 200: Type.Object({ open: Type.Integer(), yellow: Type.Integer(), red: Type.Integer() }) },
      },
    },
    async (request) =>
      repo.openCounts(await caseScopeOf(db, userOf(request)), request.query.gridId, request.now),
  );

  app.get(
    '/api/cases/export.xlsx',
    {
      config: { auth: 'case.export' },
      schema: {
        tags: ['cases'],
        summary: 'Streamed .xlsx export of a filtered case list (reporters masked)',
        querystring: ListQuery,
      },
    },
    async (request, reply) => {
      const actor = userOf(request);
      const filter = await filterFrom(request.query, request.now);
      const scope = await caseScopeOf(db, actor);
      await recordAudit(db, contextOf(request), {
        action: 'case.export',
        entityType: 'case',
        entityId: null,
        orgPath: actor.active.orgPath,
        // The audit is kept for good: a search term that is a phone or ID number is kept masked.
        detail: {
          filter:
            request.query.q === undefined
              ? request.query
              : { ...request.query, q: maskPersonalText(request.query.q) },
        },
      });
      void reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="cases-${localDate(request.now)}.xlsx"`);
      return reply.send(exportCases(repo, scope, filter, await catalogueRepository(db).all(), request.now));
    },
  );

  app.post(
    '/api/cases',
    {
      config: { auth: 'case.report' },
      bodyLimit: PHOTO_BODY_LIMIT,
      schema: {
        tags: ['cases'],
        summary: 'Report a case (patrol, hotline, walk-in); honours Idempotency-Key',
        headers: Type.Object({
          'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })),
        }),
        body: StaffReportBodySchema,
      },
    },
    async (request, reply) => {
      const actor = userOf(request);
      const body = request.body;
      const photos = await processPhotos(body.photos ?? []);
      const index = await getGridIndex(database);
      const key = request.headers['idempotency-key'];
      const result = await submitReport(
        database,
        {
          dialect: database.dialect,
          cipher: deps.services.cipher,
          locate: (lng, lat) => index.locate(lng, lat),
        },
        contextOf(request),
        actor,
        {
          ...body,
          source: body.source ?? (actor.active.role === 'gridWorker' ? 'patrol' : 'hotline'),
          photos,
        },
        key === undefined ? null : { key, namespace: `u:${actor.userId}` },
      );
      return reply.code(result.isReplay ? 200 : 201).send(result.answer);
    },
  );

  app.get(
    '/api/cases/:id',
    {
      config: { auth: 'case.read' },
      schema: {
        tags: ['cases'],
        summary:
          'A case with its steps, parties, photos, duplicates, suggested route and the actions the caller may take',
        params: IdParams,
        response: {
          200: Type.Object({
            item: CaseSummarySchema,
            extra: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
            steps: Type.Array(StepSchema),
            parties: Type.Array(
              Type.Object({
                role: Type.String(),
                userId: Type.Union([Type.String(), Type.Null()]),
                orgId: Type.Union([Type.String(), Type.Null()]),
                name: Type.Union([Type.String(), Type.Null()]),
              }),
            ),
            photos: Type.Array(
              Type.Object({
                id: Type.String(),
                stepSeq: Type.Integer(),
                width: Type.Integer(),
                height: Type.Integer(),
              }),
            ),
            duplicates: Type.Array(
              Type.Object({
                id: Type.String(),
                description: Type.String(),
                distanceM: Type.Number(),
                reportedAt: Type.Number(),
              }),
            ),
            suggestedDepartmentId: Type.Union([Type.String(), Type.Null()]),
            routeReason: Type.String(),
            allowedActions: Type.Array(Type.String()),
            /** What each allowed workflow action's request must carry (needs) and may carry (accepts). */
            actionInputs: Type.Record(
              Type.String(),
              Type.Object({ needs: InputsSchema, accepts: InputsSchema }),
            ),
            names: Type.Record(Type.String(), Type.String()),
          }),
        },
      },
    },
    async (request) =>
      caseDetailOf(database, userOf(request), request.params.id, {
        now: request.now,
        isEnglish: request.headers['accept-language']?.startsWith('en') === true,
      }),
  );

  app.post(
    '/api/cases/:id/actions',
    {
      config: { auth: 'case.read' },
      bodyLimit: PHOTO_BODY_LIMIT,
      schema: {
        tags: ['cases'],
        summary: 'Apply a workflow action (the rules table decides by state and seat)',
        params: IdParams,
        body: ActionBodySchema,
        response: { 200: Type.Object({ item: CaseSummarySchema, step: StepSchema }) },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const ctx = contextOf(request);
      const photos = await processPhotos(request.body.photos ?? []);
      const result = await db
        .transaction()
        .execute((trx) =>
          applyCaseAction(trx, database.dialect, ctx, { kind: 'user', actor }, request.params.id, {
            ...request.body,
            photos,
          }),
        )
        .catch(async (error: unknown) => {
          await recordGuardRefusal(db, error);
          throw error;
        });
      return { item: presentCase(result.case, ctx.now), step: presentStep(result.step) };
    },
  );

  app.post(
    '/api/cases/bulk-dispatch',
    {
      config: { auth: 'case.command' },
      schema: {
        tags: ['cases'],
        summary: 'Dispatch several registered cases, each to the given department or its routed one',
        body: Type.Object({
          caseIds: Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 200 }),
          departmentId: Type.Optional(Type.String({ maxLength: 64 })),
        }),
        response: {
          200: Type.Object({
            dispatched: Type.Array(Type.String()),
            failed: Type.Array(Type.Object({ id: Type.String(), code: Type.String() })),
          }),
        },
      },
    },
    async (request) =>
      bulkDispatch(
        database,
        contextOf(request),
        userOf(request),
        request.body.caseIds,
        request.body.departmentId,
      ),
  );

  app.get(
    '/api/cases/:id/photos/:photoId',
    {
      config: { auth: 'case.read' },
      schema: {
        tags: ['cases'],
        summary: 'A case photo (metadata stripped)',
        params: Type.Object({ id: Type.String({ maxLength: 64 }), photoId: Type.String({ maxLength: 64 }) }),
      },
    },
    async (request, reply) => {
      const actor = userOf(request);
      const c = await repo.findVisible(await caseScopeOf(db, actor), request.params.id);
      const photo = c === undefined ? undefined : await repo.photo(c.id, request.params.photoId);
      if (photo === undefined) {
        throw notFound();
      }
      return reply
        .header('cache-control', 'private, max-age=86400')
        .type(photo.mime)
        .send(Buffer.from(photo.bytes));
    },
  );

  app.post(
    '/api/cases/:id/reveal',
    {
      config: { auth: 'case.revealReporter' },
      schema: {
        tags: ['cases'],
        summary: 'Reveal the reporter’s name and phone, with a reason (audited)',
        params: IdParams,
        body: Type.Object({ reason: Type.String({ minLength: 2, maxLength: 200 }) }),
        response: {
          200: Type.Object({
            name: Type.Union([Type.String(), Type.Null()]),
            phone: Type.Union([Type.String(), Type.Null()]),
            /** The description as typed, when it held personal numbers (stored masked otherwise). */
            description: Type.Union([Type.String(), Type.Null()]),
          }),
        },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const ctx = contextOf(request);
      const c = await repo.findVisible(await caseScopeOf(db, actor), request.params.id);
      if (c === undefined) {
        throw notFound();
      }
      await recordAudit(db, ctx, {
        action: 'case.revealReporter',
        entityType: 'case',
        entityId: c.id,
        orgPath: c.org_path,
        detail: { reason: request.body.reason },
      });
      const cipher = deps.services.cipher;
      return {
        name: c.reporter_name_enc === null ? null : cipher.decrypt(c.reporter_name_enc),
        phone: c.reporter_phone_enc === null ? null : cipher.decrypt(c.reporter_phone_enc),
        description: c.description_enc === null ? null : cipher.decrypt(c.description_enc),
      };
    },
  );

  app.post(
    '/api/cases/:id/callback',
    {
      config: { auth: 'case.command' },
      schema: {
        tags: ['cases'],
        summary: 'Record the call-back after a bad rating: solved, or reopen for a redo',
        params: IdParams,
        body: Type.Object({
          result: Type.Union([Type.Literal('solved'), Type.Literal('reopen')]),
          comment: Type.String({ minLength: 1, maxLength: 1000 }),
        }),
      },
    },
    async (request, reply) => {
      const actor = userOf(request);
      const ctx = contextOf(request);
      await db
        .transaction()
        .execute((trx) =>
          resolveCallBack(trx, database.dialect, ctx, actor, request.params.id, request.body),
        );
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/departments',
    {
      config: { auth: 'case.read' },
      schema: {
        tags: ['cases'],
        summary: 'Departments a case can be dispatched to',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                name: Type.String(),
                type: Type.String(),
                parentId: Type.Union([Type.String(), Type.Null()]),
              }),
            ),
          }),
        },
      },
    },
    async () => {
      const rows = await orgDirectory(db, database.dialect).activeAtLevel('department');
      return { items: rows.map((r) => ({ id: r.id, name: r.name, type: r.type, parentId: r.parent_id })) };
    },
  );
};
