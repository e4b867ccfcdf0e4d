// The clock across weekends, holidays, holds and extensions; indicators on a hand-built history; timers fire once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import type { UserActor } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import { runDueJobs } from '../platform/jobs/jobs.js';
import { actorOf, pointInGridOf, sessions, startCasePlatform } from '../testing/caseFixtures.js';
import type { TestPlatform } from '../testing/testPlatform.js';
import { getGridIndex } from '../grids/index.js';
import { rateCase } from './feedback/rateCase.js';
import { reportCase } from './intake/reportCase.js';
import { loadCaseSettings } from './caseSettings.js';
import { countsByUnit, indicatorsFrom } from './indicators/computeIndicators.js';
import { caseRepository } from './repository.js';
import { caseJobHandlers } from './timers.js';
import { applyCaseAction, type ActionInput } from './workflow/applyCaseAction.js';

/** A Beijing-time instant. */
const bj = (iso: string) => Date.parse(`${iso}+08:00`);
const log = pino({ level: 'silent' });

describe('the clock, indicators and timers', () => {
  let p: TestPlatform;
  let town: UserActor;
  let handler: UserActor;
  let grid: UserActor;
  let point: { lng: number; lat: number };
  let deptId: string;

  before(async () => {
    p = await startCasePlatform();
    const s = await sessions(p);
    town = await actorOf(p, s.town);
    handler = await actorOf(p, s.handler);
    grid = await actorOf(p, s.grid);
    point = await pointInGridOf(p, 'wangge');
    deptId = handler.active.orgId;
  });
  after(async () => {
    await p.close();
  });

  const ctx = (now: number, actor: UserActor): RequestContext => ({
    actor,
    ip: '127.0.0.1',
    requestId: 'test',
    locale: 'zh-CN',
    log,
    now,
  });

  const report = async (at: string, description = '暴露垃圾') => {
    const index = await getGridIndex(p.database);
    const row = await p.database.db.transaction().execute((trx) =>
      reportCase(
        trx,
        {
          dialect: p.database.dialect,
          cipher: p.services.cipher,
          locate: (lng, lat) => index.locate(lng, lat),
        },
        ctx(bj(at), town),
        town,
        {
          categoryCode: '010101',
          description,
          lng: point.lng,
          lat: point.lat,
          source: 'hotline',
          reporterPhone: '13700002222',
        },
      ),
    );
    return row.id;
  };
  const act = (id: string, at: string, actor: UserActor, input: ActionInput) =>
    p.database.db
      .transaction()
      .execute((trx) =>
        applyCaseAction(trx, p.database.dialect, ctx(bj(at), actor), { kind: 'user', actor }, id, input),
      );
  const deadlineOf = async (id: string) =>
    (await caseRepository(p.database.db, p.database.dialect).findById(id))!;

  it('1 working day from Monday 09:15 ends Tuesday 09:15, yellow at 80 % on Monday 16:45', async () => {
    const id = await report('2026-03-02T09:00:00');
    await act(id, '2026-03-02T09:05:00', town, { action: 'accept' });
    await act(id, '2026-03-02T09:10:00', town, { action: 'register' });
    const r = await act(id, '2026-03-02T09:15:00', town, { action: 'dispatch', departmentId: deptId });
    assert.equal(r.case.deadline_at, bj('2026-03-03T09:15:00'));
    assert.equal(r.case.yellow_at, bj('2026-03-02T16:45:00'));
  });

  it('across the Qingming holiday (2026-04-04 to 04-06): Friday 16:00 + 1 working day = Tuesday 16:00', async () => {
    const id = await report('2026-04-03T15:40:00');
    await act(id, '2026-04-03T15:45:00', town, { action: 'accept' });
    await act(id, '2026-04-03T15:50:00', town, { action: 'register' });
    const r = await act(id, '2026-04-03T16:00:00', town, { action: 'dispatch', departmentId: deptId });
    // Friday 16:00–17:30 (90), then Tuesday 08:30–12:00 (210) and 13:30–16:00 (150).
    assert.equal(r.case.deadline_at, bj('2026-04-07T16:00:00'));
  });

  it('a hold over the weekend stops the clock: the deadline moves by the working time spent on hold', async () => {
    const id = await report('2026-03-06T15:40:00');
    await act(id, '2026-03-06T15:45:00', town, { action: 'accept' });
    await act(id, '2026-03-06T15:50:00', town, { action: 'register' });
    const d = await act(id, '2026-03-06T16:00:00', town, { action: 'dispatch', departmentId: deptId });
    assert.equal(d.case.deadline_at, bj('2026-03-09T16:00:00'));
    await act(id, '2026-03-06T16:05:00', handler, { action: 'sign' });
    await act(id, '2026-03-06T16:30:00', handler, { action: 'requestHold', comment: '需长期整治' });
    const paused = await deadlineOf(id);
    assert.equal(paused.paused_at, bj('2026-03-06T16:30:00'));
    await act(id, '2026-03-06T16:40:00', town, { action: 'approve' });
    assert.equal((await deadlineOf(id)).state, 'onHold');
    const resumed = await act(id, '2026-03-10T09:00:00', town, { action: 'resume' });
    // On hold Fri 16:30–17:30 (60) + Mon (450) + Tue 08:30–09:00 (30) = 540 working minutes: Mon 16:00 + 540 =
    // the rest of Monday (90) and all of Tuesday (450) → Tue 17:30, i.e. the 420 minutes left at 16:30 on Friday.
    assert.equal(resumed.case.deadline_at, bj('2026-03-10T17:30:00'));
    assert.equal(resumed.case.paused_at, null);
  });

  it('an approved extension adds its minutes and the waiting time', async () => {
    const id = await report('2026-03-11T08:40:00');
    await act(id, '2026-03-11T08:45:00', town, { action: 'accept' });
    await act(id, '2026-03-11T08:50:00', town, { action: 'register' });
    await act(id, '2026-03-11T09:00:00', town, { action: 'dispatch', departmentId: deptId });
    await act(id, '2026-03-11T09:05:00', handler, { action: 'sign' });
    await act(id, '2026-03-11T10:00:00', handler, {
      action: 'requestExtension',
      comment: '需协调',
      minutes: 450,
    });
    const r = await act(id, '2026-03-11T11:00:00', town, { action: 'approve' });
    // Deadline Thu 09:00; waiting 60 working minutes → Thu 10:00; plus one working day → Fri 10:00.
    assert.equal(r.case.deadline_at, bj('2026-03-13T10:00:00'));
    assert.equal(r.case.state, 'handling');
    assert.equal(r.case.extension_count, 1);
  });

  it('indicators of a hand-built history, worked out by hand', async () => {
    // A week without holidays (the May Day break ends on the 5th).
    // A: on time all the way, rated 5.  B: handled and closed late, rated 2.
    // C: returned once, re-dispatched, reworked once, closed on time.  D: voided.
    const a = await report('2026-05-11T09:00:00', 'A');
    const b = await report('2026-05-11T09:00:00', 'B');
    const c = await report('2026-05-11T09:00:00', 'C');
    const d = await report('2026-05-11T09:00:00', 'D');
    for (const id of [a, b, c]) {
      await act(id, '2026-05-11T09:05:00', town, { action: 'accept' });
      await act(id, '2026-05-11T09:10:00', town, { action: 'register' });
      await act(id, '2026-05-11T09:15:00', town, { action: 'dispatch', departmentId: deptId });
    }
    await act(d, '2026-05-11T09:05:00', town, { action: 'accept' });
    await act(d, '2026-05-11T09:06:00', town, { action: 'void', comment: '重复' });

    await act(a, '2026-05-11T09:20:00', handler, { action: 'sign' });
    await act(a, '2026-05-11T15:00:00', handler, { action: 'markHandled', comment: '已清运' });
    const sent = await act(a, '2026-05-11T15:10:00', town, { action: 'sendToCheck' });
    // 东市社区 is a town community: the grid worker's on-site check is due within one hour (two in a rural village).
    assert.equal(sent.case.step_deadline_at, bj('2026-05-11T16:10:00'));
    await act(a, '2026-05-11T15:40:00', grid, { action: 'checkPass' });
    await act(a, '2026-05-11T15:50:00', town, { action: 'close' });

    await act(b, '2026-05-11T09:20:00', handler, { action: 'sign' });
    await act(b, '2026-05-12T10:00:00', handler, { action: 'markHandled', comment: '已清运' });
    await act(b, '2026-05-12T10:10:00', town, { action: 'sendToCheck' });
    await act(b, '2026-05-12T10:40:00', grid, { action: 'checkPass' });
    await act(b, '2026-05-12T11:00:00', town, { action: 'close' });

    await act(c, '2026-05-11T09:30:00', handler, { action: 'requestReturn', comment: '非本部门' });
    await act(c, '2026-05-11T09:40:00', town, { action: 'approve' });
    await act(c, '2026-05-11T09:45:00', town, { action: 'dispatch', departmentId: deptId });
    await act(c, '2026-05-11T09:50:00', handler, { action: 'sign' });
    await act(c, '2026-05-11T11:00:00', handler, { action: 'markHandled', comment: '已处理' });
    await act(c, '2026-05-11T11:10:00', town, { action: 'sendToCheck' });
    await act(c, '2026-05-11T11:30:00', grid, { action: 'checkFail', comment: '未清理干净' });
    await act(c, '2026-05-11T14:00:00', handler, { action: 'markHandled', comment: '已返工' });
    await act(c, '2026-05-11T14:10:00', town, { action: 'sendToCheck' });
    await act(c, '2026-05-11T14:40:00', grid, { action: 'checkPass' });
    await act(c, '2026-05-11T15:00:00', town, { action: 'close' });

    const repo = caseRepository(p.database.db, p.database.dialect);
    for (const [id, rating] of [
      [a, 5],
      [b, 2],
    ] as const) {
      const row = (await repo.findById(id))!;
      await p.database.db
        .transaction()
        .execute((trx) =>
          rateCase(
            trx,
            p.database.dialect,
            ctx(bj('2026-05-12T12:00:00'), town),
            row.tracking_code,
            rating,
            null,
          ),
        );
    }

    const period = { from: bj('2026-05-11T00:00:00'), to: bj('2026-05-13T00:00:00') };
    const district = (await repo.findById(a))!.district_id;
    const counts = await countsByUnit(repo, [deptId, district], period);
    const settings = await loadCaseSettings(p.database.db);
    const dept = indicatorsFrom(counts.get(deptId)!, settings.indicators);
    // Dispatches: A, B and C twice = 4; right first time: A and B (C was returned) = 2 → 0.5.
    assert.equal(dept.counts.dispatched, 4);
    assert.equal(dept.rates.rightDispatchRate, 0.5);
    // Signed within 30 minutes: A, B and C's second dispatch = 3 of 4 dispatches → 0.75.
    assert.equal(dept.rates.responseRate, 0.75);
    // Due: A, B, C (its returned cycle no longer counts) = 3; handled on time A and C → 2/3.
    assert.equal(dept.counts.dueHandle, 3);
    assert.equal(dept.rates.onTimeHandleRate, 0.6667);
    // All three closed (1.0); on time A and C (2/3); C reworked (1/3).
    assert.equal(dept.rates.closeRate, 1);
    assert.equal(dept.rates.onTimeCloseRate, 0.6667);
    assert.equal(dept.rates.reworkRate, 0.3333);
    // Ratings A 5, B 2: solved 1/2, satisfied 1/2.
    assert.equal(dept.rates.solveRate, 0.5);
    assert.equal(dept.rates.satisfactionRate, 0.5);
    // Composite: band for 3 closed (≥ 1 → 2) + 30·1 + 30·0.6667 + 30·(1 − 0.3333) = 72.00 → grade C.
    assert.equal(dept.composite, 72);
    assert.equal(dept.grade, 'C');
    // Three rates: 30·0.75 + 35·0.5 + 35·0.5 = 57.5.
    assert.equal(dept.threeRatesScore, 57.5);
    const whole = indicatorsFrom(counts.get(district)!, settings.indicators);
    // Reports A–D = 4, valid 3 (D voided) → 0.75; registered 3, all within 60 minutes → 1.
    assert.equal(whole.counts.reported, 4);
    assert.equal(whole.rates.validReportRate, 0.75);
    assert.equal(whole.rates.onTimeRegisterRate, 1);
  });

  it('yellow and red cards are raised once even when two runners race for the same due timers', async () => {
    const now = Date.now();
    const index = await getGridIndex(p.database);
    const row = await p.database.db.transaction().execute((trx) =>
      reportCase(
        trx,
        {
          dialect: p.database.dialect,
          cipher: p.services.cipher,
          locate: (lng, lat) => index.locate(lng, lat),
        },
        ctx(now, town),
        town,
        {
          categoryCode: '060102',
          description: '井盖缺失',
          urgency: 'urgent',
          lng: point.lng,
          lat: point.lat,
          source: 'hotline',
        },
      ),
    );
    const actNow = (actor: UserActor, input: ActionInput) =>
      p.database.db
        .transaction()
        .execute((trx) =>
          applyCaseAction(trx, p.database.dialect, ctx(now, actor), { kind: 'user', actor }, row.id, input),
        );
    await actNow(town, { action: 'accept' });
    await actNow(town, { action: 'register' });
    const dispatched = await actNow(town, { action: 'dispatch', departmentId: deptId });
    const later = dispatched.case.deadline_at! + 60_000;
    const handlers = caseJobHandlers(p.database, log);
    await Promise.all([
      runDueJobs(p.database, handlers, { now: () => later }),
      runDueJobs(p.database, handlers, { now: () => later }),
    ]);
    await runDueJobs(p.database, handlers, { now: () => later + 3600_000 });
    const steps = await caseRepository(p.database.db, p.database.dialect).steps(row.id);
    const cards = steps
      .filter((s) => s.action === 'supervise')
      .map((s) => (JSON.parse(s.data ?? '{}') as { card: string }).card);
    // Each card at most once; when both runners take a timer each, red may land first and then yellow is moot.
    assert.equal(cards.filter((c) => c === 'red').length, 1, cards.join());
    assert.ok(cards.filter((c) => c === 'yellow').length <= 1, cards.join());
    assert.equal((await deadlineOf(row.id)).supervision, 'red');
  });
});
