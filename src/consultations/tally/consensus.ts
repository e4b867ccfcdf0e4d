// Consensus (协商一致): the chair records whether the room agreed; no counting.
import { emptyResult, isRecord, proxiesOf, type TallyRule } from './types.js';

export type ConsensusBallot = { isReached: boolean };

export const consensusRule: TallyRule<ConsensusBallot> = {
  type: 'consensus',
  isRecordedByChair: true,
  needsOptions: false,
  parseBallot(raw) {
    return isRecord(raw) && typeof raw.isReached === 'boolean' ? { isReached: raw.isReached } : null;
  },
  tally(ballots) {
    // The chair's record is the one ballot that counts; the latest stands if the chair recorded twice.
    const last = ballots.at(-1);
    if (last === undefined) {
      return emptyResult(0, 0, {});
    }
    const isReached = last.ballot.isReached;
    return {
      outcome: isReached ? 'passed' : 'failed',
      hasQuorum: true,
      voters: ballots.length,
      proxies: proxiesOf(ballots),
      winner: isReached ? 'consensus' : null,
      tied: [],
      totals: { reached: isReached ? 1 : 0 },
    };
  },
};
