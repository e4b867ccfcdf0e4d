// The assessment of the people in charge (考核评价): one computed score sheet per year, post and unit (a village's
// secretary, a town's platform leader, a district department's head), with its rank within the peer group.
import { columnTypes, type Migration } from '../columns.js';

export const migration: Migration = {
  name: '0025_assessment_leaders',
  async up(db, dialect) {
    const t = columnTypes(dialect);
    await db.schema
      .createTable('assessment_leader_score')
      .addColumn('year', t.int, (c) => c.notNull())
      .addColumn('post', 'text', (c) => c.notNull())
      .addColumn('unit_id', t.id, (c) => c.notNull())
      .addColumn('unit_path', t.path, (c) => c.notNull())
      .addColumn('unit_name', 'text', (c) => c.notNull())
      .addColumn('town_id', t.id)
      .addColumn('town_name', 'text')
      .addColumn('peer_group', 'text', (c) => c.notNull())
      .addColumn('platform', 'text')
      .addColumn('person_kind', 'text')
      .addColumn('person_id', t.id)
      .addColumn('person_name', 'text')
      .addColumn('lines', t.json, (c) => c.notNull())
      .addColumn('total', t.real)
      .addColumn('coverage', t.real, (c) => c.notNull())
      .addColumn('peer_rank', t.int)
      .addColumn('peer_size', t.int, (c) => c.notNull())
      .addColumn('town_rank', t.int)
      .addColumn('computed_at', t.instant, (c) => c.notNull())
      .addPrimaryKeyConstraint('assessment_leader_score_pk', ['year', 'post', 'unit_id'])
      .execute();
    await db.schema
      .createIndex('assessment_leader_score_path')
      .on('assessment_leader_score')
      .columns(['year', 'post', 'unit_path'])
      .execute();
  },
};
