// Grids (一张网): polygons, staff, history, outlines; and grid patrols.
import { columnTypes, type Migration } from '../columns.js';

export const migration: Migration = {
  name: '0003_grids',
  async up(db, dialect) {
    const t = columnTypes(dialect);

    await db.schema
      .createTable('grid')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('sub_type', 'text')
      .addColumn('village_id', t.id, (c) => c.notNull().references('org.id'))
      .addColumn('town_id', t.id, (c) => c.notNull().references('org.id'))
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('geometry', t.json, (c) => c.notNull())
      .addColumn('min_lng', t.real, (c) => c.notNull())
      .addColumn('min_lat', t.real, (c) => c.notNull())
      .addColumn('max_lng', t.real, (c) => c.notNull())
      .addColumn('max_lat', t.real, (c) => c.notNull())
      .addColumn('area_m2', t.real, (c) => c.notNull())
      .addColumn('nets', t.json, (c) => c.notNull())
      .addColumn('party_org_kind', 'text')
      .addColumn('party_org_id', t.id, (c) => c.references('org.id'))
      .addColumn('central_household_id', t.id)
      .addColumn('household_count', t.int, (c) => c.notNull().defaultTo(0))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('version', t.int, (c) => c.notNull())
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .addColumn('retired_at', t.instant)
      .execute();
    // Codes are unique among all grids, retired ones included, so a code always names one history.
    await db.schema.createIndex('grid_code').on('grid').column('code').unique().execute();
    await db.schema.createIndex('grid_scope').on('grid').columns(['org_path', 'code']).execute();
    await db.schema.createIndex('grid_village').on('grid').columns(['village_id', 'status']).execute();
    await db.schema.createIndex('grid_bbox').on('grid').columns(['min_lng', 'max_lng']).execute();

    await db.schema
      .createTable('grid_staff')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('grid_id', t.id, (c) => c.notNull().references('grid.id'))
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('phone_enc', 'text')
      .addColumn('phone_masked', 'text')
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('user_id', t.id, (c) => c.references('app_user.id'))
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('removed_at', t.instant)
      .execute();
    await db.schema.createIndex('grid_staff_grid').on('grid_staff').columns(['grid_id', 'role']).execute();
    await db.schema.createIndex('grid_staff_user').on('grid_staff').column('user_id').execute();

    await db.schema
      .createTable('grid_version')
      .addColumn('id', t.serial, (c) => c.primaryKey())
      .addColumn('grid_id', t.id, (c) => c.notNull().references('grid.id'))
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('version', t.int, (c) => c.notNull())
      .addColumn('change', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('geometry', t.json)
      .addColumn('related', t.json)
      .addColumn('reason', 'text')
      .addColumn('actor_id', t.id)
      .addColumn('at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('grid_version_grid')
      .on('grid_version')
      .columns(['grid_id', 'version'])
      .execute();

    await db.schema
      .createTable('grid_outline')
      .addColumn('org_id', t.id, (c) => c.primaryKey().references('org.id'))
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('geometry', t.json, (c) => c.notNull())
      .addColumn('min_lng', t.real, (c) => c.notNull())
      .addColumn('min_lat', t.real, (c) => c.notNull())
      .addColumn('max_lng', t.real, (c) => c.notNull())
      .addColumn('max_lat', t.real, (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('grid_outline_scope')
      .on('grid_outline')
      .columns(['org_path', 'level'])
      .execute();

    await db.schema
      .createTable('patrol')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('grid_id', t.id, (c) => c.notNull().references('grid.id'))
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('user_id', t.id, (c) => c.notNull().references('app_user.id'))
      .addColumn('worker_name', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('started_at', t.instant, (c) => c.notNull())
      .addColumn('ended_at', t.instant)
      .addColumn('note', 'text')
      .addColumn('point_count', t.int, (c) => c.notNull().defaultTo(0))
      .addColumn('distance_m', t.real, (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('patrol_grid').on('patrol').columns(['grid_id', 'started_at']).execute();
    await db.schema.createIndex('patrol_user').on('patrol').columns(['user_id', 'started_at']).execute();
    await db.schema.createIndex('patrol_scope').on('patrol').columns(['org_path', 'started_at']).execute();

    await db.schema
      .createTable('patrol_point')
      .addColumn('id', t.serial, (c) => c.primaryKey())
      .addColumn('patrol_id', t.id, (c) => c.notNull().references('patrol.id'))
      .addColumn('at', t.instant, (c) => c.notNull())
      .addColumn('lng', t.real, (c) => c.notNull())
      .addColumn('lat', t.real, (c) => c.notNull())
      .addColumn('accuracy_m', t.real)
      .addColumn('note', 'text')
      .addColumn('case_id', t.id)
      .execute();
    await db.schema
      .createIndex('patrol_point_patrol')
      .on('patrol_point')
      .columns(['patrol_id', 'at'])
      .execute();
  },
};
