// The public entry for other modules: tell users (inbox, e-mail) and external gateways (webhooks) about an event.
// Runs in the caller's transaction, so a notification exists exactly when the change it reports was committed.
import type { Kysely } from 'kysely';
import { fromDbBool, toDbJson } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import type { Message } from '../platform/i18n.js';
import { newId } from '../platform/ids.js';
import { isEnabledByDefault, isUrgent, type NotificationEvent, type UserChannel } from './events.js';
import { enqueueEmail, enqueueWebhook } from './outbox.js';
import { notificationRepository } from './repository.js';
import { subscribedEvents } from './webhookEvents.js';

export type NotifyInput = {
  event: NotificationEvent;
  userIds: string[];
  title: Message;
  body: Message;
  /** Non-personal facts for the receiver (case number, tracking code, deadline…); webhooks get a scrubbed copy. */
  data?: Record<string, unknown>;
  caseId?: string | null;
  now: number;
};

export type NotifyExternalInput = {
  event: NotificationEvent;
  data: Record<string, unknown>;
  caseId?: string | null;
  now: number;
};

/** Writes inbox rows and queues e-mail per the users' choices, and queues one webhook per subscribed endpoint. */
export async function notify(trx: Kysely<DB>, input: NotifyInput): Promise<void> {
  const repo = notificationRepository(trx);
  const userIds = [...new Set(input.userIds)];
  const caseId = input.caseId ?? null;
  const data = input.data ?? {};

  const overrides = new Map<string, boolean>();
  for (const p of await repo.prefsOf(userIds)) {
    if (p.event === input.event) {
      overrides.set(`${p.user_id}\u0000${p.channel}`, fromDbBool(p.enabled));
    }
  }
  const wants = (userId: string, channel: UserChannel): boolean =>
    overrides.get(`${userId}\u0000${channel}`) ?? isEnabledByDefault(input.event, channel);

  const recipients = (await repo.recipients(userIds)).filter((u) => u.status === 'active');
  await repo.insertNotifications(
    recipients
      .filter((u) => wants(u.id, 'inApp'))
      .map((u) => ({
        id: newId(input.now),
        user_id: u.id,
        event: input.event,
        title_zh: input.title.zh,
        title_en: input.title.en,
        body_zh: input.body.zh,
        body_en: input.body.en,
        data: toDbJson(data),
        case_id: caseId,
        is_read: 0,
        created_at: input.now,
        read_at: null,
      })),
  );
  // A user who takes a daily digest gets the event in tomorrow morning's mail, unless it cannot wait.
  const mailed = recipients.filter((u) => u.email !== null && wants(u.id, 'email'));
  const isDigested = (u: (typeof mailed)[number]) => u.email_mode === 'daily' && !isUrgent(input.event);
  await repo.insertDigestItems(
    mailed.filter(isDigested).map((u) => ({
      id: newId(input.now),
      user_id: u.id,
      event: input.event,
      title_zh: input.title.zh,
      title_en: input.title.en,
      case_id: caseId,
      created_at: input.now,
    })),
  );
  for (const u of mailed.filter((m) => !isDigested(m))) {
    await enqueueEmail(
      trx,
      { userId: u.id, event: input.event, title: input.title, body: input.body, caseId },
      input.now,
    );
  }
  await notifyExternal(trx, { event: input.event, data, caseId, now: input.now });
}

/** Only the webhooks: for residents without an account, told by the 12345 hotline or WeChat gateway. */
export async function notifyExternal(trx: Kysely<DB>, input: NotifyExternalInput): Promise<void> {
  const endpoints = await notificationRepository(trx).activeEndpoints();
  for (const endpoint of endpoints) {
    if (subscribedEvents(endpoint).includes(input.event)) {
      await enqueueWebhook(
        trx,
        {
          endpointId: endpoint.id,
          event: input.event,
          data: input.data,
          caseId: input.caseId ?? null,
          isTest: false,
        },
        input.now,
      );
    }
  }
}
