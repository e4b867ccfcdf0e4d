// A user may take e-mail as one daily digest instead of one mail per event: their choice, and the items waiting.
import { columnTypes, type Migration } from '../columns.js';

export const migration: Migration = {
  name: '0028_notification_digest',
  async up(db, dialect) {
    const t = columnTypes(dialect);
    await db.schema
      .alterTable('app_user')
      .addColumn('email_mode', 'text', (c) => c.notNull().defaultTo('immediate'))
      .execute();
    await db.schema
      .createTable('notification_digest_item')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('user_id', t.id, (c) => c.notNull().references('app_user.id'))
      .addColumn('event', 'text', (c) => c.notNull())
      .addColumn('title_zh', 'text', (c) => c.notNull())
      .addColumn('title_en', 'text', (c) => c.notNull())
      .addColumn('case_id', t.id)
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('notification_digest_item_user')
      .on('notification_digest_item')
      .columns(['user_id', 'id'])
      .execute();
  },
};
