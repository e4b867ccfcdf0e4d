// The cases module's scope leaks, closed: dispatch only to the case's town and the district, duplicates only from
// the caller's scope, personal numbers masked in every public and Open311 answer, and a reporter sees his report.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { getGridIndex } from '../grids/index.js';
import { hashPassword, seedUser } from '../identity/index.js';
import {
  caseIn,
  pointInGridOf,
  sessions,
  startCasePlatform,
  type Sessions,
} from '../testing/caseFixtures.js';
import { call, loginAs, TEST_PASSWORD, type Session, type TestPlatform } from '../testing/testPlatform.js';

type Point = { lng: number; lat: number };

describe('case scope leaks', () => {
  let p: TestPlatform;
  let s: Sessions;
  let point: Point & { gridId: string };
  let otherTownOffice: { id: string; name: string };
  let otherTownHandler: Session;
  let districtDept: string;

  const orgByCode = (code: string) =>
    p.database.db
      .selectFrom('org')
      .select(['id', 'name', 'path'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();

  before(async () => {
    p = await startCasePlatform();
    s = await sessions(p);
    point = await pointInGridOf(p, 'wangge');
    const otherTown = await p.database.db
      .selectFrom('org')
      .select(['id', 'code'])
      .where('level', '=', 'town')
      .where('code', '!=', '320612001')
      .orderBy('code')
      .executeTakeFirstOrThrow();
    otherTownOffice = await orgByCode(`${otherTown.code ?? ''}-lawEnforcement`);
    const now = p.clock.now();
    await seedUser(p.database.db, {
      username: 'otherzf',
      displayName: '外镇综合执法平台处置员',
      passwordHash: await hashPassword(TEST_PASSWORD),
      roles: [{ role: 'departmentHandler', orgId: otherTownOffice.id }],
      now,
    });
    otherTownHandler = await loginAs(p.app, 'otherzf');
    districtDept = (await orgByCode('D-CG')).id;
  });
  after(async () => {
    await p.close();
  });

  /** Two points a step apart on either side of the edge of wangge's grid: his side, and a neighbour's. */
  async function acrossTheEdge(): Promise<{ mine: Point; theirs: Point; theirGridId: string }> {
    const index = await getGridIndex(p.database);
    const step = 1.5 / 111_320;
    for (const [dx, dy] of [
      [1, 0],
      [-1, 0],
      [0, 1],
      [0, -1],
      [1, 1],
      [-1, -1],
      [1, -1],
      [-1, 1],
    ] as const) {
      let prev: Point = point;
      for (let i = 1; i < 4000; i++) {
        const next = { lng: point.lng + dx * i * step, lat: point.lat + dy * i * step };
        const hit = index.locate(next.lng, next.lat);
        if (hit !== null && hit.gridId !== point.gridId) {
          return { mine: prev, theirs: next, theirGridId: hit.gridId };
        }
        if (hit === null) {
          break;
        }
        prev = next;
      }
    }
    throw new Error('no neighbouring grid found');
  }

  describe('dispatch targets', () => {
    it("refuses another town's platform office, and that office's handler never sees the case", async () => {
      const id = await caseIn(s, point, 'registered');
      const res = await s.town.request('POST', `/api/cases/${id}/actions`, {
        action: 'dispatch',
        departmentId: otherTownOffice.id,
      });
      assert.equal(res.status, 422, JSON.stringify(res.body));
      assert.equal(res.body.code, 'case.dispatch_target_outside_town');
      assert.match(String(res.headers['content-type']), /application\/problem\+json/);
      assert.equal((await otherTownHandler.request('GET', `/api/cases/${id}`)).status, 404);

      const bulk = await s.town.request('POST', '/api/cases/bulk-dispatch', {
        caseIds: [id],
        departmentId: otherTownOffice.id,
      });
      assert.deepEqual(bulk.body.failed, [{ id, code: 'case.dispatch_target_outside_town' }]);
      assert.equal((await otherTownHandler.request('GET', `/api/cases/${id}`)).status, 404);

      const ok = await s.town.request('POST', `/api/cases/${id}/actions`, {
        action: 'dispatch',
        departmentId: districtDept,
      });
      assert.equal(ok.status, 200, 'a district department is a target of every town');
    });

    it("lists the case's own town offices and the district departments as targets, nothing else", async () => {
      const id = await caseIn(s, point, 'registered');
      const res = await s.town.request('GET', `/api/cases/${id}/dispatch-targets`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const items = res.body.items as { id: string; name: string; type: string }[];
      const ids = items.map((d) => d.id);
      assert.ok(ids.includes(districtDept));
      assert.ok(!ids.includes(otherTownOffice.id));
      const offices = items.filter((d) => d.type === 'platformOffice');
      assert.equal(offices.length, 4, offices.map((o) => o.name).join());
      assert.ok(
        offices.every((o) => o.name.startsWith('金沙')),
        offices.map((o) => o.name).join(),
      );
      assert.equal((await otherTownHandler.request('GET', `/api/cases/${id}/dispatch-targets`)).status, 404);
    });
  });

  describe('possible duplicates', () => {
    it("never shows a department handler another department's case", async () => {
      const text = { categoryCode: '010101', description: '重复测试：处置部门之间' };
      const a = await caseIn(s, point, 'dispatched', text);
      const b = await caseIn(s, { lng: point.lng + 0.00002, lat: point.lat }, 'registered', text);
      const sent = await s.town.request('POST', `/api/cases/${b}/actions`, {
        action: 'dispatch',
        departmentId: districtDept,
      });
      assert.equal(sent.status, 200);
      const dupIds = async (who: Session, id: string) =>
        ((await who.request('GET', `/api/cases/${id}`)).body.duplicates as { id: string }[]).map((d) => d.id);
      assert.ok((await dupIds(s.town, b)).includes(a), 'the town sees both cases as duplicates');
      assert.ok(
        !(await dupIds(s.otherHandler, b)).includes(a),
        'the district handler does not see jszf’s case',
      );
      assert.ok(
        !(await dupIds(s.handler, a)).includes(b),
        'jszf does not see the district department’s case',
      );
    });

    it('never shows a grid worker the cases of grids not his, and the public only a count', async () => {
      const edge = await acrossTheEdge();
      const theirs = await s.town.request('POST', '/api/cases', {
        categoryCode: '010101',
        description: '邻格的暴露垃圾，13812340000 报告',
        ...edge.theirs,
        source: 'hotline',
      });
      assert.equal(theirs.status, 201, JSON.stringify(theirs.body));
      const theirId = theirs.body.id as string;
      const mine = await s.grid.request('POST', '/api/cases', {
        categoryCode: '010101',
        description: '巡查发现暴露垃圾',
        ...edge.mine,
        source: 'patrol',
      });
      assert.equal(mine.status, 201, JSON.stringify(mine.body));
      const atIntake = (mine.body.duplicates as { id: string }[]).map((d) => d.id);
      assert.ok(!atIntake.includes(theirId), 'intake lists no case of another grid');
      const detail = await s.grid.request('GET', `/api/cases/${mine.body.id as string}`);
      assert.equal(detail.status, 200);
      assert.ok(!(detail.body.duplicates as { id: string }[]).some((d) => d.id === theirId));
      const town = await s.town.request('GET', `/api/cases/${mine.body.id as string}`);
      assert.ok(
        (town.body.duplicates as { id: string }[]).some((d) => d.id === theirId),
        'the command centre sees the case across the edge (the test can fail)',
      );

      const pub = await call(p.app, 'POST', '/api/public/cases', {
        body: { categoryCode: '010101', description: '路边垃圾', ...edge.mine },
      });
      assert.equal(pub.status, 201);
      assert.ok(Number(pub.body.duplicateCount) >= 2, JSON.stringify(pub.body));
      assert.equal(pub.body.duplicates, undefined, 'no list of other reports, only a count');
    });
  });

  describe('personal numbers in public text', () => {
    const numbers = [
      '13912345678',
      '139 1234 5678',
      '139-1234-5678',
      '0513-86123456',
      '(0513)86123457',
      '320612199001011234',
      '320612 19900101 123X',
      '3206-1219-9001-0112-35',
    ];
    const digitsOf = (x: string) => x.replace(/[^0-9X]/g, '');

    it('masks phones and ID numbers in the tracking view and in Open311, and stores none in plaintext', async () => {
      const description = `楼道堆放杂物，联系人手机${numbers[0]!}，备用${numbers[1]!}、${numbers[2]!}，座机${numbers[3]!}或${numbers[4]!}，身份证${numbers[5]!}，另一人${numbers[6]!}、${numbers[7]!}`;
      const made = await call(p.app, 'POST', '/api/public/cases', {
        body: { categoryCode: '010101', description, lng: point.lng + 0.003, lat: point.lat },
      });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      const code = made.body.trackingCode as string;
      const row = await p.database.db
        .selectFrom('case_file')
        .select(['id', 'description'])
        .where('tracking_code', '=', code)
        .executeTakeFirstOrThrow();
      const reply = await s.town.request('POST', `/api/cases/${row.id}/actions`, {
        action: 'accept',
        comment: `已受理，请保持 ${numbers[1]!} 畅通，工作人员电话 ${numbers[3]!}`,
        isPublic: true,
      });
      assert.equal(reply.status, 200, JSON.stringify(reply.body));

      const leaks = (label: string, body: unknown) => {
        const text = JSON.stringify(body);
        const flat = text.replace(/[\s\-()]/g, '');
        for (const n of numbers) {
          assert.ok(!text.includes(n), `${label} shows ${n}`);
          assert.ok(!flat.includes(digitsOf(n)), `${label} shows ${n} without separators`);
        }
      };
      const tracked = await call(p.app, 'GET', `/api/public/cases/${code}`);
      assert.equal(tracked.status, 200);
      assert.match(tracked.body.description as string, /楼道堆放杂物/);
      assert.match(tracked.body.description as string, /139\*{4}5678/);
      assert.ok(
        (tracked.body.timeline as { reply: string | null }[]).some((t) => t.reply?.includes('已受理')),
      );
      leaks('tracking', tracked.body);
      const one = await call(p.app, 'GET', `/open311/v2/requests/${code}.json?extensions=true`);
      assert.equal(one.status, 200);
      assert.match(JSON.stringify(one.body), /楼道堆放杂物/);
      leaks('open311', one.body);
      const list = await call(p.app, 'GET', '/open311/v2/requests.json?extensions=true');
      assert.match(JSON.stringify(list.body), /楼道堆放杂物/);
      leaks('open311 list', list.body);
      assert.ok(!digitsOf(row.description).includes(digitsOf(numbers[0]!)), 'stored masked');
      assert.ok(!digitsOf(row.description).includes(digitsOf(numbers[5]!)), 'stored masked');
      const steps = await p.database.db
        .selectFrom('case_step')
        .select('comment')
        .where('case_id', '=', row.id)
        .execute();
      const stored = steps.map((st) => digitsOf(st.comment ?? '')).join(' ');
      assert.match(steps.map((st) => st.comment ?? '').join(' '), /已受理/);
      assert.ok(!stored.includes(digitsOf(numbers[1]!)), 'the reply is stored masked too');
      const revealed = await s.town.request('POST', `/api/cases/${row.id}/reveal`, { reason: '核实联系人' });
      assert.equal(revealed.status, 200);
      assert.equal(revealed.body.description, description, 'the original is kept, encrypted, for a reveal');
    });
  });

  describe('a grid worker reporting in his village', () => {
    it('may report in a grid of his village that is not his, and reads the case he filed', async () => {
      const mine = await p.database.db
        .selectFrom('grid')
        .select(['village_id'])
        .where('id', '=', point.gridId)
        .executeTakeFirstOrThrow();
      const others = await p.database.db
        .selectFrom('grid')
        .selectAll()
        .where('village_id', '=', mine.village_id)
        .where('id', '!=', point.gridId)
        .where('status', '=', 'active')
        .execute();
      assert.ok(others.length > 0, 'his village has another grid');
      const index = await getGridIndex(p.database);
      let at: Point | null = null;
      for (const g of others) {
        for (let i = 1; i < 400 && at === null; i++) {
          const lng = g.min_lng + (g.max_lng - g.min_lng) * (((i * 0.618034) % 1) * 0.8 + 0.1);
          const lat = g.min_lat + (g.max_lat - g.min_lat) * (((i * 0.414214) % 1) * 0.8 + 0.1);
          if (index.locate(lng, lat)?.gridId === g.id) {
            at = { lng, lat };
          }
        }
      }
      assert.ok(at !== null);
      const made = await s.grid.request('POST', '/api/cases', {
        categoryCode: '010101',
        description: '路过邻近网格看到的暴露垃圾',
        ...at,
        source: 'patrol',
      });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      const id = made.body.id as string;
      assert.notEqual(made.body.gridId, point.gridId);
      const read = await s.grid.request('GET', `/api/cases/${id}`);
      assert.equal(read.status, 200, 'the reporter reads the case he filed');
      assert.ok((read.body.allowedActions as string[]).every((a) => a !== 'checkPass'));
      const list = await s.grid.request('GET', '/api/cases?limit=100');
      assert.ok(
        (list.body.items as { id: string }[]).some((c) => c.id === id),
        'and finds it in his list',
      );
    });
  });
});
