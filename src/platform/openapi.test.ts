// The console's wire types (web/src/api/schema.d.ts) are generated from the server's schemas; this fails when they
// are stale, e.g. after a route or a response schema changed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { apiSchemaFile, renderApiSchema } from '../../scripts/gen-api.js';

describe('console wire types', () => {
  it('web/src/api/schema.d.ts matches the server’s OpenAPI document', async () => {
    const committed = readFileSync(apiSchemaFile, 'utf8');
    const rendered = await renderApiSchema();
    assert.ok(
      committed === rendered,
      'web/src/api/schema.d.ts is stale: run `npm run gen:api`, then typecheck the console (`npm run typecheck`) and commit the file with your change.',
    );
  });
});
