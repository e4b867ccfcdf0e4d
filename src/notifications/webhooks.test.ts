import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { msg } from '../platform/i18n.js';
import { runDueJobs } from '../platform/jobs/jobs.js';
import { loginAs, startTestPlatform, type Session, type TestPlatform } from '../testing/testPlatform.js';
import { notificationJobHandlers } from './deliveryJobs.js';
import { notify, notifyExternal } from './notify.js';
import { isValidWebhookSignature } from './signature.js';
import { startHookReceiver, type ReceivedHook } from './testReceivers.js';

type Delivery = { deliveryId: string; attempt: number; status: string; responseStatus: number | null };

describe('notifications: signed webhooks with retries, back-off and a delivery log', () => {
  let p: TestPlatform;
  let admin: Session;
  let receiver: Awaited<ReturnType<typeof startHookReceiver>>;
  // The platform and the job runner share one clock that the test moves by hand.
  let clock = Date.UTC(2026, 10, 27, 8, 0, 0);

  const runJobs = () =>
    runDueJobs(p.database, notificationJobHandlers({ config: p.config, services: p.services }), {
      now: () => clock,
    });
  const external = async (event: 'case.closed' | 'case.overdue', data: Record<string, unknown>) => {
    await p.database.db.transaction().execute(async (trx) => {
      await notifyExternal(trx, { event, data, caseId: 'case-9', now: clock });
    });
  };
  const createEndpoint = async (path: string, events: string[]) => {
    const res = await admin.request('POST', '/api/admin/webhooks', {
      name: `网关 ${path}`,
      url: receiver.url(path),
      events,
    });
    assert.equal(res.status, 201);
    return { id: (res.body.item as { id: string }).id, secret: res.body.secret as string };
  };
  const verify = (hook: ReceivedHook, secret: string) =>
    isValidWebhookSignature(
      secret,
      String(hook.headers['x-tongxin-timestamp']),
      hook.body,
      String(hook.headers['x-tongxin-signature']),
    );

  before(async () => {
    receiver = await startHookReceiver((path, n) => (path === '/flaky' && n <= 2 ? 503 : 200));
    // The test moves the clock by many hours: sessions must outlive it.
    p = await startTestPlatform({ SESSION_TTL_HOURS: '48' }, { clock: { now: () => clock } });
    admin = await loginAs(p.app, 'admin');
  });
  after(async () => {
    await p.close();
    await receiver.close();
  });

  it('lets only district admins manage endpoints, and shows the secret once', async () => {
    const town = await loginAs(p.app, 'jinsha');
    assert.equal((await town.request('GET', '/api/admin/webhooks')).status, 403);
    assert.equal((await town.request('GET', '/api/admin/deliveries')).status, 403);
    const bad = await admin.request('POST', '/api/admin/webhooks', {
      name: 'x',
      url: 'ftp://example.org',
      events: [],
    });
    assert.equal(bad.status, 400);

    const { id, secret } = await createEndpoint('/ok', ['case.closed']);
    assert.match(secret, /^whsec_/);
    const list = await admin.request('GET', '/api/admin/webhooks');
    assert.equal(JSON.stringify(list.body).includes(secret), false, 'the secret is never listed');
    const stored = await p.database.db
      .selectFrom('webhook_endpoint')
      .select('secret_enc')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.notEqual(stored.secret_enc, secret, 'the secret is encrypted at rest');
    assert.equal(p.services.cipher.decrypt(stored.secret_enc), secret);
    await admin.request('DELETE', `/api/admin/webhooks/${id}`);
  });

  it('posts a signed event the receiver can verify, without personal data', async () => {
    const { id, secret } = await createEndpoint('/ok', ['case.closed']);
    await createEndpoint('/other', ['case.rated']);
    await external('case.closed', {
      trackingCode: 'TZ20261127-0001',
      reporterPhone: '13812345678',
      idNumber: '320612199001011234',
      note: '已联系 13812345678 反馈',
    });
    const before = receiver.hooks.length;
    assert.equal(await runJobs(), 1, 'only the subscribed endpoint is called');
    const hook = receiver.hooks[before]!;
    assert.equal(hook.path, '/ok');
    assert.equal(hook.headers['x-tongxin-event'], 'case.closed');
    assert.equal(hook.headers['x-tongxin-timestamp'], String(Math.floor(clock / 1000)));
    assert.ok(verify(hook, secret), 'HMAC-SHA256 of "<timestamp>.<body>" with the secret');
    assert.equal(verify(hook, 'whsec_wrong'), false);
    const body = JSON.parse(hook.body) as Record<string, unknown>;
    assert.equal(body.id, hook.headers['x-tongxin-delivery']);
    assert.equal(body.event, 'case.closed');
    assert.equal(body.caseId, 'case-9');
    assert.equal(body.occurredAt, '2026-11-27T16:00:00.000+08:00');
    assert.deepEqual(body.data, { trackingCode: 'TZ20261127-0001', note: '已联系 [redacted] 反馈' });
    assert.equal(hook.body.includes('13812345678'), false);

    const log = await admin.request('GET', `/api/admin/deliveries?targetId=${id}`);
    const rows = log.body.items as Delivery[];
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.status, 'delivered');
    assert.equal(rows[0]!.responseStatus, 200);
  });

  it('retries a failing receiver with exponential back-off and logs every attempt', async () => {
    const { id, secret } = await createEndpoint('/flaky', ['case.overdue']);
    const start = clock;
    const before = receiver.hooks.length;
    await external('case.overdue', { trackingCode: 'TZ20261127-0002' });

    assert.equal(await runJobs(), 1);
    assert.equal(receiver.hooks.length, before + 1, 'first attempt answered 503');
    clock = start + 9_999;
    assert.equal(await runJobs(), 0, 'not retried before the 10 s back-off');
    clock = start + 10_000;
    assert.equal(await runJobs(), 1);
    assert.equal(receiver.hooks.length, before + 2, 'second attempt answered 503');
    clock = start + 10_000 + 19_999;
    assert.equal(await runJobs(), 0, 'the back-off doubled to 20 s');
    clock = start + 30_000;
    assert.equal(await runJobs(), 1);
    assert.equal(receiver.hooks.length, before + 3, 'third attempt answered 200');
    clock += 3600_000;
    assert.equal(await runJobs(), 0, 'nothing left once delivered');

    const attempts = receiver.hooks.slice(before);
    assert.ok(attempts.every((h) => verify(h, secret)));
    assert.equal(new Set(attempts.map((h) => h.headers['x-tongxin-delivery'])).size, 1, 'one delivery id');
    assert.equal(new Set(attempts.map((h) => h.body)).size, 1, 'the same body every time');

    const log = await admin.request('GET', `/api/admin/deliveries?targetId=${id}`);
    const rows = (log.body.items as Delivery[]).reverse();
    assert.deepEqual(
      rows.map((r) => [r.attempt, r.status, r.responseStatus]),
      [
        [1, 'retrying', 503],
        [2, 'retrying', 503],
        [3, 'delivered', 200],
      ],
    );
    const failedOnly = await admin.request('GET', `/api/admin/deliveries?targetId=${id}&status=retrying`);
    assert.equal((failedOnly.body.items as Delivery[]).length, 2);
  });

  it('gives up after the last attempt against an unreachable receiver', async () => {
    const res = await admin.request('POST', '/api/admin/webhooks', {
      name: '不可达',
      url: 'http://127.0.0.1:9/hook',
      events: ['case.closed'],
    });
    const id = (res.body.item as { id: string }).id;
    await admin.request('PUT', `/api/admin/webhooks/${id}`, { isActive: true });
    await external('case.closed', { trackingCode: 'TZ-3' });
    for (let i = 0; i < 12; i++) {
      await runJobs();
      clock += 3600_000;
    }
    const log = await admin.request('GET', `/api/admin/deliveries?targetId=${id}`);
    const rows = log.body.items as Delivery[];
    assert.equal(rows.length, 8);
    assert.equal(rows[0]!.status, 'failed');
    assert.equal(rows.filter((r) => r.status === 'retrying').length, 7);
    await admin.request('DELETE', `/api/admin/webhooks/${id}`);
  });

  it('sends a test event on request, even to an inactive endpoint; skips inactive ones otherwise', async () => {
    const { id, secret } = await createEndpoint('/test', ['case.closed']);
    const off = await admin.request('PUT', `/api/admin/webhooks/${id}`, {
      isActive: false,
      name: '测试网关',
    });
    assert.equal(off.status, 200);
    assert.equal((off.body.item as { isActive: boolean; name: string }).name, '测试网关');
    const test = await admin.request('POST', `/api/admin/webhooks/${id}/test`);
    assert.equal(test.status, 202);
    const before = receiver.hooks.length;
    await runJobs();
    const hook = receiver.hooks.slice(before).find((h) => h.path === '/test');
    assert.ok(hook !== undefined);
    assert.equal(hook.headers['x-tongxin-event'], 'webhook.test');
    assert.equal(hook.headers['x-tongxin-delivery'], test.body.deliveryId);
    assert.ok(verify(hook, secret));

    await external('case.closed', { trackingCode: 'TZ-4' });
    await runJobs();
    assert.equal(receiver.hooks.slice(before).filter((h) => h.path === '/test').length, 1);
    assert.equal((await admin.request('POST', '/api/admin/webhooks/nope/test')).status, 404);
  });

  it('notify() reaches webhooks too, and logs e-mail as skipped when SMTP is not configured', async () => {
    const { secret } = await createEndpoint('/both', ['case.assigned']);
    const jinsha = await loginAs(p.app, 'jinsha');
    await jinsha.request('PUT', '/api/me/email', { email: 'jinsha@tongxin.test' });
    const user = await p.database.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'jinsha')
      .executeTakeFirstOrThrow();
    await p.database.db.transaction().execute(async (trx) => {
      await notify(trx, {
        event: 'case.assigned',
        userIds: [user.id],
        title: msg('新案件', 'New case'),
        body: msg('请处理', 'Please handle'),
        data: { trackingCode: 'TZ-5' },
        caseId: 'case-10',
        now: clock,
      });
    });
    const before = receiver.hooks.length;
    assert.equal(await runJobs(), 2);
    const hook = receiver.hooks.slice(before).find((h) => h.path === '/both');
    assert.ok(hook !== undefined && verify(hook, secret));
    const mail = await admin.request('GET', '/api/admin/deliveries?channel=email');
    const rows = mail.body.items as Delivery[];
    assert.equal(rows[0]!.status, 'skipped');
  });
});
