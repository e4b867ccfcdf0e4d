// A user's notification choices: every event × channel, stored overrides over the defaults.
import type { Kysely } from 'kysely';
import { fromDbBool } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import {
  emailModes,
  isEnabledByDefault,
  notificationEvents,
  userChannels,
  type EmailMode,
  type NotificationEvent,
  type UserChannel,
} from './events.js';
import { notificationRepository } from './repository.js';

export type Preference = { event: NotificationEvent; channel: UserChannel; enabled: boolean };

export async function preferencesOf(db: Kysely<DB>, userId: string): Promise<Preference[]> {
  const stored = new Map(
    (await notificationRepository(db).prefsOf([userId])).map((p) => [
      `${p.event}\u0000${p.channel}`,
      fromDbBool(p.enabled),
    ]),
  );
  return notificationEvents.flatMap((event) =>
    userChannels.map((channel) => ({
      event,
      channel,
      enabled: stored.get(`${event}\u0000${channel}`) ?? isEnabledByDefault(event, channel),
    })),
  );
}

export async function emailModeOf(db: Kysely<DB>, userId: string): Promise<EmailMode> {
  const stored = await notificationRepository(db).emailModeOf(userId);
  return emailModes.find((m) => m === stored) ?? 'immediate';
}

/** The caller is the user whose choices these are; only what is given changes. */
export async function setNotificationPreferences(
  db: Kysely<DB>,
  userId: string,
  change: { items?: readonly Preference[]; emailMode?: EmailMode },
  now: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const repo = notificationRepository(trx);
    if (change.items !== undefined) {
      await repo.putPrefs(userId, change.items, now);
    }
    if (change.emailMode !== undefined) {
      await repo.setEmailMode(userId, change.emailMode, now);
    }
  });
}
