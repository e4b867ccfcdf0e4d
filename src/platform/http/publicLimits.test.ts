import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestPlatform, type TestPlatform } from '../../testing/testPlatform.js';

describe('limits on public routes', () => {
  let p: TestPlatform;
  before(async () => {
    p = await startTestPlatform();
  });
  after(async () => {
    await p.close();
  });

  it('gives a public write route without its own limit 30 calls a minute per address, then 429', async () => {
    const url = '/api/public/topics/no-such-topic/support';
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const res = await p.app.inject({
        method: 'POST',
        url,
        payload: { phone: '13900001111' },
        remoteAddress: '10.9.8.7',
      });
      statuses.push(res.statusCode);
    }
    assert.ok(
      statuses.slice(0, 30).every((s) => s === 404),
      JSON.stringify(statuses),
    );
    assert.equal(statuses[30], 429);
    // Another address is not held back by the first one's calls.
    const other = await p.app.inject({
      method: 'POST',
      url,
      payload: { phone: '13900001111' },
      remoteAddress: '10.9.8.8',
    });
    assert.equal(other.statusCode, 404);
  });
});
