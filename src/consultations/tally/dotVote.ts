// Dot voting (贴点投票): each voter places up to `dots` dots over the options; the most dots wins.
import { isRecord, pluralityResult, proxiesOf, type TallyRule } from './types.js';

export type DotBallot = { dots: Record<string, number> };

export const dotVoteRule: TallyRule<DotBallot> = {
  type: 'dotVote',
  isRecordedByChair: false,
  needsOptions: true,
  parseBallot(raw, options, config) {
    if (!isRecord(raw) || !isRecord(raw.dots)) {
      return null;
    }
    const dots: Record<string, number> = {};
    let used = 0;
    for (const [k, v] of Object.entries(raw.dots)) {
      if (!options.includes(k) || typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
        return null;
      }
      dots[k] = v;
      used += v;
    }
    return used === 0 || used > config.dots ? null : { dots };
  },
  tally(ballots, options, config) {
    const totals: Record<string, number> = Object.fromEntries(options.map((o) => [o, 0]));
    for (const b of ballots) {
      for (const [k, v] of Object.entries(b.ballot.dots)) {
        totals[k] = (totals[k] ?? 0) + v;
      }
    }
    return pluralityResult(totals, options, ballots.length, proxiesOf(ballots), config);
  },
};
