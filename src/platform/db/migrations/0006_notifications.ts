// Notifications: in-app inbox, per-user channel preferences, user e-mail, webhook endpoints and the delivery log.
import { columnTypes, type Migration } from '../columns.js';

export const migration: Migration = {
  name: '0006_notifications',
  async up(db, dialect) {
    const t = columnTypes(dialect);

    await db.schema.alterTable('app_user').addColumn('email', 'text').execute();

    await db.schema
      .createTable('notification')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('user_id', t.id, (c) => c.notNull().references('app_user.id'))
      .addColumn('event', 'text', (c) => c.notNull())
      .addColumn('title_zh', 'text', (c) => c.notNull())
      .addColumn('title_en', 'text', (c) => c.notNull())
      .addColumn('body_zh', 'text', (c) => c.notNull())
      .addColumn('body_en', 'text', (c) => c.notNull())
      .addColumn('data', t.json)
      .addColumn('case_id', t.id)
      .addColumn('is_read', t.bool, (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('read_at', t.instant)
      .execute();
    // Unread first, newest first, per user: the inbox order and its keyset.
    await db.schema
      .createIndex('notification_inbox')
      .on('notification')
      .columns(['user_id', 'is_read', 'id'])
      .execute();

    await db.schema
      .createTable('notification_pref')
      .addColumn('user_id', t.id, (c) => c.notNull().references('app_user.id'))
      .addColumn('event', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('enabled', t.bool, (c) => c.notNull())
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .addPrimaryKeyConstraint('notification_pref_pk', ['user_id', 'event', 'channel'])
      .execute();

    await db.schema
      .createTable('webhook_endpoint')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('secret_enc', 'text', (c) => c.notNull())
      .addColumn('events', t.json, (c) => c.notNull())
      .addColumn('active', t.bool, (c) => c.notNull())
      .addColumn('created_by', t.id)
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .addColumn('deleted_at', t.instant)
      .execute();

    // One row per delivery attempt; delivery_id is stable across the attempts of one message.
    await db.schema
      .createTable('delivery')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('delivery_id', t.id, (c) => c.notNull())
      .addColumn('attempt', t.int, (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('target_id', t.id)
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('event', 'text', (c) => c.notNull())
      .addColumn('case_id', t.id)
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('response_status', t.int)
      .addColumn('error', 'text')
      .addColumn('duration_ms', t.int)
      .addColumn('at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('delivery_at').on('delivery').column('id').execute();
    await db.schema
      .createIndex('delivery_message')
      .on('delivery')
      .columns(['delivery_id', 'attempt'])
      .execute();
    await db.schema.createIndex('delivery_target').on('delivery').columns(['target_id', 'id']).execute();
  },
};
