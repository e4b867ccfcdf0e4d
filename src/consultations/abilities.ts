// What the caller may do with one record, answered with the record so the console offers exactly the buttons the
// API would accept (and never one it would refuse). Derived from the same state rules the use cases apply.
import { roleMay, type UserActor } from '../access/index.js';
import { isCaseFinal } from './followCases.js';
import type { MeetingRow, OutcomeRow, TopicRow } from './repository.js';
import { tallyRuleOf, type DecisionType } from './tally/index.js';

/** The list of councils: give every town and village of the subtree its council. */
export type CouncilListAbility = 'establish';
export type CouncilAbility = 'openTopic' | 'schedule' | 'publishOutcome' | 'settings' | 'addMember';
export type TopicAbility = 'approve' | 'merge' | 'decline' | 'schedule' | 'publishOutcome';
export type MeetingAbility = 'edit' | 'attendance' | 'openVote' | 'minutes' | 'close' | 'checkIn';
export type DecisionAbility = 'vote' | 'clerkVote' | 'close' | 'publishOutcome';
export type OutcomeAbility = 'progress';

/** The caller's own place on a meeting's list (a participant linked to the caller's account), if any. */
export type MeetingViewer = { participantId: string; isPresent: boolean; votedDecisionIds: string[] } | null;

const mayWrite = (actor: UserActor) => roleMay(actor.active.role, 'council.write');
const mayVote = (actor: UserActor) => roleMay(actor.active.role, 'council.vote');

export function councilListAbilities(actor: UserActor): CouncilListAbility[] {
  return mayWrite(actor) ? ['establish'] : [];
}

/** A council in the caller's scope (one outside it is not found, so never answered). */
export function councilAbilities(actor: UserActor): CouncilAbility[] {
  return mayWrite(actor) ? ['openTopic', 'schedule', 'publishOutcome', 'settings', 'addMember'] : [];
}

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
      return ['merge', 'schedule', 'publishOutcome'];
    case 'scheduled':
      return ['schedule', 'publishOutcome'];
    // A topic the council has deliberated yields outcomes; one merged, declined or expired does not.
    case 'decided':
      return ['publishOutcome'];
    default:
      return [];
  }
}

export function meetingAbilities(
  actor: UserActor,
  meeting: Pick<MeetingRow, 'status' | 'minutes'>,
  openVotes: number,
  viewer: MeetingViewer = null,
): MeetingAbility[] {
  if (meeting.status !== 'scheduled') {
    return [];
  }
  // The caller checks in with their own account (the room's code proves presence) once, while the meeting is open.
  const checkIn: MeetingAbility[] = mayVote(actor) && viewer !== null && !viewer.isPresent ? ['checkIn'] : [];
  if (!mayWrite(actor)) {
    return checkIn;
  }
  // A meeting closes only once its minutes are attached and no vote is still open.
  const mayClose = meeting.minutes !== null && meeting.minutes.trim() !== '' && openVotes === 0;
  return ['edit', 'attendance', 'openVote', 'minutes', ...(mayClose ? (['close'] as const) : []), ...checkIn];
}

export function decisionAbilities(
  actor: UserActor,
  decision: { id: string; status: string; type: string },
  viewer: MeetingViewer = null,
): DecisionAbility[] {
  if (decision.status !== 'open') {
    return decision.status === 'closed' && mayWrite(actor) ? ['publishOutcome'] : [];
  }
  // Consensus and a show of hands are the chair's record when the vote closes: nobody casts a ballot in them.
  const takesBallots = !tallyRuleOf(decision.type as DecisionType).isRecordedByChair;
  const abilities: DecisionAbility[] = [];
  if (
    takesBallots &&
    mayVote(actor) &&
    viewer !== null &&
    viewer.isPresent &&
    !viewer.votedDecisionIds.includes(decision.id)
  ) {
    abilities.push('vote');
  }
  if (mayWrite(actor)) {
    abilities.push(...(takesBallots ? (['clerkVote', 'close'] as const) : (['close'] as const)));
  }
  return abilities;
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
