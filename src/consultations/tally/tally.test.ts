import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultConfig, tallyRuleOf, type DecisionConfig, type DecisionType } from './index.js';

const cfg = (over: Partial<DecisionConfig> = {}): DecisionConfig => ({ ...defaultConfig, ...over });

/** Parses raw ballots through the rule (as the use case does) and tallies them; `p` marks a proxy vote. */
function run(type: DecisionType, options: string[], raw: unknown[], config = cfg(), proxied: number[] = []) {
  const rule = tallyRuleOf(type);
  const ballots = raw.map((r, i) => {
    const ballot = rule.parseBallot(r, options, config);
    assert.notEqual(ballot, null, `ballot ${i} should parse: ${JSON.stringify(r)}`);
    return { ballot, viaProxy: proxied.includes(i) };
  });
  return rule.tally(ballots, options, config);
}

const approvals = (a: number, o: number, x: number) => [
  ...Array.from({ length: a }, () => ({ choice: 'approve' })),
  ...Array.from({ length: o }, () => ({ choice: 'oppose' })),
  ...Array.from({ length: x }, () => ({ choice: 'abstain' })),
];

describe('tally: approve / oppose / abstain', () => {
  it('passes with more than half of the decisive votes; abstentions count only for quorum', () => {
    // 5 approve, 4 oppose, 3 abstain: 12 voters ≥ quorum 10; 5 / 9 = 0.556 > 0.5.
    const r = run('approval', [], approvals(5, 4, 3), cfg({ quorum: 10 }));
    assert.equal(r.outcome, 'passed');
    assert.equal(r.voters, 12);
    assert.deepEqual(r.totals, { approve: 5, oppose: 4, abstain: 3 });
  });
  it('fails without quorum even when everyone approves', () => {
    const r = run('approval', [], approvals(6, 0, 0), cfg({ quorum: 7 }));
    assert.equal(r.outcome, 'noQuorum');
    assert.equal(r.hasQuorum, false);
    assert.equal(r.winner, null);
  });
  it('a tie of approve and oppose is a tie, not a pass', () => {
    const r = run('approval', [], approvals(4, 4, 2), cfg({ quorum: 5 }));
    assert.equal(r.outcome, 'tie');
  });
  it('two-thirds inclusive: exactly 2/3 passes, just below fails', () => {
    const twoThirds = cfg({ passThreshold: 2 / 3, isThresholdInclusive: true });
    assert.equal(run('approval', [], approvals(6, 3, 0), twoThirds).outcome, 'passed');
    assert.equal(run('approval', [], approvals(5, 3, 1), twoThirds).outcome, 'failed');
  });
  it('only abstentions: quorum met but nothing passes', () => {
    assert.equal(run('approval', [], approvals(0, 0, 4)).outcome, 'failed');
  });
  it('proxy votes count as their principal’s and are reported', () => {
    // 3 approve in person + 1 by proxy, 3 oppose: 4 / 7 passes; without the proxy it would tie.
    const r = run('approval', [], approvals(4, 3, 0), cfg({ quorum: 7 }), [3]);
    assert.equal(r.outcome, 'passed');
    assert.equal(r.proxies, 1);
    assert.equal(r.voters, 7);
  });
  it('refuses a ballot that is not one of the three choices', () => {
    assert.equal(tallyRuleOf('approval').parseBallot({ choice: 'maybe' }, [], cfg()), null);
  });
});

describe('tally: show of hands', () => {
  it('counts the clerk’s numbers with the threshold and quorum', () => {
    assert.equal(
      run('showOfHands', [], [{ approve: 11, oppose: 3, abstain: 1 }], cfg({ quorum: 15 })).outcome,
      'passed',
    );
    assert.equal(
      run('showOfHands', [], [{ approve: 11, oppose: 3, abstain: 0 }], cfg({ quorum: 15 })).outcome,
      'noQuorum',
    );
    assert.equal(run('showOfHands', [], [{ approve: 5, oppose: 5, abstain: 0 }]).outcome, 'tie');
  });
  it('a recount replaces the first count', () => {
    const r = run(
      'showOfHands',
      [],
      [
        { approve: 2, oppose: 8, abstain: 0 },
        { approve: 8, oppose: 2, abstain: 0 },
      ],
    );
    assert.equal(r.outcome, 'passed');
    assert.equal(r.voters, 10);
  });
  it('refuses negative or fractional counts', () => {
    assert.equal(
      tallyRuleOf('showOfHands').parseBallot({ approve: -1, oppose: 0, abstain: 0 }, [], cfg()),
      null,
    );
    assert.equal(
      tallyRuleOf('showOfHands').parseBallot({ approve: 1.5, oppose: 0, abstain: 0 }, [], cfg()),
      null,
    );
  });
});

