// HTTP routes of grid patrols (巡查).
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { crsList } from '../grids/index.js';
import { scopeOf } from '../access/index.js';
import { notFound } from '../platform/errors.js';
import { contextOf, userOf } from '../platform/http/request.js';
import type { ModuleRoutes } from '../platform/http/module.js';
import { addPatrolPoints } from './addPatrolPoints.js';
import { endPatrol } from './endPatrol.js';
import { PatrolPointSchema, PatrolSchema, presentPatrol, presentPoint } from './presenter.js';
import { patrolRepository } from './repository.js';
import { startPatrol } from './startPatrol.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const One = { 200: Type.Object({ item: PatrolSchema }) };

export const patrolRoutes: ModuleRoutes = async (base, { deps }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { database } = deps;
  const repo = patrolRepository(database.db);

  app.get(
    '/api/patrols',
    {
      config: { auth: 'grid.read' },
      schema: {
        tags: ['patrols'],
        summary: 'Patrols in scope, newest first, by grid or worker',
        querystring: Type.Object({
          gridId: Type.Optional(Type.String({ maxLength: 64 })),
          userId: Type.Optional(Type.String({ maxLength: 64 })),
          mine: Type.Optional(Type.Boolean()),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
          before: Type.Optional(Type.Number()),
        }),
        response: { 200: Type.Object({ items: Type.Array(PatrolSchema) }) },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const q = request.query;
      const rows = await repo.list(
        scopeOf(actor),
        { gridId: q.gridId, userId: q.mine === true ? actor.userId : q.userId },
        q.limit ?? 50,
        q.before ?? null,
      );
      return { items: rows.map(presentPatrol) };
    },
  );

  app.get(
    '/api/patrols/:id',
    {
      config: { auth: 'grid.read' },
      schema: {
        tags: ['patrols'],
        summary: 'One patrol with its track and notes',
        params: IdParams,
        response: {
          200: Type.Object({
            item: Type.Intersect([PatrolSchema, Type.Object({ points: Type.Array(PatrolPointSchema) })]),
          }),
        },
      },
    },
    async (request) => {
      const row = await repo.findById(scopeOf(userOf(request)), request.params.id);
      if (row === undefined) {
        throw notFound();
      }
      return { item: { ...presentPatrol(row), points: (await repo.points(row.id)).map(presentPoint) } };
    },
  );

  app.post(
    '/api/patrols',
    {
      config: { auth: 'patrol.own' },
      schema: {
        tags: ['patrols'],
        summary: 'Start a patrol of a grid the caller serves',
        body: Type.Object({ gridId: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: One,
      },
    },
    async (request) => ({
      item: presentPatrol(await startPatrol(database, contextOf(request), request.body.gridId)),
    }),
  );

  app.post(
    '/api/patrols/:id/points',
    {
      config: { auth: 'patrol.own' },
      schema: {
        tags: ['patrols'],
        summary: 'Add track points and notes to the caller’s running patrol',
        params: IdParams,
        body: Type.Object({
          crs: Type.Optional(Type.Union(crsList.map((c) => Type.Literal(c)))),
          points: Type.Array(
            Type.Object({
              at: Type.Optional(Type.Number()),
              lng: Type.Number({ minimum: -180, maximum: 180 }),
              lat: Type.Number({ minimum: -90, maximum: 90 }),
              accuracyM: Type.Optional(Type.Union([Type.Number({ minimum: 0 }), Type.Null()])),
              note: Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()])),
            }),
            { minItems: 1, maxItems: 500 },
          ),
        }),
        response: One,
      },
    },
    async (request) => ({
      item: presentPatrol(
        await addPatrolPoints(database, contextOf(request), {
          patrolId: request.params.id,
          crs: request.body.crs ?? 'wgs84',
          points: request.body.points,
        }),
      ),
    }),
  );

  app.post(
    '/api/patrols/:id/end',
    {
      config: { auth: 'patrol.own' },
      schema: {
        tags: ['patrols'],
        summary: 'End the caller’s running patrol',
        params: IdParams,
        body: Type.Object({
          note: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
        }),
        response: One,
      },
    },
    async (request) => ({
      item: presentPatrol(
        await endPatrol(database, contextOf(request), {
          patrolId: request.params.id,
          note: request.body.note ?? null,
        }),
      ),
    }),
  );
};
