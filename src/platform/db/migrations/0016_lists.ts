// The four lists (权力清单、责任清单、服务清单、负面清单) per level with their versions and counted refusals, and grid
// task admission (网格事项准入): the admitted tasks and applications, and the tasks put on grid workers.
// The service list's catalogue fields and the duty list's routing rules stay in the cases tables: nothing is copied.
import { columnTypes, type Migration } from '../columns.js';

export const migration: Migration = {
  name: '0016_lists',
  async up(db, dialect) {
    const t = columnTypes(dialect);

    await db.schema
      .createTable('list_item')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('owner_org_id', t.id, (c) => c.notNull())
      .addColumn('owner_path', t.path, (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('basis', 'text', (c) => c.notNull())
      .addColumn('steps', t.json, (c) => c.notNull())
      .addColumn('documents', t.json, (c) => c.notNull())
      .addColumn('time_limit', t.json)
      .addColumn('responsible', 'text', (c) => c.notNull())
      .addColumn('governance', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('expires_at', t.instant)
      .addColumn('category_code', 'text')
      .addColumn('task_code', 'text')
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('list_item_owner')
      .on('list_item')
      .columns(['owner_path', 'level', 'kind', 'code'])
      .execute();
    await db.schema.createIndex('list_item_category').on('list_item').columns(['category_code']).execute();

    await db.schema
      .createTable('list_version')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('owner_org_id', t.id, (c) => c.notNull())
      .addColumn('owner_path', t.path, (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('version', t.int, (c) => c.notNull())
      .addColumn('catalogue_version', t.int, (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('created_by', t.id)
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('snapshot', t.json, (c) => c.notNull())
      .addUniqueConstraint('list_version_unique', ['owner_org_id', 'level', 'version'])
      .execute();

    await db.schema
      .createTable('list_refusal')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('item_id', t.id)
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('case_id', t.id)
      .addColumn('category_code', 'text')
      .addColumn('task_code', 'text')
      .addColumn('actor_user_id', t.id)
      .addColumn('at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('list_refusal_path').on('list_refusal').columns(['org_path', 'at']).execute();

    await db.schema
      .createTable('admission_item')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('owner_org_id', t.id, (c) => c.notNull())
      .addColumn('owner_path', t.path, (c) => c.notNull())
      .addColumn('task_kind', 'text', (c) => c.notNull())
      .addColumn('task_code', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('department_id', t.id)
      .addColumn('department_name', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('weekly_load', t.int, (c) => c.notNull())
      .addColumn('duration_days', t.int)
      .addColumn('is_emergency', t.bool, (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('starts_at', t.instant)
      .addColumn('expires_at', t.instant)
      .addColumn('applied_by', t.id)
      .addColumn('decided_by', t.id)
      .addColumn('decided_at', t.instant)
      .addColumn('decision_note', 'text')
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('admission_item_owner')
      .on('admission_item')
      .columns(['owner_path', 'task_code'])
      .execute();

    await db.schema
      .createTable('admission_assignment')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('item_id', t.id)
      .addColumn('task_kind', 'text', (c) => c.notNull())
      .addColumn('task_code', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('grid_id', t.id, (c) => c.notNull())
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('worker_user_id', t.id)
      .addColumn('worker_name', 'text', (c) => c.notNull())
      .addColumn('case_id', t.id)
      .addColumn('assigned_by', t.id)
      .addColumn('assigned_at', t.instant, (c) => c.notNull())
      .addColumn('week', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('admission_assignment_path')
      .on('admission_assignment')
      .columns(['org_path', 'week'])
      .execute();
    await db.schema
      .createIndex('admission_assignment_worker')
      .on('admission_assignment')
      .columns(['worker_user_id', 'assigned_at'])
      .execute();
  },
};
