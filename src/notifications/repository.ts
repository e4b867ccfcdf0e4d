// All SQL of the notifications module.
import type { Insertable, Kysely } from 'kysely';
import { fromDbBool, toDbBool } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';
import type {
  DeliveryTable,
  NotificationDigestItemTable,
  NotificationTable,
  WebhookEndpointTable,
} from './tables.js';

export type NotificationRow = NotificationTable;
export type WebhookEndpointRow = WebhookEndpointTable;
export type DeliveryRow = DeliveryTable;

/** Position in the inbox order (unread first, then newest first). */
export type InboxCursor = { isRead: boolean; id: string };

export type DeliveryFilter = {
  channel?: string;
  status?: string;
  event?: string;
  targetId?: string;
  deliveryId?: string;
  from?: number;
  to?: number;
  beforeId?: string;
  limit: number;
};

export function notificationRepository(db: Kysely<DB>) {
  return {
    async insertNotifications(rows: NotificationRow[]) {
      if (rows.length === 0) {
        return;
      }
      await db.insertInto('notification').values(rows).execute();
    },

    async listInbox(userId: string, after: InboxCursor | null, limit: number) {
      let q = db.selectFrom('notification').selectAll().where('user_id', '=', userId);
      if (after !== null) {
        const isRead = toDbBool(after.isRead);
        q = q.where((eb) =>
          eb.or([eb('is_read', '>', isRead), eb.and([eb('is_read', '=', isRead), eb('id', '<', after.id)])]),
        );
      }
      return q.orderBy('is_read', 'asc').orderBy('id', 'desc').limit(limit).execute();
    },

    async unreadCount(userId: string): Promise<number> {
      const row = await db
        .selectFrom('notification')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('user_id', '=', userId)
        .where('is_read', '=', 0)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** False when the user has no such notification (someone else's is "not found" too). */
    async markRead(userId: string, id: string, now: number): Promise<boolean> {
      const row = await db
        .selectFrom('notification')
        .select(['id', 'is_read'])
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      if (row === undefined) {
        return false;
      }
      if (!fromDbBool(row.is_read)) {
        await db
          .updateTable('notification')
          .set({ is_read: 1, read_at: now })
          .where('id', '=', id)
          .where('user_id', '=', userId)
          .execute();
      }
      return true;
    },

    async markAllRead(userId: string, now: number): Promise<number> {
      const r = await db
        .updateTable('notification')
        .set({ is_read: 1, read_at: now })
        .where('user_id', '=', userId)
        .where('is_read', '=', 0)
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },

    async prefsOf(userIds: readonly string[]) {
      if (userIds.length === 0) {
        return [];
      }
      return db
        .selectFrom('notification_pref')
        .select(['user_id', 'event', 'channel', 'enabled'])
        .where('user_id', 'in', userIds)
        .execute();
    },

    async putPrefs(
      userId: string,
      items: readonly { event: string; channel: string; enabled: boolean }[],
      now: number,
    ) {
      for (const item of items) {
        await db
          .insertInto('notification_pref')
          .values({
            user_id: userId,
            event: item.event,
            channel: item.channel,
            enabled: toDbBool(item.enabled),
            updated_at: now,
          })
          .onConflict((oc) =>
            oc
              .columns(['user_id', 'event', 'channel'])
              .doUpdateSet({ enabled: toDbBool(item.enabled), updated_at: now }),
          )
          .execute();
      }
    },

    /** The e-mail column is this module's (its migration added it to app_user). */
    async recipients(userIds: readonly string[]) {
      if (userIds.length === 0) {
        return [];
      }
      return db
        .selectFrom('app_user')
        .select(['id', 'locale', 'email', 'email_mode', 'status'])
        .where('id', 'in', userIds)
        .execute();
    },

    async emailOf(userId: string): Promise<string | null> {
      const row = await db.selectFrom('app_user').select('email').where('id', '=', userId).executeTakeFirst();
      return row?.email ?? null;
    },

    async emailModeOf(userId: string): Promise<string> {
      const row = await db
        .selectFrom('app_user')
        .select('email_mode')
        .where('id', '=', userId)
        .executeTakeFirst();
      return row?.email_mode ?? 'immediate';
    },

    async setEmailMode(userId: string, mode: string, now: number) {
      await db
        .updateTable('app_user')
        .set({ email_mode: mode, updated_at: now })
        .where('id', '=', userId)
        .execute();
    },

    async insertDigestItems(rows: Insertable<NotificationDigestItemTable>[]) {
      if (rows.length > 0) {
        await db.insertInto('notification_digest_item').values(rows).execute();
      }
    },

    /** The items waiting for digests, oldest first per user. */
    async pendingDigestItems() {
      return db.selectFrom('notification_digest_item').selectAll().orderBy('user_id').orderBy('id').execute();
    },

    async deleteDigestItems(ids: readonly string[]) {
      for (let i = 0; i < ids.length; i += 500) {
        await db
          .deleteFrom('notification_digest_item')
          .where('id', 'in', ids.slice(i, i + 500))
          .execute();
      }
    },

    async setEmail(userId: string, email: string | null, now: number) {
      await db.updateTable('app_user').set({ email, updated_at: now }).where('id', '=', userId).execute();
    },

    async listEndpoints() {
      return db
        .selectFrom('webhook_endpoint')
        .selectAll()
        .where('deleted_at', 'is', null)
        .orderBy('created_at', 'asc')
        .orderBy('id', 'asc')
        .execute();
    },

    async activeEndpoints() {
      return db
        .selectFrom('webhook_endpoint')
        .selectAll()
        .where('deleted_at', 'is', null)
        .where('active', '=', 1)
        .orderBy('id', 'asc')
        .execute();
    },

    async findEndpoint(id: string) {
      return db
        .selectFrom('webhook_endpoint')
        .selectAll()
        .where('id', '=', id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
    },

    async insertEndpoint(row: WebhookEndpointRow) {
      await db.insertInto('webhook_endpoint').values(row).execute();
    },

    async updateEndpoint(
      id: string,
      patch: Partial<Pick<WebhookEndpointRow, 'name' | 'url' | 'events' | 'active'>>,
      now: number,
    ): Promise<boolean> {
      const r = await db
        .updateTable('webhook_endpoint')
        .set({ ...patch, updated_at: now })
        .where('id', '=', id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** Kept (marked deleted) so the delivery log can still name it. */
    async deleteEndpoint(id: string, now: number): Promise<boolean> {
      const r = await db
        .updateTable('webhook_endpoint')
        .set({ deleted_at: now, active: 0, updated_at: now })
        .where('id', '=', id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async insertDelivery(row: Omit<DeliveryRow, 'id'>) {
      await db
        .insertInto('delivery')
        .values({ id: newId(row.at), ...row })
        .execute();
    },

    /** Newest first. */
    async listDeliveries(f: DeliveryFilter) {
      let q = db.selectFrom('delivery').selectAll();
      if (f.channel !== undefined) {
        q = q.where('channel', '=', f.channel);
      }
      if (f.status !== undefined) {
        q = q.where('status', '=', f.status);
      }
      if (f.event !== undefined) {
        q = q.where('event', '=', f.event);
      }
      if (f.targetId !== undefined) {
        q = q.where('target_id', '=', f.targetId);
      }
      if (f.deliveryId !== undefined) {
        q = q.where('delivery_id', '=', f.deliveryId);
      }
      if (f.from !== undefined) {
        q = q.where('at', '>=', f.from);
      }
      if (f.to !== undefined) {
        q = q.where('at', '<', f.to);
      }
      if (f.beforeId !== undefined) {
        q = q.where('id', '<', f.beforeId);
      }
      return q.orderBy('id', 'desc').limit(f.limit).execute();
    },
  };
}
