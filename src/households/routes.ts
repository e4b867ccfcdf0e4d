// HTTP routes of households and their linkage (联动): which households each party-member central household serves.
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { scopeOf } from '../access/index.js';
import { orgDirectory } from '../orgs/index.js';
import { notFound } from '../platform/errors.js';
import { contextOf, userOf } from '../platform/http/request.js';
import type { ModuleRoutes } from '../platform/http/module.js';
import { createCentralHousehold } from './createCentralHousehold.js';
import { createHousehold } from './createHousehold.js';
import { linkHousehold } from './linkHousehold.js';
import {
  CentralHouseholdSchema,
  HouseholdSchema,
  presentCentralHousehold,
  presentHousehold,
} from './presenter.js';
import { householdRepository } from './repository.js';
import { unlinkHousehold } from './unlinkHousehold.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const IdParams = Type.Object({ id: Id });
const Cursor = Type.Optional(Type.String({ maxLength: 100 }));
const nextCursorOf = (rows: { id: string }[], limit: number): string | null => {
  const last = rows.slice(0, limit).at(-1);
  return rows.length > limit && last !== undefined ? Buffer.from(last.id).toString('base64url') : null;
};
const afterOf = (cursor: string | undefined): string | null =>
  cursor === undefined ? null : Buffer.from(cursor, 'base64url').toString();

export const householdRoutes: ModuleRoutes = async (base, { deps }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { database } = deps;
  const households = householdRepository(database.db, database.dialect);
  const orgs = orgDirectory(database.db, database.dialect);

  const orgOf = async (request: FastifyRequest, orgId: string | undefined) => {
    const actor = userOf(request);
    const scope = scopeOf(actor);
    const org = await orgs.findById(scope, orgId ?? actor.active.orgId);
    if (org === undefined) {
      throw notFound();
    }
    return { scope, org };
  };

  const centralDetail = async (request: FastifyRequest, id: string) => {
    const scope = scopeOf(userOf(request));
    const central = await households.findCentral(scope, id);
    if (central === undefined) {
      throw notFound();
    }
    const [row] = await households.listCentral(scope, central.group_path, null, 1, central.id);
    return {
      item: presentCentralHousehold(row!),
      households: (await households.householdsOfCentral(scope, central.id)).map(presentHousehold),
    };
  };

  app.get(
    '/api/central-households',
    {
      config: { auth: 'household.read' },
      schema: {
        tags: ['households'],
        summary: 'Central households of an organisation subtree with the number of households each links',
        querystring: Type.Object({
          orgId: Type.Optional(Id),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
          cursor: Cursor,
        }),
        response: {
          200: Type.Object({
            items: Type.Array(CentralHouseholdSchema),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
        },
      },
    },
    async (request) => {
      const { scope, org } = await orgOf(request, request.query.orgId);
      const limit = request.query.limit ?? 50;
      const rows = await households.listCentral(scope, org.path, afterOf(request.query.cursor), limit + 1);
      return {
        items: rows.slice(0, limit).map(presentCentralHousehold),
        nextCursor: nextCursorOf(rows, limit),
      };
    },
  );

  app.get(
    '/api/central-households/:id',
    {
      config: { auth: 'household.read' },
      schema: {
        tags: ['households'],
        summary: 'One central household and the households it serves',
        params: IdParams,
        response: {
          200: Type.Object({ item: CentralHouseholdSchema, households: Type.Array(HouseholdSchema) }),
        },
      },
    },
    async (request) => centralDetail(request, request.params.id),
  );

  app.post(
    '/api/central-households',
    {
      config: { auth: 'household.write' },
      schema: {
        tags: ['households'],
        summary: 'Set up a party-member central household under a party group',
        body: Type.Object({
          groupId: Id,
          headMemberId: Id,
          name: Type.Union([Type.String({ minLength: 1, maxLength: 60 }), Type.Null()]),
        }),
        response: {
          200: Type.Object({ item: CentralHouseholdSchema, households: Type.Array(HouseholdSchema) }),
        },
      },
    },
    async (request) => {
      const row = await createCentralHousehold(
        database,
        contextOf(request),
        scopeOf(userOf(request)),
        request.body,
      );
      return centralDetail(request, row.id);
    },
  );

  app.get(
    '/api/households',
    {
      config: { auth: 'household.read' },
      schema: {
        tags: ['households'],
        summary: 'Households of an organisation subtree, optionally only those not linked yet',
        querystring: Type.Object({
          orgId: Type.Optional(Id),
          unlinked: Type.Optional(Type.Boolean()),
          q: Type.Optional(Type.String({ maxLength: 50 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
          cursor: Cursor,
        }),
        response: {
          200: Type.Object({
            items: Type.Array(HouseholdSchema),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
        },
      },
    },
    async (request) => {
      const { scope, org } = await orgOf(request, request.query.orgId);
      const limit = request.query.limit ?? 50;
      const rows = await households.listHouseholds(scope, {
        underPath: org.path,
        isUnlinked: request.query.unlinked,
        text: request.query.q?.trim(),
        afterId: afterOf(request.query.cursor),
        limit: limit + 1,
      });
      return { items: rows.slice(0, limit).map(presentHousehold), nextCursor: nextCursorOf(rows, limit) };
    },
  );

  app.post(
    '/api/households',
    {
      config: { auth: 'household.write' },
      schema: {
        tags: ['households'],
        summary: 'Record a household of a village',
        body: Type.Object({
          villageId: Id,
          headName: Type.String({ minLength: 1, maxLength: 30 }),
          address: Type.String({ minLength: 1, maxLength: 200 }),
          size: Type.Integer({ minimum: 1, maximum: 30 }),
        }),
        response: { 200: Type.Object({ item: HouseholdSchema }) },
      },
    },
    async (request) => {
      const row = await createHousehold(database, contextOf(request), scopeOf(userOf(request)), request.body);
      return { item: presentHousehold(row) };
    },
  );

  app.post(
    '/api/households/:id/link',
    {
      config: { auth: 'household.write' },
      schema: {
        tags: ['households'],
        summary: 'Link a household to a central household of its village',
        params: IdParams,
        body: Type.Object({ centralHouseholdId: Id }),
        response: { 200: Type.Object({ ok: Type.Boolean() }) },
      },
    },
    async (request) => {
      await linkHousehold(database, contextOf(request), scopeOf(userOf(request)), {
        householdId: request.params.id,
        centralHouseholdId: request.body.centralHouseholdId,
      });
      return { ok: true };
    },
  );

  app.post(
    '/api/households/:id/unlink',
    {
      config: { auth: 'household.write' },
      schema: {
        tags: ['households'],
        summary: 'End a household’s link to its central household',
        params: IdParams,
        response: { 200: Type.Object({ ok: Type.Boolean() }) },
      },
    },
    async (request) => {
      await unlinkHousehold(database, contextOf(request), scopeOf(userOf(request)), {
        householdId: request.params.id,
      });
      return { ok: true };
    },
  );
};
