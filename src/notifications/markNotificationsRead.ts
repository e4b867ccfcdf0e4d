// Marks inbox entries read; the caller may only touch their own (anyone else's answers 404).
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { notFound } from '../platform/errors.js';
import { notificationRepository } from './repository.js';

export async function markNotificationRead(
  db: Kysely<DB>,
  userId: string,
  id: string,
  now: number,
): Promise<void> {
  if (!(await notificationRepository(db).markRead(userId, id, now))) {
    throw notFound();
  }
}

export async function markAllNotificationsRead(db: Kysely<DB>, userId: string, now: number): Promise<number> {
  return notificationRepository(db).markAllRead(userId, now);
}
