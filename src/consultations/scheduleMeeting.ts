// Schedules a council meeting (议事会议) or a public hearing (听证会): agenda of approved topics, date and place, the
// quorum, and invitations: every standing member, plus invitees for the topics (departments, experts, parties).
// The caller holds council.write; the council must be in scope.
import { randomBytes } from 'node:crypto';
import { recordAudit } from '../audit/index.js';
import type { Scope } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { msg } from '../platform/i18n.js';
import { newId } from '../platform/ids.js';
import { localDateTime } from '../platform/time.js';
import { councilOrThrow, type ConsultationDeps } from './deps.js';
import { tellMeeting } from './notices.js';
import { consultationRepository, type MeetingRow, type ParticipantRow } from './repository.js';
import { nextTopicState } from './topicStates.js';

export type ScheduleInput = {
  councilId: string;
  kind: 'council' | 'hearing';
  title: string;
  startsAt: number;
  place?: string | null;
  /** Least number present for decisions to stand; by default more than half the standing members. */
  quorum?: number | null;
  /** A hearing recommends to the body that decides (a village representatives' meeting, a department). */
  decidesBody?: string | null;
  topicIds: string[];
  invitees: { name: string; role: 'department' | 'expert' | 'party' | 'resident'; phone?: string | null }[];
};

export async function scheduleMeeting(
  deps: ConsultationDeps,
  ctx: RequestContext,
  scope: Scope,
  input: ScheduleInput,
): Promise<MeetingRow> {
  if (input.kind === 'hearing' && (input.decidesBody ?? '').trim() === '') {
    throw new AppError('request.invalid', {
      errors: [{ field: 'decidesBody', message: 'a hearing names the body its recommendation goes to' }],
    });
  }
  return deps.database.db.transaction().execute(async (trx) => {
    const repo = consultationRepository(trx, deps.database.dialect);
    const council = await councilOrThrow(repo, scope, input.councilId);
    const topics = await repo.topicsByIds([...new Set(input.topicIds)]);
    if (topics.length !== new Set(input.topicIds).size || topics.some((t) => t.council_id !== council.id)) {
      throw new AppError('request.invalid', {
        errors: [{ field: 'topicIds', message: 'topics of this council' }],
      });
    }
    for (const t of topics) {
      await repo.updateTopic(t.id, { status: nextTopicState(t.status, 'schedule'), updated_at: ctx.now });
    }
    const members = await repo.membersOf(council.id);
    const meeting: MeetingRow = {
      id: newId(ctx.now),
      council_id: council.id,
      org_path: council.org_path,
      kind: input.kind,
      title: input.title.trim(),
      place: input.place?.trim() || council.place,
      starts_at: input.startsAt,
      quorum: input.quorum ?? Math.max(1, Math.floor(members.length / 2) + 1),
      decides_body: input.kind === 'hearing' ? (input.decidesBody ?? '').trim() : null,
      status: 'scheduled',
      checkin_token: randomBytes(12).toString('base64url'),
      minutes: null,
      minutes_at: null,
      closed_at: null,
      created_at: ctx.now,
      updated_at: ctx.now,
    };
    await repo.insertMeeting(meeting);
    await repo.setAgenda(meeting.id, input.topicIds);
    const participants: ParticipantRow[] = [
      ...members.map((m) => ({
        id: newId(ctx.now),
        meeting_id: meeting.id,
        member_id: m.id,
        user_id: m.user_id,
        name: m.name,
        role: m.kind,
        phone_key: m.phone_key,
        invited_at: ctx.now,
        registered_at: null,
        attended_at: null,
        attended_via: null,
      })),
      ...input.invitees.map((i) => ({
        id: newId(ctx.now),
        meeting_id: meeting.id,
        member_id: null,
        user_id: null,
        name: i.name.trim(),
        role: i.role,
        phone_key: (i.phone ?? '').trim() === '' ? null : deps.cipher.blindIndex((i.phone ?? '').trim()),
        invited_at: ctx.now,
        registered_at: null,
        attended_at: null,
        attended_via: null,
      })),
    ];
    await repo.insertParticipants(participants);
    await tellMeeting(trx, deps.database.dialect, meeting.id, {
      event: 'consultation.invited',
      title: msg(`议事会议邀请：${meeting.title}`, `Invitation to a council meeting: ${meeting.title}`),
      body: msg(
        `${localDateTime(meeting.starts_at)} 在${meeting.place}召开，议题 ${input.topicIds.length} 项。`,
        `On ${localDateTime(meeting.starts_at)} at ${meeting.place}; ${input.topicIds.length} topic(s) on the agenda.`,
      ),
      link: `/consultations/meetings/${meeting.id}`,
      data: { meetingId: meeting.id },
      exceptUserId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      now: ctx.now,
    });
    await recordAudit(trx, ctx, {
      action: 'meeting.schedule',
      entityType: 'consultationMeeting',
      entityId: meeting.id,
      orgPath: meeting.org_path,
      detail: { kind: meeting.kind, topics: input.topicIds.length, invited: participants.length },
    });
    return meeting;
  });
}
