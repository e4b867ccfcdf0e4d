// The console's allowed actions and "my queue" come from the same rules table: a case is in a role's queue exactly
// when the server offers that role's seat an action that is its duty, and each offered action says what it needs.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Role } from '../../access/index.js';
import {
  caseIn,
  pointInGridOf,
  sessions,
  startCasePlatform,
  type DriveTarget,
  type Sessions,
} from '../../testing/caseFixtures.js';
import type { Session, TestPlatform } from '../../testing/testPlatform.js';
import { isQueued, queueOf } from './queues.js';
import {
  caseLevels,
  caseStates,
  isCaseAction,
  isDutyOf,
  needs,
  rules,
  type CaseAction,
  type Seat,
} from './stateMachine.js';

const TARGETS: DriveTarget[] = [
  'reported',
  'accepted',
  'registered',
  'dispatched',
  'handling',
  'handled',
  'checking',
  'checked',
  'closed',
];

describe('queues and allowed actions from one table', () => {
  it('a role queues a position iff its seat has a duty there; drafts and closed cases wait on no command centre', () => {
    const seatOf: [Role, Seat, readonly string[]][] = [
      ['townCommand', 'command', ['town']],
      ['districtCommand', 'command', ['district']],
      ['departmentHandler', 'handler', caseLevels],
      ['gridWorker', 'gridWorker', caseLevels],
      ['villageCadre', 'villageCadre', caseLevels],
    ];
    for (const [role, seat, levels] of seatOf) {
      for (const state of caseStates) {
        for (const level of caseLevels) {
          const expected = levels.includes(level) && isDutyOf(seat, { state, level });
          assert.equal(isQueued(role, { state, level }), expected, `${role} ${state}@${level}`);
        }
      }
    }
    // What the table says, written out: a town command centre's queue at town level.
    const town = queueOf('townCommand');
    assert.deepEqual(town, [
      {
        states: ['reported', 'accepted', 'registered', 'pendingApproval', 'onHold', 'handled', 'checked'],
        levels: ['town'],
      },
    ]);
    assert.deepEqual(queueOf('resident'), []);
    assert.equal(isQueued('gridWorker', { state: 'reported', level: 'town' }), false);
    assert.equal(isQueued('gridWorker', { state: 'reported', level: 'grid' }), true);
  });

  describe('through the API', () => {
    let p: TestPlatform;
    let s: Sessions;
    const ids = new Map<string, string>();
    before(async () => {
      p = await startCasePlatform();
      s = await sessions(p);
      const point = await pointInGridOf(p, 'wangge');
      for (const target of TARGETS) {
        ids.set(target, await caseIn(s, point, target));
      }
      // A grid-level case: a grid worker's own patrol report.
      const own = await s.grid.request('POST', '/api/cases', {
        categoryCode: '010101',
        description: '巡查发现暴露垃圾（测试）',
        lng: point.lng,
        lat: point.lat,
        source: 'patrol',
      });
      assert.equal(own.status, 201, JSON.stringify(own.body));
      ids.set('patrol', own.body.id as string);
    });
    after(async () => {
      await p.close();
    });

    const people: [string, Role, Seat, () => Session][] = [
      ['jinsha', 'townCommand', 'command', () => s.town],
      ['jszf', 'departmentHandler', 'handler', () => s.handler],
      ['wangge', 'gridWorker', 'gridWorker', () => s.grid],
      ['dongshi', 'villageCadre', 'villageCadre', () => s.village],
    ];

    for (const [who, role, seat, session] of people) {
      it(`${who}: in the queue exactly the cases the server offers a duty on`, async () => {
        const queue = await session().request('GET', '/api/cases?queue=actionable&limit=200');
        assert.equal(queue.status, 200);
        const queued = new Set((queue.body.items as { id: string }[]).map((c) => c.id));
        let offered = 0;
        for (const [label, id] of ids) {
          const detail = await session().request('GET', `/api/cases/${id}`);
          if (detail.status === 404) {
            assert.ok(!queued.has(id), `${who} queues ${label} without seeing it`);
            continue;
          }
          const allowed = (detail.body.allowedActions as string[]).filter(isCaseAction);
          const inputs = detail.body.actionInputs as Record<string, { needs: string[]; accepts: string[] }>;
          for (const action of allowed) {
            assert.deepEqual(inputs[action], {
              needs: [...needs(action).needs],
              accepts: [...needs(action).accepts],
            });
          }
          const hasDuty = allowed.some((a: CaseAction) => (rules[a].duty ?? []).includes(seat));
          assert.equal(queued.has(id), hasDuty, `${who} (${role}) ${label}: offered ${allowed.join(',')}`);
          if (hasDuty) {
            offered += 1;
          }
        }
        // Everyone here has work somewhere in the loop, except the village cadre on town-level cases.
        assert.equal(offered > 0, role !== 'villageCadre', `${who} has ${offered} cases to act on`);
      });
    }

    it('the dialog learns what an action needs from the server', async () => {
      const detail = await s.handler.request('GET', `/api/cases/${ids.get('handling')!}`);
      const inputs = detail.body.actionInputs as Record<string, { needs: string[]; accepts: string[] }>;
      assert.deepEqual(inputs.requestExtension, { needs: ['comment', 'minutes'], accepts: [] });
      assert.deepEqual(inputs.markHandled, { needs: ['comment'], accepts: ['photo', 'isPublic'] });
      const town = await s.town.request('GET', `/api/cases/${ids.get('registered')!}`);
      const townInputs = town.body.actionInputs as Record<string, { needs: string[]; accepts: string[] }>;
      assert.deepEqual(townInputs.dispatch, { needs: ['department'], accepts: ['comment'] });
    });
  });
});
