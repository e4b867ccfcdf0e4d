// What the caller may do with one record, answered with the record so the console offers exactly the buttons the
// API would accept (and never one it would refuse). Derived from the same state rules the use cases apply.
import { roleMay, type UserActor } from '../access/index.js';
import { isCaseFinal } from './followCases.js';
import type { MeetingRow, OutcomeRow, TopicRow } from './repository.js';

export type TopicAbility = 'approve' | 'merge' | 'decline' | 'schedule';
export type MeetingAbility = 'attendance' | 'openVote' | 'minutes' | 'close';
export type OutcomeAbility = 'progress';

const mayWrite = (actor: UserActor) => roleMay(actor.active.role, 'council.write');

export function topicAbilities(actor: UserActor, topic: Pick<TopicRow, 'status'>): TopicAbility[] {
  if (!mayWrite(actor)) {
    return [];
  }
  switch (topic.status) {
    case 'collecting':
      return ['merge', 'decline'];
    case 'submitted':
      return ['approve', 'merge', 'decline'];
    case 'approved':
      return ['merge', 'schedule'];
    case 'scheduled':
      return ['schedule'];
    default:
      return [];
  }
}

export function meetingAbilities(
  actor: UserActor,
  meeting: Pick<MeetingRow, 'status' | 'minutes'>,
  openVotes: number,
): MeetingAbility[] {
  if (!mayWrite(actor) || meeting.status !== 'scheduled') {
    return [];
  }
  // A meeting closes only once its minutes are attached and no vote is still open.
  const mayClose = meeting.minutes !== null && meeting.minutes.trim() !== '' && openVotes === 0;
  return mayClose ? ['attendance', 'openVote', 'minutes', 'close'] : ['attendance', 'openVote', 'minutes'];
}

export function outcomeAbilities(
  actor: UserActor,
  outcome: { status: OutcomeRow['status']; hasCase: boolean; caseState: OutcomeRow['case_state'] },
): OutcomeAbility[] {
  if (!mayWrite(actor) || outcome.status === 'done') {
    return [];
  }
  // An outcome that opened a case is completed by its case; progress can still be reported until then.
  return outcome.hasCase && isCaseFinal(outcome.caseState) ? [] : ['progress'];
}
