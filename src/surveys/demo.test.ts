import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { startTestPlatform, type TestPlatform } from '../testing/testPlatform.js';

describe('surveys: the demo stage', () => {
  let p: TestPlatform;
  before(async () => {
    p = await startTestPlatform(
      {},
      { stages: ['spine', 'catalogue', 'users', 'orgs', 'surveys'], orgScale: 0.05 },
    );
  });
  after(async () => {
    await p.close();
  });

  it('leaves last year’s survey closed and this year’s open, each village’s figures equal to a recount', async () => {
    const { db } = p.database;
    const surveys = await db.selectFrom('survey').select(['id', 'status', 'year']).orderBy('year').execute();
    assert.deepEqual(
      surveys.map((s) => s.status),
      ['closed', 'open'],
    );
    for (const s of surveys) {
      const villages = await db
        .selectFrom('survey_village')
        .selectAll()
        .where('survey_id', '=', s.id)
        .execute();
      assert.ok(villages.length > 0);
      const answers = await db
        .selectFrom('survey_answer')
        .select([
          'village_id',
          sql<number | string>`count(*)`.as('n'),
          sql<number | string>`count(score)`.as('scored'),
        ])
        .where('survey_id', '=', s.id)
        .groupBy('village_id')
        .execute();
      const samples = await db
        .selectFrom('survey_sample')
        .select([
          'village_id',
          sql<number | string>`count(*)`.as('n'),
          sql<number | string>`count(answered_on)`.as('answered'),
        ])
        .where('survey_id', '=', s.id)
        .groupBy('village_id')
        .execute();
      const a = new Map(answers.map((r) => [r.village_id, r]));
      const m = new Map(samples.map((r) => [r.village_id, r]));
      let answered = 0;
      for (const v of villages) {
        assert.equal(Number(a.get(v.village_id)?.n ?? 0), v.answered, v.village_name);
        assert.equal(Number(a.get(v.village_id)?.scored ?? 0), v.scored, v.village_name);
        assert.equal(Number(m.get(v.village_id)?.n ?? 0), v.sampled, v.village_name);
        assert.equal(Number(m.get(v.village_id)?.answered ?? 0), v.answered, v.village_name);
        answered += v.answered;
      }
      assert.ok(answered > 0);
    }
  });
});
