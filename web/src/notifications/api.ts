// Calls of /api/notifications, /api/me/email, /api/admin/webhooks and /api/admin/deliveries.
import { api } from '../api/client';
import type { Page } from '../api/types';
import type { ApiAnswer, ApiBody } from '../api/wire';

export const notificationEvents = [
  'case.assigned',
  'case.deadlineNear',
  'case.overdue',
  'case.supervised',
  'case.returned',
  'case.escalated',
  'case.closed',
  'case.rated',
  'case.callBack',
  'case.merged',
  'case.reopened',
  'case.extension',
  'case.reported',
  'case.toVerify',
  'case.toCheck',
  'case.handled',
  'case.checked',
  'case.task',
  'case.followUp',
  'volunteer.feedback',
  'consultation.hotspot',
  'consultation.invited',
  'consultation.changed',
  'consultation.vote',
  'consultation.outcome',
  'linkage.visitDue',
  'command.alert',
  'command.patrolFocus',
] as const;
export type NotificationEvent = (typeof notificationEvents)[number];
export type Channel = 'inApp' | 'email';

export type NotificationItem = {
  id: string;
  event: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
  caseId: string | null;
  isRead: boolean;
  createdAt: number;
  readAt: number | null;
};

export type Inbox = Page<NotificationItem> & { unreadCount: number };

export type Preference = { event: NotificationEvent; channel: Channel; enabled: boolean };
export type Preferences = Omit<ApiAnswer<'/api/notifications/preferences'>, 'items'> & {
  items: Preference[];
};
export type EmailMode = Preferences['emailMode'];
export type PreferencesChange = Omit<ApiBody<'/api/notifications/preferences', 'put'>, 'items'> & {
  items?: Preference[];
};

export type Endpoint = {
  id: string;
  name: string;
  url: string;
  events: NotificationEvent[];
  isActive: boolean;
  createdAt: number;
  updatedAt: number;
};
export type EndpointInput = { name: string; url: string; events: NotificationEvent[]; isActive: boolean };

export type DeliveryStatus = 'delivered' | 'retrying' | 'failed' | 'skipped';
export type DeliveryChannel = 'email' | 'webhook';
export type Delivery = {
  id: string;
  deliveryId: string;
  attempt: number;
  channel: DeliveryChannel;
  targetId: string | null;
  target: string;
  event: string;
  caseId: string | null;
  status: DeliveryStatus;
  responseStatus: number | null;
  error: string | null;
  durationMs: number | null;
  at: number;
};
export type DeliveryFilter = { channel?: DeliveryChannel; status?: DeliveryStatus; event?: string };

export const fetchInbox = (cursor: string | null, limit: number, signal?: AbortSignal): Promise<Inbox> =>
  api.get<Inbox>('/api/notifications', { query: { limit, cursor }, signal });

export const fetchUnreadCount = (signal?: AbortSignal): Promise<{ count: number }> =>
  api.get<{ count: number }>('/api/notifications/unread-count', { signal });

export const markRead = (id: string): Promise<void> =>
  api.post<undefined>(`/api/notifications/${encodeURIComponent(id)}/read`);

export const markAllRead = (): Promise<{ updated: number }> =>
  api.post<{ updated: number }>('/api/notifications/read-all');

export const fetchPreferences = (signal?: AbortSignal): Promise<Preferences> =>
  api.get<Preferences>('/api/notifications/preferences', { signal });

export const savePreferences = (change: PreferencesChange): Promise<Preferences> =>
  api.put<Preferences>('/api/notifications/preferences', change);

export const saveEmail = (email: string | null): Promise<{ email: string | null }> =>
  api.put<{ email: string | null }>('/api/me/email', { email });

export const fetchEndpoints = (signal?: AbortSignal): Promise<{ items: Endpoint[] }> =>
  api.get<{ items: Endpoint[] }>('/api/admin/webhooks', { signal });

export const createEndpoint = (input: EndpointInput): Promise<{ item: Endpoint; secret: string }> =>
  api.post<{ item: Endpoint; secret: string }>('/api/admin/webhooks', input);

export const updateEndpoint = (id: string, input: Partial<EndpointInput>): Promise<{ item: Endpoint }> =>
  api.put<{ item: Endpoint }>(`/api/admin/webhooks/${encodeURIComponent(id)}`, input);

export const deleteEndpoint = (id: string): Promise<void> =>
  api.delete<undefined>(`/api/admin/webhooks/${encodeURIComponent(id)}`);

export const testEndpoint = (id: string): Promise<{ deliveryId: string }> =>
  api.post<{ deliveryId: string }>(`/api/admin/webhooks/${encodeURIComponent(id)}/test`);

export const fetchDeliveries = (
  filter: DeliveryFilter,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<Delivery>> =>
  api.get<Page<Delivery>>('/api/admin/deliveries', { query: { ...filter, cursor, limit: 50 }, signal });
