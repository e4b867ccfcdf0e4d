// Score voting (0–5 分): each voter scores every option; the highest average wins.
import { isRecord, pluralityResult, proxiesOf, type TallyRule } from './types.js';

export type ScoreBallot = { scores: Record<string, number> };

export const scoreRule: TallyRule<ScoreBallot> = {
  type: 'score',
  isRecordedByChair: false,
  needsOptions: true,
  parseBallot(raw, options) {
    if (!isRecord(raw) || !isRecord(raw.scores)) {
      return null;
    }
    const scores: Record<string, number> = {};
    for (const [k, v] of Object.entries(raw.scores)) {
      if (!options.includes(k) || typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 5) {
        return null;
      }
      scores[k] = v;
    }
    return Object.keys(scores).length === 0 ? null : { scores };
  },
  tally(ballots, options, config) {
    // An option a voter left unscored is not counted for that voter (not read as 0).
    const sum: Record<string, number> = {};
    const n: Record<string, number> = {};
    for (const b of ballots) {
      for (const [k, v] of Object.entries(b.ballot.scores)) {
        sum[k] = (sum[k] ?? 0) + v;
        n[k] = (n[k] ?? 0) + 1;
      }
    }
    const totals = Object.fromEntries(
      options.map((o) => [o, (n[o] ?? 0) === 0 ? 0 : Math.round(((sum[o] ?? 0) / n[o]!) * 100) / 100]),
    );
    return pluralityResult(totals, options, ballots.length, proxiesOf(ballots), config);
  },
};
