import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestPlatform, type TestPlatform } from '../../testing/testPlatform.js';
import { buildApp } from './app.js';
import { appParts } from '../../modules.js';

describe('every API route has an auth decision', () => {
  let p: TestPlatform;
  before(async () => {
    p = await startTestPlatform();
  });
  after(async () => {
    await p.close();
  });

  it('the app refuses to start with a guarded route that declares none', async () => {
    const app = await buildApp(
      {
        config: p.config,
        database: p.database,
        logger: (await import('pino')).default({ level: 'silent' }),
        services: p.services,
        webDir: null,
      },
      appParts,
    );
    assert.throws(() => {
      app.get('/api/unguarded', () => 'x');
    }, /no auth decision/);
    await app.close();
  });

  it('anonymous calls to every non-public API route are refused', async () => {
    const decisions = p.app.authDecisions.filter((d) => d.method !== 'HEAD');
    assert.ok(decisions.length >= 40, `found ${decisions.length} guarded routes`);
    for (const d of decisions.filter((x) => x.auth !== 'public')) {
      const url = d.url.replace(/:[A-Za-z]+/g, 'x');
      const res = await p.app.inject({
        method: d.method as 'GET',
        url,
        payload: d.method === 'GET' ? undefined : {},
      });
      assert.equal(res.statusCode, 401, `${d.method} ${d.url} refuses anonymous callers`);
    }
    // Public routes are a short, reviewed list.
    const publicRoutes = decisions.filter((x) => x.auth === 'public').map((x) => `${x.method} ${x.url}`);
    for (const r of publicRoutes) {
      assert.match(
        r,
        /\/api\/auth\/login|\/api\/openapi\.json|\/api\/public\/|\/open311\/|\/api\/grids\/map-config/,
        r,
      );
    }
  });
});
