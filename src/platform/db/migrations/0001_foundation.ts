// Foundation: organisations (the spine), users, roles, sessions, login throttling, API tokens, audit log, rollup counters.
import { columnTypes, makeAppendOnly, type Migration } from '../columns.js';

export const migration: Migration = {
  name: '0001_foundation',
  async up(db, dialect) {
    const t = columnTypes(dialect);

    await db.schema
      .createTable('org')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('parent_id', t.id, (c) => c.references('org.id'))
      .addColumn('path', t.path, (c) => c.notNull())
      .addColumn('depth', t.int, (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('code', 'text')
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
      .addColumn('founded_on', 'text')
      .addColumn('sort_key', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('attrs', t.json)
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .addColumn('dissolved_at', t.instant)
      .execute();
    await db.schema.createIndex('org_path').on('org').column('path').unique().execute();
    await db.schema.createIndex('org_parent').on('org').columns(['parent_id', 'sort_key', 'id']).execute();
    await db.schema.createIndex('org_code').on('org').column('code').execute();
    await db.schema.createIndex('org_level').on('org').columns(['level', 'path']).execute();

    // Subtree totals per organisation and metric, adjusted on every change along the ancestor chain.
    await db.schema
      .createTable('org_rollup')
      .addColumn('org_id', t.id, (c) => c.notNull().references('org.id'))
      .addColumn('metric', 'text', (c) => c.notNull())
      .addColumn('value', t.bigint, (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('org_rollup_pk', ['org_id', 'metric'])
      .execute();

    await db.schema
      .createTable('app_user')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
      .addColumn('locale', 'text', (c) => c.notNull().defaultTo('zh-CN'))
      .addColumn('member_id', t.id)
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('user_role')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('user_id', t.id, (c) => c.notNull().references('app_user.id'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('org_id', t.id, (c) => c.notNull().references('org.id'))
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('user_role_user').on('user_role').column('user_id').execute();
    await db.schema.createIndex('user_role_org').on('user_role').columns(['org_id', 'role']).execute();

    await db.schema
      .createTable('session')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', t.id, (c) => c.notNull().references('app_user.id'))
      .addColumn('assignment_id', t.id)
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('expires_at', t.instant, (c) => c.notNull())
      .addColumn('last_seen_at', t.instant, (c) => c.notNull())
      .addColumn('ip', 'text')
      .addColumn('user_agent', 'text')
      .execute();
    await db.schema.createIndex('session_user').on('session').column('user_id').execute();

    await db.schema
      .createTable('login_throttle')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('failures', t.int, (c) => c.notNull())
      .addColumn('window_start', t.instant, (c) => c.notNull())
      .addColumn('locked_until', t.instant)
      .execute();

    await db.schema
      .createTable('api_token')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('prefix', 'text', (c) => c.notNull())
      .addColumn('user_id', t.id, (c) => c.references('app_user.id'))
      .addColumn('created_by', t.id)
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('last_used_at', t.instant)
      .addColumn('revoked_at', t.instant)
      .execute();

    // Small key/value facts about this installation (e.g. which demo stages have run).
    await db.schema
      .createTable('app_setting')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('audit_log')
      .addColumn('id', t.serial, (c) => c.primaryKey())
      .addColumn('at', t.instant, (c) => c.notNull())
      .addColumn('actor_id', t.id)
      .addColumn('actor_name', 'text')
      .addColumn('actor_role', 'text')
      .addColumn('ip', 'text')
      .addColumn('request_id', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('entity_type', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text')
      .addColumn('org_path', t.path)
      .addColumn('detail', t.json)
      .execute();
    await db.schema.createIndex('audit_org').on('audit_log').columns(['org_path', 'id']).execute();
    await db.schema
      .createIndex('audit_entity')
      .on('audit_log')
      .columns(['entity_type', 'entity_id'])
      .execute();
    await db.schema.createIndex('audit_actor').on('audit_log').columns(['actor_id', 'id']).execute();
    await makeAppendOnly(db, dialect, 'audit_log');
  },
};
