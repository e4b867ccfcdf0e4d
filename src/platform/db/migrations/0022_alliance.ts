// The regional party-building alliance (区域党建共同体): alliances convened by a district, town or community, their
// member units with the commitment each signed, and the three lists (demands, resources, projects) whose items are
// matched, agreed, delivered and evaluated.
import { columnTypes, type Migration } from '../columns.js';

export const migration: Migration = {
  name: '0022_alliance',
  async up(db, dialect) {
    const t = columnTypes(dialect);

    await db.schema
      .createTable('alliance')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('org_id', t.id, (c) => c.notNull().unique())
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('charter', 'text', (c) => c.notNull())
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('alliance_path').on('alliance').column('org_path').execute();

    await db.schema
      .createTable('alliance_member')
      .addColumn('alliance_id', t.id, (c) => c.notNull().references('alliance.id'))
      .addColumn('org_id', t.id, (c) => c.notNull())
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('commitment', 'text', (c) => c.notNull())
      .addColumn('signed_at', t.instant, (c) => c.notNull())
      .addColumn('left_at', t.instant)
      .addPrimaryKeyConstraint('alliance_member_pk', ['alliance_id', 'org_id'])
      .execute();
    await db.schema.createIndex('alliance_member_path').on('alliance_member').column('org_path').execute();

    await db.schema
      .createTable('alliance_item')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('alliance_id', t.id, (c) => c.notNull().references('alliance.id'))
      .addColumn('owner_org_id', t.id, (c) => c.notNull())
      .addColumn('owner_path', t.path, (c) => c.notNull())
      .addColumn('list', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('detail', 'text', (c) => c.notNull())
      .addColumn('quantity', t.int)
      .addColumn('available_from', t.instant)
      .addColumn('available_to', t.instant)
      .addColumn('needed_by', t.instant)
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_by', t.id)
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('alliance_item_list')
      .on('alliance_item')
      .columns(['alliance_id', 'list', 'status', 'created_at'])
      .execute();
    await db.schema.createIndex('alliance_item_owner').on('alliance_item').column('owner_path').execute();

    await db.schema
      .createTable('alliance_match')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('alliance_id', t.id, (c) => c.notNull().references('alliance.id'))
      .addColumn('demand_id', t.id, (c) => c.notNull().references('alliance_item.id'))
      .addColumn('offer_id', t.id, (c) => c.notNull().references('alliance_item.id'))
      .addColumn('provider_org_id', t.id, (c) => c.notNull())
      .addColumn('provider_path', t.path, (c) => c.notNull())
      .addColumn('quantity', t.int)
      .addColumn('commitment', 'text', (c) => c.notNull())
      .addColumn('due_at', t.instant, (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('agreed_by', t.id)
      .addColumn('agreed_at', t.instant, (c) => c.notNull())
      .addColumn('delivered_at', t.instant)
      .addColumn('delivery_note', 'text')
      .addColumn('delivered_by', t.id)
      .addColumn('rating', t.int)
      .addColumn('evaluation_note', 'text')
      .addColumn('evaluated_at', t.instant)
      .addColumn('evaluated_by', t.id)
      .execute();
    await db.schema.createIndex('alliance_match_demand').on('alliance_match').column('demand_id').execute();
    await db.schema
      .createIndex('alliance_match_offer')
      .on('alliance_match')
      .columns(['offer_id', 'status'])
      .execute();
    await db.schema
      .createIndex('alliance_match_alliance')
      .on('alliance_match')
      .columns(['alliance_id', 'agreed_at'])
      .execute();
  },
};
