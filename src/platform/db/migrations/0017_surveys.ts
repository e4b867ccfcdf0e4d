// Resident satisfaction surveys (人民满意度测评): questionnaires as data, households sampled per village, one answer
// per sampled household, answers kept apart from the households that gave them.
import { columnTypes, makeAppendOnly, type Migration } from '../columns.js';

export const migration: Migration = {
  name: '0017_surveys',
  async up(db, dialect) {
    const t = columnTypes(dialect);

    await db.schema
      .createTable('survey')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('year', t.int, (c) => c.notNull())
      .addColumn('owner_org_id', t.id, (c) => c.notNull())
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('body', t.json, (c) => c.notNull())
      .addColumn('share', t.real, (c) => c.notNull())
      .addColumn('min_per_village', t.int, (c) => c.notNull())
      .addColumn('coverage', t.real, (c) => c.notNull())
      .addColumn('dont_know_rule', 'text', (c) => c.notNull())
      .addColumn('min_answers', t.int, (c) => c.notNull())
      .addColumn('ends_at', t.instant, (c) => c.notNull())
      .addColumn('created_by', t.id)
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('opened_at', t.instant)
      .addColumn('closed_at', t.instant)
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('survey_path').on('survey').columns(['org_path', 'year']).execute();

    // One row per village of the survey: its households, the sample drawn, answers and the running score.
    await db.schema
      .createTable('survey_village')
      .addColumn('survey_id', t.id, (c) => c.notNull().references('survey.id'))
      .addColumn('village_id', t.id, (c) => c.notNull())
      .addColumn('village_path', t.path, (c) => c.notNull())
      .addColumn('village_name', 'text', (c) => c.notNull())
      .addColumn('town_name', 'text', (c) => c.notNull())
      .addColumn('households', t.int, (c) => c.notNull())
      .addColumn('sampled', t.int, (c) => c.notNull())
      .addColumn('answered', t.int, (c) => c.notNull())
      .addColumn('scored', t.int, (c) => c.notNull())
      .addColumn('score_sum', t.real, (c) => c.notNull())
      .addPrimaryKeyConstraint('survey_village_pk', ['survey_id', 'village_id'])
      .execute();
    await db.schema
      .createIndex('survey_village_path')
      .on('survey_village')
      .columns(['village_path', 'survey_id'])
      .execute();

    // The sampled households; the token of the phone link is kept as a hash (to find it) and sealed (to print it).
    await db.schema
      .createTable('survey_sample')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('survey_id', t.id, (c) => c.notNull().references('survey.id'))
      .addColumn('household_id', t.id, (c) => c.notNull())
      .addColumn('village_id', t.id, (c) => c.notNull())
      .addColumn('village_path', t.path, (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull())
      .addColumn('token_enc', 'text', (c) => c.notNull())
      .addColumn('answered_on', 'text')
      .addColumn('channel', 'text')
      .execute();
    await db.schema
      .createIndex('survey_sample_once')
      .on('survey_sample')
      .columns(['survey_id', 'household_id'])
      .unique()
      .execute();
    await db.schema
      .createIndex('survey_sample_token')
      .on('survey_sample')
      .column('token_hash')
      .unique()
      .execute();
    await db.schema
      .createIndex('survey_sample_village')
      .on('survey_sample')
      .columns(['survey_id', 'village_id', 'id'])
      .execute();

    // Answers carry their village and day, never the household or the time of day; never changed once given (scope
    // comes through the survey's village row, so no path here has to follow the tree).
    await db.schema
      .createTable('survey_answer')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('survey_id', t.id, (c) => c.notNull().references('survey.id'))
      .addColumn('village_id', t.id, (c) => c.notNull())
      .addColumn('answers', t.json, (c) => c.notNull())
      .addColumn('score', t.real)
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('answered_on', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('survey_answer_village')
      .on('survey_answer')
      .columns(['survey_id', 'village_id', 'id'])
      .execute();
    await makeAppendOnly(db, dialect, 'survey_answer');
  },
};
