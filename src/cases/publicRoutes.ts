// Routes for residents without an account: the catalogue, category suggestions, reporting, tracking and rating.
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { getGridIndex } from '../grids/index.js';
import { contextOf } from '../platform/http/request.js';
import type { ModuleRoutes } from '../platform/http/module.js';
import { notFound } from '../platform/errors.js';
import { catalogueRepository, type Category } from './catalogue/repository.js';
import { FollowupSchema, presentFollowup } from './dailyRoutes.js';
import { addFollowup } from './feedback/addFollowup.js';
import { rateCase, type Rating } from './feedback/rateCase.js';
import { suggestCategories } from './intake/suggestCategories.js';
import { submitReport } from './intake/submitReport.js';
import { processPhotos } from '../platform/images.js';
import { presentPublicCase, PublicCaseSchema } from './presenter.js';
import { caseRepository } from './repository.js';
import { PHOTO_BODY_LIMIT, ReportBodySchema } from './schemas.js';

export const CategorySchema = Type.Object({
  code: Type.String(),
  parentCode: Type.Union([Type.String(), Type.Null()]),
  depth: Type.Integer(),
  name: Type.String(),
  kind: Type.String(),
  net: Type.String(),
  platform: Type.String(),
  selfHandle: Type.Boolean(),
  fields: Type.Array(
    Type.Object({
      code: Type.String(),
      type: Type.String(),
      name: Type.String(),
      required: Type.Boolean(),
      values: Type.Array(Type.Object({ key: Type.String(), name: Type.String() })),
    }),
  ),
});

export function presentCategory(c: Category, en: boolean) {
  return {
    code: c.code,
    parentCode: c.parentCode,
    depth: c.depth,
    name: en ? c.name.en : c.name.zh,
    kind: c.kind,
    net: c.net,
    platform: c.platform,
    selfHandle: c.selfHandle,
    fields: c.fields.map((f) => ({
      code: f.code,
      type: f.type,
      name: en ? f.name.en : f.name.zh,
      required: f.required,
      values: (f.values ?? []).map((v) => ({ key: v.key, name: en ? v.name.en : v.name.zh })),
    })),
  };
}

const TrackingParams = Type.Object({ code: Type.String({ pattern: '^TZ[0-9]{6}[2-9A-Z]{10}$' }) });

