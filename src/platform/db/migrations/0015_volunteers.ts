// Volunteers (在职党员进社区, 双报到): registrations with the community, posts and activities with on-site check-in,
// one append-only ledger for service hours and party-member points, certificates, and sunshine relief (阳光扶贫).
import { sql } from 'kysely';
import { columnTypes, type Migration, type MigrationDb } from '../columns.js';
import type { Dialect } from '../database.js';

/**
 * The ledger's acts and entries carry org paths so scope is one range scan; those path columns follow the org tree
 * when it moves. Every other column is a fact and refuses UPDATE, and no row may be deleted.
 */
async function makeFactsFixed(
  db: MigrationDb,
  dialect: Dialect,
  table: string,
  facts: string[],
): Promise<void> {
  const cols = facts.join(', ');
  if (dialect === 'postgres') {
    await sql
      .raw(
        `create or replace function tx_ledger_fixed() returns trigger language plpgsql as $$
         begin raise exception 'ledger entries are never edited (%)', TG_TABLE_NAME; end $$`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger ${table}_fixed before update of ${cols} on ${table}
         for each row execute function tx_ledger_fixed()`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger ${table}_no_delete before delete on ${table}
         for each row execute function tx_ledger_fixed()`,
      )
      .execute(db);
    return;
  }
  await sql
    .raw(
      `create trigger ${table}_fixed before update of ${cols} on ${table}
       begin select raise(abort, 'ledger entries are never edited (${table})'); end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger ${table}_no_delete before delete on ${table}
       begin select raise(abort, 'ledger entries are never deleted (${table})'); end`,
    )
    .execute(db);
}

