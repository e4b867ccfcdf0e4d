// The identity lifecycle: a user's home organisation (who administers them), sign-in and password facts, deactivation.
import { sql } from 'kysely';
import { columnTypes, type Migration } from '../columns.js';

export const migration: Migration = {
  name: '0008_identity_lifecycle',
  async up(db, dialect) {
    const t = columnTypes(dialect);
    await db.schema.alterTable('app_user').addColumn('org_id', t.id).execute();
    await db.schema
      .alterTable('app_user')
      .addColumn('must_change_password', t.bool, (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('app_user').addColumn('password_changed_at', t.instant).execute();
    await db.schema.alterTable('app_user').addColumn('last_login_at', t.instant).execute();
    await db.schema.alterTable('app_user').addColumn('deactivated_at', t.instant).execute();
    // Existing users are administered where their highest assignment sits (the district root when they have none).
    await sql`update app_user set org_id = coalesce(
        (select r.org_id from user_role r join org o on o.id = r.org_id
          where r.user_id = app_user.id order by o.depth, r.created_at limit 1),
        (select o.id from org o where o.parent_id is null order by o.created_at limit 1))`.execute(db);
    await db.schema.createIndex('app_user_org').on('app_user').column('org_id').execute();
    // One account per party member.
    await db.schema
      .createIndex('app_user_member')
      .on('app_user')
      .column('member_id')
      .unique()
      .where(sql.ref('member_id'), 'is not', null)
      .execute();
  },
};
