// Intake, idempotency, duplicates, photos, the public view, rating and call-back, and notifications on dispatch.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import {
  caseIn,
  pointInGridOf,
  sessions,
  startCasePlatform,
  type Sessions,
} from '../testing/caseFixtures.js';
import { call, type TestPlatform } from '../testing/testPlatform.js';

describe('intake and feedback', () => {
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

  const publicReport = (body: Record<string, unknown>, key?: string) =>
    call(p.app, 'POST', '/api/public/cases', {
      body,
      headers: key === undefined ? {} : { 'idempotency-key': key },
    });

  it('concurrent retries with one Idempotency-Key make one case', async () => {
    const body = {
      categoryCode: '010101',
      description: '幂等测试：路口垃圾',
      lng: point.lng,
      lat: point.lat,
    };
    const answers = await Promise.all(Array.from({ length: 8 }, () => publicReport(body, 'retry-key-0001')));
    const codes = new Set(answers.map((a) => a.body.trackingCode));
    assert.equal(codes.size, 1, 'every retry answers the same tracking code');
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 200, 200, 200, 200, 200, 200, 201]);
    const rows = await p.database.db
      .selectFrom('case_file')
      .select('id')
      .where('description', '=', body.description)
      .execute();
    assert.equal(rows.length, 1);
    const clash = await publicReport({ ...body, description: '另一件事' }, 'retry-key-0001');
    assert.equal(clash.status, 409);
    assert.equal(clash.body.code, 'request.idempotency_conflict');
  });

  it('locates the point in its grid, names the bundled parties, and shows open duplicates nearby', async () => {
    const first = await publicReport({
      categoryCode: '040101',
      description: '消防通道被车辆堵塞',
      lng: point.lng,
      lat: point.lat,
    });
    assert.equal(first.status, 201);
    const second = await publicReport({
      categoryCode: '040101',
      description: '又看到消防通道堵了',
      lng: point.lng + 0.0001,
      lat: point.lat,
    });
    assert.ok(Number(second.body.duplicateCount) >= 1, 'the first report is a possible duplicate');
    const codesShown = new Set(JSON.stringify(second.body).match(/TZ\d{6}[2-9A-HJKMNP-Z]{10}/g) ?? []);
    assert.deepEqual([...codesShown], [second.body.trackingCode], 'no other tracking codes leak');
    const list = await s.town.request('GET', `/api/cases?q=${encodeURIComponent('消防通道')}`);
    const item = (list.body.items as { id: string; gridId: string }[])[0]!;
    assert.equal(item.gridId, point.gridId);
    const detail = await s.town.request('GET', `/api/cases/${item.id}`);
    const roles = (detail.body.parties as { role: string }[]).map((x) => x.role).sort();
    assert.ok(roles.includes('gridWorker') && roles.includes('townLeader'), roles.join());
    assert.ok((detail.body.duplicates as unknown[]).length >= 1);
  });

  it('refuses bad input with problem+json and writes nothing', async () => {
    const before = await p.database.db
      .selectFrom('case_file')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const cases: [Record<string, unknown>, string][] = [
      [{ categoryCode: '999999', description: '未知类别', lng: point.lng, lat: point.lat }, 'categoryCode'],
      [{ categoryCode: '01', description: '不是末级类别', lng: point.lng, lat: point.lat }, 'categoryCode'],
      [{ categoryCode: '010101', description: '区外位置', lng: 116.4, lat: 39.9 }, 'location'],
      [{ categoryCode: '010101', description: '没有位置' }, 'location'],
      [
        {
          categoryCode: '020101',
          description: '字段错误',
          lng: point.lng,
          lat: point.lat,
          extra: { areaM2: 'big' },
        },
        'extra.areaM2',
      ],
      [
        {
          categoryCode: '010101',
          description: '未知字段',
          lng: point.lng,
          lat: point.lat,
          extra: { foo: 1 },
        },
        'extra.foo',
      ],
      [
        {
          categoryCode: '010101',
          description: '坏照片',
          lng: point.lng,
          lat: point.lat,
          photos: [{ data: Buffer.from('not an image at all').toString('base64') }],
        },
        'photos.0',
      ],
    ];
    for (const [body, field] of cases) {
      const res = await publicReport(body);
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.equal(res.body.code, 'request.invalid');
      assert.ok(
        (res.body.errors as { field: string }[]).some((e) => e.field === field),
        `${field}: ${JSON.stringify(res.body.errors)}`,
      );
    }
    const after = await p.database.db
      .selectFrom('case_file')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(after.n, before.n);
  });

  it('strips GPS metadata from photos and serves them only in scope', async () => {
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c8161d' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'PhoneCo' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '32/1 5/1 0/1' } })
      .toBuffer();
    assert.ok((await sharp(jpeg).metadata()).exif !== undefined, 'the upload carries EXIF');
    const made = await publicReport({
      categoryCode: '010103',
      description: '墙上小广告',
      lng: point.lng,
      lat: point.lat,
      photos: [{ data: jpeg.toString('base64') }],
    });
    assert.equal(made.status, 201);
    const view = await call(p.app, 'GET', `/api/public/cases/${made.body.trackingCode as string}`);
    const photoId = (view.body.photoIds as string[])[0]!;
    const img = await p.app.inject({
      method: 'GET',
      url: `/api/public/cases/${made.body.trackingCode as string}/photos/${photoId}`,
    });
    assert.equal(img.statusCode, 200);
    const meta = await sharp(img.rawPayload).metadata();
    assert.equal(meta.exif, undefined, 'no EXIF (and so no GPS) leaves the server');
    assert.equal(meta.width, 64);
  });

  it('the reporter’s photo stays on the tracking page after rating', async () => {
    const jpeg = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#1677ff' } })
      .jpeg()
      .toBuffer();
    const id = await caseIn(s, point, 'closed', { photos: [{ data: jpeg.toString('base64') }] });
    const code = ((await s.town.request('GET', `/api/cases/${id}`)).body.item as { trackingCode: string })
      .trackingCode;
    const before = await call(p.app, 'GET', `/api/public/cases/${code}`);
    assert.equal((before.body.photoIds as string[]).length, 1, 'the photo shows before rating');
    const rated = await call(p.app, 'POST', `/api/public/cases/${code}/rating`, { body: { rating: 5 } });
    assert.equal(rated.status, 200);
    assert.deepEqual(rated.body.photoIds, before.body.photoIds, 'the rating’s answer keeps the photo');
  });

  it('the public view shows state and public replies but no staff, and the rating opens a call-back', async () => {
    const id = await caseIn(s, point, 'closed');
    const detail = await s.town.request('GET', `/api/cases/${id}`);
    const code = (detail.body.item as { trackingCode: string }).trackingCode;
    const view = await call(p.app, 'GET', `/api/public/cases/${code}`);
    assert.equal(view.status, 200);
    assert.equal(view.body.state, 'closed');
    assert.equal(view.body.canRate, true);
    const text = JSON.stringify(view.body);
    for (const secret of ['金沙街道指挥中心', '综合执法平台处置员', '13900001111', 'jinsha', '139****1111']) {
      assert.ok(!text.includes(secret), `public view hides ${secret}`);
    }
    assert.ok(
      (view.body.timeline as { reply: string | null }[]).some((t) => t.reply === '已清运'),
      'public reply shown',
    );
    const rated = await call(p.app, 'POST', `/api/public/cases/${code}/rating`, {
      body: { rating: 2, comment: '没清干净' },
    });
    assert.equal(rated.status, 200);
    assert.equal(rated.body.rating, 2);
    const again = await call(p.app, 'POST', `/api/public/cases/${code}/rating`, { body: { rating: 5 } });
    assert.equal(again.status, 422, 'rated once');
    const cb = await p.database.db
      .selectFrom('case_callback')
      .selectAll()
      .where('case_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(cb.status, 'open');
    const job = await p.database.db
      .selectFrom('job')
      .selectAll()
      .where('key', '=', `callback:${cb.id}`)
      .executeTakeFirst();
    assert.ok(job !== undefined, 'a call-back reminder is scheduled');
    assert.ok(cb.due_at > Date.now(), 'due in the future (one working day)');
    const due = await s.town.request('GET', `/api/cases/${id}`);
    assert.ok((due.body.allowedActions as string[]).includes('callBack'), 'the town sees the call-back task');
    const byCode = await s.town.request('GET', `/api/cases?q=${code}`);
    assert.deepEqual(
      (byCode.body.items as { id: string }[]).map((x) => x.id),
      [id],
      'found by tracking code',
    );
    const reopen = await s.town.request('POST', `/api/cases/${id}/callback`, {
      result: 'reopen',
      comment: '群众不满意',
    });
    assert.equal(reopen.status, 204);
    const reopened = await s.town.request('GET', `/api/cases/${id}`);
    assert.equal((reopened.body.item as { state: string }).state, 'registered');
    assert.equal((await call(p.app, 'GET', '/api/public/cases/TZ000000AAAAAAAAAA')).status, 404);
  });

  it('dispatch tells the department handler in the inbox; the reporter’s phone is masked and reveal is audited', async () => {
    const id = await caseIn(s, point, 'dispatched');
    const inbox = await s.handler.request('GET', '/api/notifications');
    assert.ok(JSON.stringify(inbox.body).includes(id), 'the handler was notified');
    const detail = await s.town.request('GET', `/api/cases/${id}`);
    assert.equal((detail.body.item as { reporterPhoneMasked: string }).reporterPhoneMasked, '139****1111');
    assert.equal(
      (await s.handler.request('POST', `/api/cases/${id}/reveal`, { reason: '联系诉求人' })).status,
      403,
    );
    const revealed = await s.town.request('POST', `/api/cases/${id}/reveal`, { reason: '回访诉求人' });
    assert.equal(revealed.body.phone, '13900001111');
    const audit = await p.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'case.revealReporter')
      .where('entity_id', '=', id)
      .execute();
    assert.equal(audit.length, 1);
    const raw = await p.database.db
      .selectFrom('case_file')
      .select(['reporter_phone_enc'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.ok(
      raw.reporter_phone_enc !== null && !raw.reporter_phone_enc.includes('13900001111'),
      'stored encrypted',
    );
  });

  it('counts the open cases of a grid by traffic light', async () => {
    const counts = await s.town.request('GET', `/api/cases/open-counts?gridId=${point.gridId}`);
    const open = await p.database.db
      .selectFrom('case_file')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('grid_id', '=', point.gridId)
      .where('state', 'not in', ['closed', 'voided', 'merged'])
      .executeTakeFirstOrThrow();
    assert.equal(counts.body.open, open.n);
    assert.ok(counts.body.open > 0);
    const other = await (await import('../testing/testPlatform.js')).loginAs(p.app, 'shigang');
    assert.equal(
      (await other.request('GET', `/api/cases/open-counts?gridId=${point.gridId}`)).body.open,
      0,
      'scoped',
    );
  });

  it('settings: a half-written change is refused, a whole one is kept', async () => {
    const bad = await s.admin.request('PUT', '/api/cases/settings', { stepLimits: { accept: 'soon' } });
    assert.equal(bad.status, 400);
    const current = await s.admin.request('GET', '/api/cases/settings');
    const stepLimits = { ...(current.body.stepLimits as Record<string, unknown>), callBack: 900 };
    assert.equal((await s.town.request('PUT', '/api/cases/settings', { stepLimits })).status, 403);
    assert.equal((await s.admin.request('PUT', '/api/cases/settings', { stepLimits })).status, 204);
    const after = await s.admin.request('GET', '/api/cases/settings');
    assert.equal((after.body.stepLimits as { callBack: number }).callBack, 900);
  });

  it('bulk dispatch sends each registered case to its routed department', async () => {
    const a = await caseIn(s, point, 'registered');
    const b = await caseIn(s, point, 'registered');
    const c = await caseIn(s, point, 'reported');
    const res = await s.town.request('POST', '/api/cases/bulk-dispatch', { caseIds: [a, b, c] });
    assert.deepEqual((res.body.dispatched as string[]).sort(), [a, b].sort());
    assert.deepEqual(res.body.failed, [{ id: c, code: 'workflow.transition_not_allowed' }]);
  });

  it('exports the filtered list as a real .xlsx', async () => {
    const res = await p.app.inject({
      method: 'GET',
      url: '/api/cases/export.xlsx?limit=50',
      headers: { cookie: s.admin.cookie },
    });
    assert.equal(res.statusCode, 200);
    assert.equal(res.rawPayload.subarray(0, 2).toString(), 'PK', 'a zip container');
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const total = await p.database.db
      .selectFrom('case_file')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(sheet.rowCount - 1, total.n, 'every case in scope, header excluded');
    assert.ok(!JSON.stringify(sheet.getSheetValues()).includes('13900001111'), 'phones masked');
  });
});
