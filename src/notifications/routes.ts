// HTTP routes of notifications: the caller's inbox, choices and e-mail; webhook endpoints and the delivery log for admins.
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { contextOf, userOf } from '../platform/http/request.js';
import type { ModuleRoutes } from '../platform/http/module.js';
import { deliveryChannels, deliveryStatuses } from './deliveryJobs.js';
import { notificationEvents, userChannels } from './events.js';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  sendTestWebhook,
  updateWebhookEndpoint,
} from './manageWebhookEndpoints.js';
import { markAllNotificationsRead, markNotificationRead } from './markNotificationsRead.js';
import { emailModeOf, preferencesOf, setNotificationPreferences } from './preferences.js';
import {
  DeliverySchema,
  EmailModeSchema,
  EndpointSchema,
  EventSchema,
  NotificationSchema,
  PreferenceSchema,
  PreferencesSchema,
  presentDelivery,
  presentEndpoint,
  presentNotification,
} from './presenter.js';
import { notificationRepository, type InboxCursor } from './repository.js';
import { setMyEmail } from './setMyEmail.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const UrlSchema = Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000 });
const NameSchema = Type.String({ minLength: 1, maxLength: 100 });
const OneOf = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values] });

const encodeCursor = (c: InboxCursor): string =>
  Buffer.from(`${c.isRead ? 1 : 0}:${c.id}`).toString('base64url');

function decodeCursor(raw: string | undefined): InboxCursor | null {
  if (raw === undefined) {
    return null;
  }
  const text = Buffer.from(raw, 'base64url').toString();
  const match = /^([01]):([\w-]{1,64})$/.exec(text);
  return match === null ? null : { isRead: match[1] === '1', id: match[2]! };
}

