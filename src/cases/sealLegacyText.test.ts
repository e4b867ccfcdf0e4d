import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CASE_STAGES, pointInGridOf, sessions, type Sessions } from '../testing/caseFixtures.js';
import { startTestPlatform, type TestPlatform } from '../testing/testPlatform.js';
import { sealLegacyCaseText } from './sealLegacyText.js';

describe('sealing case descriptions written before they were sealed', () => {
  let p: TestPlatform;
  let s: Sessions;
  before(async () => {
    p = await startTestPlatform({ JOB_INTERVAL_MS: '600000' }, { stages: CASE_STAGES, orgScale: 0.02 });
    s = await sessions(p);
  });
  after(async () => {
    await p.close();
  });

  it('masks the stored text, keeps the original encrypted, and does nothing the second time', async () => {
    const point = await pointInGridOf(p, 'wangge');
    const original = '楼道堆放杂物，业主电话 13912345678，身份证 320612198001010011';
    const made = await s.town.request('POST', '/api/cases', {
      categoryCode: '010101',
      description: '楼道堆放杂物',
      lng: point.lng,
      lat: point.lat,
      source: 'hotline',
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const id = made.body.id as string;
    // A row as written before 0013: the typed text in plaintext, nothing sealed.
    await p.database.db
      .updateTable('case_file')
      .set({ description: original, description_enc: null })
      .where('id', '=', id)
      .execute();

    assert.equal(await sealLegacyCaseText(p.database.db, p.services.cipher), 1);
    const row = await p.database.db
      .selectFrom('case_file')
      .select(['description', 'description_enc'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.ok(!row.description.includes('13912345678') && !row.description.includes('320612198001010011'));
    assert.ok(row.description.startsWith('楼道堆放杂物'));
    assert.equal(p.services.cipher.decrypt(row.description_enc!), original);
    assert.equal(await sealLegacyCaseText(p.database.db, p.services.cipher), 0);
  });
});
