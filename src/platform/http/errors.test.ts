import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call, loginAs, startTestPlatform, type TestPlatform } from '../../testing/testPlatform.js';

describe('every error class answers problem+json with a code', () => {
  let p: TestPlatform;
  before(async () => {
    p = await startTestPlatform({ BODY_LIMIT_BYTES: '2048' });
  });
  after(async () => {
    await p.close();
  });

  const assertProblem = (
    res: { status: number; body: Record<string, unknown>; headers: Record<string, unknown> },
    status: number,
    code: string,
  ) => {
    assert.equal(res.status, status);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    assert.equal(res.body.code, code);
    assert.equal(res.body.status, status);
    for (const key of ['type', 'title', 'detail']) {
      assert.equal(typeof res.body[key], 'string', `problem has ${key}`);
    }
    assert.doesNotMatch(JSON.stringify(res.body), /at .*\.ts:|select |insert /i, 'no stack or SQL');
  };

  it('unknown route → 404 route.not_found', async () => {
    assertProblem(await call(p.app, 'GET', '/api/no-such-thing'), 404, 'route.not_found');
  });

  it('wrong method → 405 with Allow', async () => {
    const res = await call(p.app, 'DELETE', '/api/auth/me');
    assertProblem(res, 405, 'route.method_not_allowed');
    assert.match(String(res.headers.allow), /GET/);
  });

  it('malformed JSON → 400 request.malformed_json', async () => {
    const res = await p.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "a",',
    });
    assertProblem(
      {
        status: res.statusCode,
        body: JSON.parse(res.payload) as Record<string, unknown>,
        headers: res.headers,
      },
      400,
      'request.malformed_json',
    );
  });

  it('oversized body → 413 request.too_large', async () => {
    const res = await p.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'x'.repeat(5000), password: 'y' }),
    });
    assertProblem(
      {
        status: res.statusCode,
        body: JSON.parse(res.payload) as Record<string, unknown>,
        headers: res.headers,
      },
      413,
      'request.too_large',
    );
  });

  it('unsupported content type → 415', async () => {
    const res = await p.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/x-unknown' },
      payload: 'abc',
    });
    assertProblem(
      {
        status: res.statusCode,
        body: JSON.parse(res.payload) as Record<string, unknown>,
        headers: res.headers,
      },
      415,
      'request.unsupported_media_type',
    );
  });

  it('validation failure → 400 with per-field errors', async () => {
    const res = await call(p.app, 'POST', '/api/auth/login', { body: { username: '' } });
    assertProblem(res, 400, 'request.invalid');
    const fields = (res.body.errors as { field: string }[]).map((e) => e.field).sort();
    assert.deepEqual(fields, ['password', 'username']);
  });

  it('not signed in → 401, lacking the ability → 403, both localised', async () => {
    const anon = await call(p.app, 'GET', '/api/audit', { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    assertProblem(anon, 401, 'auth.required');
    assert.equal(anon.body.title, 'Please sign in');
    const town = await loginAs(p.app, 'jinsha');
    const res = await town.request('GET', '/api/audit');
    assertProblem(res, 403, 'auth.forbidden');
    assert.equal(res.body.title, '没有权限执行此操作');
  });

  it('bad query parameter → 400 naming the field', async () => {
    const admin = await loginAs(p.app, 'admin');
    const res = await admin.request('GET', '/api/audit?limit=100000');
    assertProblem(res, 400, 'request.invalid');
    assert.equal((res.body.errors as { field: string }[])[0]?.field, 'limit');
  });
});
