// The one interface every decision type implements: how a ballot looks and how ballots are counted.
export const decisionTypes = [
  'consensus',
  'showOfHands',
  'approval',
  'rankedChoice',
  'score',
  'dotVote',
  'timePoll',
] as const;
export type DecisionType = (typeof decisionTypes)[number];

export type DecisionConfig = {
  /** Least number of voters (ballots, or hands counted) for the result to stand. */
  quorum: number;
  /** approval: share of approve among approve + oppose that passes (0.5 = more than half). */
  passThreshold: number;
  /** approval: true when exactly the threshold passes ("at least two-thirds"), false for "more than". */
  isThresholdInclusive: boolean;
  /** dotVote: dots each voter may place. */
  dots: number;
};

export const defaultConfig: DecisionConfig = {
  quorum: 1,
  passThreshold: 0.5,
  isThresholdInclusive: false,
  dots: 3,
};

/** One counted ballot; viaProxy marks a vote someone cast for the participant. */
export type CountedBallot<B> = { ballot: B; viaProxy: boolean };

export type TallyOutcome = 'passed' | 'failed' | 'noQuorum' | 'tie' | 'chosen' | 'recorded';

export type TallyResult = {
  outcome: TallyOutcome;
  hasQuorum: boolean;
  /** Voters counted (for a show of hands: hands raised and abstentions). */
  voters: number;
  proxies: number;
  /** The winning option (or 'approve'/'consensus' when the motion passed); null without one. */
  winner: string | null;
  /** Options that tie for first place, when outcome is 'tie'. */
  tied: string[];
  /** Per-option totals: counts, summed dots, or average scores. */
  totals: Record<string, number>;
  /** Ranked choice: first-preference counts per round. */
  rounds?: Record<string, number>[];
};

export type TallyRule<B> = {
  type: DecisionType;
  /** Whether the decision needs options (candidates, slots) set when it opens. */
  needsOptions: boolean;
  /** The chair or clerk records the result once when the vote closes (consensus, hands counted), not ballots. */
  isRecordedByChair: boolean;
  /** Checks a raw ballot against the options; null when it does not fit. */
  parseBallot(raw: unknown, options: readonly string[], config: DecisionConfig): B | null;
  tally(
    ballots: readonly CountedBallot<B>[],
    options: readonly string[],
    config: DecisionConfig,
  ): TallyResult;
};

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The options with the highest total; all of them when several tie. */
export function leaders(totals: Record<string, number>, options: readonly string[]): string[] {
  let best = -Infinity;
  let top: string[] = [];
  for (const o of options) {
    const v = totals[o] ?? 0;
    if (v > best) {
      best = v;
      top = [o];
    } else if (v === best) {
      top.push(o);
    }
  }
  return top;
}

export function emptyResult(voters: number, proxies: number, totals: Record<string, number>): TallyResult {
  return { outcome: 'noQuorum', hasQuorum: false, voters, proxies, winner: null, tied: [], totals };
}

/** A plurality result over options: chosen, tie, or no quorum. */
export function pluralityResult(
  totals: Record<string, number>,
  options: readonly string[],
  voters: number,
  proxies: number,
  config: DecisionConfig,
): TallyResult {
  if (voters < config.quorum || voters === 0) {
    return emptyResult(voters, proxies, totals);
  }
  const top = leaders(totals, options);
  if (top.length === 1) {
    return { outcome: 'chosen', hasQuorum: true, voters, proxies, winner: top[0]!, tied: [], totals };
  }
  return { outcome: 'tie', hasQuorum: true, voters, proxies, winner: null, tied: top, totals };
}

export const proxiesOf = <B>(ballots: readonly CountedBallot<B>[]): number =>
  ballots.filter((b) => b.viaProxy).length;
