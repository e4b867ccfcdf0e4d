import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { randomBytes } from 'node:crypto';
import { checkOrgInvariants } from '../orgs/index.js';
import { isValidIdNumber } from '../members/index.js';
import { fieldCipher } from '../platform/crypto.js';
import { migrate } from '../platform/db/migrate.js';
import { createTestDatabase, type TestDb } from '../testing/testPlatform.js';
import { seedDemo } from './seedDemo.js';
import { generateOrgs } from './generateOrgs.js';

describe('demo organisation generator', () => {
  const cipher = fieldCipher(randomBytes(32).toString('hex'));
  const dbs: TestDb[] = [];
  const fresh = async () => {
    const t = await createTestDatabase();
    dbs.push(t);
    await migrate(t.database);
    await seedDemo(t.database, { seed: 1, password: 'unused-password', stages: ['spine'] });
    return t.database;
  };
  before(() => undefined);
  after(async () => {
    for (const t of dbs) {
      await t.drop();
    }
  });

  it('builds a small district in the paper’s proportions, consistent and deterministic', async () => {
    const a = await fresh();
    const result = await generateOrgs(a, { seed: 7, scale: 0.02, cipher, now: Date.UTC(2026, 0, 1) });
    assert.equal(result.branches, Math.round(757 * 0.02));
    assert.equal(result.groups, Math.round(2921 * 0.02));
    assert.equal(result.members, Math.round(57000 * 0.02));
    assert.equal(result.households, Math.round(100000 * 0.02));
    assert.deepEqual(await checkOrgInvariants(a.db), []);

    const members = await a.db.selectFrom('member').selectAll().orderBy('id').execute();
    for (const m of members.slice(0, 50)) {
      const id = cipher.decrypt(m.id_number_enc);
      assert.ok(isValidIdNumber(id), id);
      assert.match(id, /^(320612|320683)/);
      assert.equal(id.slice(6, 14), m.birth_date.replaceAll('-', ''));
      if (m.phone_enc !== null) {
        assert.match(cipher.decrypt(m.phone_enc), /^100\d{8}$/);
      }
      assert.match(m.name, /^[\u4e00-\u9fa5]{2,3}$/);
    }
    const links = await a.db
      .selectFrom('household')
      .select(['central_household_id', a.db.fn.countAll<number>().as('n')])
      .where('central_household_id', 'is not', null)
      .groupBy('central_household_id')
      .execute();
    assert.ok(links.every((l) => l.n >= 5 && l.n <= 15));

    const b = await fresh();
    await generateOrgs(b, { seed: 7, scale: 0.02, cipher, now: Date.UTC(2026, 0, 1) });
    const names = async (d: typeof a) =>
      (await d.db.selectFrom('member').select(['name', 'id_number_masked']).orderBy('id').execute()).map(
        (r) => `${r.name}${r.id_number_masked}`,
      );
    assert.deepEqual(await names(b), await names(a));
  });
});
