// Changes a scheduled meeting (改期、换地点、调整议程): title, date and time, place, quorum and agenda. A topic added
// must be ready for a meeting (approved, or already scheduled); a topic taken off must have no decision taken on it
// here, and goes back to approved unless another scheduled meeting still has it. Everyone on the meeting's list is
// told what changed. The caller holds council.write; the meeting must be in scope.
import { recordAudit } from '../audit/index.js';
import type { Scope } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { msg } from '../platform/i18n.js';
import { localDateTime } from '../platform/time.js';
import { meetingOrThrow, type ConsultationDeps } from './deps.js';
import { tellMeeting } from './notices.js';
import { consultationRepository, type MeetingRow } from './repository.js';
import { nextTopicState } from './topicStates.js';

export type MeetingChange = {
  meetingId: string;
  title?: string;
  startsAt?: number;
  place?: string;
  quorum?: number;
  topicIds?: string[];
};

export type ChangedField = 'title' | 'startsAt' | 'place' | 'quorum' | 'agenda';

export async function changeMeeting(
  deps: ConsultationDeps,
  ctx: RequestContext,
  scope: Scope,
  input: MeetingChange,
): Promise<{ meeting: MeetingRow; changed: ChangedField[] }> {
  return deps.database.db.transaction().execute(async (trx) => {
    const repo = consultationRepository(trx, deps.database.dialect);
    const meeting = await meetingOrThrow(repo, scope, input.meetingId);
    if (meeting.status !== 'scheduled') {
      throw new AppError('workflow.transition_not_allowed', {
        detail: msg('会议已结束，不能再修改', 'The meeting is closed and can no longer change'),
      });
    }
    const patch: Partial<MeetingRow> = {};
    const changed: ChangedField[] = [];
    const title = input.title?.trim();
    if (title !== undefined && title !== meeting.title) {
      patch.title = title;
      changed.push('title');
    }
    if (input.startsAt !== undefined && input.startsAt !== meeting.starts_at) {
      patch.starts_at = input.startsAt;
      changed.push('startsAt');
    }
    const place = input.place?.trim();
    if (place !== undefined && place !== '' && place !== meeting.place) {
      patch.place = place;
      changed.push('place');
    }
    if (input.quorum !== undefined && input.quorum !== meeting.quorum) {
      patch.quorum = input.quorum;
      changed.push('quorum');
    }

    const agenda = await repo.agendaOf(meeting.id);
    let agendaSize = agenda.length;
    if (input.topicIds !== undefined) {
      const wanted = [...new Set(input.topicIds)];
      const current = new Set(agenda.map((t) => t.id));
      const added = wanted.filter((id) => !current.has(id));
      const removed = agenda.filter((t) => !wanted.includes(t.id));
      const addedTopics = await repo.topicsByIds(added);
      if (
        addedTopics.length !== added.length ||
        addedTopics.some((t) => t.council_id !== meeting.council_id)
      ) {
        throw new AppError('request.invalid', {
          errors: [{ field: 'topicIds', message: 'topics of this council' }],
        });
      }
      const decided = new Set((await repo.decisionsOf(meeting.id)).map((d) => d.topic_id));
      if (removed.some((t) => decided.has(t.id))) {
        throw new AppError('workflow.transition_not_allowed', {
          detail: msg(
            '已就该议题作出表决，不能从议程中移除',
            'A decision has been taken on that topic here; it cannot leave the agenda',
          ),
        });
      }
      for (const t of addedTopics) {
        await repo.updateTopic(t.id, { status: nextTopicState(t.status, 'schedule'), updated_at: ctx.now });
      }
      for (const t of removed) {
        if (t.status === 'scheduled' && !(await repo.isOnAnotherScheduledMeeting(t.id, meeting.id))) {
          await repo.updateTopic(t.id, {
            status: nextTopicState(t.status, 'unschedule'),
            updated_at: ctx.now,
          });
        }
      }
      const isReordered = wanted.some((id, i) => agenda[i]?.id !== id);
      if (added.length > 0 || removed.length > 0 || isReordered) {
        await repo.setAgenda(meeting.id, wanted);
        changed.push('agenda');
      }
      agendaSize = wanted.length;
    }
    if (changed.length === 0) {
      return { meeting, changed };
    }
    const updated: MeetingRow = { ...meeting, ...patch, updated_at: ctx.now };
    await repo.updateMeeting(meeting.id, { ...patch, updated_at: ctx.now });
    await tellMeeting(trx, deps.database.dialect, meeting.id, {
      event: 'consultation.changed',
      title: msg(`议事会议变更：${updated.title}`, `Council meeting changed: ${updated.title}`),
      body: msg(
        `现定于 ${localDateTime(updated.starts_at)} 在${updated.place}召开，议题 ${agendaSize} 项。`,
        `Now on ${localDateTime(updated.starts_at)} at ${updated.place}; ${agendaSize} topic(s) on the agenda.`,
      ),
      link: `/consultations/meetings/${meeting.id}`,
      data: { meetingId: meeting.id, changed },
      exceptUserId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      now: ctx.now,
    });
    await recordAudit(trx, ctx, {
      action: 'meeting.change',
      entityType: 'consultationMeeting',
      entityId: meeting.id,
      orgPath: meeting.org_path,
      detail: { changed },
    });
    return { meeting: updated, changed };
  });
}
