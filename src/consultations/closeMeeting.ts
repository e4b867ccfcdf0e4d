// Minutes (会议纪要) and closing: a meeting closes only with its minutes attached and no vote left open.
// The caller holds council.write; the meeting must be in scope.
import { recordAudit } from '../audit/index.js';
import { maskPersonalText } from '../cases/index.js';
import type { Scope } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { msg } from '../platform/i18n.js';
import { meetingOrThrow, type ConsultationDeps } from './deps.js';
import { consultationRepository, type MeetingRow } from './repository.js';

export async function recordMinutes(
  deps: ConsultationDeps,
  ctx: RequestContext,
  scope: Scope,
  input: { meetingId: string; minutes: string },
): Promise<MeetingRow> {
  return deps.database.db.transaction().execute(async (trx) => {
    const repo = consultationRepository(trx, deps.database.dialect);
    const meeting = await meetingOrThrow(repo, scope, input.meetingId);
    if (meeting.status !== 'scheduled') {
      throw new AppError('workflow.transition_not_allowed');
    }
    const patch = {
      minutes: maskPersonalText(input.minutes.trim()),
      minutes_at: ctx.now,
      updated_at: ctx.now,
    };
    await repo.updateMeeting(meeting.id, patch);
    await recordAudit(trx, ctx, {
      action: 'meeting.minutes',
      entityType: 'consultationMeeting',
      entityId: meeting.id,
      orgPath: meeting.org_path,
    });
    return { ...meeting, ...patch };
  });
}

export async function closeMeeting(
  deps: ConsultationDeps,
  ctx: RequestContext,
  scope: Scope,
  input: { meetingId: string },
): Promise<MeetingRow> {
  return deps.database.db.transaction().execute(async (trx) => {
    const repo = consultationRepository(trx, deps.database.dialect);
    const meeting = await meetingOrThrow(repo, scope, input.meetingId);
    if (meeting.status !== 'scheduled') {
      throw new AppError('workflow.transition_not_allowed');
    }
    if (meeting.minutes === null || meeting.minutes.trim() === '') {
      throw new AppError('consultation.minutes_required');
    }
    const open = (await repo.decisionsOf(meeting.id)).filter((d) => d.status === 'open');
    if (open.length > 0) {
      throw new AppError('workflow.transition_not_allowed', {
        detail: msg('仍有未结束的表决，请先结束表决', 'A vote is still open; close it first'),
      });
    }
    const patch = { status: 'closed', closed_at: ctx.now, updated_at: ctx.now };
    await repo.updateMeeting(meeting.id, patch);
    await recordAudit(trx, ctx, {
      action: 'meeting.close',
      entityType: 'consultationMeeting',
      entityId: meeting.id,
      orgPath: meeting.org_path,
    });
    return { ...meeting, ...patch };
  });
}
