// What a client may see of notifications, webhook endpoints (never the secret) and delivery attempts.
import { Type, type Static } from '@fastify/type-provider-typebox';
import { fromDbBool, fromDbJson } from '../platform/db/database.js';
import { pick, type Locale } from '../platform/i18n.js';
import { notificationEvents, userChannels, type NotificationEvent, type UserChannel } from './events.js';
import type { DeliveryRow, NotificationRow, WebhookEndpointRow } from './repository.js';
import { subscribedEvents } from './webhookEvents.js';

export const EventSchema = Type.Unsafe<NotificationEvent>({ type: 'string', enum: [...notificationEvents] });
export const ChannelSchema = Type.Unsafe<UserChannel>({ type: 'string', enum: [...userChannels] });

export const NotificationSchema = Type.Object({
  id: Type.String(),
  event: Type.String(),
  title: Type.String(),
  body: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown()),
  caseId: Type.Union([Type.String(), Type.Null()]),
  isRead: Type.Boolean(),
  createdAt: Type.Number(),
  readAt: Type.Union([Type.Number(), Type.Null()]),
});
export type NotificationDto = Static<typeof NotificationSchema>;

export function presentNotification(row: NotificationRow, locale: Locale): NotificationDto {
  return {
    id: row.id,
    event: row.event,
    title: pick({ zh: row.title_zh, en: row.title_en }, locale),
    body: pick({ zh: row.body_zh, en: row.body_en }, locale),
    data: fromDbJson<Record<string, unknown>>(row.data) ?? {},
    caseId: row.case_id,
    isRead: fromDbBool(row.is_read),
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

export const PreferenceSchema = Type.Object({
  event: EventSchema,
  channel: ChannelSchema,
  enabled: Type.Boolean(),
});

export const EmailModeSchema = Type.Union([Type.Literal('immediate'), Type.Literal('daily')], {
  description: 'One mail per event, or a daily digest at 08:00 (urgent events are mailed at once either way)',
});

export const PreferencesSchema = Type.Object({
  email: Type.Union([Type.String(), Type.Null()]),
  emailMode: EmailModeSchema,
  events: Type.Array(Type.String()),
  channels: Type.Array(Type.String()),
  items: Type.Array(PreferenceSchema),
});

export const EndpointSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  url: Type.String(),
  events: Type.Array(Type.String()),
  isActive: Type.Boolean(),
  createdAt: Type.Number(),
  updatedAt: Type.Number(),
});
export type EndpointDto = Static<typeof EndpointSchema>;

export function presentEndpoint(row: WebhookEndpointRow): EndpointDto {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    events: subscribedEvents(row),
    isActive: fromDbBool(row.active),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const DeliverySchema = Type.Object({
  id: Type.String(),
  deliveryId: Type.String(),
  attempt: Type.Integer(),
  channel: Type.String(),
  targetId: Type.Union([Type.String(), Type.Null()]),
  target: Type.String(),
  event: Type.String(),
  caseId: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  responseStatus: Type.Union([Type.Integer(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
  durationMs: Type.Union([Type.Integer(), Type.Null()]),
  at: Type.Number(),
});
export type DeliveryDto = Static<typeof DeliverySchema>;

export function presentDelivery(row: DeliveryRow): DeliveryDto {
  return {
    id: row.id,
    deliveryId: row.delivery_id,
    attempt: row.attempt,
    channel: row.channel,
    targetId: row.target_id,
    target: row.target,
    event: row.event,
    caseId: row.case_id,
    status: row.status,
    responseStatus: row.response_status,
    error: row.error,
    durationMs: row.duration_ms,
    at: row.at,
  };
}
