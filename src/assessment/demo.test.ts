import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { localYear } from '../platform/time.js';
import { loginAs, startTestPlatform, testClock, type TestPlatform } from '../testing/testPlatform.js';

type Award = { orgName: string; level: number; stars: string[]; reason: string };

describe('assessment demo stage: last year’s completed cycle', () => {
  const clock = testClock();
  let p: TestPlatform;
  before(async () => {
    p = await startTestPlatform(
      {},
      { clock, stages: ['spine', 'catalogue', 'users', 'orgs', 'consultations', 'assessment'] },
    );
  });
  after(async () => {
    await p.close();
  });

  it('most villages meet the five basics, with unit branches left to their own bodies', async () => {
    const zzb = await loginAs(p.app, 'zzb');
    const year = localYear(clock.now()) - 1;
    const awards = await zzb.request('GET', `/api/assessment/cycles/${year}/awards`);
    assert.equal(awards.status, 200, JSON.stringify(awards.body));
    const items = awards.body.items as Award[];
    assert.ok(items.length > 250, `awards: ${items.length}`);
    const failed = items.filter((a) => a.reason === 'basicsFailed');
    assert.ok(failed.length < items.length / 4, `basics failed in ${failed.length} of ${items.length}`);
  });
});
