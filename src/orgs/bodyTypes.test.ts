import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { orgDirectory } from './index.js';
import { loginAs, startTestPlatform, type TestPlatform } from '../testing/testPlatform.js';

describe('JSON bodies are validated as sent', () => {
  let p: TestPlatform;
  before(async () => {
    p = await startTestPlatform();
  });
  after(async () => {
    await p.close();
  });

  it('keeps an explicit null in a string-or-null field (no coercion to an empty string), and refuses a number for a string', async () => {
    const admin = await loginAs(p.app, 'admin');
    const town = (await orgDirectory(p.database.db, p.database.dialect).findByCode('320612001'))!;
    const body = {
      parentId: town.id,
      level: 'unit',
      type: 'school',
      name: '测试学校',
      code: null,
      foundedOn: null,
    };
    const made = await admin.request('POST', '/api/orgs', body);
    assert.equal(made.status, 200, JSON.stringify(made.body));
    const row = await p.database.db
      .selectFrom('org')
      .select(['code', 'founded_on'])
      .where('id', '=', (made.body.item as { id: string }).id)
      .executeTakeFirstOrThrow();
    assert.equal(row.founded_on, null);
    // A body is typed JSON: a number where a string belongs is refused, not turned into text.
    const typed = await admin.request('POST', '/api/orgs', { ...body, name: 12345 });
    assert.equal(typed.status, 400);
    // Query strings are text and still coerced to their types.
    const listed = await admin.request('GET', `/api/orgs/${town.id}/children?limit=5`);
    assert.notEqual(listed.status, 400, JSON.stringify(listed.body));
  });
});
