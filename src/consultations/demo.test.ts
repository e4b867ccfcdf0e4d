import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call, loginAs, startTestPlatform, type TestPlatform } from '../testing/testPlatform.js';

describe('consultations demo stage', () => {
  let p: TestPlatform;
  before(async () => {
    p = await startTestPlatform({}, { stages: ['spine', 'catalogue', 'users', 'consultations'] });
  });
  after(async () => {
    await p.close();
  });

  it('gives all 17 + 278 councils, a year of activity in some', async () => {
    const admin = await loginAs(p.app, 'admin');
    const towns = await admin.request('GET', '/api/councils?level=town&limit=300');
    const villages = await admin.request('GET', '/api/councils?level=village&limit=300');
    assert.equal((towns.body.items as unknown[]).length, 17);
    assert.equal((villages.body.items as unknown[]).length, 278);
    const root = (towns.body.items as { id: string }[])[0]!.id;
    const numbers = await admin.request('GET', `/api/councils/${root}/numbers`);
    const total = numbers.body.total as { meetingsHeld: number; outcomesDone: number; ratings: number };
    assert.ok(total.meetingsHeld > 0 && total.outcomesDone > 0 && total.ratings > 0, JSON.stringify(total));
    const page = await call(p.app, 'GET', `/api/public/councils/${root}`);
    assert.equal(page.status, 200);
  });
});
