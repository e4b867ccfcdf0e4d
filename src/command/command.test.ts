import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { manualClock, type ManualClock } from '../platform/clock.js';
import { runDueJobs } from '../platform/jobs/jobs.js';
import { subtreeUpper } from '../platform/db/database.js';
import { msg } from '../platform/i18n.js';
import { DAY_MS, instantOfLocalDate, startOfLocalDay } from '../platform/time.js';
import { CASE_STAGES, pointInGridOf } from '../testing/caseFixtures.js';
import { loginAs, startTestPlatform, type Session, type TestPlatform } from '../testing/testPlatform.js';
import { commandJobHandlers, ensureCommandJobs, registerCommandTiles } from './index.js';

type Json = Record<string, unknown>;
type Tile = {
  code: string;
  module: string;
  asOf: number;
  failed: boolean;
  figures: Json[];
  byChild: { items: Json[] } | null;
  items: Json[];
};

// Tuesday 12 May 2026, 10:00 in the district; a fixed clock, so windows and days are the same every run.
const START = instantOfLocalDate('2026-05-12') + 10 * 3_600_000;
const HOUR = 3_600_000;
const YEAR = 364 * DAY_MS;
const OPEN_STATES = [
  'reported',
  'verifying',
  'accepted',
  'registered',
  'dispatched',
  'handling',
  'pendingApproval',
  'onHold',
  'handled',
  'checking',
  'checked',
] as const;

