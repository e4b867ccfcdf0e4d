// All SQL of the consultation rooms. Every read of a record takes the caller's scope (an org path subtree); a record
// outside it is not found. Public reads go through the *Published methods, which list only what the public may see.
import { sql, type Kysely } from 'kysely';
import type { Scope } from '../access/index.js';
import { repathColumn, subtreeUpper, type Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';

export type CouncilRow = DB['consultation_council'];
export type CouncilMemberRow = DB['consultation_council_member'];
export type TopicRow = DB['consultation_topic'];
export type MeetingRow = DB['consultation_meeting'];
export type ParticipantRow = DB['consultation_participant'];
export type DecisionRow = DB['consultation_decision'];
export type VoteRow = DB['consultation_vote'];
export type OutcomeRow = DB['consultation_outcome'];
export type ProgressRow = DB['consultation_progress'];
export type RatingRow = DB['consultation_rating'];

/** Topic states the public sees in the "open for support" list. */
export const PUBLIC_TOPIC_STATES = [
  'collecting',
  'submitted',
  'approved',
  'scheduled',
  'decided',
  'declined',
  'merged',
];

export function consultationRepository(db: Kysely<DB>, dialect: Dialect) {
  // Every consultation table carries the council's org path; a subtree is the range [path, path + '~').
  const pathIn = (path: string) => sql<boolean>`org_path >= ${path} and org_path < ${subtreeUpper(path)}`;

  return {
    // Councils
    async insertCouncils(rows: CouncilRow[]) {
      for (let i = 0; i < rows.length; i += 200) {
        await db
          .insertInto('consultation_council')
          .values(rows.slice(i, i + 200))
          .execute();
      }
    },
    async councilOrgIds(): Promise<Set<string>> {
      const rows = await db.selectFrom('consultation_council').select('org_id').execute();
      return new Set(rows.map((r) => r.org_id));
    },
    async findCouncil(scope: Scope, id: string) {
      return db
        .selectFrom('consultation_council')
        .selectAll()
        .where('id', '=', id)
        .where(pathIn(scope.path))
        .executeTakeFirst();
    },
    async findCouncilPublished(id: string) {
      return db.selectFrom('consultation_council').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async councilOfOrg(orgId: string) {
      return db.selectFrom('consultation_council').selectAll().where('org_id', '=', orgId).executeTakeFirst();
    },
    async listCouncils(
      scope: Scope,
      f: { underPath: string; level?: string; afterPath: string | null; limit: number },
    ) {
      let q = db
        .selectFrom('consultation_council')
        .selectAll()
        .where(pathIn(scope.path))
        .where('org_path', '>=', f.underPath)
        .where('org_path', '<', subtreeUpper(f.underPath));
      if (f.level !== undefined) {
        q = q.where('level', '=', f.level);
      }
      if (f.afterPath !== null) {
        q = q.where('org_path', '>', f.afterPath);
      }
      return q.orderBy('org_path').limit(f.limit).execute();
    },
    async searchCouncilsPublished(text: string, limit: number) {
      let q = db.selectFrom('consultation_council').selectAll();
      if (text !== '') {
        q = q.where('name', 'like', `%${text.replace(/[%_\\]/g, '')}%`);
      }
      return q.orderBy('org_path').limit(limit).execute();
    },
    async updateCouncil(id: string, patch: Partial<CouncilRow>) {
      await db.updateTable('consultation_council').set(patch).where('id', '=', id).execute();
    },
    async insertMember(row: CouncilMemberRow) {
      await db.insertInto('consultation_council_member').values(row).execute();
    },
    async insertMembers(rows: CouncilMemberRow[]) {
      for (let i = 0; i < rows.length; i += 200) {
        await db
          .insertInto('consultation_council_member')
          .values(rows.slice(i, i + 200))
          .execute();
      }
    },
    async membersOf(councilId: string) {
      return db
        .selectFrom('consultation_council_member')
        .selectAll()
        .where('council_id', '=', councilId)
        .where('active', '=', 1)
        .orderBy('is_convener', 'desc')
        .orderBy('id')
        .execute();
    },

    // Topics
    async insertTopic(row: TopicRow) {
      await db.insertInto('consultation_topic').values(row).execute();
    },
    /** The council's latest hotspot topic on a category proposed at or after `since`. */
    async hotspotSince(councilId: string, categoryCode: string, since: number) {
      return db
        .selectFrom('consultation_hotspot')
        .select(['topic_id', 'case_count'])
        .where('council_id', '=', councilId)
        .where('category_code', '=', categoryCode)
        .where('created_at', '>=', since)
        .orderBy('created_at', 'desc')
        .executeTakeFirst();
    },
    async insertHotspot(row: DB['consultation_hotspot'], caseIds: readonly string[]) {
      await db.insertInto('consultation_hotspot').values(row).execute();
      if (caseIds.length > 0) {
        await db
          .insertInto('consultation_topic_case')
          .values(caseIds.map((case_id) => ({ topic_id: row.topic_id, case_id })))
          .execute();
      }
    },
    async hotspotOf(topicId: string) {
      return db
        .selectFrom('consultation_hotspot')
        .selectAll()
        .where('topic_id', '=', topicId)
        .executeTakeFirst();
    },
    async linkedCaseIds(topicId: string) {
      const rows = await db
        .selectFrom('consultation_topic_case')
        .select('case_id')
        .where('topic_id', '=', topicId)
        .execute();
      return rows.map((r) => r.case_id);
    },
    async insertTopics(rows: TopicRow[]) {
      for (let i = 0; i < rows.length; i += 200) {
        await db
          .insertInto('consultation_topic')
          .values(rows.slice(i, i + 200))
          .execute();
      }
    },
    async findTopic(scope: Scope, id: string) {
      return db
        .selectFrom('consultation_topic')
        .selectAll()
        .where('id', '=', id)
        .where(pathIn(scope.path))
        .executeTakeFirst();
    },
    async findTopicPublished(id: string) {
      return db
        .selectFrom('consultation_topic')
        .selectAll()
        .where('id', '=', id)
        .where('status', 'in', PUBLIC_TOPIC_STATES)
        .executeTakeFirst();
    },
    async listTopics(councilId: string, statuses: string[] | null, limit: number) {
      let q = db.selectFrom('consultation_topic').selectAll().where('council_id', '=', councilId);
      if (statuses !== null) {
        q = q.where('status', 'in', statuses);
      }
      return q.orderBy('id', 'desc').limit(limit).execute();
    },
    async topicsByIds(ids: string[]) {
      if (ids.length === 0) {
        return [];
      }
      return db.selectFrom('consultation_topic').selectAll().where('id', 'in', ids).execute();
    },
    async updateTopic(id: string, patch: Partial<TopicRow>) {
      await db.updateTable('consultation_topic').set(patch).where('id', '=', id).execute();
    },
    /** Adds one supporter; false when this supporter already supported the topic. */
    async addSupport(topicId: string, supporterKey: string, at: number): Promise<boolean> {
      const res = await db
        .insertInto('consultation_support')
        .values({ topic_id: topicId, supporter_key: supporterKey, at })
        .onConflict((oc) => oc.columns(['topic_id', 'supporter_key']).doNothing())
        .executeTakeFirst();
      if (Number(res.numInsertedOrUpdatedRows ?? 0) === 0) {
        return false;
      }
      await db
        .updateTable('consultation_topic')
        .set({ support_count: sql`support_count + 1`, updated_at: at })
        .where('id', '=', topicId)
        .execute();
      return true;
    },
    /** Topics still collecting support after their window: they expire. Returns how many. */
    async expireTopics(now: number, councilId: string | null): Promise<number> {
      let q = db
        .updateTable('consultation_topic')
        .set({ status: 'expired', updated_at: now })
        .where('status', '=', 'collecting')
        .where('support_until', '<', now);
      if (councilId !== null) {
        q = q.where('council_id', '=', councilId);
      }
      const res = await q.executeTakeFirst();
      return Number(res.numUpdatedRows);
    },

    // Meetings
    async insertMeeting(row: MeetingRow) {
      await db.insertInto('consultation_meeting').values(row).execute();
    },
    async findMeeting(scope: Scope, id: string) {
      return db
        .selectFrom('consultation_meeting')
        .selectAll()
        .where('id', '=', id)
        .where(pathIn(scope.path))
        .executeTakeFirst();
    },
    async findMeetingPublished(id: string) {
      return db.selectFrom('consultation_meeting').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async listMeetings(councilId: string, f: { fromAt?: number; limit: number }) {
      let q = db.selectFrom('consultation_meeting').selectAll().where('council_id', '=', councilId);
      if (f.fromAt !== undefined) {
        q = q.where('starts_at', '>=', f.fromAt);
      }
      return q.orderBy('starts_at', 'desc').limit(f.limit).execute();
    },
    async updateMeeting(id: string, patch: Partial<MeetingRow>) {
      await db.updateTable('consultation_meeting').set(patch).where('id', '=', id).execute();
    },
    async setAgenda(meetingId: string, topicIds: string[]) {
      await db.deleteFrom('consultation_agenda').where('meeting_id', '=', meetingId).execute();
      if (topicIds.length > 0) {
        await db
          .insertInto('consultation_agenda')
          .values(topicIds.map((topic_id, position) => ({ meeting_id: meetingId, topic_id, position })))
          .execute();
      }
    },
    async isOnAnotherScheduledMeeting(topicId: string, exceptMeetingId: string): Promise<boolean> {
      const row = await db
        .selectFrom('consultation_agenda')
        .innerJoin('consultation_meeting', 'consultation_meeting.id', 'consultation_agenda.meeting_id')
        .select('consultation_agenda.meeting_id')
        .where('consultation_agenda.topic_id', '=', topicId)
        .where('consultation_meeting.status', '=', 'scheduled')
        .where('consultation_meeting.id', '!=', exceptMeetingId)
        .executeTakeFirst();
      return row !== undefined;
    },
    async agendaOf(meetingId: string) {
      return db
        .selectFrom('consultation_agenda')
        .innerJoin('consultation_topic', 'consultation_topic.id', 'consultation_agenda.topic_id')
        .selectAll('consultation_topic')
        .where('consultation_agenda.meeting_id', '=', meetingId)
        .orderBy('consultation_agenda.position')
        .execute();
    },
    async insertParticipants(rows: ParticipantRow[]) {
      for (let i = 0; i < rows.length; i += 200) {
        await db
          .insertInto('consultation_participant')
          .values(rows.slice(i, i + 200))
          .execute();
      }
    },
    async participantsOf(meetingId: string) {
      return db
        .selectFrom('consultation_participant')
        .selectAll()
        .where('meeting_id', '=', meetingId)
        .orderBy('id')
        .execute();
    },
    async findParticipant(meetingId: string, by: { id?: string; userId?: string; phoneKey?: string }) {
      let q = db.selectFrom('consultation_participant').selectAll().where('meeting_id', '=', meetingId);
      if (by.id !== undefined) {
        q = q.where('id', '=', by.id);
      } else if (by.userId !== undefined) {
        q = q.where('user_id', '=', by.userId);
      } else if (by.phoneKey !== undefined) {
        q = q.where('phone_key', '=', by.phoneKey);
      } else {
        return undefined;
      }
      return q.executeTakeFirst();
    },
    async updateParticipant(id: string, patch: Partial<ParticipantRow>) {
      await db.updateTable('consultation_participant').set(patch).where('id', '=', id).execute();
    },

    // Decisions and votes
    async insertDecision(row: DecisionRow) {
      await db.insertInto('consultation_decision').values(row).execute();
    },
    async findDecision(scope: Scope, id: string) {
      return db
        .selectFrom('consultation_decision')
        .selectAll()
        .where('id', '=', id)
        .where(pathIn(scope.path))
        .executeTakeFirst();
    },
    /** Unscoped: a participant votes in a meeting of a council outside their own org subtree (a party member). */
    async findDecisionUnscoped(id: string) {
      return db.selectFrom('consultation_decision').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async decisionsOf(meetingId: string) {
      return db
        .selectFrom('consultation_decision')
        .selectAll()
        .where('meeting_id', '=', meetingId)
        .orderBy('id')
        .execute();
    },
    async closedDecisionsOfCouncil(councilId: string, limit: number) {
      return db
        .selectFrom('consultation_decision')
        .innerJoin('consultation_meeting', 'consultation_meeting.id', 'consultation_decision.meeting_id')
        .selectAll('consultation_decision')
        .where('consultation_meeting.council_id', '=', councilId)
        .where('consultation_decision.status', '=', 'closed')
        .orderBy('consultation_decision.closed_at', 'desc')
        .limit(limit)
        .execute();
    },
    async updateDecision(id: string, patch: Partial<DecisionRow>) {
      await db.updateTable('consultation_decision').set(patch).where('id', '=', id).execute();
    },
    async insertVote(row: VoteRow): Promise<boolean> {
      const res = await db
        .insertInto('consultation_vote')
        .values(row)
        .onConflict((oc) => oc.columns(['decision_id', 'participant_id']).doNothing())
        .executeTakeFirst();
      return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
    },
    async votesOf(decisionId: string) {
      return db
        .selectFrom('consultation_vote')
        .selectAll()
        .where('decision_id', '=', decisionId)
        .orderBy('at')
        .orderBy('id')
        .execute();
    },
    /** The decisions a participant has a ballot of their own in (whoever entered it), never what it says. */
    async decisionsVotedBy(participantId: string, decisionIds: string[]): Promise<string[]> {
      if (decisionIds.length === 0) {
        return [];
      }
      // Through the (decision, participant) unique index: the meeting's decisions are a handful.
      const rows = await db
        .selectFrom('consultation_vote')
        .select('decision_id')
        .where('decision_id', 'in', decisionIds)
        .where('participant_id', '=', participantId)
        .execute();
      return rows.map((r) => r.decision_id);
    },
    async voteCount(decisionId: string): Promise<number> {
      const r = await db
        .selectFrom('consultation_vote')
        .select(sql<number | string>`count(*)`.as('n'))
        .where('decision_id', '=', decisionId)
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },
    async insertVotes(rows: VoteRow[]) {
      for (let i = 0; i < rows.length; i += 200) {
        await db
          .insertInto('consultation_vote')
          .values(rows.slice(i, i + 200))
          .execute();
      }
    },

    // Outcomes, progress, ratings
    async insertOutcome(row: OutcomeRow) {
      await db.insertInto('consultation_outcome').values(row).execute();
    },
    async findOutcome(scope: Scope, id: string) {
      return db
        .selectFrom('consultation_outcome')
        .selectAll()
        .where('id', '=', id)
        .where(pathIn(scope.path))
        .executeTakeFirst();
    },
    async findOutcomePublished(id: string) {
      return db.selectFrom('consultation_outcome').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async outcomesOf(f: { councilId?: string; topicId?: string; limit: number }) {
      let q = db.selectFrom('consultation_outcome').selectAll();
      if (f.councilId !== undefined) {
        q = q.where('council_id', '=', f.councilId);
      }
      if (f.topicId !== undefined) {
        q = q.where('topic_id', '=', f.topicId);
      }
      return q.orderBy('deadline_at').orderBy('id').limit(f.limit).execute();
    },
    /** Outcomes of a subtree that follow a case not yet seen closed. */
    async outcomesFollowingCases(scope: Scope) {
      return db
        .selectFrom('consultation_outcome')
        .selectAll()
        .where(pathIn(scope.path))
        .where('case_id', 'is not', null)
        .where((eb) =>
          eb.or([eb('case_state', 'is', null), eb('case_state', 'not in', ['closed', 'voided', 'merged'])]),
        )
        .execute();
    },
    async updateOutcome(id: string, patch: Partial<OutcomeRow>) {
      await db.updateTable('consultation_outcome').set(patch).where('id', '=', id).execute();
    },
    async insertProgress(row: ProgressRow) {
      await db.insertInto('consultation_progress').values(row).execute();
    },
    async progressOf(outcomeId: string) {
      return db
        .selectFrom('consultation_progress')
        .selectAll()
        .where('outcome_id', '=', outcomeId)
        .orderBy('at')
        .orderBy('id')
        .execute();
    },
    async insertRating(row: RatingRow): Promise<boolean> {
      const res = await db
        .insertInto('consultation_rating')
        .values(row)
        .onConflict((oc) => oc.columns(['outcome_id', 'round', 'rater_key']).doNothing())
        .executeTakeFirst();
      return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
    },
    async ratingCounts(outcomeIds: string[]) {
      if (outcomeIds.length === 0) {
        return [];
      }
      return db
        .selectFrom('consultation_rating')
        .select(['outcome_id', 'rating', sql<number | string>`count(*)`.as('n')])
        .where('outcome_id', 'in', outcomeIds)
        .groupBy(['outcome_id', 'rating'])
        .execute();
    },

    // Numbers (assessment and command view): one row per council of the subtree, counted from the records.
    async numbersBySubtree(scope: Scope, underPath: string, from: number, to: number) {
      const councils = await db
        .selectFrom('consultation_council')
        .select(['id', 'org_id', 'org_path', 'name', 'level'])
        .where(pathIn(scope.path))
        .where(pathIn(underPath))
        .orderBy('org_path')
        .execute();
      const meetings = await db
        .selectFrom('consultation_meeting')
        .select(['council_id', sql<number | string>`count(*)`.as('n')])
        .where(pathIn(scope.path))
        .where(pathIn(underPath))
        .where('status', '=', 'closed')
        .where('closed_at', '>=', from)
        .where('closed_at', '<', to)
        .groupBy('council_id')
        .execute();
      const topics = await db
        .selectFrom('consultation_topic')
        .select([
          'council_id',
          sql<number | string>`count(*)`.as('received'),
          sql<number | string>`sum(case when reviewed_at is not null then 1 else 0 end)`.as('handled'),
        ])
        .where(pathIn(scope.path))
        .where(pathIn(underPath))
        .where('created_at', '>=', from)
        .where('created_at', '<', to)
        .groupBy('council_id')
        .execute();
      // Due: the deadline falls in the period; done: completed in the period; on time: due and done by the deadline.
      const isDue = sql`deadline_at >= ${from} and deadline_at < ${to}`;
      const outcomes = await db
        .selectFrom('consultation_outcome')
        .select([
          'council_id',
          sql<number | string>`sum(case when ${isDue} then 1 else 0 end)`.as('due'),
          sql<
            number | string
          >`sum(case when status = 'done' and done_at >= ${from} and done_at < ${to} then 1 else 0 end)`.as(
            'done',
          ),
          sql<
            number | string
          >`sum(case when ${isDue} and status = 'done' and done_at <= deadline_at then 1 else 0 end)`.as(
            'on_time',
          ),
        ])
        .where(pathIn(scope.path))
        .where(pathIn(underPath))
        .where((eb) =>
          eb.or([
            eb.and([eb('deadline_at', '>=', from), eb('deadline_at', '<', to)]),
            eb.and([eb('done_at', '>=', from), eb('done_at', '<', to)]),
          ]),
        )
        .groupBy('council_id')
        .execute();
      const ratings = await db
        .selectFrom('consultation_rating')
        .innerJoin('consultation_outcome', 'consultation_outcome.id', 'consultation_rating.outcome_id')
        .select([
          'consultation_outcome.council_id',
          sql<number | string>`count(*)`.as('rated'),
          sql<
            number | string
          >`sum(case when consultation_rating.rating in ('verySatisfied', 'satisfied', 'basic') then 1 else 0 end)`.as(
            'satisfied',
          ),
        ])
        .where('consultation_outcome.org_path', '>=', underPath)
        .where('consultation_outcome.org_path', '<', subtreeUpper(underPath))
        .where('consultation_rating.at', '>=', from)
        .where('consultation_rating.at', '<', to)
        .groupBy('consultation_outcome.council_id')
        .execute();
      return { councils, meetings, topics, outcomes, ratings };
    },

    /**
     * Org merge: the merged organisation's council and all under it go to the target's council (or, where the
     * target has none, the council itself moves to the target), so no topic, meeting or outcome is left behind.
     */
    async reassign(from: { id: string; path: string }, to: { id: string; path: string }) {
      const source = await db
        .selectFrom('consultation_council')
        .selectAll()
        .where('org_id', '=', from.id)
        .executeTakeFirst();
      const target = await db
        .selectFrom('consultation_council')
        .selectAll()
        .where('org_id', '=', to.id)
        .executeTakeFirst();
      if (source !== undefined && target !== undefined) {
        for (const table of [
          'consultation_council_member',
          'consultation_topic',
          'consultation_meeting',
          'consultation_outcome',
          'consultation_hotspot',
        ] as const) {
          await db
            .updateTable(table)
            .set({ council_id: target.id })
            .where('council_id', '=', source.id)
            .execute();
        }
        await db.deleteFrom('consultation_council').where('id', '=', source.id).execute();
      } else if (source !== undefined) {
        await db
          .updateTable('consultation_council')
          .set({ org_id: to.id, org_path: to.path })
          .where('id', '=', source.id)
          .execute();
      }
      for (const table of [
        'consultation_council_member',
        'consultation_topic',
        'consultation_meeting',
        'consultation_decision',
        'consultation_outcome',
      ] as const) {
        await db.updateTable(table).set({ org_path: to.path }).where('org_path', '=', from.path).execute();
      }
    },

    /** Paths follow an org subtree that moved (the orgs door's repath hook). */
    async repath(oldPrefix: string, newPrefix: string) {
      for (const table of [
        'consultation_council',
        'consultation_council_member',
        'consultation_topic',
        'consultation_meeting',
        'consultation_decision',
        'consultation_outcome',
      ] as const) {
        await repathColumn(db, table, 'org_path', oldPrefix, newPrefix);
      }
    },
    dialect,
  };
}

export type ConsultationRepository = ReturnType<typeof consultationRepository>;
