// The talent pool (人才资源库): profiles of capable residents and members with their skills as tags, place,
// availability and consent to be contacted (phone encrypted, blind-indexed and masked), and their assignments to
// demands, volunteer posts, consultation topics and grassroots posts (放到基层岗位锻炼培养).
import { columnTypes, type Migration } from '../columns.js';

export const migration: Migration = {
  name: '0024_talent',
  async up(db, dialect) {
    const t = columnTypes(dialect);

    await db.schema
      .createTable('talent_profile')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('org_id', t.id, (c) => c.notNull())
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('grid_id', t.id)
      .addColumn('member_id', t.id)
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('skills', t.json, (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('availability', 'text', (c) => c.notNull())
      .addColumn('weekdays', t.bool, (c) => c.notNull())
      .addColumn('weekends', t.bool, (c) => c.notNull())
      .addColumn('consent', t.bool, (c) => c.notNull())
      .addColumn('consent_at', t.instant)
      .addColumn('phone_enc', 'text')
      .addColumn('phone_idx', 'text')
      .addColumn('phone_masked', 'text')
      .addColumn('confirmed_at', t.instant, (c) => c.notNull())
      .addColumn('created_by', t.id)
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('talent_profile_path')
      .on('talent_profile')
      .columns(['org_path', 'id'])
      .execute();
    // A phone and a party member are filed once in the whole pool; two writers racing past the check meet here.
    await db.schema
      .createIndex('talent_profile_phone')
      .unique()
      .on('talent_profile')
      .column('phone_idx')
      .execute();
    await db.schema
      .createIndex('talent_profile_member')
      .unique()
      .on('talent_profile')
      .column('member_id')
      .execute();
    await db.schema.createIndex('talent_profile_org').on('talent_profile').column('org_id').execute();

    // One row per profile and normalised skill tag: a tag (or its prefix) is found from the index, within a place.
    await db.schema
      .createTable('talent_skill')
      .addColumn('profile_id', t.id, (c) => c.notNull().references('talent_profile.id'))
      .addColumn('tag', t.path, (c) => c.notNull())
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addPrimaryKeyConstraint('talent_skill_pk', ['profile_id', 'tag'])
      .execute();
    await db.schema.createIndex('talent_skill_tag').on('talent_skill').columns(['tag', 'org_path']).execute();
    await db.schema.createIndex('talent_skill_path').on('talent_skill').column('org_path').execute();

    await db.schema
      .createTable('talent_assignment')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('profile_id', t.id, (c) => c.notNull().references('talent_profile.id'))
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('target_kind', 'text', (c) => c.notNull())
      .addColumn('target_id', t.id)
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('starts_at', t.instant, (c) => c.notNull())
      .addColumn('ends_at', t.instant)
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text')
      .addColumn('rating', t.int)
      .addColumn('record', 'text', (c) => c.notNull())
      .addColumn('created_by', t.id)
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('talent_assignment_profile')
      .on('talent_assignment')
      .columns(['profile_id', 'starts_at'])
      .execute();
    await db.schema
      .createIndex('talent_assignment_path')
      .on('talent_assignment')
      .columns(['org_path', 'starts_at'])
      .execute();
    await db.schema
      .createIndex('talent_assignment_target')
      .on('talent_assignment')
      .columns(['target_id', 'status'])
      .execute();
  },
};
