// Every step that puts a case in someone's queue tells them; bundled responsibility names accounts; a role's home;
// residents add information and ask for a call-back through the tracking code.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  caseIn,
  pointInGridOf,
  sessions,
  startCasePlatform,
  type Sessions,
} from '../testing/caseFixtures.js';
import { call, type TestPlatform } from '../testing/testPlatform.js';

describe('daily work: tasks reach their people', () => {
  let p: TestPlatform;
  let s: Sessions;
  let point: { lng: number; lat: number; gridId: string };
  before(async () => {
    p = await startCasePlatform();
    s = await sessions(p);
    point = await pointInGridOf(p, 'wangge');
  });
  after(async () => {
    await p.close();
  });

  const userId = async (username: string) =>
    (
      await p.database.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirstOrThrow()
    ).id;
  const events = async (username: string, caseId: string) =>
    (
      await p.database.db
        .selectFrom('notification')
        .select('event')
        .where('user_id', '=', await userId(username))
        .where('case_id', '=', caseId)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
    ).map((r) => r.event);
  const act = async (session: Sessions['town'], id: string, body: Record<string, unknown>) => {
    const res = await session.request('POST', `/api/cases/${id}/actions`, body);
    assert.equal(res.status, 200, JSON.stringify(res.body));
  };

  it('a resident report reaches the town; verify and check reach the grid worker; handled and checked come back', async () => {
    const made = await call(p.app, 'POST', '/api/public/cases', {
      body: {
        categoryCode: '010101',
        description: '楼道堆放杂物（通知测试）',
        lng: point.lng,
        lat: point.lat,
      },
    });
    assert.equal(made.status, 201);
    const code = made.body.trackingCode as string;
    const id = (
      await p.database.db
        .selectFrom('case_file')
        .select('id')
        .where('tracking_code', '=', code)
        .executeTakeFirstOrThrow()
    ).id;
    assert.deepEqual(await events('jinsha', id), ['case.reported'], 'the town hears of the new report');

    await act(s.town, id, { action: 'sendToVerify' });
    assert.deepEqual(await events('wangge', id), ['case.toVerify'], 'the grid worker is sent to verify');
    await act(s.grid, id, { action: 'verify' });
    assert.ok(
      (await events('jinsha', id)).includes('case.task'),
      'the verified case is the town’s to register',
    );
    await act(s.town, id, { action: 'register' });
    const detail = await s.town.request('GET', `/api/cases/${id}`);
    await act(s.town, id, { action: 'dispatch', departmentId: detail.body.suggestedDepartmentId });
    await act(s.handler, id, { action: 'sign' });
    await act(s.handler, id, { action: 'markHandled', comment: '已清理' });
    assert.ok((await events('jinsha', id)).includes('case.handled'), 'handled comes back to the town');
    await act(s.town, id, { action: 'sendToCheck' });
    assert.deepEqual(await events('wangge', id), ['case.toVerify', 'case.toCheck']);
    await act(s.grid, id, { action: 'checkPass' });
    assert.ok((await events('jinsha', id)).includes('case.checked'), 'a passed check is ready to close');
    // Nobody is told of his own step.
    assert.ok(!(await events('jinsha', id)).includes('case.toVerify'));

    const parties = (await s.town.request('GET', `/api/cases/${id}`)).body.parties as {
      role: string;
      userId: string | null;
      name: string | null;
    }[];
    const worker = parties.find((q) => q.role === 'gridWorker');
    assert.equal(
      worker?.userId,
      await userId('wangge'),
      'the account that verified and checked answers for it',
    );
    const leader = parties.find((q) => q.role === 'townLeader');
    assert.notEqual(
      leader?.userId,
      await userId('qzh'),
      'the district command centre is not the town leader',
    );
  });

  it('a town names its leader per platform, and new cases name that account', async () => {
    const town = await p.database.db
      .selectFrom('org')
      .select(['id'])
      .where('code', '=', '320612001')
      .executeTakeFirstOrThrow();
    const read = await s.town.request('GET', `/api/cases/town-leaders/${town.id}`);
    assert.equal(read.status, 200);
    const candidates = read.body.candidates as { id: string; displayName: string }[];
    const chosen = candidates.find((c) => c.displayName === '金沙街道管理员') ?? candidates[0]!;
    for (const platform of ['governance', 'marketSupervision', 'lawEnforcement', 'publicService']) {
      const set = await s.town.request('PUT', `/api/cases/town-leaders/${town.id}`, {
        platform,
        userId: chosen.id,
      });
      assert.equal(set.status, 200, JSON.stringify(set.body));
    }
    const bad = await s.town.request('PUT', `/api/cases/town-leaders/${town.id}`, {
      platform: 'governance',
      userId: 'nobody',
    });
    assert.equal(bad.status, 400);
    const id = await caseIn(s, point, 'registered');
    const parties = (await s.town.request('GET', `/api/cases/${id}`)).body.parties as {
      role: string;
      userId: string | null;
    }[];
    assert.equal(parties.find((q) => q.role === 'townLeader')?.userId, chosen.id);
    // Another town's command centre cannot see this town's leaders.
    const other = await p.database.db
      .selectFrom('org')
      .select('id')
      .where('code', '=', '320612110')
      .executeTakeFirstOrThrow();
    assert.equal((await s.town.request('GET', `/api/cases/town-leaders/${other.id}`)).status, 404);
  });

  it('the home counts my queue with overdue first, and its numbers match the list', async () => {
    await caseIn(s, point, 'reported');
    const home = await s.town.request('GET', '/api/cases/home');
    assert.equal(home.status, 200);
    const list = await s.town.request('GET', '/api/cases?queue=actionable&limit=200');
    const queue = home.body.queue as { count: number };
    assert.equal(queue.count, (list.body.items as unknown[]).length);
    assert.ok(queue.count > 0);
    const grid = await s.grid.request('GET', '/api/cases/home');
    assert.equal(grid.status, 200);
  });

  it('a resident adds information and asks for a call-back; the numbers stay encrypted; staff see it masked', async () => {
    const made = await call(p.app, 'POST', '/api/public/cases', {
      body: { categoryCode: '010101', description: '路灯不亮（补充测试）', lng: point.lng, lat: point.lat },
    });
    const code = made.body.trackingCode as string;
    const info = await call(p.app, 'POST', `/api/public/cases/${code}/followups`, {
      body: { kind: 'info', text: '晚上八点后最明显，联系13912345678' },
    });
    assert.equal(info.status, 201, JSON.stringify(info.body));
    const back = await call(p.app, 'POST', `/api/public/cases/${code}/followups`, {
      body: { kind: 'callBack', text: '请回电', phone: '13800001234' },
    });
    assert.equal(back.status, 201);
    const items = back.body.items as { kind: string; text: string; phoneMasked: string | null }[];
    assert.deepEqual(
      items.map((i) => i.kind),
      ['info', 'callBack'],
    );
    assert.ok(!JSON.stringify(items).includes('13912345678'), 'the typed number is masked');
    assert.ok(!JSON.stringify(items).includes('13800001234'), 'the call-back phone is masked');
    const row = await p.database.db
      .selectFrom('case_followup')
      .selectAll()
      .where('kind', '=', 'info')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    assert.ok(
      row.text_enc !== null && !row.text_enc.includes('13912345678'),
      'the original is only encrypted',
    );
    const c = await p.database.db
      .selectFrom('case_file')
      .select('id')
      .where('tracking_code', '=', code)
      .executeTakeFirstOrThrow();
    assert.ok((await events('jinsha', c.id)).includes('case.followUp'), 'the town hears of it');
    const staff = await s.town.request('GET', `/api/cases/${c.id}/followups`);
    assert.equal(staff.status, 200);
    assert.equal((staff.body.items as unknown[]).length, 2);
    const detail = await s.town.request('GET', `/api/cases/${c.id}`);
    assert.ok((detail.body.allowedActions as string[]).includes('callBack'), 'the call-back task is open');
    const outside = await s.otherHandler.request('GET', `/api/cases/${c.id}/followups`);
    assert.equal(outside.status, 404);
    const unknown = await call(p.app, 'POST', '/api/public/cases/TZ260101AAAAAAAAAA/followups', {
      body: { kind: 'info', text: '没有这个事件' },
    });
    assert.equal(unknown.status, 404);
  });
});