describe('the command view (驾驶舱)', () => {
  let p: TestPlatform;
  let clock: ManualClock;
  let qzh: Session;
  let jinsha: Session;
  let shigang: Session;
  let dongshi: Session;
  let wangge: Session;
  let point: { lng: number; lat: number; gridId: string };
  let ids: {
    district: string;
    town: string;
    village: string;
    otherTown: string;
    districtPath: string;
    villagePath: string;
  };

  const report = async (categoryCode: string, text: string, phone?: string) => {
    const made = await qzh.request('POST', '/api/cases', {
      categoryCode,
      description: text,
      lng: point.lng,
      lat: point.lat,
      source: 'hotline',
      ...(phone === undefined ? {} : { reporterPhone: phone }),
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    return ((made.body.item as Json | undefined)?.id as string | undefined) ?? (made.body.id as string);
  };
  const screen = async (s: Session, orgId?: string) => {
    const r = await s.request('GET', `/api/command/screen${orgId === undefined ? '' : `?orgId=${orgId}`}`);
    return r;
  };
  const tile = (body: Json, code: string) => {
    const t = (body.tiles as Tile[]).find((x) => x.code === code);
    assert.ok(t, `tile ${code} on the screen`);
    return t;
  };
  const figure = (t: Tile, key: string) => {
    const f = t.figures.find((x) => x.key === key);
    assert.ok(f, `figure ${key} of ${t.code}`);
    return f as { value: number | null; link: string | null };
  };
  const runJobs = () =>
    runDueJobs(p.database, commandJobHandlers(p.database, pino({ level: 'silent' })), {
      now: () => clock.now(),
      log: pino({ level: 'warn' }),
    });
  const alerts = async (s: Session, query = '') =>
    ((await s.request('GET', `/api/command/alerts${query}`)).body.items as Json[]) ?? [];
  /** The case list behind a figure's console link, through the case API as the same person. */
  const listBehind = async (s: Session, link: string) => {
    const url = new URL(link, 'http://x');
    url.searchParams.delete('tab');
    url.searchParams.set('limit', '200');
    const r = await s.request('GET', `/api/cases?${url.searchParams.toString()}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body.items as Json[];
  };

  before(async () => {
    clock = manualClock(START - YEAR);
    p = await startTestPlatform(
      { SESSION_TTL_HOURS: '720', JOB_INTERVAL_MS: '600000' },
      { stages: CASE_STAGES, orgScale: 0.02, clock },
    );
    qzh = await loginAs(p.app, 'qzh');
    point = await pointInGridOf(p, 'wangge');
    const org = (code: string) =>
      p.database.db
        .selectFrom('org')
        .select(['id', 'path'])
        .where('code', '=', code)
        .executeTakeFirstOrThrow();
    const district = await p.database.db
      .selectFrom('org')
      .select(['id', 'path'])
      .where('parent_id', 'is', null)
      .executeTakeFirstOrThrow();
    const town = await org('320612001');
    const village = await org('320612001001');
    const otherTown = await p.database.db
      .selectFrom('org')
      .select('id')
      .where('level', '=', 'town')
      .where('id', '!=', town.id)
      .where('name', 'like', '石港%')
      .executeTakeFirstOrThrow();
    ids = {
      district: district.id,
      town: town.id,
      village: village.id,
      otherTown: otherTown.id,
      districtPath: district.path,
      villagePath: village.path,
    };
    // Last year, the same weeks: one report of 010105 in 东市社区 (the trend rule's baseline).
    await report('010105', '去年同期：占道经营一次');
    clock.set(START);
    qzh = await loginAs(p.app, 'qzh');
    jinsha = await loginAs(p.app, 'jinsha');
    shigang = await loginAs(p.app, 'shigang');
    dongshi = await loginAs(p.app, 'dongshi');
    wangge = await loginAs(p.app, 'wangge');
  });
  after(async () => {
    await p.close();
  });

  it('shows each tile’s figures equal to a recount of the records, per child too, and each figure opens its records', async () => {
    for (let i = 0; i < 3; i++) {
      await report('010101', `楼道堆放杂物，第 ${i + 1} 次`);
    }
    await report('010102', '路灯不亮');
    const r = await screen(qzh);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal((r.body.org as Json).level, 'district');
    // Recount from the case rows, in plain code: today's reports and the open cases with their lights.
    const rows = await p.database.db
      .selectFrom('case_file')
      .select(['state', 'reported_at', 'deadline_at', 'yellow_at', 'paused_at', 'supervision', 'town_id'])
      .where('org_path', '>=', ids.districtPath)
      .where('org_path', '<', subtreeUpper(ids.districtPath))
      .execute();
    const now = clock.now();
    const dayStart = startOfLocalDay(now);
    const open = rows.filter((c) => (OPEN_STATES as readonly string[]).includes(c.state));
    const today = tile(r.body, 'cases.today');
    assert.equal(figure(today, 'reported').value, rows.filter((c) => c.reported_at >= dayStart).length);
    assert.equal(figure(today, 'reported').value, 4);
    const openTile = tile(r.body, 'cases.open');
    assert.equal(figure(openTile, 'open').value, open.length);
    assert.equal(
      figure(openTile, 'red').value,
      open.filter((c) => c.paused_at === null && c.deadline_at !== null && c.deadline_at < now).length,
    );
    assert.equal(
      figure(openTile, 'yellow').value,
      open.filter(
        (c) =>
          c.paused_at === null && c.yellow_at !== null && c.yellow_at <= now && (c.deadline_at ?? 0) >= now,
      ).length,
    );
    // Per town: the children's open counts add up to the district's, and 金沙街道's equals its own recount.
    const byTown = openTile.byChild!.items;
    assert.equal(
      byTown.reduce((n, x) => n + (x.value as number), 0),
      open.length,
    );
    assert.equal(
      byTown.find((x) => x.id === ids.town)?.value,
      open.filter((c) => c.town_id === ids.town).length,
    );
    // Every number opens its records: the open figure's link lists exactly those cases for the same person.
    const behindOpen = await listBehind(qzh, figure(openTile, 'open').link!);
    assert.equal(behindOpen.length, open.length);
    const behindToday = await listBehind(qzh, figure(today, 'reported').link!);
    assert.equal(behindToday.length, 4);
    // The linkage chain per town: the towns' overdue appeals add up to the district's, each a door to its chain.
    const linkage = tile(r.body, 'linkage.chain');
    const byTownLinkage = linkage.byChild!.items;
    assert.equal(byTownLinkage.length, byTown.length);
    assert.equal(
      byTownLinkage.reduce((n, x) => n + (x.value as number), 0),
      figure(linkage, 'overdue').value,
    );
    assert.ok(byTownLinkage.every((x) => x.link === `/linkage?orgId=${encodeURIComponent(String(x.id))}`));
    // Each tile says how fresh it is and who keeps its records.
    for (const t of r.body.tiles as Json[]) {
      assert.equal(typeof t.owner, 'string');
      assert.ok((t.owner as string).length > 0);
      assert.ok((t.asOf as number) <= now);
    }
  });

  it('drills down district → town → village → grid, the same tiles at each level, and keeps to the caller’s scope', async () => {
    const district = await screen(qzh);
    const towns = district.body.children as Json[];
    assert.ok(towns.some((t) => t.id === ids.town));
    assert.ok(towns.every((t) => t.level === 'town'));
    const town = await screen(qzh, ids.town);
    assert.equal(town.status, 200);
    assert.deepEqual(
      (town.body.trail as Json[]).map((t) => t.id),
      [ids.district, ids.town],
    );
    assert.ok((town.body.children as Json[]).some((v) => v.id === ids.village));
    const village = await screen(qzh, ids.village);
    const grids = village.body.children as Json[];
    assert.ok(grids.some((g) => g.id === point.gridId && g.level === 'grid'));
    assert.equal(figure(tile(village.body, 'cases.today'), 'reported').value, 4);
    const grid = await screen(qzh, point.gridId);
    assert.equal(grid.status, 200, JSON.stringify(grid.body));
    assert.equal((grid.body.org as Json).level, 'grid');
    assert.equal(figure(tile(grid.body, 'cases.today'), 'reported').value, 4);
    assert.deepEqual(grid.body.children, []);

    // A town sees itself and below: its own screen by default, the district and another town not found.
    const own = await screen(jinsha);
    assert.equal((own.body.org as Json).id, ids.town);
    assert.deepEqual(
      (own.body.trail as Json[]).map((t) => t.id),
      [ids.town],
    );
    assert.equal((await screen(jinsha, ids.district)).status, 404);
    assert.equal((await screen(jinsha, ids.otherTown)).status, 404);
    assert.equal((await screen(shigang, ids.village)).status, 404);
    assert.equal((await shigang.request('GET', `/api/command/map?orgId=${ids.village}`)).status, 404);
    // The village's own cadre lands on the village; a grid worker has no command view.
    assert.equal(((await screen(dongshi)).body.org as Json).id, ids.village);
    assert.equal((await screen(wangge)).status, 403);
    // The map colours the grid by its open cases.
    const map = await jinsha.request('GET', `/api/command/map?orgId=${ids.village}`);
    const cell = (map.body.items as Json[]).find((g) => g.gridId === point.gridId);
    const openInGrid = await p.database.db
      .selectFrom('case_file')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('grid_id', '=', point.gridId)
      .where('state', 'in', OPEN_STATES)
      .executeTakeFirstOrThrow();
    assert.equal(cell?.open, openInGrid.n);
    assert.equal(cell?.open, 5, 'four today and last year’s still open');
  });

  it('raises an alert once per window for a cluster, again after the window; a rising trend; a surge as high; repeats without naming anyone', async () => {
    const rule = async (s: Session, body: Json) => {
      const r = await s.request('POST', '/api/command/rules', body);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return (r.body.item as Json).id as string;
    };
    const clusterRule = await rule(jinsha, {
      name: '同类三天三次',
      kind: 'cluster',
      categoryCode: '010101',
      area: 'village',
      windowHours: 72,
      threshold: 3,
      ratio: null,
      severity: 'normal',
    });
    const trendRule = await rule(qzh, {
      name: '同比翻番',
      kind: 'trend',
      categoryCode: '010105',
      area: 'village',
      windowHours: 14 * 24,
      threshold: 2,
      ratio: 2,
      severity: 'normal',
    });
    const repeatRule = await rule(qzh, {
      name: '同一人反复反映',
      kind: 'repeat',
      categoryCode: null,
      area: 'village',
      windowHours: 30 * 24,
      threshold: 3,
      ratio: null,
      severity: 'normal',
    });
    // A bad combination is a clear error, not a rule.
    const bad = await qzh.request('POST', '/api/command/rules', {
      name: '无倍数',
      kind: 'trend',
      categoryCode: null,
      area: 'village',
      windowHours: 14 * 24,
      threshold: 2,
      ratio: null,
      severity: 'normal',
    });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.code, 'command.invalid_rule');

    await report('010105', '占道经营');
    await report('010105', '占道经营又来了');
    for (let i = 0; i < 3; i++) {
      await report('010103', `同一人第 ${i + 1} 次反映噪音`, '13900001111');
    }
    await ensureCommandJobs(p.database.db, clock.now());
    clock.advance(16 * 60_000);
    await runJobs();
    const first = await alerts(jinsha);
    const byRule = (id: string) => first.filter((a) => a.ruleId === id);
    assert.equal(byRule(clusterRule).length, 1);
    assert.equal(byRule(clusterRule)[0]!.count, 3);
    assert.equal(byRule(clusterRule)[0]!.orgId, ids.village);
    assert.equal(
      byRule(clusterRule)[0]!.caseIds instanceof Array &&
        (byRule(clusterRule)[0]!.caseIds as string[]).length,
      3,
    );
    assert.equal(byRule(trendRule).length, 1, 'two this fortnight against one last year');
    assert.equal(byRule(trendRule)[0]!.baseline, 1);
    assert.equal(byRule(repeatRule).length, 1);
    const repeat = JSON.stringify(byRule(repeatRule)[0]);
    assert.ok(!repeat.includes('13900001111') && !repeat.includes('1111'), 'the alert names no one');
    // The next run inside the same window raises nothing new, even with a fourth report.
    await report('010101', '楼道堆放杂物，第 4 次');
    clock.advance(16 * 60_000);
    await runJobs();
    assert.equal((await alerts(jinsha)).filter((a) => a.ruleId === clusterRule).length, 1);
    // After the window has passed, three more fire again.
    clock.advance(73 * HOUR);
    for (let i = 0; i < 3; i++) {
      await report('010101', `楼道堆放杂物，新一轮第 ${i + 1} 次`);
    }
    await runJobs();
    assert.equal((await alerts(jinsha)).filter((a) => a.ruleId === clusterRule).length, 2);
    // Another town sees none of them.
    assert.deepEqual(await alerts(shigang), []);

    // A surge: five reports of one category within two hours is a mass-incident sign, raised high and sent upward.
    await rule(qzh, {
      name: '短时聚集',
      kind: 'surge',
      categoryCode: '010104',
      area: 'village',
      windowHours: 6,
      threshold: 5,
      ratio: null,
      severity: 'high',
    });
    const since = clock.now();
    for (let i = 0; i < 5; i++) {
      await report('010104', `多人反映积水，第 ${i + 1} 位`, `1390000200${i}`);
      clock.advance(20 * 60_000);
    }
    await runJobs();
    const live = await qzh.request('GET', `/api/command/live?since=${since}`);
    assert.equal(live.status, 200);
    const surge = (live.body.alerts as Json[]).find((a) => a.kind === 'surge');
    assert.ok(surge, 'the live feed carries the new alert');
    assert.equal(surge.severity, 'high');
    assert.equal(surge.count, 5);
    const inbox = (await qzh.request('GET', '/api/notifications')).body.items as Json[];
    assert.ok(inbox.some((n) => n.event === 'command.alert' && (n.data as Json).alertId === surge.id));
  });

  it('tracks an alert to what was done: a consultation topic, supervision, a patrol focus, a dismissal, and the outcome', async () => {
    const open = await alerts(jinsha, '?status=open');
    const cluster = open.find((a) => a.ruleName === '同类三天三次');
    assert.ok(cluster);
    assert.deepEqual(cluster.abilities, { act: true, finish: false });
    // Another town cannot touch it; a village cadre may read but not act.
    assert.equal(
      (
        await shigang.request('POST', `/api/command/alerts/${String(cluster.id)}/act`, {
          kind: 'dismiss',
          note: '无关',
        })
      ).status,
      404,
    );
    assert.equal(
      (
        await dongshi.request('POST', `/api/command/alerts/${String(cluster.id)}/act`, {
          kind: 'dismiss',
          note: '无关',
        })
      ).status,
      403,
    );

    // Councils exist once established; the topic goes to 东市社区's council with the alert's cases linked.
    const admin = await loginAs(p.app, 'admin');
    assert.equal((await admin.request('POST', '/api/councils/establish')).status, 200);
    const topic = await jinsha.request('POST', `/api/command/alerts/${String(cluster.id)}/act`, {
      kind: 'topic',
      note: '提请议事会协商，联系人 13800138000',
    });
    assert.equal(topic.status, 200, JSON.stringify(topic.body));
    const acted = topic.body.item as Json;
    assert.equal(acted.status, 'acting');
    const action = acted.action as Json;
    assert.equal(action.kind, 'topic');
    assert.ok(!(action.note as string).includes('13800138000'), 'numbers typed in are stored masked');
    const linked = await p.database.db
      .selectFrom('consultation_topic_case')
      .select('case_id')
      .where('topic_id', '=', action.ref as string)
      .execute();
    assert.deepEqual(linked.map((l) => l.case_id).sort(), [...(cluster.caseIds as string[])].sort());
    // Acting twice is refused; finishing records the outcome.
    const again = await jinsha.request('POST', `/api/command/alerts/${String(cluster.id)}/act`, {
      kind: 'patrol',
      note: '',
    });
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'command.alert_closed');
    const done = await jinsha.request('POST', `/api/command/alerts/${String(cluster.id)}/finish`, {
      note: '议事会已议定清理方案',
    });
    assert.equal(done.status, 200);
    assert.equal((done.body.item as Json).status, 'done');

    // Supervision puts the alert's open cases under a yellow card, as the caller.
    const second = (await alerts(jinsha, '?status=open')).find((a) => a.ruleName === '同类三天三次');
    assert.ok(second);
    const sup = await jinsha.request('POST', `/api/command/alerts/${String(second.id)}/act`, {
      kind: 'supervise',
      note: '限期处置',
    });
    assert.equal(sup.status, 200, JSON.stringify(sup.body));
    const cards = await p.database.db
      .selectFrom('case_file')
      .select('supervision')
      .where('id', 'in', second.caseIds as string[])
      .execute();
    assert.ok(cards.length > 0 && cards.every((c) => c.supervision === 'yellow'));

    // A patrol focus reaches the grid's workers.
    const third = (await alerts(qzh, '?status=open')).find((a) => a.kind === 'repeat');
    assert.ok(third);
    const patrol = await qzh.request('POST', `/api/command/alerts/${String(third.id)}/act`, {
      kind: 'patrol',
      note: '',
    });
    assert.equal(patrol.status, 200, JSON.stringify(patrol.body));
    const workerInbox = (await wangge.request('GET', '/api/notifications')).body.items as Json[];
    assert.ok(workerInbox.some((n) => n.event === 'command.patrolFocus'));

    // A dismissal needs a reason.
    const fourth = (await alerts(qzh, '?status=open')).find((a) => a.kind === 'trend');
    assert.ok(fourth);
    assert.equal(
      (
        await qzh.request('POST', `/api/command/alerts/${String(fourth.id)}/act`, {
          kind: 'dismiss',
          note: ' ',
        })
      ).status,
      400,
    );
    const dismissed = await qzh.request('POST', `/api/command/alerts/${String(fourth.id)}/act`, {
      kind: 'dismiss',
      note: '季节性，已知',
    });
    assert.equal((dismissed.body.item as Json).status, 'dismissed');
    assert.equal(
      (await qzh.request('POST', `/api/command/alerts/${String(fourth.id)}/finish`, { note: 'x' })).status,
      409,
    );
  });

  it('keeps rules to their owners: a town edits its own, sees the district’s, and cannot touch them or another town’s', async () => {
    const mine = (await jinsha.request('GET', '/api/command/rules')).body.items as Json[];
    const own = mine.find((r) => r.orgId === ids.town);
    const fromAbove = mine.find((r) => r.orgId === ids.district);
    assert.ok(own && fromAbove);
    const off = await jinsha.request('PATCH', `/api/command/rules/${String(own.id)}`, { isActive: false });
    assert.equal(off.status, 200);
    assert.equal((off.body.item as Json).isActive, false);
    assert.equal(
      (await jinsha.request('PATCH', `/api/command/rules/${String(fromAbove.id)}`, { isActive: false }))
        .status,
      404,
    );
    assert.equal(
      (await shigang.request('PATCH', `/api/command/rules/${String(own.id)}`, { threshold: 9 })).status,
      404,
    );
    assert.ok(
      !((await shigang.request('GET', '/api/command/rules')).body.items as Json[]).some(
        (r) => r.id === own.id,
      ),
    );
  });

  it('writes the weekly briefing with figures equal to a recount, the children ranked, and the same as .xlsx', async () => {
    const r = await qzh.request(
      'GET',
      `/api/command/briefing?orgId=${ids.town}&period=week&at=${clock.now()}`,
    );
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const period = r.body.period as { from: number; to: number };
    assert.equal(period.to - period.from, 7 * DAY_MS);
    const reported = await p.database.db
      .selectFrom('case_file')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('town_id', '=', ids.town)
      .where('reported_at', '>=', period.from)
      .where('reported_at', '<', period.to)
      .executeTakeFirstOrThrow();
    const figures = r.body.figures as Json[];
    assert.equal(figures.find((f) => f.key === 'reported')?.value, reported.n);
    assert.ok(reported.n > 10);
    const ranking = (r.body.ranking as Json).items as Json[];
    assert.ok(ranking.length > 0 && ranking[0]!.rank === 1);
    assert.ok(((r.body.topCategories as Json[])[0]!.count as number) >= 4);
    assert.ok((r.body.alerts as Json[]).length >= 2);
    const x = await p.app.inject({
      method: 'GET',
      url: `/api/command/briefing.xlsx?orgId=${ids.town}&period=month&at=${clock.now()}`,
      headers: { cookie: qzh.cookie },
    });
    assert.equal(x.statusCode, 200);
    assert.match(String(x.headers['content-type']), /spreadsheetml/);
    assert.equal(x.rawPayload.subarray(0, 2).toString(), 'PK');
  });

  it('takes tiles from any module: a new tile shows without touching the view, hidden from roles without its action, failing alone', async () => {
    registerCommandTiles('testing', [
      {
        code: 'testing.answer',
        module: 'testing',
        requires: 'case.read',
        title: msg('测试', 'Test'),
        owner: msg('测试', 'Test'),
        freshness: 30,
        levels: ['district', 'town'],
        async compute(ctx) {
          return {
            figures: [
              {
                key: 'children',
                label: msg('下级', 'Children'),
                value: ctx.children.length,
                format: 'count',
                tone: 'normal',
                link: null,
              },
            ],
            byChild: null,
            items: [],
          };
        },
      },
      {
        code: 'testing.fails',
        module: 'testing',
        requires: 'case.read',
        title: msg('出错', 'Fails'),
        owner: msg('测试', 'Test'),
        freshness: 'live',
        levels: ['district'],
        compute() {
          return Promise.reject(new Error('broken on purpose'));
        },
      },
      {
        code: 'testing.hidden',
        module: 'testing',
        requires: 'audit.read',
        title: msg('隐藏', 'Hidden'),
        owner: msg('测试', 'Test'),
        freshness: 'live',
        levels: ['district', 'town'],
        compute: () => Promise.resolve({ figures: [], byChild: null, items: [] }),
      },
    ]);
    try {
      const first = await screen(qzh);
      const added = tile(first.body, 'testing.answer');
      assert.equal(figure(added, 'children').value, (first.body.children as Json[]).length);
      assert.equal(tile(first.body, 'testing.fails').failed, true);
      assert.ok((first.body.tiles as Tile[]).some((t) => t.code === 'cases.open' && !t.failed));
      assert.ok(
        !(first.body.tiles as Tile[]).some((t) => t.code === 'testing.hidden'),
        'qzh has no audit.read',
      );
      // A stored tile keeps its answer while fresh, and is counted again once older than its freshness.
      clock.advance(10 * 60_000);
      const second = await screen(qzh);
      assert.equal(tile(second.body, 'testing.answer').asOf, added.asOf);
      clock.advance(25 * 60_000);
      const third = await screen(qzh);
      assert.equal(tile(third.body, 'testing.answer').asOf, clock.now());
    } finally {
      registerCommandTiles('testing', []);
    }
    assert.ok(!((await screen(qzh)).body.tiles as Tile[]).some((t) => t.module === 'testing'));
  });
});
