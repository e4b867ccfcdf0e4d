import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { THROTTLE } from './login.js';
import {
  call,
  loginAs,
  startTestPlatform,
  TEST_PASSWORD,
  type TestPlatform,
} from '../testing/testPlatform.js';

describe('sign-in, sign-out, CSRF, throttling', () => {
  let p: TestPlatform;
  before(async () => {
    p = await startTestPlatform();
  });
  after(async () => {
    await p.close();
  });

  const attempt = (username: string, password: string, ip = '10.0.0.1') =>
    p.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress: ip,
    });

  it('signs in with an HttpOnly SameSite cookie and reports abilities', async () => {
    const res = await attempt('admin', TEST_PASSWORD);
    assert.equal(res.statusCode, 200);
    const cookie = String(res.headers['set-cookie']);
    assert.match(cookie, /tx_session=/);
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Lax/i);
    const session = await loginAs(p.app, 'admin');
    const me = await session.request('GET', '/api/auth/me');
    assert.equal(me.status, 200);
    assert.equal((me.body.user as { username: string }).username, 'admin');
    assert.ok((me.body.abilities as string[]).includes('audit.read'));
  });

  it('stores only a hash of the session id', async () => {
    const session = await loginAs(p.app, 'zzb');
    const secret = decodeURIComponent(session.cookie.split('=')[1] ?? '');
    const rows = await p.database.db.selectFrom('session').select('id_hash').execute();
    assert.ok(rows.length > 0);
    assert.ok(rows.every((r) => r.id_hash !== secret));
  });

  it('rejects a write without or with a wrong CSRF token, accepts the right one', async () => {
    const session = await loginAs(p.app, 'qzh');
    const me = await session.request('GET', '/api/auth/me');
    const other = (me.body.assignments as { id: string }[])[1]!.id;
    const none = await call(p.app, 'PUT', '/api/auth/scope', {
      body: { assignmentId: other },
      headers: { cookie: session.cookie },
    });
    assert.equal(none.status, 403);
    assert.equal(none.body.code, 'auth.csrf');
    const wrong = await call(p.app, 'PUT', '/api/auth/scope', {
      body: { assignmentId: other },
      headers: { cookie: session.cookie, 'x-csrf-token': `${session.csrf}x` },
    });
    assert.equal(wrong.body.code, 'auth.csrf');
    const ok = await session.request('PUT', '/api/auth/scope', { assignmentId: other });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.activeAssignmentId, other);
    const after = await session.request('GET', '/api/auth/me');
    assert.equal(after.body.activeAssignmentId, other, 'the switch is kept in the session');
  });

  it('logs out: the session no longer works', async () => {
    const session = await loginAs(p.app, 'shigang');
    assert.equal((await session.request('POST', '/api/auth/logout')).status, 204);
    const me = await session.request('GET', '/api/auth/me');
    assert.equal(me.status, 401);
    assert.equal(me.body.code, 'auth.required');
  });

  it('wrong password → 401; after repeated failures the account locks, even for the right password', async () => {
    for (let i = 1; i < THROTTLE.maxFailuresPerAccount; i++) {
      const res = await attempt('dongshi', 'wrong-password', `10.0.1.${i}`);
      assert.equal(res.statusCode, 401);
      assert.equal((JSON.parse(res.payload) as { code: string }).code, 'auth.invalid_credentials');
    }
    const last = await attempt('dongshi', 'wrong-password', '10.0.1.99');
    assert.equal(last.statusCode, 429);
    assert.equal((JSON.parse(last.payload) as { code: string }).code, 'auth.locked');
    assert.ok(Number(last.headers['retry-after']) > 0);
    const right = await attempt('dongshi', TEST_PASSWORD, '10.0.1.100');
    assert.equal(right.statusCode, 429, 'locked accounts refuse the right password too');
    const audit = await p.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'auth.loginFailed')
      .execute();
    assert.ok(audit.length >= THROTTLE.maxFailuresPerAccount);
  });

  it('locks an address that fails across many accounts', async () => {
    const ip = '10.9.9.9';
    let status = 0;
    for (let i = 0; i < THROTTLE.maxFailuresPerAddress; i++) {
      status = (await attempt(`nobody${i}`, 'x', ip)).statusCode;
    }
    assert.equal(status, 429);
    assert.equal((await attempt('admin', TEST_PASSWORD, ip)).statusCode, 429);
    assert.equal(
      (await attempt('admin', TEST_PASSWORD, '10.9.9.10')).statusCode,
      200,
      'other addresses still work',
    );
  });

  it('API tokens: issued once, hashed at rest, usable as bearer, revocable', async () => {
    const admin = await loginAs(p.app, 'admin');
    const made = await admin.request('POST', '/api/admin/tokens', { name: 'hotline', kind: 'user' });
    assert.equal(made.status, 201);
    const token = made.body.token as string;
    const stored = await p.database.db.selectFrom('api_token').select('token_hash').execute();
    assert.ok(stored.every((t) => t.token_hash !== token));
    const me = await call(p.app, 'GET', '/api/auth/me', { headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.status, 200);
    assert.equal(me.body.csrfToken, null);
    const write = await call(p.app, 'POST', '/api/admin/tokens', {
      body: { name: 'again', kind: 'user' },
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(write.status, 201, 'bearer callers need no CSRF token');
    assert.equal((await admin.request('DELETE', `/api/admin/tokens/${made.body.id as string}`)).status, 204);
    const revoked = await call(p.app, 'GET', '/api/auth/me', {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(revoked.status, 401);
    assert.equal(revoked.body.code, 'auth.token_invalid');
  });
});
