// A shortened fuzz run for every CI tier (the manual command sends 10,000): every operation of the OpenAPI document
// at least once, callers rotating over anonymous and every role, then the database's invariants.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { roles } from '../access/index.js';
import { startScopeFixture, type ScopeFixture } from './fixtures.js';
import { fuzzCallers, fuzzIds } from './fuzzSetup.js';
import { runFuzz } from './fuzz.js';
import { checkInvariants } from './invariants.js';

const REQUESTS = Number(process.env.RELIABILITY_FUZZ_REQUESTS ?? '600');

describe('fuzz from the OpenAPI document', () => {
  let f: ScopeFixture;
  before(async () => {
    f = await startScopeFixture();
  });
  after(async () => {
    await f.p.close();
  });

  it('answers no 5xx, every error in its format, and leaves the invariants holding', async () => {
    const report = await runFuzz(f.p.app, fuzzCallers(f), await fuzzIds(f), { requests: REQUESTS, seed: 18 });
    assert.equal(report.operationsHit, report.operations, 'every operation was called');
    assert.ok(report.operations > 100, `${report.operations} operations`);
    assert.equal(fuzzCallers(f).length, roles.length + 1);
    assert.deepEqual(report.failures, []);
    assert.deepEqual(await checkInvariants(f.p.database.db), []);
  });
});
