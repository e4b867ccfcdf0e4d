// The town's leader in charge per platform (named on its cases as 分管领导), and what residents add to their case
// after reporting: more information and call-back requests (free-text numbers kept encrypted, like descriptions).
import { columnTypes, type Migration } from '../columns.js';

export const migration: Migration = {
  name: '0018_case_followups',
  async up(db, dialect) {
    const t = columnTypes(dialect);

    await db.schema
      .createTable('case_town_leader')
      .addColumn('town_id', t.id, (c) => c.notNull())
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('user_id', t.id, (c) => c.notNull())
      .addColumn('updated_by', t.id)
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .addPrimaryKeyConstraint('case_town_leader_pk', ['town_id', 'platform'])
      .execute();

    await db.schema
      .createTable('case_followup')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('case_id', t.id, (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('text_enc', 'text')
      .addColumn('phone_enc', 'text')
      .addColumn('phone_masked', 'text')
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('case_followup_case')
      .on('case_followup')
      .columns(['case_id', 'created_at'])
      .execute();
    // "Recent ratings" on a role's home: newest first within the scope.
    await db.schema.createIndex('case_file_rated').on('case_file').columns(['rated_at']).execute();
  },
};
