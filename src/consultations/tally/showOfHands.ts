// Show of hands (举手表决): the clerk enters the counts once; the same threshold as a counted vote applies.
import { approvalResult } from './approval.js';
import { emptyResult, isRecord, type TallyRule } from './types.js';

export type HandsBallot = { approve: number; oppose: number; abstain: number };

const isCount = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 100_000;

export const showOfHandsRule: TallyRule<HandsBallot> = {
  type: 'showOfHands',
  isRecordedByChair: true,
  needsOptions: false,
  parseBallot(raw) {
    if (!isRecord(raw) || !isCount(raw.approve) || !isCount(raw.oppose) || !isCount(raw.abstain)) {
      return null;
    }
    return { approve: raw.approve, oppose: raw.oppose, abstain: raw.abstain };
  },
  tally(ballots, _options, config) {
    // The clerk's count is one record; a recount replaces it (the latest stands).
    const last = ballots.at(-1);
    if (last === undefined) {
      return emptyResult(0, 0, { approve: 0, oppose: 0, abstain: 0 });
    }
    return approvalResult({ ...last.ballot }, 0, config);
  },
};
