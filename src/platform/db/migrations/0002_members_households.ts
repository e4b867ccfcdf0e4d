// The organisation system's people: organisation history, party members (with transfers and roles), central households and households.
import { columnTypes, makeAppendOnly, type Migration } from '../columns.js';

export const migration: Migration = {
  name: '0002_members_households',
  async up(db, dialect) {
    const t = columnTypes(dialect);

    // Every create, rename, move, merge and dissolve of an organisation, append-only.
    await db.schema
      .createTable('org_event')
      .addColumn('id', t.serial, (c) => c.primaryKey())
      .addColumn('org_id', t.id, (c) => c.notNull().references('org.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('at', t.instant, (c) => c.notNull())
      .addColumn('actor_id', t.id)
      .addColumn('actor_name', 'text')
      .addColumn('detail', t.json)
      .execute();
    await db.schema.createIndex('org_event_org').on('org_event').columns(['org_id', 'id']).execute();
    await makeAppendOnly(db, dialect, 'org_event');

    await db.schema
      .createTable('member')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('gender', 'text', (c) => c.notNull())
      .addColumn('birth_date', 'text', (c) => c.notNull())
      .addColumn('ethnicity', 'text', (c) => c.notNull())
      .addColumn('education', 'text', (c) => c.notNull())
      // Personal data: ciphertext, a keyed blind index for duplicate detection, and the masked form for display.
      .addColumn('id_number_enc', 'text', (c) => c.notNull())
      .addColumn('id_number_idx', 'text', (c) => c.notNull())
      .addColumn('id_number_masked', 'text', (c) => c.notNull())
      .addColumn('phone_enc', 'text')
      .addColumn('phone_masked', 'text')
      .addColumn('joined_on', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      // 组织关系: exactly one branch; optionally a party group inside it. org_path is the group's path, else the branch's.
      .addColumn('branch_id', t.id, (c) => c.notNull().references('org.id'))
      .addColumn('group_id', t.id, (c) => c.references('org.id'))
      .addColumn('org_path', t.path, (c) => c.notNull())
      // 双报到: the community where the member lives.
      .addColumn('community_id', t.id, (c) => c.references('org.id'))
      .addColumn('community_path', t.path)
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('member_id_number').on('member').column('id_number_idx').unique().execute();
    await db.schema.createIndex('member_org_path').on('member').columns(['org_path', 'id']).execute();
    await db.schema.createIndex('member_branch').on('member').column('branch_id').execute();
    await db.schema.createIndex('member_group').on('member').column('group_id').execute();
    await db.schema.createIndex('member_community').on('member').columns(['community_path', 'id']).execute();

    // 组织关系转接: every move of a member between branches, append-only.
    await db.schema
      .createTable('member_transfer')
      .addColumn('id', t.serial, (c) => c.primaryKey())
      .addColumn('member_id', t.id, (c) => c.notNull().references('member.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('from_branch_id', t.id)
      .addColumn('to_branch_id', t.id, (c) => c.notNull())
      .addColumn('at', t.instant, (c) => c.notNull())
      .addColumn('actor_id', t.id)
      .addColumn('reason', 'text')
      .execute();
    await db.schema
      .createIndex('member_transfer_member')
      .on('member_transfer')
      .columns(['member_id', 'id'])
      .execute();
    await makeAppendOnly(db, dialect, 'member_transfer');

    // Posts a member holds in an organisation: secretary, committee member, group leader.
    await db.schema
      .createTable('member_role')
      .addColumn('member_id', t.id, (c) => c.notNull().references('member.id'))
      .addColumn('org_id', t.id, (c) => c.notNull().references('org.id'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('since', 'text')
      .addPrimaryKeyConstraint('member_role_pk', ['member_id', 'org_id', 'role'])
      .execute();
    await db.schema.createIndex('member_role_org').on('member_role').columns(['org_id', 'role']).execute();

    // 党员中心户: led by a member, under a party group.
    await db.schema
      .createTable('central_household')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('head_member_id', t.id, (c) => c.notNull().references('member.id'))
      .addColumn('group_id', t.id, (c) => c.notNull().references('org.id'))
      .addColumn('group_path', t.path, (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('central_household_path')
      .on('central_household')
      .columns(['group_path', 'id'])
      .execute();
    await db.schema
      .createIndex('central_household_head')
      .on('central_household')
      .column('head_member_id')
      .execute();

    // 群众户: in a village; org_path is the central household's group path when linked, else the village path.
    await db.schema
      .createTable('household')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('head_name', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('size', t.int, (c) => c.notNull())
      .addColumn('village_id', t.id, (c) => c.notNull().references('org.id'))
      .addColumn('village_path', t.path, (c) => c.notNull())
      .addColumn('central_household_id', t.id, (c) => c.references('central_household.id'))
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('grid_id', t.id)
      .addColumn('lng', t.real)
      .addColumn('lat', t.real)
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('household_org_path').on('household').columns(['org_path', 'id']).execute();
    await db.schema.createIndex('household_village').on('household').columns(['village_id', 'id']).execute();
    await db.schema
      .createIndex('household_central')
      .on('household')
      .columns(['central_household_id', 'id'])
      .execute();
    await db.schema.createIndex('household_grid').on('household').column('grid_id').execute();
  },
};
