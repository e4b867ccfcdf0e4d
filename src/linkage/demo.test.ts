import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { establishCouncils } from '../consultations/index.js';
import { loginAs, startTestPlatform, type TestPlatform } from '../testing/testPlatform.js';
import { appealIndicators } from './indicators.js';
import { linkageRepository } from './repository.js';

describe('demo stage linkage', () => {
  let p: TestPlatform;
  let seconds = 0;

  before(async () => {
    p = await startTestPlatform({}, { stages: ['spine', 'catalogue', 'users', 'orgs'], orgScale: 0.05 });
    const { seedDemoLinkage } = await import('./demo.js');
    // As the consultations stage does before this one: every village has its council.
    await establishCouncils(p.database.db, p.database.dialect, { path: '/' }, p.clock.now());
    const started = performance.now();
    await seedDemoLinkage(p.database, {
      seed: 1,
      password: 'test-password-1',
      cipher: p.services.cipher,
      now: p.clock.now(),
      share: 0.5,
    });
    seconds = (performance.now() - started) / 1000;
  });
  after(async () => {
    await p.close();
  });

  it('builds a year of appeals, most settled low, some passed up, some cases, in seconds', async () => {
    assert.ok(seconds < 30, `took ${seconds} s`);
    const tally = await linkageRepository(p.database.db, p.database.dialect).tally({ path: '/' }, null, null);
    const i = appealIndicators(tally, 'district');
    assert.ok(i.received > 100, `received ${i.received}`);
    assert.ok(i.cases >= 1, `cases ${i.cases}`);
    assert.ok(i.settledAt.town + i.settledAt.district >= 1);
    assert.ok(i.shareWithinVillage !== null && i.shareWithinVillage > 0.7 && i.shareWithinVillage < 1);
    assert.ok(i.pending >= 1);
    // Some went to their village's consultation room, each a topic of that village's council awaiting review.
    assert.ok(i.topics >= 1, `topics ${i.topics}`);
    const turned = await p.database.db
      .selectFrom('linkage_appeal')
      .innerJoin('consultation_topic', 'consultation_topic.id', 'linkage_appeal.topic_id')
      .innerJoin('consultation_council', 'consultation_council.id', 'consultation_topic.council_id')
      .select(['linkage_appeal.level_org_id', 'consultation_council.org_id', 'consultation_topic.source'])
      .where('linkage_appeal.status', '=', 'topic')
      .execute();
    assert.equal(turned.length, i.topics);
    assert.ok(turned.every((t) => t.level_org_id === t.org_id && t.source === 'appeal'));
  });

  it('gives the demo head zxh his linked households and their record', async () => {
    const zxh = await loginAs(p.app, 'zxh');
    const mine = await zxh.request('GET', '/api/linkage/my/households');
    assert.equal(mine.status, 200, JSON.stringify(mine.body));
    const items = mine.body.items as { id: string; lastVisitAt: number | null }[];
    assert.ok(items.length >= 1);
    assert.ok(items.some((h) => h.lastVisitAt !== null));
    const records: { cases: unknown[]; topics: unknown[] }[] = [];
    for (const h of items) {
      const record = await zxh.request('GET', `/api/linkage/my/households/${h.id}`);
      assert.equal(record.status, 200);
      records.push(record.body as { cases: unknown[]; topics: unknown[] });
    }
    // His households show the case and the topic their appeals became at the village.
    assert.ok(records.some((r) => r.cases.length >= 1));
    assert.ok(records.some((r) => r.topics.length >= 1));
    const cadre = await loginAs(p.app, 'dongshi');
    const table = await cadre.request('GET', '/api/linkage/indicators');
    assert.equal(table.status, 200, JSON.stringify(table.body));
  });
});
