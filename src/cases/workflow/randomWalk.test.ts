// Property: random actions by random people never reach an invalid state, and the step log, the facts and the
// roll-ups always agree with the cases.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import pino from 'pino';
import { getGridIndex } from '../../grids/index.js';
import { orgRollups } from '../../orgs/index.js';
import type { UserActor } from '../../access/index.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, pointInGridOf, sessions, startCasePlatform } from '../../testing/caseFixtures.js';
import type { TestPlatform } from '../../testing/testPlatform.js';
import { factKey, factMetrics, factsForCase, metricColumn } from '../indicators/facts.js';
import { reportCase } from '../intake/reportCase.js';
import { caseRepository } from '../repository.js';
import { applyCaseAction, stepToFact, type Performer } from './applyCaseAction.js';
import { caseActions, caseStates, isOpenState, pausedStates, type CaseAction } from './stateMachine.js';

const EXPECTED_REFUSALS = new Set([
  'workflow.transition_not_allowed',
  'auth.forbidden',
  'request.invalid',
  'record.not_found',
]);

describe('random walks over the workflow', () => {
  let p: TestPlatform;
  let people: UserActor[];
  let point: { lng: number; lat: number };
  let deptId: string;
  let otherDept: string;
  before(async () => {
    p = await startCasePlatform();
    const s = await sessions(p);
    people = [
      await actorOf(p, s.town),
      await actorOf(p, s.handler),
      await actorOf(p, s.grid),
      await actorOf(p, s.village),
      await actorOf(p, s.district),
    ];
    point = await pointInGridOf(p, 'wangge');
    deptId = people[1]!.active.orgId;
    const departments = await s.town.request('GET', '/api/departments');
    otherDept = (departments.body.items as { id: string; name: string }[]).find(
      (d) => d.name === '区城市管理局',
    )!.id;
  });
  after(async () => {
    await p.close();
  });

  async function checkInvariants(): Promise<void> {
    const db = p.database.db;
    const repo = caseRepository(db, p.database.dialect);
    const cases = await db.selectFrom('case_file').selectAll().execute();
    const expected = new Map<string, number>();
    for (const c of cases) {
      assert.ok((caseStates as readonly string[]).includes(c.state), `valid state ${c.state}`);
      assert.equal(
        c.paused_at !== null,
        pausedStates.includes(c.state),
        `paused exactly while waiting (${c.state})`,
      );
      if (c.deadline_at !== null) {
        assert.ok(c.department_id !== null, 'a running clock belongs to a department');
      }
      const steps = await repo.steps(c.id);
      steps.forEach((st, i) => {
        assert.equal(st.seq, i + 1, 'steps numbered without gaps');
        if (i > 0) {
          assert.equal(st.from_state, steps[i - 1]!.to_state, 'each step starts where the last ended');
        }
      });
      assert.equal(steps.at(-1)!.to_state, c.state, 'the last step ends in the case state');
      for (const [k, v] of factsForCase(c, steps.map(stepToFact))) {
        expected.set(k, (expected.get(k) ?? 0) + v);
      }
    }
    const stored = new Map<string, number>();
    for (const row of await db.selectFrom('case_fact').selectAll().execute()) {
      for (const m of factMetrics) {
        const v = Number((row as unknown as Record<string, number>)[metricColumn(m)]);
        if (v !== 0) {
          stored.set(factKey(row.unit_id, row.day, m), v);
        }
      }
    }
    assert.deepEqual(
      stored,
      new Map([...expected].filter(([, v]) => v !== 0)),
      'facts equal a recount from the step log',
    );
    const open = cases.filter((c) => isOpenState(c.state)).length;
    const root = await orgRollups(db, p.database.dialect).rollup(cases[0]!.district_id);
    assert.equal(root['case.open'] ?? 0, open, 'open-case roll-up equals a recount');
  }

  it('never reaches an invalid state and keeps the log, facts and roll-ups consistent', async () => {
    const extras = {
      useOtherDept: fc.boolean(),
      minutes: fc.integer({ min: 1, max: 2000 }),
      advanceMinutes: fc.integer({ min: 0, max: 3000 }),
    };
    // Mostly a move someone could really make in the case's current state (so walks go deep), sometimes anything
    // at all by anyone. "who" indexes people: 0 town, 1 handler, 2 grid worker, 3 village cadre, 4 district, 5 system.
    const plausible: Record<string, [number, CaseAction][]> = {
      reported: [
        [0, 'accept'],
        [0, 'accept'],
        [0, 'sendToVerify'],
        [0, 'escalate'],
        [0, 'void'],
      ],
      verifying: [
        [2, 'verify'],
        [2, 'verifyReject'],
      ],
      accepted: [
        [0, 'register'],
        [4, 'register'],
      ],
      registered: [
        [0, 'dispatch'],
        [4, 'dispatch'],
      ],
      dispatched: [
        [1, 'sign'],
        [1, 'sign'],
        [1, 'requestReturn'],
      ],
      handling: [
        [1, 'markHandled'],
        [1, 'markHandled'],
        [1, 'requestExtension'],
        [1, 'requestHold'],
        [1, 'requestReturn'],
        [5, 'supervise'],
      ],
      pendingApproval: [
        [0, 'approve'],
        [0, 'refuse'],
        [4, 'approve'],
      ],
      onHold: [[0, 'resume']],
      handled: [[0, 'sendToCheck']],
      checking: [
        [2, 'checkPass'],
        [2, 'checkFail'],
      ],
      checked: [[0, 'close']],
      closed: [[0, 'reopen']],
    };
    const command = fc.oneof(
      {
        weight: 5,
        arbitrary: fc.record({
          advance: fc.constant(true),
          choice: fc.nat(),
          who: fc.constant(0),
          action: fc.constant<CaseAction>('comment'),
          ...extras,
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          advance: fc.constant(false),
          choice: fc.nat(),
          who: fc.integer({ min: 0, max: 5 }),
          action: fc.constantFrom<CaseAction>(...caseActions),
          ...extras,
        }),
      },
    );
    let clock = Date.UTC(2026, 5, 1, 1, 0, 0);
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 10, maxLength: 60 }), async (commands) => {
        const index = await getGridIndex(p.database);
        const ctx = (now: number, actor: UserActor) => ({
          actor,
          ip: '127.0.0.1',
          requestId: 'walk',
          locale: 'zh-CN' as const,
          log: pino({ level: 'silent' }),
          now,
        });
        const row = await p.database.db.transaction().execute((trx) =>
          reportCase(
            trx,
            {
              dialect: p.database.dialect,
              cipher: p.services.cipher,
              locate: (lng, lat) => index.locate(lng, lat),
            },
            ctx(clock, people[0]!),
            people[0]!,
            {
              categoryCode: '010101',
              description: '随机游走',
              lng: point.lng,
              lat: point.lat,
              source: 'hotline',
            },
          ),
        );
        for (const step of commands) {
          clock += step.advanceMinutes * 60_000;
          let c: { who: number; action: CaseAction; useOtherDept: boolean; minutes: number } = step;
          if (step.advance) {
            const state = (await caseRepository(p.database.db, p.database.dialect).findById(row.id))!.state;
            const options = plausible[state] ?? [[0, 'comment']];
            const [who, action] = options[step.choice % options.length]!;
            c = { ...step, who, action };
          }
          const actor = people[c.who % people.length]!;
          const performer: Performer = c.who === 5 ? { kind: 'system' } : { kind: 'user', actor };
          try {
            await p.database.db.transaction().execute((trx) =>
              applyCaseAction(trx, p.database.dialect, ctx(clock, actor), performer, row.id, {
                action: c.action,
                comment: '随机',
                minutes: c.minutes,
                card: c.minutes % 2 === 0 ? 'yellow' : 'red',
                departmentId: c.useOtherDept ? otherDept : deptId,
                targetCaseId: undefined,
              }),
            );
          } catch (error) {
            if (process.env.WALK_DEBUG === '1') {
              process.stderr.write(
                `${c.action} ${c.who} ${error instanceof AppError ? error.code : String(error)}\n`,
              );
            }
            assert.ok(
              error instanceof AppError && EXPECTED_REFUSALS.has(error.code),
              `only clean refusals: ${String(error)}`,
            );
          }
        }
        await checkInvariants();
      }),
      { numRuns: 40, seed: 20261127 },
    );
    // The walks must have gone somewhere: past dispatch into the department's hands and beyond.
    const visited = await p.database.db.selectFrom('case_step').select('to_state').distinct().execute();
    const states = new Set(visited.map((v) => v.to_state));
    for (const s of [
      'accepted',
      'registered',
      'dispatched',
      'handling',
      'pendingApproval',
      'handled',
      'checking',
      'closed',
    ]) {
      assert.ok(states.has(s), `walks reached ${s} (visited: ${[...states].join(', ')})`);
    }
  });
});
