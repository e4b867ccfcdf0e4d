// The alliance's joint meetings (联席会议: scheduled, held with minutes and the members present, or called off) and
// its brand projects (品牌项目) carried through the pipeline 申报 → 孵化 → 补链 → 强链 with partners, milestones and
// the convener's reviews.
import { columnTypes, type Migration } from '../columns.js';

export const migration: Migration = {
  name: '0023_alliance_projects',
  async up(db, dialect) {
    const t = columnTypes(dialect);

    await db.schema
      .createTable('alliance_meeting')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('alliance_id', t.id, (c) => c.notNull().references('alliance.id'))
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('place', 'text', (c) => c.notNull())
      .addColumn('agenda', 'text', (c) => c.notNull())
      .addColumn('scheduled_at', t.instant, (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('minutes', 'text')
      .addColumn('attendees', t.json, (c) => c.notNull())
      .addColumn('held_at', t.instant)
      .addColumn('created_by', t.id)
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('alliance_meeting_alliance')
      .on('alliance_meeting')
      .columns(['alliance_id', 'scheduled_at'])
      .execute();
    await db.schema
      .createIndex('alliance_meeting_path')
      .on('alliance_meeting')
      .columns(['org_path', 'scheduled_at'])
      .execute();

    await db.schema
      .createTable('alliance_brand')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('alliance_id', t.id, (c) => c.notNull().references('alliance.id'))
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('lead_org_id', t.id, (c) => c.notNull())
      .addColumn('lead_path', t.path, (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('partners', t.json, (c) => c.notNull())
      .addColumn('stage_at', t.instant, (c) => c.notNull())
      .addColumn('created_by', t.id)
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('alliance_brand_alliance')
      .on('alliance_brand')
      .columns(['alliance_id', 'stage'])
      .execute();
    await db.schema.createIndex('alliance_brand_path').on('alliance_brand').column('org_path').execute();
    await db.schema.createIndex('alliance_brand_lead').on('alliance_brand').column('lead_path').execute();

    // What happened to a brand project, oldest first: milestones (due, then done), reviews with a score and the
    // gaps they found, and each change of stage.
    await db.schema
      .createTable('alliance_brand_event')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('brand_id', t.id, (c) => c.notNull().references('alliance_brand.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('score', t.int)
      .addColumn('stage', 'text')
      .addColumn('due_at', t.instant)
      .addColumn('done_at', t.instant)
      .addColumn('by_user', t.id)
      .addColumn('at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('alliance_brand_event_brand')
      .on('alliance_brand_event')
      .columns(['brand_id', 'at'])
      .execute();
  },
};
