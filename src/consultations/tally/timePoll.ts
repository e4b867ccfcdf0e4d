// Meeting-time poll (时间征集): each voter marks the slots they can attend; the slot most can attend wins.
import { isRecord, pluralityResult, proxiesOf, type TallyRule } from './types.js';

export type TimePollBallot = { available: string[] };

export const timePollRule: TallyRule<TimePollBallot> = {
  type: 'timePoll',
  isRecordedByChair: false,
  needsOptions: true,
  parseBallot(raw, options) {
    if (!isRecord(raw) || !Array.isArray(raw.available)) {
      return null;
    }
    const available = raw.available as unknown[];
    const isValid =
      available.every((a) => typeof a === 'string' && options.includes(a)) &&
      new Set(available).size === available.length;
    return isValid ? { available: available as string[] } : null;
  },
  tally(ballots, options, config) {
    const totals: Record<string, number> = Object.fromEntries(options.map((o) => [o, 0]));
    for (const b of ballots) {
      for (const slot of b.ballot.available) {
        totals[slot] = (totals[slot] ?? 0) + 1;
      }
    }
    return pluralityResult(totals, options, ballots.length, proxiesOf(ballots), config);
  },
};
