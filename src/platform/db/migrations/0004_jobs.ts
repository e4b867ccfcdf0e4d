// Job queue: due timers (case deadlines, call-backs) and deliveries (notifications), claimed atomically.
import { columnTypes, type Migration } from '../columns.js';

export const migration: Migration = {
  name: '0004_jobs',
  async up(db, dialect) {
    const t = columnTypes(dialect);
    await db.schema
      .createTable('job')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.unique())
      .addColumn('due_at', t.instant, (c) => c.notNull())
      .addColumn('payload', t.json)
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', t.int, (c) => c.notNull().defaultTo(0))
      .addColumn('lease_until', t.instant)
      .addColumn('last_error', 'text')
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('done_at', t.instant)
      .execute();
    await db.schema.createIndex('job_due').on('job').columns(['status', 'due_at']).execute();
  },
};
