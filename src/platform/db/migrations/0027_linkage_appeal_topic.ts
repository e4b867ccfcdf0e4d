// An appeal the chain turned into a consultation topic names the topic, as one turned into a case names the case.
import { columnTypes, type Migration } from '../columns.js';

export const migration: Migration = {
  name: '0027_linkage_appeal_topic',
  async up(db, dialect) {
    const t = columnTypes(dialect);
    await db.schema.alterTable('linkage_appeal').addColumn('topic_id', t.id).execute();
  },
};
