// The command view (驾驶舱): tiles' stored figures (a tile too costly to count on every screen keeps its last answer
// per organisation, with the time it was counted), early-warning rules as data, and the alerts they raise, each
// tracked to what was done about it; and the index the screen's open-case figures read.
import { columnTypes, type Migration } from '../columns.js';

export const migration: Migration = {
  name: '0021_command',
  async up(db, dialect) {
    const t = columnTypes(dialect);

    await db.schema
      .createTable('command_tile_figure')
      .addColumn('tile_code', 'text', (c) => c.notNull())
      .addColumn('org_id', t.id, (c) => c.notNull())
      .addColumn('answer', t.json, (c) => c.notNull())
      .addColumn('counted_at', t.instant, (c) => c.notNull())
      .addPrimaryKeyConstraint('command_tile_figure_pk', ['tile_code', 'org_id'])
      .execute();

    await db.schema
      .createTable('warning_rule')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('org_id', t.id, (c) => c.notNull())
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('category_code', 'text')
      .addColumn('area', 'text', (c) => c.notNull())
      .addColumn('window_hours', t.int, (c) => c.notNull())
      .addColumn('threshold', t.int, (c) => c.notNull())
      .addColumn('ratio', t.real)
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('is_active', t.bool, (c) => c.notNull())
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('warning_rule_path').on('warning_rule').column('org_path').execute();

    await db.schema
      .createTable('warning_alert')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('rule_id', t.id, (c) => c.notNull())
      .addColumn('org_id', t.id, (c) => c.notNull())
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('grid_id', t.id)
      .addColumn('category_code', 'text')
      /** What the alert is about inside its rule: unit and category, or a reporter's hashed key; never a name. */
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('count', t.int, (c) => c.notNull())
      .addColumn('baseline', t.int)
      .addColumn('window_from', t.instant, (c) => c.notNull())
      .addColumn('window_to', t.instant, (c) => c.notNull())
      .addColumn('case_ids', t.json, (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('action_kind', 'text')
      .addColumn('action_ref', 'text')
      .addColumn('action_note', 'text')
      .addColumn('acted_at', t.instant)
      .addColumn('acted_by', t.id)
      .addColumn('outcome_note', 'text')
      .addColumn('finished_at', t.instant)
      .addColumn('raised_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('warning_alert_subject')
      .on('warning_alert')
      .columns(['rule_id', 'subject', 'window_to'])
      .execute();
    await db.schema
      .createIndex('warning_alert_path')
      .on('warning_alert')
      .columns(['org_path', 'raised_at'])
      .execute();
    // The screen's open-case figures (counts, lights and cards per child unit, the grid map's colours, the most
    // overdue, ordered by deadline and id) read this index alone: at the district root that is every open case, and
    // without the unit, clock and card columns here each one cost a visit to the table row.
    await db.schema
      .createIndex('case_open_units')
      .on('case_file')
      .columns([
        'state',
        'org_path',
        'town_id',
        'village_id',
        'grid_id',
        'paused_at',
        'deadline_at',
        'yellow_at',
        'supervision',
        'id',
      ])
      .execute();
  },
};
