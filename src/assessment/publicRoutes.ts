// HTTP routes of the public notice (公示) of star results: no account; only sheets placed in a notice, their star
// scores and levels, the objection channel while a notice runs and an objection's answer read back by its code.
// The answers are described here, so the console's public page gets its types from the generated schema.
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { contextOf } from '../platform/http/request.js';
import type { AssessmentDeps } from './deps.js';
import { fileObjection } from './fileObjection.js';
import { publicNoticesView, publicNoticeView, publicObjectionView } from './views.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const MessageSchema = Type.Object({ zh: Type.String(), en: Type.String() });

const Notice = Type.Object({
  id: Type.String(),
  year: Type.Integer(),
  title: Type.String(),
  startsAt: Type.Integer(),
  endsAt: Type.Integer(),
  status: Type.String(),
  closedAt: Nullable(Type.Integer()),
});

const PublicObjection = Type.Object({
  lineCode: Nullable(Type.String()),
  status: Type.String(),
  answer: Nullable(Type.String()),
  changedPoints: Nullable(Type.Number()),
  createdAt: Type.Integer(),
  answeredAt: Nullable(Type.Integer()),
});

const NoticeAnswer = Type.Object({
  item: Notice,
  stars: Type.Array(Type.Object({ code: Type.String(), name: MessageSchema })),
  lines: Type.Array(Type.Object({ code: Type.String(), star: Nullable(Type.String()), name: MessageSchema })),
  threshold: Type.Number(),
  villages: Type.Array(
    Type.Object({
      sheetId: Type.String(),
      orgName: Type.String(),
      townName: Nullable(Type.String()),
      basicsPassed: Type.Boolean(),
      stars: Type.Array(Type.Object({ code: Type.String(), score: Type.Number(), isEarned: Type.Boolean() })),
      total: Type.Number(),
      previousLevel: Type.Integer(),
      level: Nullable(Type.Integer()),
      movement: Nullable(Type.String()),
      objections: Type.Array(PublicObjection),
    }),
  ),
});

export async function publicRoutes(base: FastifyInstance, deps: AssessmentDeps): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { database } = deps;
  const tags = ['public'];

  app.get(
    '/api/public/assessment/notices',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'Public notices of star results, newest first',
        response: { 200: Type.Object({ items: Type.Array(Notice) }) },
      },
    },
    async () => publicNoticesView(database),
  );

  app.get(
    '/api/public/assessment/notices/:id',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'A public notice: the villages, their star scores and levels',
        params: Type.Object({ id: Id }),
        response: { 200: NoticeAnswer },
      },
    },
    async (request) => publicNoticeView(database, request.params.id),
  );

  app.post(
    '/api/public/assessment/notices/:id/objections',
    {
      config: { auth: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Object to a village’s result while the notice runs; returns the code to read the answer',
        params: Type.Object({ id: Id }),
        body: Type.Object({
          sheetId: Id,
          lineCode: Type.Optional(Type.Union([Type.String({ maxLength: 80 }), Type.Null()])),
          body: Type.String({ minLength: 5, maxLength: 2000 }),
        }),
        response: { 200: Type.Object({ code: Type.String() }) },
      },
    },
    async (request) => {
      const row = await fileObjection(deps, contextOf(request), {
        noticeId: request.params.id,
        ...request.body,
      });
      return { code: row.code };
    },
  );

  app.get(
    '/api/public/assessment/objections/:code',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'An objection’s status and answer, by its code',
        params: Type.Object({ code: Type.String({ minLength: 6, maxLength: 40 }) }),
        response: {
          200: Type.Object({ item: Type.Object({ ...PublicObjection.properties, orgName: Type.String() }) }),
        },
      },
    },
    async (request) => publicObjectionView(database, request.params.code),
  );
}
