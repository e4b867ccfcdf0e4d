// Approve / oppose / abstain (赞成/反对/弃权) with a quorum and a pass threshold over the decisive votes.
import { emptyResult, isRecord, proxiesOf, type TallyRule } from './types.js';

export const approvalChoices = ['approve', 'oppose', 'abstain'] as const;
export type ApprovalChoice = (typeof approvalChoices)[number];
export type ApprovalBallot = { choice: ApprovalChoice };

const isChoice = (v: unknown): v is ApprovalChoice =>
  typeof v === 'string' && (approvalChoices as readonly string[]).includes(v);

/** Shared by the counted vote and the show of hands: abstentions count for quorum, not for the threshold. */
export function approvalResult(
  totals: { approve: number; oppose: number; abstain: number },
  proxies: number,
  config: { quorum: number; passThreshold: number; isThresholdInclusive: boolean },
) {
  const voters = totals.approve + totals.oppose + totals.abstain;
  if (voters < config.quorum || voters === 0) {
    return emptyResult(voters, proxies, totals);
  }
  const decisive = totals.approve + totals.oppose;
  const base = { hasQuorum: true, voters, proxies, totals, tied: [] as string[] };
  if (decisive === 0) {
    return { ...base, outcome: 'failed' as const, winner: null };
  }
  const share = totals.approve / decisive;
  const isPassed = config.isThresholdInclusive ? share >= config.passThreshold : share > config.passThreshold;
  if (!isPassed && totals.approve === totals.oppose) {
    return { ...base, outcome: 'tie' as const, winner: null, tied: ['approve', 'oppose'] };
  }
  return {
    ...base,
    outcome: isPassed ? ('passed' as const) : ('failed' as const),
    winner: isPassed ? 'approve' : null,
  };
}

export const approvalRule: TallyRule<ApprovalBallot> = {
  type: 'approval',
  isRecordedByChair: false,
  needsOptions: false,
  parseBallot(raw) {
    return isRecord(raw) && isChoice(raw.choice) ? { choice: raw.choice } : null;
  },
  tally(ballots, _options, config) {
    const totals = { approve: 0, oppose: 0, abstain: 0 };
    for (const b of ballots) {
      totals[b.ballot.choice] += 1;
    }
    return approvalResult(totals, proxiesOf(ballots), config);
  },
};
