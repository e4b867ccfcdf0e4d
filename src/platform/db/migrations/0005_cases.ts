// Cases through the four platforms: catalogue (versioned), routing rules, cases, steps, parties, facts, call-backs, photos, idempotency, calendar.
import { sql } from 'kysely';
import calendar from '../../../calendar/china-2025-2026.json' with { type: 'json' };
import { columnTypes, makeAppendOnly, type Migration } from '../columns.js';

/** The metric columns as they were when this migration was written (a later metric needs its own migration). */
const FACT_COLUMNS = [
  'reported',
  'valid',
  'registered',
  'registered_on_time',
  'dispatched',
  'dispatched_right',
  'responded',
  'due_handle',
  'handled_on_time',
  'due_close',
  'closed',
  'closed_on_time',
  'reworked',
  'self_handled',
  'rated',
  'solved',
  'satisfied',
];

export const migration: Migration = {
  name: '0005_cases',
  async up(db, dialect) {
    const t = columnTypes(dialect);

    await db.schema
      .createTable('calendar_day')
      .addColumn('date', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .execute();
    // China's official holidays and adjusted working days for 2025–2026; later years are imported as data.
    for (const d of calendar.days) {
      await sql`insert into calendar_day (date, kind, name) values (${d.date}, ${d.kind}, ${d.name})`.execute(
        db,
      );
    }

    await db.schema
      .createTable('case_category')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('parent_code', 'text')
      .addColumn('depth', t.int, (c) => c.notNull())
      .addColumn('name_zh', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('net', 'text', (c) => c.notNull())
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('registration_condition', 'text', (c) => c.notNull())
      .addColumn('closing_condition', 'text', (c) => c.notNull())
      .addColumn('limits', t.json, (c) => c.notNull())
      .addColumn('department', 'text', (c) => c.notNull())
      .addColumn('self_handle', t.bool, (c) => c.notNull())
      .addColumn('duplicate_radius_m', t.int, (c) => c.notNull())
      .addColumn('fields', t.json, (c) => c.notNull())
      .addColumn('keywords', 'text', (c) => c.notNull())
      .addColumn('active', t.bool, (c) => c.notNull())
      .addColumn('sort_key', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('catalogue_version')
      .addColumn('version', t.int, (c) => c.primaryKey())
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('created_by', t.id)
      .addColumn('note', 'text')
      .addColumn('snapshot', t.json, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('routing_rule')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('category_code', 'text')
      .addColumn('area_org_id', t.id)
      .addColumn('area_path', t.path)
      .addColumn('grid_id', t.id)
      .addColumn('platform', 'text')
      .addColumn('department_id', t.id, (c) => c.notNull())
      .addColumn('limit_json', t.json)
      .addColumn('active', t.bool, (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('routing_rule_category')
      .on('routing_rule')
      .columns(['category_code', 'active'])
      .execute();

    await db.schema
      .createTable('case_file')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('category_code', 'text', (c) => c.notNull())
      .addColumn('catalogue_version', t.int, (c) => c.notNull())
      .addColumn('net', 'text', (c) => c.notNull())
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('urgency', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('address', 'text')
      .addColumn('lng', t.real)
      .addColumn('lat', t.real)
      .addColumn('grid_id', t.id)
      .addColumn('village_id', t.id)
      .addColumn('town_id', t.id)
      .addColumn('district_id', t.id, (c) => c.notNull())
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('department_id', t.id)
      .addColumn('department_path', t.path)
      .addColumn('handler_user_id', t.id)
      .addColumn('reporter_user_id', t.id)
      .addColumn('reporter_name_enc', 'text')
      .addColumn('reporter_phone_enc', 'text')
      .addColumn('reporter_phone_masked', 'text')
      .addColumn('reporter_key', 'text')
      .addColumn('is_anonymous', t.bool, (c) => c.notNull())
      .addColumn('merged_into_id', t.id)
      .addColumn('pending_request', 'text')
      .addColumn('pending_from_state', 'text')
      .addColumn('pending_minutes', t.int)
      .addColumn('reported_at', t.instant, (c) => c.notNull())
      .addColumn('registered_at', t.instant)
      .addColumn('dispatched_at', t.instant)
      .addColumn('handled_at', t.instant)
      .addColumn('closed_at', t.instant)
      .addColumn('limit_json', t.json)
      .addColumn('deadline_at', t.instant)
      .addColumn('yellow_at', t.instant)
      .addColumn('paused_at', t.instant)
      .addColumn('state_since', t.instant, (c) => c.notNull())
      .addColumn('step_deadline_at', t.instant)
      .addColumn('rework_count', t.int, (c) => c.notNull())
      .addColumn('return_count', t.int, (c) => c.notNull())
      .addColumn('extension_count', t.int, (c) => c.notNull())
      .addColumn('escalation_count', t.int, (c) => c.notNull())
      .addColumn('supervision', 'text')
      .addColumn('rating', t.int)
      .addColumn('rating_comment', 'text')
      .addColumn('rated_at', t.instant)
      .addColumn('self_handled', t.bool, (c) => c.notNull())
      .addColumn('extra', t.json)
      .addColumn('photo_count', t.int, (c) => c.notNull())
      .addColumn('patrol_id', t.id)
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .addColumn('version', t.int, (c) => c.notNull())
      .execute();
    // Keyset lists within a scope, newest first; queues by state; duplicates by category and place.
    await db.schema
      .createIndex('case_scope_time')
      .on('case_file')
      .columns(['org_path', 'reported_at', 'id'])
      .execute();
    await db.schema.createIndex('case_time').on('case_file').columns(['reported_at', 'id']).execute();
    await db.schema
      .createIndex('case_dept')
      .on('case_file')
      .columns(['department_path', 'reported_at'])
      .execute();
    await db.schema.createIndex('case_state').on('case_file').columns(['state', 'org_path']).execute();
    await db.schema.createIndex('case_grid').on('case_file').columns(['grid_id', 'state']).execute();
    await db.schema
      .createIndex('case_dup')
      .on('case_file')
      .columns(['category_code', 'state', 'lat'])
      .execute();
    await db.schema.createIndex('case_reporter').on('case_file').column('reporter_key').execute();

    await db.schema
      .createTable('case_step')
      .addColumn('id', t.serial, (c) => c.primaryKey())
      .addColumn('case_id', t.id, (c) => c.notNull())
      .addColumn('seq', t.int, (c) => c.notNull())
      .addColumn('at', t.instant, (c) => c.notNull())
      .addColumn('actor_id', t.id)
      .addColumn('actor_name', 'text')
      .addColumn('actor_role', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('from_state', 'text')
      .addColumn('to_state', 'text', (c) => c.notNull())
      .addColumn('comment', 'text')
      .addColumn('is_public', t.bool, (c) => c.notNull())
      .addColumn('data', t.json)
      .execute();
    await db.schema
      .createIndex('case_step_case')
      .on('case_step')
      .columns(['case_id', 'seq'])
      .unique()
      .execute();
    await makeAppendOnly(db, dialect, 'case_step');

    await db.schema
      .createTable('case_party')
      .addColumn('case_id', t.id, (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('user_id', t.id)
      .addColumn('org_id', t.id)
      .addColumn('name', 'text')
      .addPrimaryKeyConstraint('case_party_pk', ['case_id', 'role'])
      .execute();
    await db.schema.createIndex('case_party_user').on('case_party').columns(['user_id', 'case_id']).execute();
    await db.schema.createIndex('case_party_org').on('case_party').columns(['org_id', 'case_id']).execute();

    // Indicator facts derived from the step log: one row per unit (org, grid, department or person) and local day,
    // one column per metric, so a year of any unit is at most 366 rows however long the history.
    let facts = db.schema
      .createTable('case_fact')
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('day', t.int, (c) => c.notNull());
    for (const column of FACT_COLUMNS) {
      facts = facts.addColumn(column, t.int, (c) => c.notNull().defaultTo(0));
    }
    await facts.addPrimaryKeyConstraint('case_fact_pk', ['unit_id', 'day']).execute();

    await db.schema
      .createTable('case_callback')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('case_id', t.id, (c) => c.notNull())
      .addColumn('due_at', t.instant, (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('result', 'text')
      .addColumn('done_at', t.instant)
      .addColumn('done_by', t.id)
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('case_callback_status')
      .on('case_callback')
      .columns(['status', 'due_at'])
      .execute();
    await db.schema.createIndex('case_callback_case').on('case_callback').column('case_id').execute();

    await db.schema
      .createTable('case_photo')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('case_id', t.id, (c) => c.notNull())
      .addColumn('step_seq', t.int, (c) => c.notNull())
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('bytes', t.bytes, (c) => c.notNull())
      .addColumn('width', t.int, (c) => c.notNull())
      .addColumn('height', t.int, (c) => c.notNull())
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('case_photo_case')
      .on('case_photo')
      .columns(['case_id', 'step_seq'])
      .execute();

    await db.schema
      .createTable('idempotency_key')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('request_hash', 'text', (c) => c.notNull())
      .addColumn('case_id', t.id)
      .addColumn('response', t.json)
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .execute();

    // Full-text search over description and address without a word segmenter.
    if (dialect === 'postgres') {
      await sql`create extension if not exists pg_trgm`.execute(db);
      await sql`create index case_text_trgm on case_file using gin ((description || ' ' || coalesce(address, '')) gin_trgm_ops)`.execute(
        db,
      );
    } else {
      await sql`create virtual table case_fts using fts5(case_id unindexed, body, tokenize = 'trigram')`.execute(
        db,
      );
    }
  },
};
