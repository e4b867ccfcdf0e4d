// Ranked choice (排序选择), counted as instant runoff: the last option is dropped each round until one has a majority.
import { emptyResult, isRecord, proxiesOf, type TallyResult, type TallyRule } from './types.js';

export type RankedBallot = { ranking: string[] };

export const rankedChoiceRule: TallyRule<RankedBallot> = {
  type: 'rankedChoice',
  isRecordedByChair: false,
  needsOptions: true,
  parseBallot(raw, options) {
    if (!isRecord(raw) || !Array.isArray(raw.ranking) || raw.ranking.length === 0) {
      return null;
    }
    const ranking = raw.ranking as unknown[];
    const isValid =
      ranking.every((r) => typeof r === 'string' && options.includes(r)) &&
      new Set(ranking).size === ranking.length;
    return isValid ? { ranking: ranking as string[] } : null;
  },
  tally(ballots, options, config): TallyResult {
    const voters = ballots.length;
    const proxies = proxiesOf(ballots);
    if (voters < config.quorum || voters === 0) {
      return emptyResult(voters, proxies, {});
    }
    let remaining = [...options];
    const rounds: Record<string, number>[] = [];
    for (;;) {
      const counts: Record<string, number> = Object.fromEntries(remaining.map((o) => [o, 0]));
      let live = 0;
      for (const b of ballots) {
        const first = b.ballot.ranking.find((r) => remaining.includes(r));
        if (first !== undefined) {
          counts[first] = (counts[first] ?? 0) + 1;
          live += 1;
        }
      }
      rounds.push(counts);
      const base = { hasQuorum: true, voters, proxies, totals: rounds[0] ?? {}, rounds };
      const top = remaining.filter((o) => (counts[o] ?? 0) * 2 > live);
      if (top.length === 1) {
        return { ...base, outcome: 'chosen', winner: top[0]!, tied: [] };
      }
      const low = Math.min(...remaining.map((o) => counts[o] ?? 0));
      const survivors = remaining.filter((o) => (counts[o] ?? 0) > low);
      if (survivors.length === 0) {
        // Everyone left has the same count: nothing more to drop.
        return { ...base, outcome: 'tie', winner: null, tied: remaining };
      }
      remaining = survivors;
    }
  },
};
