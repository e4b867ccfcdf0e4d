// Topics proposed from recurring appeals (诉求热点): which category of which council's village recurred, how often,
// and the cases behind it, so the branch sees the records and the same hotspot is not proposed twice in one window.
import { columnTypes, type Migration } from '../columns.js';

export const migration: Migration = {
  name: '0020_consultation_hotspots',
  async up(db, dialect) {
    const t = columnTypes(dialect);

    await db.schema
      .createTable('consultation_hotspot')
      .addColumn('topic_id', t.id, (c) => c.primaryKey())
      .addColumn('council_id', t.id, (c) => c.notNull())
      .addColumn('category_code', 'text', (c) => c.notNull())
      .addColumn('case_count', t.int, (c) => c.notNull())
      .addColumn('window_from', t.instant, (c) => c.notNull())
      .addColumn('window_to', t.instant, (c) => c.notNull())
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('consultation_hotspot_council')
      .on('consultation_hotspot')
      .columns(['council_id', 'category_code', 'created_at'])
      .execute();

    await db.schema
      .createTable('consultation_topic_case')
      .addColumn('topic_id', t.id, (c) => c.notNull())
      .addColumn('case_id', t.id, (c) => c.notNull())
      .addPrimaryKeyConstraint('consultation_topic_case_pk', ['topic_id', 'case_id'])
      .execute();
  },
};
