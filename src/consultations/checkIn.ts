// Registration and attendance, both kept: who said they would come (registered_at) and who came (attended_at, by
// the room's QR code on the phone or by the clerk's list). A resident not invited may register and then attend.
import { recordAudit } from '../audit/index.js';
import type { Scope } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import { AppError, notFound } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { meetingOrThrow, type ConsultationDeps } from './deps.js';
import { consultationRepository, type ParticipantRow } from './repository.js';

/** Who is checking in: a signed-in account, or a phone typed on the public page (known by its keyed hash). */
export type Attendee = { userId: string } | { phoneKey: string; name?: string };

const byOf = (a: Attendee) => ('userId' in a ? { userId: a.userId } : { phoneKey: a.phoneKey });

/** Registers for an upcoming meeting (public or signed in). */
export async function registerForMeeting(
  deps: ConsultationDeps,
  ctx: RequestContext,
  input: { meetingId: string; attendee: Attendee; name: string },
): Promise<ParticipantRow> {
  return deps.database.db.transaction().execute(async (trx) => {
    const repo = consultationRepository(trx, deps.database.dialect);
    const meeting = await repo.findMeetingPublished(input.meetingId);
    if (meeting === undefined) {
      throw notFound();
    }
    if (meeting.status !== 'scheduled') {
      throw new AppError('workflow.transition_not_allowed');
    }
    let p = await repo.findParticipant(meeting.id, byOf(input.attendee));
    if (p === undefined) {
      p = {
        id: newId(ctx.now),
        meeting_id: meeting.id,
        member_id: null,
        user_id: 'userId' in input.attendee ? input.attendee.userId : null,
        name: input.name.trim(),
        role: 'resident',
        phone_key: 'phoneKey' in input.attendee ? input.attendee.phoneKey : null,
        invited_at: null,
        registered_at: ctx.now,
        attended_at: null,
        attended_via: null,
      };
      await repo.insertParticipants([p]);
    } else if (p.registered_at === null) {
      p = { ...p, registered_at: ctx.now };
      await repo.updateParticipant(p.id, { registered_at: ctx.now });
    }
    await recordAudit(trx, ctx, {
      action: 'meeting.register',
      entityType: 'consultationMeeting',
      entityId: meeting.id,
      orgPath: meeting.org_path,
      detail: { participantId: p.id },
    });
    return p;
  });
}

/** Check-in by the room's QR code: the token proves presence in the room, the attendee must be on the list. */
export async function checkInByToken(
  deps: ConsultationDeps,
  ctx: RequestContext,
  input: { meetingId: string; token: string; attendee: Attendee },
): Promise<ParticipantRow> {
  return deps.database.db.transaction().execute(async (trx) => {
    const repo = consultationRepository(trx, deps.database.dialect);
    const meeting = await repo.findMeetingPublished(input.meetingId);
    if (meeting === undefined) {
      throw notFound();
    }
    if (meeting.status !== 'scheduled') {
      throw new AppError('workflow.transition_not_allowed');
    }
    const p = await repo.findParticipant(meeting.id, byOf(input.attendee));
    if (meeting.checkin_token !== input.token || p === undefined) {
      throw new AppError('consultation.invalid_checkin');
    }
    const at = p.attended_at ?? ctx.now;
    await repo.updateParticipant(p.id, { attended_at: at, attended_via: p.attended_via ?? 'qr' });
    await recordAudit(trx, ctx, {
      action: 'meeting.checkIn',
      entityType: 'consultationMeeting',
      entityId: meeting.id,
      orgPath: meeting.org_path,
      detail: { participantId: p.id, via: 'qr' },
    });
    return { ...p, attended_at: at, attended_via: p.attended_via ?? 'qr' };
  });
}

/** The clerk's list: marks participants present or absent; may add someone who came unannounced. */
export async function recordAttendance(
  deps: ConsultationDeps,
  ctx: RequestContext,
  scope: Scope,
  input: {
    meetingId: string;
    present: string[];
    absent: string[];
    walkIns: { name: string; role: string }[];
  },
): Promise<ParticipantRow[]> {
  return deps.database.db.transaction().execute(async (trx) => {
    const repo = consultationRepository(trx, deps.database.dialect);
    const meeting = await meetingOrThrow(repo, scope, input.meetingId);
    if (meeting.status !== 'scheduled') {
      throw new AppError('workflow.transition_not_allowed');
    }
    const list = await repo.participantsOf(meeting.id);
    const ids = new Set(list.map((p) => p.id));
    for (const id of [...input.present, ...input.absent]) {
      if (!ids.has(id)) {
        throw new AppError('request.invalid', {
          errors: [{ field: 'present', message: `unknown participant ${id}` }],
        });
      }
    }
    for (const p of list) {
      if (input.present.includes(p.id) && p.attended_at === null) {
        await repo.updateParticipant(p.id, { attended_at: ctx.now, attended_via: 'clerk' });
      }
      if (input.absent.includes(p.id)) {
        await repo.updateParticipant(p.id, { attended_at: null, attended_via: null });
      }
    }
    await repo.insertParticipants(
      input.walkIns.map((w) => ({
        id: newId(ctx.now),
        meeting_id: meeting.id,
        member_id: null,
        user_id: null,
        name: w.name.trim(),
        role: w.role,
        phone_key: null,
        invited_at: null,
        registered_at: null,
        attended_at: ctx.now,
        attended_via: 'clerk',
      })),
    );
    await recordAudit(trx, ctx, {
      action: 'meeting.attendance',
      entityType: 'consultationMeeting',
      entityId: meeting.id,
      orgPath: meeting.org_path,
      detail: { present: input.present.length, absent: input.absent.length, walkIns: input.walkIns.length },
    });
    return repo.participantsOf(meeting.id);
  });
}