describe('tally: consensus', () => {
  it('records what the chair recorded', () => {
    assert.equal(run('consensus', [], [{ isReached: true }]).outcome, 'passed');
    assert.equal(run('consensus', [], [{ isReached: false }]).outcome, 'failed');
    assert.equal(tallyRuleOf('consensus').tally([], [], cfg()).outcome, 'noQuorum');
  });
});

describe('tally: ranked choice (instant runoff)', () => {
  const opts = ['A', 'B', 'C'];
  it('drops the last option and transfers its ballots', () => {
    // Round 1: A 4, B 3, C 2 (9 ballots, no majority). C is dropped; both C ballots rank B next.
    // Round 2: A 4, B 5: B wins with a majority, although A led the first round.
    const ballots = [
      ...Array.from({ length: 4 }, () => ({ ranking: ['A', 'B', 'C'] })),
      ...Array.from({ length: 3 }, () => ({ ranking: ['B', 'A', 'C'] })),
      ...Array.from({ length: 2 }, () => ({ ranking: ['C', 'B', 'A'] })),
    ];
    const r = run('rankedChoice', opts, ballots);
    assert.equal(r.outcome, 'chosen');
    assert.equal(r.winner, 'B');
    assert.deepEqual(r.rounds, [
      { A: 4, B: 3, C: 2 },
      { A: 4, B: 5 },
    ]);
  });
  it('a perfect tie stays a tie', () => {
    const r = run('rankedChoice', ['A', 'B'], [{ ranking: ['A', 'B'] }, { ranking: ['B', 'A'] }]);
    assert.equal(r.outcome, 'tie');
    assert.deepEqual(r.tied, ['A', 'B']);
  });
  it('refuses unknown or repeated options', () => {
    assert.equal(tallyRuleOf('rankedChoice').parseBallot({ ranking: ['A', 'A'] }, opts, cfg()), null);
    assert.equal(tallyRuleOf('rankedChoice').parseBallot({ ranking: ['D'] }, opts, cfg()), null);
  });
  it('no quorum below the minimum number of ballots', () => {
    assert.equal(run('rankedChoice', opts, [{ ranking: ['A'] }], cfg({ quorum: 2 })).outcome, 'noQuorum');
  });
});

describe('tally: score 0–5', () => {
  it('averages what each voter scored', () => {
    // X: (5 + 3 + 4) / 3 = 4; Y: (4 + 4) / 2 = 4 would tie, but Y also has a 1: (4 + 4 + 1) / 3 = 3.
    const r = run(
      'score',
      ['X', 'Y'],
      [{ scores: { X: 5, Y: 4 } }, { scores: { X: 3, Y: 4 } }, { scores: { X: 4, Y: 1 } }],
    );
    assert.deepEqual(r.totals, { X: 4, Y: 3 });
    assert.equal(r.winner, 'X');
  });
  it('equal averages tie', () => {
    const r = run('score', ['X', 'Y'], [{ scores: { X: 2, Y: 4 } }, { scores: { X: 4, Y: 2 } }]);
    assert.equal(r.outcome, 'tie');
  });
  it('refuses a 6', () => {
    assert.equal(tallyRuleOf('score').parseBallot({ scores: { X: 6 } }, ['X'], cfg()), null);
  });
});

describe('tally: dot vote', () => {
  it('sums dots and refuses more dots than allowed', () => {
    const r = run(
      'dotVote',
      ['P', 'Q', 'R'],
      [{ dots: { P: 3 } }, { dots: { Q: 2, R: 1 } }, { dots: { Q: 2 } }],
    );
    assert.deepEqual(r.totals, { P: 3, Q: 4, R: 1 });
    assert.equal(r.winner, 'Q');
    assert.equal(tallyRuleOf('dotVote').parseBallot({ dots: { P: 4 } }, ['P'], cfg({ dots: 3 })), null);
  });
});

describe('tally: meeting-time poll', () => {
  it('picks the slot most can attend; equal slots tie', () => {
    const slots = ['2025-03-01T19:00', '2025-03-02T19:00'];
    const r = run('timePoll', slots, [{ available: slots }, { available: [slots[1]] }, { available: [] }]);
    assert.equal(r.winner, slots[1]);
    assert.equal(r.voters, 3);
    const tie = run('timePoll', slots, [{ available: [slots[0]] }, { available: [slots[1]] }]);
    assert.equal(tie.outcome, 'tie');
  });
});
