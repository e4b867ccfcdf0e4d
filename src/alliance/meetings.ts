// The alliance's joint meeting (联席会议): the convener schedules it (when, where, what it takes up), records it as
// held with its minutes and the member units present, or calls it off. Only the convener keeps the meetings.
import type { Kysely } from 'kysely';
import type { UserActor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { maskPersonalText } from '../cases/index.js';
import type { RequestContext } from '../platform/context.js';
import { toDbJson } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { AppError, notFound } from '../platform/errors.js';
import { msg } from '../platform/i18n.js';
import { newId } from '../platform/ids.js';
import { DAY_MS } from '../platform/time.js';
import { invalid, isConvener } from './access.js';
import { allianceProjectRepository, type MeetingRow } from './projectRepository.js';
import { allianceRepository, type AllianceRow } from './repository.js';

export type ScheduleMeetingInput = { title: string; place: string; agenda: string; scheduledAt: number };
export type HoldMeetingInput = { minutes: string; attendeeOrgIds: readonly string[] };

function requireConvener(actor: UserActor, alliance: AllianceRow): void {
  if (!isConvener(actor, alliance)) {
    throw new AppError('auth.forbidden', {
      detail: msg('联席会议由牵头单位召集和记录', 'The convener calls and records the joint meetings'),
    });
  }
}

export async function scheduleMeeting(
  trx: Kysely<DB>,
  ctx: RequestContext,
  actor: UserActor,
  alliance: AllianceRow,
  input: ScheduleMeetingInput,
): Promise<MeetingRow> {
  requireConvener(actor, alliance);
  const title = maskPersonalText(input.title.trim());
  const place = maskPersonalText(input.place.trim());
  if (title === '') {
    throw invalid('title', '请填写会议名称', 'The meeting needs a title');
  }
  if (place === '') {
    throw invalid('place', '请填写会议地点', 'The meeting needs a place');
  }
  if (input.scheduledAt <= ctx.now) {
    throw invalid('scheduledAt', '会议时间须晚于现在', 'A meeting is scheduled for a time still to come');
  }
  const row: MeetingRow = {
    id: newId(ctx.now),
    alliance_id: alliance.id,
    org_path: alliance.org_path,
    title,
    place,
    agenda: maskPersonalText(input.agenda.trim()),
    scheduled_at: input.scheduledAt,
    status: 'planned',
    minutes: null,
    attendees: '[]',
    held_at: null,
    created_by: actor.userId,
    created_at: ctx.now,
    updated_at: ctx.now,
  };
  await allianceProjectRepository(trx).insertMeeting(row);
  await recordAudit(trx, ctx, {
    action: 'alliance.meeting.schedule',
    entityType: 'allianceMeeting',
    entityId: row.id,
    orgPath: alliance.org_path,
    detail: { title: row.title, scheduledAt: row.scheduled_at },
  });
  return row;
}

/** A planned meeting of this alliance, locked for the change (a concurrent change waits, then sees this one's). */
async function plannedMeeting(trx: Kysely<DB>, ctx: RequestContext, alliance: AllianceRow, id: string) {
  const repo = allianceProjectRepository(trx);
  await trx
    .updateTable('alliance_meeting')
    .set({ updated_at: ctx.now })
    .where('id', '=', id)
    .where('alliance_id', '=', alliance.id)
    .execute();
  const meeting = await repo.findMeeting(alliance.id, id);
  if (meeting === undefined) {
    throw notFound();
  }
  if (meeting.status !== 'planned') {
    throw new AppError('alliance.wrong_state', {
      detail: msg('会议已召开或已取消', 'The meeting was already held or called off'),
    });
  }
  return meeting;
}

export async function holdMeeting(
  trx: Kysely<DB>,
  ctx: RequestContext,
  actor: UserActor,
  alliance: AllianceRow,
  meetingId: string,
  input: HoldMeetingInput,
): Promise<MeetingRow> {
  requireConvener(actor, alliance);
  const meeting = await plannedMeeting(trx, ctx, alliance, meetingId);
  // Minutes are written on the day, or after it; a meeting a day or more ahead has not been held.
  if (meeting.scheduled_at > ctx.now + DAY_MS) {
    throw invalid('scheduledAt', '会议尚未召开', 'The meeting has not taken place yet');
  }
  const minutes = maskPersonalText(input.minutes.trim());
  if (minutes === '') {
    throw invalid('minutes', '请填写会议纪要', 'Write the minutes');
  }
  const members = new Set(
    (await allianceRepository(trx).members(alliance.id))
      .filter((m) => m.left_at === null)
      .map((m) => m.org_id),
  );
  const attendees = [...new Set(input.attendeeOrgIds)];
  const stranger = attendees.find((id) => !members.has(id));
  if (stranger !== undefined) {
    throw invalid('attendeeOrgIds', '出席单位须是共同体成员', 'Those present are the alliance’s members');
  }
  if (attendees.length === 0) {
    throw invalid('attendeeOrgIds', '请登记出席的成员单位', 'Record the members present');
  }
  const patch = {
    status: 'held',
    minutes,
    attendees: toDbJson(attendees) ?? '[]',
    held_at: ctx.now,
    updated_at: ctx.now,
  };
  await allianceProjectRepository(trx).updateMeeting(meeting.id, patch);
  await recordAudit(trx, ctx, {
    action: 'alliance.meeting.hold',
    entityType: 'allianceMeeting',
    entityId: meeting.id,
    orgPath: alliance.org_path,
    detail: { attendees: attendees.length },
  });
  return { ...meeting, ...patch };
}

export async function cancelMeeting(
  trx: Kysely<DB>,
  ctx: RequestContext,
  actor: UserActor,
  alliance: AllianceRow,
  meetingId: string,
  reason: string,
): Promise<MeetingRow> {
  requireConvener(actor, alliance);
  const meeting = await plannedMeeting(trx, ctx, alliance, meetingId);
  const note = maskPersonalText(reason.trim());
  if (note === '') {
    throw invalid('reason', '请说明取消原因', 'Say why the meeting is called off');
  }
  const patch = { status: 'cancelled', minutes: note, updated_at: ctx.now };
  await allianceProjectRepository(trx).updateMeeting(meeting.id, patch);
  await recordAudit(trx, ctx, {
    action: 'alliance.meeting.cancel',
    entityType: 'allianceMeeting',
    entityId: meeting.id,
    orgPath: alliance.org_path,
    detail: {},
  });
  return { ...meeting, ...patch };
}
