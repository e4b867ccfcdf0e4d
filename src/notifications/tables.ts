// Table types of the notifications module (and the e-mail columns its migrations add to app_user).
import type { Generated } from 'kysely';

export type NotificationTable = {
  id: string;
  user_id: string;
  event: string;
  title_zh: string;
  title_en: string;
  body_zh: string;
  body_en: string;
  data: string | null;
  case_id: string | null;
  is_read: number;
  created_at: number;
  read_at: number | null;
};

export type NotificationPrefTable = {
  user_id: string;
  event: string;
  channel: string;
  enabled: number;
  updated_at: number;
};

export type WebhookEndpointTable = {
  id: string;
  name: string;
  url: string;
  /** The signing secret, encrypted with the field cipher. */
  secret_enc: string;
  /** JSON array of subscribed events. */
  events: string;
  active: number;
  created_by: string | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
};

export type DeliveryTable = {
  id: string;
  delivery_id: string;
  attempt: number;
  channel: string;
  target_id: string | null;
  target: string;
  event: string;
  case_id: string | null;
  status: string;
  response_status: number | null;
  error: string | null;
  duration_ms: number | null;
  at: number;
};

/** An event waiting for its recipient's daily digest (only its title travels: the digest lists, the inbox tells). */
export type NotificationDigestItemTable = {
  id: string;
  user_id: string;
  event: string;
  title_zh: string;
  title_en: string;
  case_id: string | null;
  created_at: number;
};

export type NotificationTables = {
  notification: NotificationTable;
  notification_pref: NotificationPrefTable;
  webhook_endpoint: WebhookEndpointTable;
  delivery: DeliveryTable;
  notification_digest_item: NotificationDigestItemTable;
  /** Only the columns this module's migrations add; the rest of app_user belongs to identity. */
  app_user: { email: string | null; email_mode: Generated<string> };
};
