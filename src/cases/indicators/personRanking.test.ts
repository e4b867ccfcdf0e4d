// Ranking people lists the handlers and grid workers assigned in the caller's subtree, through the identity door.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sessions, startCasePlatform, type Sessions } from '../../testing/caseFixtures.js';
import type { TestPlatform } from '../../testing/testPlatform.js';
import { personUnit } from './facts.js';

describe('ranking by person', () => {
  let p: TestPlatform;
  let s: Sessions;
  before(async () => {
    p = await startCasePlatform();
    s = await sessions(p);
  });
  after(async () => {
    await p.close();
  });

  it('lists the grid workers and handlers of the scope, and only those', async () => {
    const to = p.clock.now();
    const path = `/api/indicators/ranking?level=person&from=${to - 30 * 86_400_000}&to=${to}`;
    const district = await s.district.request('GET', path);
    assert.equal(district.status, 200, JSON.stringify(district.body));
    const town = await s.town.request('GET', path);
    assert.equal(town.status, 200);
    const ids = (r: { body: Record<string, unknown> }) => (r.body.items as { id: string }[]).map((i) => i.id);
    const me = (await s.grid.request('GET', '/api/auth/me')).body as { user: { id: string } };
    const wangge = personUnit(me.user.id);
    assert.ok(ids(district).length > ids(town).length, 'the district ranks more people than one town');
    assert.ok(
      ids(town).every((id) => ids(district).includes(id)),
      'a town ranks a part of the district',
    );
    assert.ok(ids(town).includes(wangge), 'the town ranks its grid worker');
  });
});