export const migration: Migration = {
  name: '0015_volunteers',
  async up(db, dialect) {
    const t = columnTypes(dialect);

    // 双报到: a member (where they live) or a unit (where it sits) registers with a community; the community
    // confirms, and confirms again every half year.
    await db.schema
      .createTable('volunteer_registration')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('member_id', t.id)
      .addColumn('unit_org_id', t.id)
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('home_path', t.path, (c) => c.notNull())
      .addColumn('community_id', t.id, (c) => c.notNull())
      .addColumn('community_path', t.path, (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('requested_at', t.instant, (c) => c.notNull())
      .addColumn('confirmed_at', t.instant)
      .addColumn('confirmed_by', t.id)
      .addColumn('valid_until', t.instant)
      .addColumn('confirmations', t.int, (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('ended_at', t.instant)
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('volunteer_registration_member')
      .on('volunteer_registration')
      .columns(['member_id', 'status'])
      .execute();
    await db.schema
      .createIndex('volunteer_registration_unit')
      .on('volunteer_registration')
      .columns(['unit_org_id', 'status'])
      .execute();
    await db.schema
      .createIndex('volunteer_registration_community')
      .on('volunteer_registration')
      .columns(['community_path', 'status'])
      .execute();
    await db.schema
      .createIndex('volunteer_registration_home')
      .on('volunteer_registration')
      .columns(['home_path'])
      .execute();

    await db.schema
      .createTable('volunteer_post')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('community_id', t.id, (c) => c.notNull())
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('skills', t.json, (c) => c.notNull())
      .addColumn('places', t.int, (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_by', t.id)
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('volunteer_post_path')
      .on('volunteer_post')
      .columns(['org_path', 'created_at'])
      .execute();

    await db.schema
      .createTable('volunteer_post_claim')
      .addColumn('post_id', t.id, (c) => c.notNull())
      .addColumn('member_id', t.id, (c) => c.notNull())
      .addColumn('member_name', 'text', (c) => c.notNull())
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('claimed_at', t.instant, (c) => c.notNull())
      .addPrimaryKeyConstraint('volunteer_post_claim_pk', ['post_id', 'member_id'])
      .execute();

    await db.schema
      .createTable('volunteer_activity')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('post_id', t.id)
      .addColumn('community_id', t.id, (c) => c.notNull())
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('place_name', 'text', (c) => c.notNull())
      .addColumn('lng', t.real, (c) => c.notNull())
      .addColumn('lat', t.real, (c) => c.notNull())
      .addColumn('radius_m', t.int, (c) => c.notNull())
      .addColumn('starts_at', t.instant, (c) => c.notNull())
      .addColumn('ends_at', t.instant, (c) => c.notNull())
      .addColumn('places', t.int, (c) => c.notNull())
      .addColumn('skills', t.json, (c) => c.notNull())
      .addColumn('checkin_token', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('organiser_id', t.id)
      .addColumn('confirmed_at', t.instant)
      .addColumn('confirmed_by', t.id)
      .addColumn('act_id', t.id)
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('volunteer_activity_path')
      .on('volunteer_activity')
      .columns(['org_path', 'starts_at'])
      .execute();
    await db.schema
      .createIndex('volunteer_activity_starts')
      .on('volunteer_activity')
      .columns(['starts_at'])
      .execute();

    await db.schema
      .createTable('volunteer_signup')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('activity_id', t.id, (c) => c.notNull())
      .addColumn('member_id', t.id, (c) => c.notNull())
      .addColumn('user_id', t.id)
      .addColumn('member_name', 'text', (c) => c.notNull())
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('signed_up_at', t.instant, (c) => c.notNull())
      .addColumn('cancelled_at', t.instant)
      .addColumn('sign_in_at', t.instant)
      .addColumn('sign_in_lng', t.real)
      .addColumn('sign_in_lat', t.real)
      .addColumn('sign_out_at', t.instant)
      .addColumn('sign_out_lng', t.real)
      .addColumn('sign_out_lat', t.real)
      .execute();
    await db.schema
      .createIndex('volunteer_signup_once')
      .on('volunteer_signup')
      .columns(['activity_id', 'member_id'])
      .unique()
      .execute();
    await db.schema
      .createIndex('volunteer_signup_member')
      .on('volunteer_signup')
      .columns(['member_id', 'signed_up_at'])
      .execute();

    // The ledger: an act is one approval (by whom, when, on what evidence); its entries credit or debit members.
    await db.schema
      .createTable('points_act')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('rule_code', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('evidence', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('source_type', 'text', (c) => c.notNull())
      .addColumn('source_id', t.id)
      .addColumn('reverses_act_id', t.id)
      .addColumn('approver_id', t.id, (c) => c.notNull())
      .addColumn('approver_name', 'text', (c) => c.notNull())
      .addColumn('approved_at', t.instant, (c) => c.notNull())
      .addColumn('occurred_at', t.instant, (c) => c.notNull())
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('points_act_path')
      .on('points_act')
      .columns(['org_path', 'approved_at'])
      .execute();
    await db.schema
      .createIndex('points_act_source')
      .on('points_act')
      .columns(['source_type', 'source_id'])
      .execute();

    await db.schema
      .createTable('points_entry')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('act_id', t.id, (c) => c.notNull())
      .addColumn('member_id', t.id, (c) => c.notNull())
      .addColumn('member_name', 'text', (c) => c.notNull())
      .addColumn('branch_path', t.path, (c) => c.notNull())
      .addColumn('community_path', t.path)
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('rule_code', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('year', t.int, (c) => c.notNull())
      .addColumn('occurred_at', t.instant, (c) => c.notNull())
      .addColumn('amount', t.int, (c) => c.notNull())
      .addColumn('reverses_entry_id', t.id)
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('points_entry_member')
      .on('points_entry')
      .columns(['member_id', 'year', 'kind'])
      .execute();
    await db.schema
      .createIndex('points_entry_branch')
      .on('points_entry')
      .columns(['branch_path', 'year'])
      .execute();
    await db.schema
      .createIndex('points_entry_community')
      .on('points_entry')
      .columns(['community_path', 'year'])
      .execute();
    await db.schema.createIndex('points_entry_act').on('points_entry').columns(['act_id']).execute();
    // An entry is reversed at most once.
    await db.schema
      .createIndex('points_entry_reverses')
      .on('points_entry')
      .columns(['reverses_entry_id'])
      .unique()
      .execute();
    await makeFactsFixed(db, dialect, 'points_act', [
      'id',
      'kind',
      'rule_code',
      'category',
      'evidence',
      'note',
      'source_type',
      'source_id',
      'reverses_act_id',
      'approver_id',
      'approver_name',
      'approved_at',
      'occurred_at',
      'created_at',
    ]);
    await makeFactsFixed(db, dialect, 'points_entry', [
      'id',
      'act_id',
      'member_id',
      'kind',
      'rule_code',
      'category',
      'year',
      'occurred_at',
      'amount',
      'reverses_entry_id',
      'created_at',
    ]);

    // The caps' guard: the net amount per member, rule and period, moved in the same transaction as the entries by
    // a conditional update, so two approvals at once cannot both pass a cap. Balances are summed from the entries.
    await db.schema
      .createTable('points_tally')
      .addColumn('member_id', t.id, (c) => c.notNull())
      .addColumn('rule_code', 'text', (c) => c.notNull())
      .addColumn('period_key', 'text', (c) => c.notNull())
      .addColumn('amount', t.int, (c) => c.notNull())
      .addPrimaryKeyConstraint('points_tally_pk', ['member_id', 'rule_code', 'period_key'])
      .execute();

    // Service-hours certificates: a public notice of 7 days, then issued with a code anyone may verify.
    await db.schema
      .createTable('volunteer_certificate')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('member_id', t.id, (c) => c.notNull())
      .addColumn('member_name', 'text', (c) => c.notNull())
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('year', t.int, (c) => c.notNull())
      .addColumn('minutes', t.int, (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('notice_from', t.instant, (c) => c.notNull())
      .addColumn('notice_until', t.instant, (c) => c.notNull())
      .addColumn('objection', 'text')
      .addColumn('issued_at', t.instant)
      .addColumn('created_by', t.id)
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('volunteer_certificate_member')
      .on('volunteer_certificate')
      .columns(['member_id', 'year'])
      .execute();

    // 阳光扶贫: a member or unit paired with a household in need; visits recorded on the phone.
    await db.schema
      .createTable('relief_pairing')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('household_id', t.id, (c) => c.notNull())
      .addColumn('household_name', 'text', (c) => c.notNull())
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('helper_kind', 'text', (c) => c.notNull())
      .addColumn('member_id', t.id)
      .addColumn('unit_org_id', t.id)
      .addColumn('helper_name', 'text', (c) => c.notNull())
      .addColumn('visits_per_quarter', t.int, (c) => c.notNull())
      .addColumn('lng', t.real)
      .addColumn('lat', t.real)
      .addColumn('started_at', t.instant, (c) => c.notNull())
      .addColumn('ended_at', t.instant)
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('relief_pairing_path').on('relief_pairing').columns(['org_path']).execute();
    await db.schema
      .createIndex('relief_pairing_member')
      .on('relief_pairing')
      .columns(['member_id'])
      .execute();

    await db.schema
      .createTable('relief_visit')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('pairing_id', t.id, (c) => c.notNull())
      .addColumn('household_id', t.id, (c) => c.notNull())
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('started_at', t.instant, (c) => c.notNull())
      .addColumn('ended_at', t.instant, (c) => c.notNull())
      .addColumn('lng', t.real)
      .addColumn('lat', t.real)
      .addColumn('photo', 'text')
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('help', 'text')
      .addColumn('flags', t.json, (c) => c.notNull())
      .addColumn('recorded_by', t.id)
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('relief_visit_pairing')
      .on('relief_visit')
      .columns(['pairing_id', 'started_at'])
      .execute();
    await db.schema
      .createIndex('relief_visit_path')
      .on('relief_visit')
      .columns(['org_path', 'started_at'])
      .execute();
  },
};
