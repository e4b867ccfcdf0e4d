// A user's notification choices: every event × channel, stored overrides over the defaults.
import type { Kysely } from 'kysely';
import { fromDbBool } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import {
  isEnabledByDefault,
  notificationEvents,
  userChannels,
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

/** The caller is the user whose choices these are. */
export async function setNotificationPreferences(
  db: Kysely<DB>,
  userId: string,
  items: readonly Preference[],
  now: number,
): Promise<Preference[]> {
  await db.transaction().execute(async (trx) => {
    await notificationRepository(trx).putPrefs(userId, items, now);
  });
  return preferencesOf(db, userId);
}
