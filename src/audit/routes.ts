// HTTP routes of the audit log: searchable by district admins.
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { scopeOf } from '../access/index.js';
import { fromDbJson } from '../platform/db/database.js';
import { userOf } from '../platform/http/request.js';
import type { ModuleRoutes } from '../platform/http/module.js';
import { auditRepository } from './repository.js';

const EntrySchema = Type.Object({
  id: Type.String(),
  at: Type.Number(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  actorRole: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
});

export const auditRoutes: ModuleRoutes = async (base, { deps }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const repo = auditRepository(deps.database.db);

  app.get(
    '/api/audit',
    {
      config: { auth: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Search the audit log, newest first',
        querystring: Type.Object({
          actor: Type.Optional(Type.String({ maxLength: 64 })),
          action: Type.Optional(Type.String({ maxLength: 64 })),
          entityType: Type.Optional(Type.String({ maxLength: 64 })),
          entityId: Type.Optional(Type.String({ maxLength: 64 })),
          from: Type.Optional(Type.Integer({ minimum: 0 })),
          to: Type.Optional(Type.Integer({ minimum: 0 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
          cursor: Type.Optional(Type.String({ pattern: '^[0-9]+$', maxLength: 20 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(EntrySchema),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
        },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const q = request.query;
      const limit = q.limit ?? 50;
      const rows = await repo.list(scopeOf(actor), actor.active.orgLevel === 'district', {
        actorId: q.actor,
        action: q.action,
        entityType: q.entityType,
        entityId: q.entityId,
        from: q.from,
        to: q.to,
        beforeId: q.cursor === undefined ? undefined : Number(q.cursor),
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      return {
        items: page.map((r) => ({
          id: String(r.id),
          at: r.at,
          actorId: r.actor_id,
          actorName: r.actor_name,
          actorRole: r.actor_role,
          ip: r.ip,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          detail: fromDbJson<Record<string, unknown>>(r.detail),
        })),
        nextCursor: rows.length > limit ? String(page.at(-1)!.id) : null,
      };
    },
  );
};
