// Every action tried by every seat in the main states of the loop, against a matrix written out by hand.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  caseIn,
  pointInGridOf,
  sessions,
  startCasePlatform,
  type Sessions,
} from '../../testing/caseFixtures.js';
import type { TestPlatform } from '../../testing/testPlatform.js';
import { caseActions, type CaseAction } from './stateMachine.js';

type Who = 'town' | 'handler' | 'grid' | 'village' | 'admin';

/** What each person may do to a town-level case in their area (jszf is the department it is routed to). */
const allowed: Record<'reported' | 'dispatched' | 'handling' | 'checking', Record<Who, CaseAction[]>> = {
  reported: {
    town: ['sendToVerify', 'accept', 'void', 'escalate', 'merge', 'supervise', 'comment'],
    handler: [],
    grid: ['comment'],
    village: ['comment'],
    admin: [],
  },
  dispatched: {
    town: ['supervise', 'comment'],
    handler: ['sign', 'requestReturn', 'comment'],
    grid: ['comment'],
    village: ['comment'],
    admin: [],
  },
  handling: {
    town: ['supervise', 'comment'],
    handler: ['requestExtension', 'requestReturn', 'requestHold', 'markHandled', 'comment'],
    grid: ['comment'],
    village: ['comment'],
    admin: [],
  },
  checking: {
    town: ['checkPass', 'checkFail', 'supervise', 'comment'],
    handler: ['comment'],
    grid: ['checkPass', 'checkFail', 'comment'],
    village: ['comment'],
    admin: [],
  },
};

describe('every allowed and every forbidden transition per role', () => {
  let p: TestPlatform;
  let s: Sessions;
  let point: { lng: number; lat: number };
  let target: string;
  before(async () => {
    p = await startCasePlatform();
    s = await sessions(p);
    point = await pointInGridOf(p, 'wangge');
    target = await caseIn(s, point, 'reported', { description: '合并目标（测试）' });
  });
  after(async () => {
    await p.close();
  });

  const inputFor = (action: CaseAction): Record<string, unknown> => ({
    action,
    comment: '测试说明',
    minutes: 60,
    card: 'yellow',
    targetCaseId: target,
  });

  for (const state of Object.keys(allowed) as (keyof typeof allowed)[]) {
    it(`state ${state}`, async () => {
      const shared = await caseIn(s, point, state);
      for (const who of Object.keys(allowed[state]) as Who[]) {
        for (const action of caseActions) {
          const isAllowed = allowed[state][who].includes(action);
          const id = isAllowed ? await caseIn(s, point, state) : shared;
          const before = await s.town.request('GET', `/api/cases/${id}`);
          const res = await s[who].request('POST', `/api/cases/${id}/actions`, inputFor(action));
          if (isAllowed) {
            assert.equal(res.status, 200, `${who} may ${action} in ${state}: ${JSON.stringify(res.body)}`);
          } else {
            assert.ok(
              [403, 404, 422].includes(res.status),
              `${who} may not ${action} in ${state}, got ${res.status}`,
            );
            const after = await s.town.request('GET', `/api/cases/${id}`);
            const v0 = (before.body.item as { version: number }).version;
            assert.equal(
              (after.body.item as { version: number }).version,
              v0,
              `a refused ${action} changes nothing`,
            );
          }
        }
      }
      // The server's own list of allowed actions agrees with the matrix for the town seat.
      const detail = await s.town.request('GET', `/api/cases/${shared}`);
      assert.deepEqual([...(detail.body.allowedActions as string[])].sort(), [...allowed[state].town].sort());
    });
  }

  it('a department handler cannot even see a case before it is dispatched to them, nor one sent elsewhere', async () => {
    const id = await caseIn(s, point, 'registered');
    assert.equal((await s.handler.request('GET', `/api/cases/${id}`)).status, 404);
    const cgj = await s.town.request('GET', '/api/departments');
    const other = (cgj.body.items as { id: string; name: string }[]).find((d) => d.name === '区城市管理局')!;
    await s.town.request('POST', `/api/cases/${id}/actions`, { action: 'dispatch', departmentId: other.id });
    assert.equal(
      (await s.handler.request('GET', `/api/cases/${id}`)).status,
      404,
      'jszf does not see the 城管局 case',
    );
    assert.equal(
      (await s.otherHandler.request('GET', `/api/cases/${id}`)).status,
      200,
      '城管局 sees its own',
    );
    const list = await s.handler.request('GET', '/api/cases?limit=200');
    const depts = new Set((list.body.items as { departmentId: string | null }[]).map((c) => c.departmentId));
    assert.ok(depts.size <= 1, 'the handler list holds only its own department');
  });

  it('a town user gets 404 for a case of another town', async () => {
    const id = await caseIn(s, point, 'reported');
    const shigang = await (await import('../../testing/testPlatform.js')).loginAs(p.app, 'shigang');
    assert.equal((await shigang.request('GET', `/api/cases/${id}`)).status, 404);
    assert.equal(
      (await shigang.request('POST', `/api/cases/${id}/actions`, { action: 'accept' })).status,
      404,
    );
  });
});
