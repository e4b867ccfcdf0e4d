// Decision types as data: the tally rule of each type, looked up by name.
import { approvalRule } from './approval.js';
import { consensusRule } from './consensus.js';
import { dotVoteRule } from './dotVote.js';
import { rankedChoiceRule } from './rankedChoice.js';
import { scoreRule } from './score.js';
import { showOfHandsRule } from './showOfHands.js';
import { timePollRule } from './timePoll.js';
import type { DecisionType, TallyRule } from './types.js';

export * from './types.js';

// Each rule is typed over its own ballot; the registry speaks of ballots as unknown and lets the rule parse them.
const rules: Record<DecisionType, TallyRule<unknown>> = {
  consensus: consensusRule,
  showOfHands: showOfHandsRule,
  approval: approvalRule,
  rankedChoice: rankedChoiceRule,
  score: scoreRule,
  dotVote: dotVoteRule,
  timePoll: timePollRule,
};

export function tallyRuleOf(type: DecisionType): TallyRule<unknown> {
  return rules[type];
}
