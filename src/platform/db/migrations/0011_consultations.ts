// Consultation rooms (有事好商量 协商议事室): councils, members, topics and support, meetings, agenda, participants,
// decisions and votes, outcomes with progress and ratings.
import { columnTypes, makeAppendOnly, type Migration } from '../columns.js';

export const migration: Migration = {
  name: '0011_consultations',
  async up(db, dialect) {
    const t = columnTypes(dialect);

    await db.schema
      .createTable('consultation_council')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('org_id', t.id, (c) => c.notNull().unique())
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('place', 'text', (c) => c.notNull())
      .addColumn('convener_name', 'text')
      .addColumn('support_threshold', t.int, (c) => c.notNull())
      .addColumn('support_days', t.int, (c) => c.notNull())
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('consultation_council_path')
      .on('consultation_council')
      .column('org_path')
      .execute();

    await db.schema
      .createTable('consultation_council_member')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('council_id', t.id, (c) => c.notNull().references('consultation_council.id'))
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('unit', 'text')
      .addColumn('user_id', t.id)
      .addColumn('phone_enc', 'text')
      .addColumn('phone_masked', 'text')
      .addColumn('phone_key', 'text')
      .addColumn('is_convener', t.bool, (c) => c.notNull())
      .addColumn('active', t.bool, (c) => c.notNull())
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('consultation_council_member_council')
      .on('consultation_council_member')
      .column('council_id')
      .execute();

    await db.schema
      .createTable('consultation_topic')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('council_id', t.id, (c) => c.notNull().references('consultation_council.id'))
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('proposer_user_id', t.id)
      .addColumn('proposer_name_enc', 'text')
      .addColumn('proposer_public', 'text', (c) => c.notNull())
      .addColumn('is_anonymous', t.bool, (c) => c.notNull())
      .addColumn('case_id', t.id)
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('support_count', t.int, (c) => c.notNull())
      .addColumn('support_threshold', t.int, (c) => c.notNull())
      .addColumn('support_until', t.instant)
      .addColumn('reason', 'text')
      .addColumn('merged_into_id', t.id)
      .addColumn('reviewed_at', t.instant)
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('consultation_topic_council')
      .on('consultation_topic')
      .columns(['council_id', 'status', 'id'])
      .execute();
    await db.schema
      .createIndex('consultation_topic_path')
      .on('consultation_topic')
      .column('org_path')
      .execute();

    await db.schema
      .createTable('consultation_support')
      .addColumn('topic_id', t.id, (c) => c.notNull().references('consultation_topic.id'))
      .addColumn('supporter_key', 'text', (c) => c.notNull())
      .addColumn('at', t.instant, (c) => c.notNull())
      .addPrimaryKeyConstraint('consultation_support_pk', ['topic_id', 'supporter_key'])
      .execute();

    await db.schema
      .createTable('consultation_meeting')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('council_id', t.id, (c) => c.notNull().references('consultation_council.id'))
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('place', 'text', (c) => c.notNull())
      .addColumn('starts_at', t.instant, (c) => c.notNull())
      .addColumn('quorum', t.int, (c) => c.notNull())
      .addColumn('decides_body', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('checkin_token', 'text', (c) => c.notNull())
      .addColumn('minutes', 'text')
      .addColumn('minutes_at', t.instant)
      .addColumn('closed_at', t.instant)
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('consultation_meeting_council')
      .on('consultation_meeting')
      .columns(['council_id', 'starts_at'])
      .execute();
    await db.schema
      .createIndex('consultation_meeting_path')
      .on('consultation_meeting')
      .column('org_path')
      .execute();

    await db.schema
      .createTable('consultation_agenda')
      .addColumn('meeting_id', t.id, (c) => c.notNull().references('consultation_meeting.id'))
      .addColumn('topic_id', t.id, (c) => c.notNull().references('consultation_topic.id'))
      .addColumn('position', t.int, (c) => c.notNull())
      .addPrimaryKeyConstraint('consultation_agenda_pk', ['meeting_id', 'topic_id'])
      .execute();

    await db.schema
      .createTable('consultation_participant')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('meeting_id', t.id, (c) => c.notNull().references('consultation_meeting.id'))
      .addColumn('member_id', t.id)
      .addColumn('user_id', t.id)
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('phone_key', 'text')
      .addColumn('invited_at', t.instant)
      .addColumn('registered_at', t.instant)
      .addColumn('attended_at', t.instant)
      .addColumn('attended_via', 'text')
      .execute();
    await db.schema
      .createIndex('consultation_participant_meeting')
      .on('consultation_participant')
      .column('meeting_id')
      .execute();

    await db.schema
      .createTable('consultation_decision')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('meeting_id', t.id, (c) => c.notNull().references('consultation_meeting.id'))
      .addColumn('topic_id', t.id)
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('options', t.json, (c) => c.notNull())
      .addColumn('config', t.json, (c) => c.notNull())
      .addColumn('is_recommendation', t.bool, (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('opened_at', t.instant, (c) => c.notNull())
      .addColumn('closed_at', t.instant)
      .addColumn('result', t.json)
      .execute();
    await db.schema
      .createIndex('consultation_decision_meeting')
      .on('consultation_decision')
      .column('meeting_id')
      .execute();

    await db.schema
      .createTable('consultation_vote')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('decision_id', t.id, (c) => c.notNull().references('consultation_decision.id'))
      .addColumn('participant_id', t.id, (c) => c.notNull().references('consultation_participant.id'))
      .addColumn('proxy_participant_id', t.id)
      .addColumn('recorded_by', t.id)
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('ballot', t.json, (c) => c.notNull())
      .addColumn('at', t.instant, (c) => c.notNull())
      .addUniqueConstraint('consultation_vote_once', ['decision_id', 'participant_id'])
      .execute();
    await makeAppendOnly(db, dialect, 'consultation_vote');

    await db.schema
      .createTable('consultation_outcome')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('council_id', t.id, (c) => c.notNull().references('consultation_council.id'))
      .addColumn('topic_id', t.id)
      .addColumn('decision_id', t.id)
      .addColumn('org_path', t.path, (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('owner_unit', 'text', (c) => c.notNull())
      .addColumn('deadline_at', t.instant, (c) => c.notNull())
      .addColumn('weight', t.real, (c) => c.notNull())
      .addColumn('progress', t.int, (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('case_id', t.id)
      .addColumn('case_state', 'text')
      .addColumn('done_at', t.instant)
      .addColumn('reopen_count', t.int, (c) => c.notNull())
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('consultation_outcome_council')
      .on('consultation_outcome')
      .columns(['council_id', 'status'])
      .execute();
    await db.schema
      .createIndex('consultation_outcome_path')
      .on('consultation_outcome')
      .column('org_path')
      .execute();
    await db.schema
      .createIndex('consultation_outcome_case')
      .on('consultation_outcome')
      .column('case_id')
      .execute();

    await db.schema
      .createTable('consultation_progress')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('outcome_id', t.id, (c) => c.notNull().references('consultation_outcome.id'))
      .addColumn('at', t.instant, (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('progress', t.int, (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('evidence', 'text')
      .addColumn('by_name', 'text')
      .execute();
    await db.schema
      .createIndex('consultation_progress_outcome')
      .on('consultation_progress')
      .columns(['outcome_id', 'at'])
      .execute();
    await makeAppendOnly(db, dialect, 'consultation_progress');

    await db.schema
      .createTable('consultation_rating')
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('outcome_id', t.id, (c) => c.notNull().references('consultation_outcome.id'))
      .addColumn('rater_key', 'text', (c) => c.notNull())
      .addColumn('round', t.int, (c) => c.notNull())
      .addColumn('rating', 'text', (c) => c.notNull())
      .addColumn('comment', 'text')
      .addColumn('at', t.instant, (c) => c.notNull())
      .addUniqueConstraint('consultation_rating_once', ['outcome_id', 'round', 'rater_key'])
      .execute();
  },
};
