// Table types of the notifications module (and the e-mail column its migration adds to app_user).
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

export type NotificationTables = {
  notification: NotificationTable;
  notification_pref: NotificationPrefTable;
  webhook_endpoint: WebhookEndpointTable;
  delivery: DeliveryTable;
  /** Only the column this module's migration adds; the rest of app_user belongs to identity. */
  app_user: { email: string | null };
};
