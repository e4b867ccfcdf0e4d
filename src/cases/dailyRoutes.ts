// HTTP routes for the daily work around cases: a role's home, the town's leaders per platform, and what residents
// added to a case (read by staff; residents write through the public routes).
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { contextOf, userOf } from '../platform/http/request.js';
import type { ModuleRoutes } from '../platform/http/module.js';
import { notFound } from '../platform/errors.js';
import { caseScopeOf } from './access.js';
import { platforms } from './catalogue/defaultCatalogue.js';
import { HOME_QUEUE_CAP, readHome } from './home.js';
import { CaseSummarySchema, presentCase } from './presenter.js';
import { caseRepository } from './repository.js';
import { readTownLeaders, setTownLeader } from './townLeaders.js';

export const FollowupSchema = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('info'), Type.Literal('callBack')]),
  text: Type.String(),
  phoneMasked: Type.Union([Type.String(), Type.Null()]),
  at: Type.Number(),
});

export function presentFollowup(r: {
  id: string;
  kind: string;
  text: string;
  phone_masked: string | null;
  created_at: number;
}) {
  return {
    id: r.id,
    kind: r.kind === 'callBack' ? ('callBack' as const) : ('info' as const),
    text: r.text,
    phoneMasked: r.phone_masked,
    at: r.created_at,
  };
}

const TownLeadersSchema = Type.Object({
  townId: Type.String(),
  townName: Type.String(),
  items: Type.Array(
    Type.Object({
      platform: Type.String(),
      userId: Type.Union([Type.String(), Type.Null()]),
      displayName: Type.Union([Type.String(), Type.Null()]),
      isChosen: Type.Boolean(),
    }),
  ),
  candidates: Type.Array(Type.Object({ id: Type.String(), displayName: Type.String() })),
});

export const caseDailyRoutes: ModuleRoutes = async (base, { deps }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { database } = deps;
  const db = database.db;

  app.get(
    '/api/cases/home',
    {
      config: { auth: 'case.read' },
      schema: {
        tags: ['cases'],
        summary: `The caller's home: my queue (overdue first, counted up to ${HOME_QUEUE_CAP}), due today, cards, recent ratings, scope figures`,
        response: {
          200: Type.Object({
            queue: Type.Object({
              count: Type.Integer(),
              isCapped: Type.Boolean(),
              overdue: Type.Integer(),
              dueToday: Type.Integer(),
              top: Type.Array(CaseSummarySchema),
            }),
            scope: Type.Object({
              open: Type.Integer(),
              yellow: Type.Integer(),
              red: Type.Integer(),
              yellowCards: Type.Integer(),
              redCards: Type.Integer(),
            }),
            recentRatings: Type.Array(CaseSummarySchema),
          }),
        },
      },
    },
    async (request) => {
      const now = request.now;
      const home = await readHome(db, database.dialect, userOf(request), now);
      return {
        queue: { ...home.queue, top: home.queue.top.map((c) => presentCase(c, now)) },
        scope: home.scope,
        recentRatings: home.recentRatings.map((c) => presentCase(c, now)),
      };
    },
  );

  app.get(
    '/api/cases/town-leaders/:townId',
    {
      config: { auth: 'case.command' },
      schema: {
        tags: ['cases'],
        summary: "The town's leader in charge (分管领导) per platform, and the town's accounts one may name",
        params: Type.Object({ townId: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 200: TownLeadersSchema },
      },
    },
    async (request) => readTownLeaders(db, database.dialect, userOf(request), request.params.townId),
  );

  app.put(
    '/api/cases/town-leaders/:townId',
    {
      config: { auth: 'case.command' },
      schema: {
        tags: ['cases'],
        summary: "Name the town's leader in charge of a platform (null: the town command centre's account)",
        params: Type.Object({ townId: Type.String({ minLength: 1, maxLength: 64 }) }),
        body: Type.Object({
          platform: Type.Union(platforms.map((p) => Type.Literal(p))),
          userId: Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()]),
        }),
        response: { 200: TownLeadersSchema },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const ctx = contextOf(request);
      await db
        .transaction()
        .execute((trx) =>
          setTownLeader(trx, database.dialect, ctx, actor, request.params.townId, request.body),
        );
      return readTownLeaders(db, database.dialect, actor, request.params.townId);
    },
  );

  app.get(
    '/api/cases/:id/followups',
    {
      config: { auth: 'case.read' },
      schema: {
        tags: ['cases'],
        summary: 'What the resident added to the case after reporting, and their call-back requests (masked)',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 200: Type.Object({ items: Type.Array(FollowupSchema) }) },
      },
    },
    async (request) => {
      const repo = caseRepository(db, database.dialect);
      const c = await repo.findVisible(await caseScopeOf(db, userOf(request)), request.params.id);
      if (c === undefined) {
        throw notFound();
      }
      return { items: (await repo.followups(c.id)).map(presentFollowup) };
    },
  );
};
