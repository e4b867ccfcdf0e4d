import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    assert.equal(c.port, 8080);
    assert.equal(c.databaseUrl, null);
    assert.match(c.dataDir, /data$/);
  });

  for (const [name, value] of [
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['LOG_LEVEL', 'loud'],
    ['FIELD_KEY', 'abc'],
    ['COOKIE_SECURE', 'maybe'],
    ['MAP_TILE_URL', 'https://tiles.example/{x}'],
  ] as const) {
    it(`names the bad variable ${name}=${value}`, () => {
      assert.throws(
        () => loadConfig({ [name]: value }),
        (error: unknown) =>
          error instanceof ConfigError && error.variable === name && error.message.includes(name),
      );
    });
  }
});
