import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestPlatform, type TestPlatform } from '../../testing/testPlatform.js';
import { buildApp } from './app.js';

describe('every API route has an auth decision', () => {
  let p: TestPlatform;
  before(async () => {
    p = await startTestPlatform();
  });
  after(async () => {
    await p.close();
  });

  it('the app refuses to start with a guarded route that declares none', async () => {
    const app = await buildApp({
      config: p.config,
      database: p.database,
      logger: (await import('pino')).default({ level: 'silent' }),
      services: p.services,
      webDir: null,
    });
    assert.throws(() => {
      app.get('/api/unguarded', () => 'x');
    }, /no auth decision/);
    await app.close();
  });

  it('anonymous calls to every non-public API route are refused', async () => {
    const routes: { method: string; url: string }[] = [];
    // Enumerate through the live platform's OpenAPI document, which lists every documented route.
    const doc = (await p.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    for (const [url, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) {
        routes.push({ method: method.toUpperCase(), url });
      }
    }
    assert.ok(routes.length >= 8);
    for (const r of routes) {
      if (r.url === '/api/auth/login') {
        continue;
      }
      const url = r.url.replace(/\{[^}]+\}/g, 'x');
      const res = await p.app.inject({
        method: r.method as 'GET',
        url,
        payload: r.method === 'GET' ? undefined : {},
      });
      assert.equal(res.statusCode, 401, `${r.method} ${r.url} refuses anonymous callers`);
    }
  });
});