export const notificationRoutes: ModuleRoutes = async (base, { deps }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps.database;
  const repo = notificationRepository(db);

  const preferencesBody = async (userId: string) => ({
    email: await repo.emailOf(userId),
    emailMode: await emailModeOf(db, userId),
    events: [...notificationEvents],
    channels: [...userChannels],
    items: await preferencesOf(db, userId),
  });

  app.get(
    '/api/notifications',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: 'The caller’s notifications, unread first then newest, keyset-paged, with the unread count',
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
          cursor: Type.Optional(Type.String({ maxLength: 120, pattern: '^[\\w-]+$' })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(NotificationSchema),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
            unreadCount: Type.Integer(),
          }),
        },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const ctx = contextOf(request);
      const limit = request.query.limit ?? 20;
      const rows = await repo.listInbox(actor.userId, decodeCursor(request.query.cursor), limit + 1);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map((r) => presentNotification(r, ctx.locale)),
        nextCursor:
          rows.length > limit && last !== undefined
            ? encodeCursor({ isRead: last.is_read === 1, id: last.id })
            : null,
        unreadCount: await repo.unreadCount(actor.userId),
      };
    },
  );

  app.get(
    '/api/notifications/unread-count',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: 'How many of the caller’s notifications are unread (for the bell)',
        response: { 200: Type.Object({ count: Type.Integer() }) },
      },
    },
    async (request) => ({ count: await repo.unreadCount(userOf(request).userId) }),
  );

  app.post(
    '/api/notifications/:id/read',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: 'Mark one of the caller’s notifications read',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      await markNotificationRead(db, userOf(request).userId, request.params.id, ctx.now);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/notifications/read-all',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: 'Mark all of the caller’s notifications read',
        response: { 200: Type.Object({ updated: Type.Integer() }) },
      },
    },
    async (request) => ({
      updated: await markAllNotificationsRead(db, userOf(request).userId, contextOf(request).now),
    }),
  );

  app.get(
    '/api/notifications/preferences',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: 'Which events reach the caller by which channel, and their e-mail address',
        response: { 200: PreferencesSchema },
      },
    },
    async (request) => preferencesBody(userOf(request).userId),
  );

  app.put(
    '/api/notifications/preferences',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary:
          'Turn events on or off per channel (only the listed pairs change), or choose the daily digest',
        body: Type.Object(
          {
            items: Type.Optional(Type.Array(PreferenceSchema, { minItems: 1, maxItems: 100 })),
            emailMode: Type.Optional(EmailModeSchema),
          },
          { minProperties: 1 },
        ),
        response: { 200: PreferencesSchema },
      },
    },
    async (request) => {
      const actor = userOf(request);
      await setNotificationPreferences(db, actor.userId, request.body, contextOf(request).now);
      return preferencesBody(actor.userId);
    },
  );

  app.put(
    '/api/me/email',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: 'Set or clear (null) the caller’s e-mail address for notifications',
        body: Type.Object({
          email: Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()]),
        }),
        response: { 200: Type.Object({ email: Type.Union([Type.String(), Type.Null()]) }) },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const email = request.body.email === null ? null : request.body.email.trim();
      await setMyEmail(db, contextOf(request), actor.userId, email);
      return { email };
    },
  );

  app.get(
    '/api/admin/webhooks',
    {
      config: { auth: 'admin.webhooks' },
      schema: {
        tags: ['admin'],
        summary: 'Webhook endpoints (12345 hotline, WeChat gateway); secrets are never shown again',
        response: { 200: Type.Object({ items: Type.Array(EndpointSchema) }) },
      },
    },
    async () => ({ items: (await repo.listEndpoints()).map(presentEndpoint) }),
  );

  app.post(
    '/api/admin/webhooks',
    {
      config: { auth: 'admin.webhooks' },
      schema: {
        tags: ['admin'],
        summary: 'Add a webhook endpoint; the signing secret is shown once, in this answer',
        body: Type.Object({
          name: NameSchema,
          url: UrlSchema,
          events: Type.Array(EventSchema, { maxItems: 50 }),
          isActive: Type.Optional(Type.Boolean({ default: true })),
        }),
        response: { 201: Type.Object({ item: EndpointSchema, secret: Type.String() }) },
      },
    },
    async (request, reply) => {
      const { endpoint, secret } = await createWebhookEndpoint(db, contextOf(request), deps.services.cipher, {
        name: request.body.name.trim(),
        url: request.body.url,
        events: request.body.events,
        isActive: request.body.isActive ?? true,
      });
      return reply.code(201).send({ item: presentEndpoint(endpoint), secret });
    },
  );

  app.put(
    '/api/admin/webhooks/:id',
    {
      config: { auth: 'admin.webhooks' },
      schema: {
        tags: ['admin'],
        summary: 'Change a webhook endpoint (only the given fields)',
        params: IdParams,
        body: Type.Object({
          name: Type.Optional(NameSchema),
          url: Type.Optional(UrlSchema),
          events: Type.Optional(Type.Array(EventSchema, { maxItems: 50 })),
          isActive: Type.Optional(Type.Boolean()),
        }),
        response: { 200: Type.Object({ item: EndpointSchema }) },
      },
    },
    async (request) => {
      const row = await updateWebhookEndpoint(db, contextOf(request), request.params.id, {
        ...request.body,
        ...(request.body.name === undefined ? {} : { name: request.body.name.trim() }),
      });
      return { item: presentEndpoint(row) };
    },
  );

  app.delete(
    '/api/admin/webhooks/:id',
    {
      config: { auth: 'admin.webhooks' },
      schema: { tags: ['admin'], summary: 'Delete a webhook endpoint', params: IdParams },
    },
    async (request, reply) => {
      await deleteWebhookEndpoint(db, contextOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/admin/webhooks/:id/test',
    {
      config: { auth: 'admin.webhooks' },
      schema: {
        tags: ['admin'],
        summary: 'Queue a signed test event (webhook.test) to the endpoint',
        params: IdParams,
        response: { 202: Type.Object({ deliveryId: Type.String() }) },
      },
    },
    async (request, reply) => {
      const deliveryId = await sendTestWebhook(db, contextOf(request), request.params.id);
      return reply.code(202).send({ deliveryId });
    },
  );

  app.get(
    '/api/admin/deliveries',
    {
      config: { auth: 'admin.webhooks' },
      schema: {
        tags: ['admin'],
        summary: 'The delivery log: one row per e-mail or webhook attempt, newest first',
        querystring: Type.Object({
          channel: Type.Optional(OneOf(deliveryChannels)),
          status: Type.Optional(OneOf(deliveryStatuses)),
          event: Type.Optional(Type.String({ maxLength: 64 })),
          targetId: Type.Optional(Type.String({ maxLength: 64 })),
          deliveryId: Type.Optional(Type.String({ maxLength: 64 })),
          from: Type.Optional(Type.Integer({ minimum: 0 })),
          to: Type.Optional(Type.Integer({ minimum: 0 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
          cursor: Type.Optional(Type.String({ maxLength: 64, pattern: '^[0-9a-z]+$' })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(DeliverySchema),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
        },
      },
    },
    async (request) => {
      const { cursor, limit: given, ...filter } = request.query;
      const limit = given ?? 50;
      const rows = await repo.listDeliveries({ ...filter, beforeId: cursor, limit: limit + 1 });
      const page = rows.slice(0, limit);
      return {
        items: page.map(presentDelivery),
        nextCursor: rows.length > limit ? page.at(-1)!.id : null,
      };
    },
  );
};
