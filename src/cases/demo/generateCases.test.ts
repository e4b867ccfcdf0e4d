// The generated history walks the real workflow table: every step chains from the last, ends in the case's state,
// pauses exactly while waiting, and its facts equal a recount; system steps carry codes, not words.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startCasePlatform } from '../../testing/caseFixtures.js';
import type { TestPlatform } from '../../testing/testPlatform.js';
import { factKey, factMetrics, factsForCase, metricColumn } from '../indicators/facts.js';
import { caseRepository } from '../repository.js';
import { stepToFact } from '../workflow/applyCaseAction.js';
import { caseStates, pausedStates } from '../workflow/stateMachine.js';
import { stepReasons } from '../workflow/stepCodes.js';
import { generateCases } from './generateCases.js';

describe('generated case histories', () => {
  let p: TestPlatform;
  before(async () => {
    p = await startCasePlatform();
  });
  after(async () => {
    await p.close();
  });

  it('follow the workflow table and agree with their facts', async () => {
    const made = await generateCases(p.database, {
      seed: 7,
      count: 600,
      days: 90,
      now: p.clock.now(),
      cipher: p.services.cipher,
    });
    assert.equal(made, 600);
    const db = p.database.db;
    const repo = caseRepository(db, p.database.dialect);
    const cases = await db.selectFrom('case_file').selectAll().execute();
    const expected = new Map<string, number>();
    const reached = new Set<string>();
    let coded = 0;
    for (const c of cases) {
      assert.ok((caseStates as readonly string[]).includes(c.state), `valid state ${c.state}`);
      assert.equal(c.paused_at !== null, pausedStates.includes(c.state), `paused in ${c.state}`);
      const steps = await repo.steps(c.id);
      steps.forEach((st, i) => {
        assert.equal(st.seq, i + 1);
        if (i > 0) {
          assert.equal(st.from_state, steps[i - 1]!.to_state, `${c.id} step ${st.seq} ${st.action}`);
        }
        assert.ok(st.actor_kind !== null, 'every generated step names its actor kind');
        if (st.actor_kind !== 'user') {
          assert.equal(st.actor_name, null, 'no words for system, reporter or resident');
        }
        if (st.reason_code !== null) {
          assert.ok((stepReasons as readonly string[]).includes(st.reason_code));
          coded += 1;
        }
        reached.add(st.to_state);
      });
      assert.equal(steps.at(-1)!.to_state, c.state);
      for (const [k, v] of factsForCase(c, steps.map(stepToFact))) {
        expected.set(k, (expected.get(k) ?? 0) + v);
      }
    }
    for (const s of ['verifying', 'accepted', 'registered', 'dispatched', 'handling', 'checking', 'closed']) {
      assert.ok(reached.has(s), `histories reach ${s}`);
    }
    assert.ok(coded > 0, 'coded reasons are written');
    const stored = new Map<string, number>();
    for (const row of await db.selectFrom('case_fact').selectAll().execute()) {
      for (const m of factMetrics) {
        const v = Number((row as unknown as Record<string, number>)[metricColumn(m)]);
        if (v !== 0) {
          stored.set(factKey(row.unit_id, row.day, m), v);
        }
      }
    }
    assert.deepEqual(stored, new Map([...expected].filter(([, v]) => v !== 0)));
  });
});
