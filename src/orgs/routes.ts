// HTTP routes of the organisation module.
import { Type } from '@fastify/type-provider-typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { scopeOf } from '../access/index.js';
import { contextOf, userOf } from '../platform/http/request.js';
import type { ModuleRoutes } from '../platform/http/module.js';
import { notFound } from '../platform/errors.js';
import { fromDbJson } from '../platform/db/database.js';
import { createOrg } from './createOrg.js';
import { dissolveOrg } from './dissolveOrg.js';
import { orgLevels } from './levels.js';
import { mergeOrg } from './mergeOrg.js';
import { moveOrg } from './moveOrg.js';
import { OrgSchema, presentOrg } from './presenter.js';
import { renameOrg } from './renameOrg.js';
import { orgRepository } from './repository.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Name = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });
const OneOrg = Type.Object({ item: OrgSchema });
const EventSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  at: Type.Number(),
  actorName: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
});
const Page = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });

export const orgRoutes: ModuleRoutes = async (base, { deps }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const repo = orgRepository(deps.database.db, deps.database.dialect);

  const withCounts = async (rows: Awaited<ReturnType<typeof repo.children>>) => {
    const counts = await repo.childCounts(rows.map((r) => r.id));
    return rows.map((r) => presentOrg(r, counts.get(r.id) ?? 0));
  };

  app.get(
    '/api/orgs/roots',
    {
      config: { auth: 'org.read' },
      schema: {
        tags: ['orgs'],
        summary: 'The top organisations of the caller’s scope',
        response: { 200: Type.Object({ items: Type.Array(OrgSchema) }) },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const root = await repo.findById(scopeOf(actor), actor.active.orgId);
      return { items: root === undefined ? [] : await withCounts([root]) };
    },
  );

  app.get(
    '/api/orgs',
    {
      config: { auth: 'org.read' },
      schema: {
        tags: ['orgs'],
        summary: 'Search organisations by name or code within scope',
        querystring: Type.Object({
          q: Type.String({ minLength: 1, maxLength: 50 }),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(OrgSchema) }) },
      },
    },
    async (request) => {
      const rows = await repo.search(
        scopeOf(userOf(request)),
        request.query.q.trim(),
        request.query.limit ?? 20,
      );
      return { items: await withCounts(rows) };
    },
  );

  app.get(
    '/api/orgs/:id',
    {
      config: { auth: 'org.read' },
      schema: {
        tags: ['orgs'],
        summary: 'One organisation with its ancestors and subtree counts',
        params: IdParams,
        response: {
          200: Type.Object({
            item: Type.Intersect([
              OrgSchema,
              Type.Object({
                ancestors: Type.Array(
                  Type.Object({ id: Type.String(), name: Type.String(), level: Type.String() }),
                ),
                counts: Type.Record(Type.String(), Type.Number()),
              }),
            ]),
          }),
        },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const scope = scopeOf(actor);
      const row = await repo.findById(scope, request.params.id);
      if (row === undefined) {
        throw notFound();
      }
      const ancestorIds = row.path.split('/').filter((s) => s !== '' && s !== row.id);
      const ancestors = (await repo.byIds(ancestorIds))
        .filter((a) => a.path.startsWith(scope.path))
        .sort((a, b) => a.depth - b.depth)
        .map((a) => ({ id: a.id, name: a.name, level: a.level }));
      const [item] = await withCounts([row]);
      return { item: { ...item!, ancestors, counts: await repo.rollup(row.id) } };
    },
  );

  app.get(
    '/api/orgs/:id/children',
    {
      config: { auth: 'org.read' },
      schema: {
        tags: ['orgs'],
        summary: 'Children of an organisation, keyset-paged',
        params: IdParams,
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
          cursor: Type.Optional(Type.String({ maxLength: 300 })),
        }),
        response: { 200: Page(OrgSchema) },
      },
    },
    async (request) => {
      const scope = scopeOf(userOf(request));
      const parent = await repo.findById(scope, request.params.id);
      if (parent === undefined) {
        throw notFound();
      }
      const limit = request.query.limit ?? 100;
      const after =
        request.query.cursor === undefined ? null : Buffer.from(request.query.cursor, 'base64url').toString();
      const rows = await repo.children(scope, parent.id, limit + 1, after);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      const nextCursor =
        rows.length > limit && last !== undefined
          ? Buffer.from(`${last.sort_key}\u0000${last.id}`).toString('base64url')
          : null;
      return { items: await withCounts(page), nextCursor };
    },
  );

  const present = async (row: Awaited<ReturnType<typeof repo.findByIdUnscoped>>) => {
    if (row === undefined) {
      throw notFound();
    }
    const [item] = await withCounts([row]);
    return { item: item! };
  };
  app.post(
    '/api/orgs',
    {
      config: { auth: 'org.write' },
      schema: {
        tags: ['orgs'],
        summary: 'Create an organisation under a parent',
        body: Type.Object({
          parentId: Type.String({ minLength: 1, maxLength: 64 }),
          level: Type.Union(orgLevels.map((l) => Type.Literal(l))),
          type: Type.String({ minLength: 1, maxLength: 40 }),
          name: Name,
          code: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
          foundedOn: Type.Optional(Type.Union([Type.String({ format: 'date' }), Type.Null()])),
        }),
        response: { 200: OneOrg },
      },
    },
    async (request) => {
      const org = await createOrg(deps.database, contextOf(request), scopeOf(userOf(request)), request.body);
      return present(org);
    },
  );

  app.post(
    '/api/orgs/:id/rename',
    {
      config: { auth: 'org.write' },
      schema: {
        tags: ['orgs'],
        summary: 'Rename an organisation',
        params: IdParams,
        body: Type.Object({ name: Name }),
        response: { 200: OneOrg },
      },
    },
    async (request) => {
      const org = await renameOrg(deps.database, contextOf(request), scopeOf(userOf(request)), {
        id: request.params.id,
        name: request.body.name,
      });
      return present(org);
    },
  );

  app.post(
    '/api/orgs/:id/move',
    {
      config: { auth: 'org.write' },
      schema: {
        tags: ['orgs'],
        summary: 'Move an organisation and its subtree under another parent',
        params: IdParams,
        body: Type.Object({
          parentId: Type.String({ minLength: 1, maxLength: 64 }),
        }),
        response: { 200: OneOrg },
      },
    },
    async (request) => {
      const org = await moveOrg(deps.database, contextOf(request), scopeOf(userOf(request)), {
        id: request.params.id,
        parentId: request.body.parentId,
      });
      return present(await repo.findByIdUnscoped(org.id));
    },
  );

  app.post(
    '/api/orgs/:id/merge',
    {
      config: { auth: 'org.write' },
      schema: {
        tags: ['orgs'],
        summary: 'Merge an organisation into another of the same level',
        params: IdParams,
        body: Type.Object({
          intoId: Type.String({ minLength: 1, maxLength: 64 }),
        }),
        response: { 200: OneOrg },
      },
    },
    async (request) => {
      const org = await mergeOrg(deps.database, contextOf(request), scopeOf(userOf(request)), {
        id: request.params.id,
        intoId: request.body.intoId,
      });
      return present(await repo.findByIdUnscoped(org.id));
    },
  );

  app.post(
    '/api/orgs/:id/dissolve',
    {
      config: { auth: 'org.write' },
      schema: {
        tags: ['orgs'],
        summary: 'Dissolve an empty organisation (it keeps its records)',
        params: IdParams,
        body: Type.Object({
          reason: Type.String({ minLength: 2, maxLength: 500 }),
        }),
        response: { 200: OneOrg },
      },
    },
    async (request) => {
      const org = await dissolveOrg(deps.database, contextOf(request), scopeOf(userOf(request)), {
        id: request.params.id,
        reason: request.body.reason,
      });
      return present(await repo.findByIdUnscoped(org.id));
    },
  );

  app.get(
    '/api/orgs/:id/events',
    {
      config: { auth: 'org.read' },
      schema: {
        tags: ['orgs'],
        summary: 'History of an organisation: created, renamed, moved, merged, dissolved',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(EventSchema) }) },
      },
    },
    async (request) => {
      const org = await repo.findById(scopeOf(userOf(request)), request.params.id);
      if (org === undefined) {
        throw notFound();
      }
      const rows = await repo.events(org.id, 200);
      return {
        items: rows.map((r) => ({
          id: String(r.id),
          kind: r.kind,
          at: r.at,
          actorName: r.actor_name,
          detail: fromDbJson<Record<string, unknown>>(r.detail),
        })),
      };
    },
  );
};
