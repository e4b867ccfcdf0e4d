// Localized names of consultation codes (states, sources, kinds, decision types…); the raw code for an unknown one.
import type { TFunction } from 'i18next';
export { formatDate, formatDateTimeShort } from '../common/labels';

const pick = (labels: Record<string, string>, key: string): string =>
  Object.hasOwn(labels, key) ? (labels[key] ?? key) : key;

type Group =
  | 'memberKinds'
  | 'participantRoles'
  | 'topicStates'
  | 'topicSources'
  | 'meetingKinds'
  | 'meetingStates'
  | 'decisionTypes'
  | 'decisionStates'
  | 'tallyOutcomes'
  | 'choices'
  | 'origins'
  | 'outcomeStates'
  | 'progressKinds'
  | 'ratings'
  | 'meeting.viaLabels';

const group =
  (path: Group) =>
  (t: TFunction, key: string): string =>
    pick(t(`consultations.${path}`, { returnObjects: true }), key);

export const memberKindLabel = group('memberKinds');
export const participantRoleLabel = group('participantRoles');
export const topicStateLabel = group('topicStates');
export const topicSourceLabel = group('topicSources');
export const meetingKindLabel = group('meetingKinds');
export const meetingStateLabel = group('meetingStates');
export const decisionTypeLabel = group('decisionTypes');
export const decisionStateLabel = group('decisionStates');
export const tallyOutcomeLabel = group('tallyOutcomes');
export const choiceLabel = group('choices');
export const originLabel = group('origins');
export const outcomeStateLabel = group('outcomeStates');
export const progressKindLabel = group('progressKinds');
export const ratingLabel = group('ratings');
export const viaLabel = group('meeting.viaLabels');

const topicColours: Record<string, string> = {
  collecting: 'blue',
  submitted: 'gold',
  approved: 'green',
  scheduled: 'cyan',
  decided: 'purple',
  merged: 'default',
  declined: 'red',
  expired: 'default',
};
export const topicStateColour = (state: string): string => topicColours[state] ?? 'default';

const outcomeColours: Record<string, string> = { open: 'default', inProgress: 'processing', done: 'success' };
export const outcomeStateColour = (state: string): string => outcomeColours[state] ?? 'default';

const mergeTargets = new Set(['collecting', 'submitted', 'approved']);

/**
 * A topic another one may be merged into: one still under the branch's review or approved. The server refuses a
 * merged, declined or expired one; the picker offers fewer, as a topic already on an agenda is not merged into.
 */
export const isMergeTarget = (state: string): boolean => mergeTargets.has(state);
