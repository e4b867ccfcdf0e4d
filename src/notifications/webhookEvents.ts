// The events a webhook endpoint subscribes to, stored as a JSON array.
import { fromDbJson } from '../platform/db/database.js';
import { isNotificationEvent, type NotificationEvent } from './events.js';
import type { WebhookEndpointTable } from './tables.js';

export function subscribedEvents(endpoint: Pick<WebhookEndpointTable, 'events'>): NotificationEvent[] {
  const stored = fromDbJson<unknown>(endpoint.events);
  return Array.isArray(stored)
    ? stored.filter((e): e is NotificationEvent => typeof e === 'string' && isNotificationEvent(e))
    : [];
}