export const publicCaseRoutes: ModuleRoutes = async (base, { deps }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { database } = deps;
  const db = database.db;
  const isEn = (h: string | undefined) => h?.startsWith('en') === true;

  app.get(
    '/api/public/catalogue',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['public'],
        summary: 'The active case categories',
        response: { 200: Type.Object({ items: Type.Array(CategorySchema) }) },
      },
    },
    async (request) => ({
      items: (await catalogueRepository(db).all())
        .filter((c) => c.active)
        .map((c) => presentCategory(c, isEn(request.headers['accept-language']))),
    }),
  );

  app.get(
    '/api/public/suggest',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['public'],
        summary: 'Categories suggested from a description',
        querystring: Type.Object({ text: Type.String({ minLength: 1, maxLength: 500 }) }),
        response: { 200: Type.Object({ items: Type.Array(CategorySchema) }) },
      },
    },
    async (request) => ({
      items: suggestCategories(await catalogueRepository(db).all(), request.query.text).map((c) =>
        presentCategory(c, isEn(request.headers['accept-language'])),
      ),
    }),
  );

  app.post(
    '/api/public/cases',
    {
      config: { auth: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      bodyLimit: PHOTO_BODY_LIMIT,
      schema: {
        tags: ['public'],
        summary: 'Report a problem without an account; answers a tracking code. Honours Idempotency-Key',
        headers: Type.Object({
          'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })),
        }),
        body: ReportBodySchema,
        response: {
          '2xx': Type.Object({
            trackingCode: Type.String(),
            state: Type.String(),
            duplicateCount: Type.Integer(),
          }),
        },
      },
    },
    async (request, reply) => {
      const photos = await processPhotos(request.body.photos ?? []);
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
        null,
        { ...request.body, orgId: undefined, source: 'resident', photos },
        key === undefined ? null : { key, namespace: 'public' },
      );
      // The public learns how many similar reports are open nearby, nothing of them.
      return reply.code(result.isReplay ? 200 : 201).send({
        trackingCode: result.answer.trackingCode,
        state: result.answer.state,
        duplicateCount: result.answer.duplicateCount,
      });
    },
  );

  app.get(
    '/api/public/cases/:code',
    {
      config: { auth: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: 'Follow a case by its tracking code',
        params: TrackingParams,
        response: { 200: PublicCaseSchema },
      },
    },
    async (request) => {
      const repo = caseRepository(db, database.dialect);
      const c = await repo.findByTracking(request.params.code);
      if (c === undefined) {
        throw notFound();
      }
      const [steps, photos] = await Promise.all([repo.steps(c.id), repo.photos(c.id)]);
      const merged =
        c.merged_into_id === null ? null : ((await repo.findById(c.merged_into_id))?.tracking_code ?? null);
      return presentPublicCase(
        c,
        steps,
        photos.filter((p) => p.step_seq === 1).map((p) => p.id),
        merged,
        request.now,
      );
    },
  );

  app.get(
    '/api/public/cases/:code/photos/:photoId',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['public'],
        summary: 'A photo the reporter sent (metadata stripped)',
        params: Type.Intersect([TrackingParams, Type.Object({ photoId: Type.String({ maxLength: 64 }) })]),
      },
    },
    async (request, reply) => {
      const repo = caseRepository(db, database.dialect);
      const c = await repo.findByTracking(request.params.code);
      const photo = c === undefined ? undefined : await repo.photo(c.id, request.params.photoId);
      if (photo === undefined || photo.step_seq !== 1) {
        throw notFound();
      }
      return reply.type(photo.mime).send(Buffer.from(photo.bytes));
    },
  );

  app.post(
    '/api/public/cases/:code/rating',
    {
      config: { auth: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: 'Rate a closed case: 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意',
        params: TrackingParams,
        body: Type.Object({
          rating: Type.Union([1, 2, 3, 4, 5].map((n) => Type.Literal(n))),
          comment: Type.Optional(Type.String({ maxLength: 500 })),
        }),
        response: { 200: PublicCaseSchema },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      await db
        .transaction()
        .execute((trx) =>
          rateCase(
            trx,
            database.dialect,
            ctx,
            request.params.code,
            request.body.rating as Rating,
            request.body.comment?.trim() ?? null,
          ),
        );
      const repo = caseRepository(db, database.dialect);
      const c = (await repo.findByTracking(request.params.code))!;
      // The reporter's own photos stay on the page after rating.
      const photos = (await repo.photos(c.id)).filter((p) => p.step_seq === 1).map((p) => p.id);
      return presentPublicCase(c, await repo.steps(c.id), photos, null, ctx.now);
    },
  );

  app.get(
    '/api/public/cases/:code/followups',
    {
      config: { auth: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: 'What the reporter added to the case and the call-backs they asked for (numbers masked)',
        params: TrackingParams,
        response: { 200: Type.Object({ items: Type.Array(FollowupSchema) }) },
      },
    },
    async (request) => {
      const repo = caseRepository(db, database.dialect);
      const c = await repo.findByTracking(request.params.code);
      if (c === undefined) {
        throw notFound();
      }
      return { items: (await repo.followups(c.id)).map(presentFollowup) };
    },
  );

  app.post(
    '/api/public/cases/:code/followups',
    {
      config: { auth: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: 'Add information to the case (info) or ask the command centre to call back (callBack)',
        params: TrackingParams,
        body: Type.Object({
          kind: Type.Union([Type.Literal('info'), Type.Literal('callBack')]),
          text: Type.String({ minLength: 2, maxLength: 1000 }),
          phone: Type.Optional(Type.String({ pattern: '^1[0-9]{10}$' })),
        }),
        response: { 201: Type.Object({ items: Type.Array(FollowupSchema) }) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const c = await db
        .transaction()
        .execute((trx) =>
          addFollowup(trx, database.dialect, deps.services.cipher, ctx, request.params.code, request.body),
        );
      const repo = caseRepository(db, database.dialect);
      return reply.code(201).send({ items: (await repo.followups(c.id)).map(presentFollowup) });
    },
  );
};
