// The read use cases: what one page shows, assembled from scoped reads (staff) or published reads (public).
import type { Scope } from '../access/index.js';
import { caseStatesByIds } from '../cases/index.js';
import type { Database } from '../platform/db/database.js';
import { notFound } from '../platform/errors.js';
import type { MeetingViewer } from './abilities.js';
import { councilOrThrow, meetingOrThrow, outcomeOrThrow, topicOrThrow } from './deps.js';
import { followCases } from './followCases.js';
import {
  attendanceOf,
  presentCouncil,
  presentDecision,
  presentMeeting,
  presentMember,
  presentOutcome,
  presentParticipant,
  presentProgress,
  presentTopic,
  progressSummary,
  ratingsByOutcome,
} from './presenter.js';
import { consultationRepository, PUBLIC_TOPIC_STATES, type OutcomeRow } from './repository.js';

const repoOf = (database: Database) => consultationRepository(database.db, database.dialect);

async function outcomesPresented(database: Database, rows: OutcomeRow[], now: number) {
  const counts = ratingsByOutcome(await repoOf(database).ratingCounts(rows.map((r) => r.id)));
  return rows.map((r) => presentOutcome(r, now, counts.get(r.id) ?? {}));
}

export async function councilView(database: Database, scope: Scope, id: string, now: number) {
  const repo = repoOf(database);
  const council = await councilOrThrow(repo, scope, id);
  await repo.expireTopics(now, council.id);
  await followCases(database, { path: council.org_path }, now);
  const outcomes = await repo.outcomesOf({ councilId: council.id, limit: 1000 });
  return {
    item: presentCouncil(council),
    members: (await repo.membersOf(council.id)).map(presentMember),
    topics: (await repo.listTopics(council.id, null, 200)).map((t) => presentTopic(t, now)),
    meetings: (await repo.listMeetings(council.id, { limit: 100 })).map(presentMeeting),
    outcomes: await outcomesPresented(database, outcomes, now),
    progress: progressSummary(outcomes),
  };
}

export async function topicView(database: Database, scope: Scope, id: string, now: number) {
  const repo = repoOf(database);
  const topic = await topicOrThrow(repo, scope, id);
  await followCases(database, { path: topic.org_path }, now);
  const outcomes = await repo.outcomesOf({ topicId: topic.id, limit: 200 });
  const hotspot = await repo.hotspotOf(topic.id);
  // The cases behind a hotspot lie in the council's village; the caller sees the topic, so its scope holds them.
  const linked = await caseStatesByIds(database.db, database.dialect, await repo.linkedCaseIds(topic.id));
  return {
    item: presentTopic(topic, now),
    hotspot:
      hotspot === undefined
        ? null
        : {
            categoryCode: hotspot.category_code,
            caseCount: hotspot.case_count,
            windowFrom: hotspot.window_from,
            windowTo: hotspot.window_to,
          },
    linkedCases: [...linked]
      .filter(([, c]) => c.orgPath.startsWith(scope.path))
      .map(([id, c]) => ({ id, trackingCode: c.trackingCode, state: c.state, categoryCode: c.categoryCode })),
    outcomes: await outcomesPresented(database, outcomes, now),
    progress: progressSummary(outcomes),
  };
}

/** A meeting as its page shows it; viewerUserId names the caller, whose own place on the list is answered too. */
export async function meetingView(
  database: Database,
  scope: Scope,
  id: string,
  viewerUserId: string | null = null,
) {
  const repo = repoOf(database);
  const meeting = await meetingOrThrow(repo, scope, id);
  const participants = await repo.participantsOf(meeting.id);
  const decisions = await repo.decisionsOf(meeting.id);
  const own = viewerUserId === null ? undefined : participants.find((p) => p.user_id === viewerUserId);
  const viewer: MeetingViewer =
    own === undefined
      ? null
      : {
          participantId: own.id,
          isPresent: own.attended_at !== null,
          votedDecisionIds: await repo.decisionsVotedBy(
            own.id,
            decisions.map((d) => d.id),
          ),
        };
  return {
    viewer,
    item: presentMeeting(meeting),
    checkinToken: meeting.status === 'scheduled' ? meeting.checkin_token : null,
    agenda: (await repo.agendaOf(meeting.id)).map((t) => presentTopic(t, meeting.starts_at)),
    participants: participants.map(presentParticipant),
    attendance: attendanceOf(meeting, participants),
    decisions: await Promise.all(decisions.map(async (d) => presentDecision(d, await repo.voteCount(d.id)))),
  };
}

export async function decisionView(database: Database, scope: Scope, id: string) {
  const repo = repoOf(database);
  const d = await repo.findDecision(scope, id);
  if (d === undefined) {
    throw notFound();
  }
  return { item: presentDecision(d, await repo.voteCount(d.id)) };
}

export async function outcomeView(database: Database, scope: Scope, id: string, now: number) {
  const repo = repoOf(database);
  let outcome = await outcomeOrThrow(repo, scope, id);
  if ((await followCases(database, { path: outcome.org_path }, now)) > 0) {
    outcome = await outcomeOrThrow(repo, scope, id);
  }
  const [item] = await outcomesPresented(database, [outcome], now);
  return { item: item!, progress: (await repo.progressOf(outcome.id)).map(presentProgress) };
}

/** The public page of a council: upcoming meetings, topics, decisions, outcomes with progress; no person named. */
export async function publicCouncilView(database: Database, id: string, now: number) {
  const repo = repoOf(database);
  const council = await repo.findCouncilPublished(id);
  if (council === undefined) {
    throw notFound();
  }
  await repo.expireTopics(now, council.id);
  await followCases(database, { path: council.org_path }, now);
  const meetings = await repo.listMeetings(council.id, { limit: 50 });
  const decisions = await repo.closedDecisionsOfCouncil(council.id, 50);
  const outcomes = await repo.outcomesOf({ councilId: council.id, limit: 500 });
  const c = presentCouncil(council);
  return {
    item: { id: c.id, level: c.level, name: c.name, place: c.place },
    upcomingMeetings: meetings
      .filter((m) => m.status === 'scheduled' && m.starts_at >= now - 86_400_000)
      .map((m) => ({ id: m.id, kind: m.kind, title: m.title, place: m.place, startsAt: m.starts_at }))
      .reverse(),
    topics: (await repo.listTopics(council.id, PUBLIC_TOPIC_STATES, 200)).map((t) => presentTopic(t, now)),
    decisions: decisions.map((d) => {
      const p = presentDecision(d, 0);
      return { ...p, ballotsCast: p.result?.voters ?? 0 };
    }),
    outcomes: await outcomesPresented(database, outcomes, now),
    progress: progressSummary(outcomes),
  };
}
