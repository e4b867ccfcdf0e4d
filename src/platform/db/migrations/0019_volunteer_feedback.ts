// Sunshine relief visits get their photo (one per visit, re-encoded without metadata), and the feedback the platform
// sends each quarter (a unit's members' hours to the unit, a branch's unregistered and behind-the-bar members to the
// branch) is recorded once per organisation and quarter: what was sent, when, to how many accounts.
import { columnTypes, type Migration } from '../columns.js';

export const migration: Migration = {
  name: '0019_volunteer_feedback',
  async up(db, dialect) {
    const t = columnTypes(dialect);

    await db.schema
      .createTable('relief_visit_photo')
      .addColumn('visit_id', t.id, (c) => c.primaryKey())
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('bytes', t.bytes, (c) => c.notNull())
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('height', 'integer', (c) => c.notNull())
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('volunteer_feedback')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('org_id', t.id, (c) => c.notNull())
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('members', 'integer', (c) => c.notNull())
      .addColumn('unregistered', 'integer', (c) => c.notNull())
      .addColumn('behind_bar', 'integer', (c) => c.notNull())
      .addColumn('minutes', t.int, (c) => c.notNull())
      .addColumn('recipients', 'integer', (c) => c.notNull())
      .addColumn('sent_at', t.instant, (c) => c.notNull())
      .addUniqueConstraint('volunteer_feedback_once', ['kind', 'org_id', 'period'])
      .execute();
    await db.schema
      .createIndex('volunteer_feedback_path')
      .on('volunteer_feedback')
      .columns(['org_path', 'period'])
      .execute();
  },
};
