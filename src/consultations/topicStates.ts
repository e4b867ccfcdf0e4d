// A topic's life as data: (action → the states it may leave, the state it reaches); one function applies it.
import { AppError } from '../platform/errors.js';
import { msg } from '../platform/i18n.js';

export const topicStates = [
  'collecting',
  'submitted',
  'approved',
  'merged',
  'declined',
  'expired',
  'scheduled',
  'decided',
] as const;
export type TopicState = (typeof topicStates)[number];

export const topicSources = ['resident', 'partyMember', 'branch', 'case', 'hotspot', 'appeal'] as const;
export type TopicSource = (typeof topicSources)[number];

export type TopicAction =
  'reachThreshold' | 'approve' | 'merge' | 'decline' | 'expire' | 'schedule' | 'unschedule' | 'decide';

const transitions: Record<TopicAction, { from: readonly TopicState[]; to: TopicState }> = {
  reachThreshold: { from: ['collecting'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  merge: { from: ['collecting', 'submitted', 'approved'], to: 'merged' },
  decline: { from: ['collecting', 'submitted'], to: 'declined' },
  expire: { from: ['collecting'], to: 'expired' },
  schedule: { from: ['approved', 'scheduled'], to: 'scheduled' },
  // Taken off the agenda of its only scheduled meeting before a decision on it.
  unschedule: { from: ['scheduled'], to: 'approved' },
  decide: { from: ['approved', 'scheduled', 'decided'], to: 'decided' },
};

export function nextTopicState(state: string, action: TopicAction): TopicState {
  const rule = transitions[action];
  if (!(rule.from as readonly string[]).includes(state)) {
    throw new AppError('workflow.transition_not_allowed', {
      detail: msg(`议题当前状态（${state}）不能执行此操作`, `A topic in state ${state} cannot ${action}`),
    });
  }
  return rule.to;
}
