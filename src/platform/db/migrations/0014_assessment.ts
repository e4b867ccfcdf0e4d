// Five basics, five stars (五基达标、五星争创): indicator trees per year, the cycle, score sheets and lines, evidence,
// the append-only change log, public notices (公示) with objections, and the stars awarded.
import { columnTypes, makeAppendOnly, type Migration } from '../columns.js';

export const migration: Migration = {
  name: '0014_assessment',
  async up(db, dialect) {
    const t = columnTypes(dialect);

    await db.schema
      .createTable('assessment_tree')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('year', t.int, (c) => c.notNull())
      .addColumn('version', t.int, (c) => c.notNull())
      .addColumn('body', t.json, (c) => c.notNull())
      .addColumn('frozen_at', t.instant)
      .addColumn('created_by', t.id)
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addUniqueConstraint('assessment_tree_version', ['year', 'version'])
      .execute();

    await db.schema
      .createTable('assessment_cycle')
      .addColumn('year', t.int, (c) => c.primaryKey())
      .addColumn('tree_id', t.id, (c) => c.notNull().references('assessment_tree.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('opened_at', t.instant, (c) => c.notNull())
      .addColumn('opened_by', t.id)
      .execute();

    await db.schema
      .createTable('assessment_notice')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('year', t.int, (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('starts_at', t.instant, (c) => c.notNull())
      .addColumn('ends_at', t.instant, (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_by', t.id)
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('closed_at', t.instant)
      .execute();

    await db.schema
      .createTable('assessment_sheet')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('year', t.int, (c) => c.notNull())
      .addColumn('tree_id', t.id, (c) => c.notNull().references('assessment_tree.id'))
      .addColumn('org_id', t.id, (c) => c.notNull())
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('org_name', 'text', (c) => c.notNull())
      .addColumn('town_name', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('notice_id', t.id, (c) => c.references('assessment_notice.id'))
      .addColumn('computed_at', t.instant)
      .addColumn('submitted_at', t.instant)
      .addColumn('reviewed_at', t.instant)
      .addColumn('approved_at', t.instant)
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .addUniqueConstraint('assessment_sheet_once', ['year', 'org_id'])
      .execute();
    await db.schema
      .createIndex('assessment_sheet_path')
      .on('assessment_sheet')
      .columns(['org_path'])
      .execute();

    await db.schema
      .createTable('assessment_line')
      .addColumn('sheet_id', t.id, (c) => c.notNull().references('assessment_sheet.id'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('figure', t.real)
      .addColumn('figure_points', t.real)
      .addColumn('records', t.json)
      .addColumn('self_points', t.real)
      .addColumn('self_note', 'text')
      .addColumn('adjusted_points', t.real)
      .addColumn('adjusted_reason', 'text')
      .addColumn('adjusted_by', t.id)
      .addColumn('adjusted_at', t.instant)
      .addColumn('evidence_ids', t.json, (c) => c.notNull())
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .addPrimaryKeyConstraint('assessment_line_pk', ['sheet_id', 'code'])
      .execute();

    await db.schema
      .createTable('assessment_evidence')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('org_id', t.id, (c) => c.notNull())
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('url', 'text')
      .addColumn('note', 'text')
      .addColumn('created_by', t.id)
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('assessment_evidence_path')
      .on('assessment_evidence')
      .column('org_path')
      .execute();

    await db.schema
      .createTable('assessment_change')
      .addColumn('id', t.serial, (c) => c.primaryKey())
      .addColumn('sheet_id', t.id, (c) => c.notNull())
      .addColumn('year', t.int, (c) => c.notNull())
      .addColumn('code', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('from_value', t.real)
      .addColumn('to_value', t.real)
      .addColumn('reason', 'text')
      .addColumn('actor_id', t.id)
      .addColumn('actor_name', 'text')
      .addColumn('at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('assessment_change_sheet')
      .on('assessment_change')
      .columns(['sheet_id', 'id'])
      .execute();
    await makeAppendOnly(db, dialect, 'assessment_change');

    await db.schema
      .createTable('assessment_objection')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('notice_id', t.id, (c) => c.notNull().references('assessment_notice.id'))
      .addColumn('sheet_id', t.id, (c) => c.notNull().references('assessment_sheet.id'))
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('line_code', 'text')
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('answer', 'text')
      .addColumn('changed_points', t.real)
      .addColumn('answered_by', t.id)
      .addColumn('answered_at', t.instant)
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('assessment_objection_sheet')
      .on('assessment_objection')
      .column('sheet_id')
      .execute();

    await db.schema
      .createTable('assessment_award')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('year', t.int, (c) => c.notNull())
      .addColumn('sheet_id', t.id, (c) => c.notNull().references('assessment_sheet.id'))
      .addColumn('org_id', t.id, (c) => c.notNull())
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('org_name', 'text', (c) => c.notNull())
      .addColumn('level', t.int, (c) => c.notNull())
      .addColumn('previous_level', t.int, (c) => c.notNull())
      .addColumn('stars', t.json, (c) => c.notNull())
      .addColumn('movement', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('decided_by', t.id)
      .addColumn('decided_at', t.instant, (c) => c.notNull())
      .addUniqueConstraint('assessment_award_once', ['year', 'org_id'])
      .execute();
    await db.schema.createIndex('assessment_award_path').on('assessment_award').column('org_path').execute();
  },
};
