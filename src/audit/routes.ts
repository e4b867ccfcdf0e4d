// HTTP routes of the audit log: searchable by district admins, in words a clerk reads.
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { scopeOf } from '../access/index.js';
import { contextOf, userOf } from '../platform/http/request.js';
import { pick, type Message } from '../platform/i18n.js';
import type { ModuleRoutes } from '../platform/http/module.js';
import { auditActionLabels, auditEntityLabels } from './labels.js';
import { searchAudit } from './searchAudit.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

const EntrySchema = Type.Object({
  id: Type.String(),
  at: Type.Number(),
  /** Who did it; for a sign-in, the account that signed in. */
  actorId: Nullable(Type.String()),
  actorName: Nullable(Type.String()),
  actorUsername: Nullable(Type.String()),
  actorRole: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  action: Type.String(),
  actionLabel: Type.String(),
  entityType: Type.String(),
  entityTypeLabel: Type.String(),
  entityId: Nullable(Type.String()),
  /** What the record is called: a case's tracking code, an organisation's name, a member's masked name. */
  subjectLabel: Nullable(Type.String()),
  detail: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
});

const TermSchema = Type.Object({ code: Type.String(), label: Type.String() });

export const auditRoutes: ModuleRoutes = async (base, { deps }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { database } = deps;

  app.get(
    '/api/audit',
    {
      config: { auth: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Search the audit log, newest first',
        querystring: Type.Object({
          actor: Type.Optional(
            Type.String({ maxLength: 64, description: 'An account id, or part of a name or username' }),
          ),
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
            nextCursor: Nullable(Type.String()),
          }),
        },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const q = request.query;
      const reader = {
        db: database.db,
        dialect: database.dialect,
        scope: scopeOf(actor),
        isDistrictWide: actor.active.orgLevel === 'district',
      };
      return searchAudit(reader, contextOf(request).locale, {
        actor: q.actor,
        action: q.action,
        entityType: q.entityType,
        entityId: q.entityId,
        from: q.from,
        to: q.to,
        cursor: q.cursor === undefined ? undefined : Number(q.cursor),
        limit: q.limit ?? 50,
      });
    },
  );

  app.get(
    '/api/audit/vocabulary',
    {
      config: { auth: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary:
          'The action codes and record types the audit log holds, with their words in the caller’s language',
        response: {
          200: Type.Object({ actions: Type.Array(TermSchema), entityTypes: Type.Array(TermSchema) }),
        },
      },
    },
    async (request) => {
      const { locale } = contextOf(request);
      const terms = (table: Readonly<Record<string, Message>>) =>
        Object.entries(table).map(([code, label]) => ({ code, label: pick(label, locale) }));
      return { actions: terms(auditActionLabels), entityTypes: terms(auditEntityLabels) };
    },
  );
};
