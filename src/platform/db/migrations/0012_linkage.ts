// The linkage (联动) of the five-level system: central-household heads' visits to their linked households, and
// appeals travelling up the chain central household → party group → branch → village → town, each step on record.
import { columnTypes, makeAppendOnly, type Migration } from '../columns.js';

export const migration: Migration = {
  name: '0012_linkage',
  async up(db, dialect) {
    const t = columnTypes(dialect);

    await db.schema
      .createTable('linkage_visit')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('household_id', t.id, (c) => c.notNull())
      .addColumn('central_household_id', t.id, (c) => c.notNull())
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('visited_at', t.instant, (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('heard', 'text', (c) => c.notNull())
      .addColumn('lng', t.real)
      .addColumn('lat', t.real)
      .addColumn('recorded_by', t.id)
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('linkage_visit_household')
      .on('linkage_visit')
      .columns(['household_id', 'visited_at'])
      .execute();
    await db.schema
      .createIndex('linkage_visit_path')
      .on('linkage_visit')
      .columns(['org_path', 'visited_at'])
      .execute();

    await db.schema
      .createTable('linkage_appeal')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
      .addColumn('household_id', t.id, (c) => c.notNull())
      .addColumn('central_household_id', t.id, (c) => c.notNull())
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('level_org_id', t.id, (c) => c.notNull())
      .addColumn('highest_level', 'text', (c) => c.notNull())
      .addColumn('concluded_level', 'text')
      .addColumn('outcome', 'text')
      .addColumn('case_id', t.id)
      .addColumn('is_overdue', t.bool, (c) => c.notNull())
      .addColumn('level_since', t.instant, (c) => c.notNull())
      .addColumn('due_at', t.instant)
      .addColumn('recorded_at', t.instant, (c) => c.notNull())
      .addColumn('concluded_at', t.instant)
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('linkage_appeal_path')
      .on('linkage_appeal')
      .columns(['org_path', 'recorded_at'])
      .execute();
    await db.schema
      .createIndex('linkage_appeal_queue')
      .on('linkage_appeal')
      .columns(['level_org_id', 'status', 'id'])
      .execute();
    await db.schema
      .createIndex('linkage_appeal_household')
      .on('linkage_appeal')
      .columns(['household_id', 'recorded_at'])
      .execute();

    await db.schema
      .createTable('linkage_appeal_step')
      .addColumn('id', t.serial, (c) => c.primaryKey())
      .addColumn('appeal_id', t.id, (c) => c.notNull())
      .addColumn('seq', t.int, (c) => c.notNull())
      .addColumn('at', t.instant, (c) => c.notNull())
      .addColumn('actor_id', t.id)
      .addColumn('actor_name', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('from_level', 'text')
      .addColumn('to_level', 'text', (c) => c.notNull())
      .addColumn('from_status', 'text')
      .addColumn('to_status', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .execute();
    await db.schema
      .createIndex('linkage_appeal_step_appeal')
      .on('linkage_appeal_step')
      .columns(['appeal_id', 'seq'])
      .unique()
      .execute();
    await makeAppendOnly(db, dialect, 'linkage_appeal_step');
  },
};
