import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedDemo } from '../demo/seedDemo.js';
import { checkOrgInvariants } from '../orgs/index.js';
import { migrate } from '../platform/db/migrate.js';
import { createTestDatabase, testClock, type TestDb } from '../testing/testPlatform.js';
import { districtDepartments, townPlatformOffices } from './catalogue/defaultCatalogue.js';

describe('demo departments', () => {
  let t: TestDb;
  before(async () => {
    t = await createTestDatabase();
    await migrate(t.database);
    await seedDemo(t.database, {
      now: testClock().now(),
      seed: 1,
      password: 'unused-password',
      stages: ['spine', 'catalogue', 'departments'],
    });
  });
  after(async () => {
    await t.drop();
  });

  it('counts district departments and every town’s platform offices in the roll-ups', async () => {
    const { db } = t.database;
    assert.deepEqual(await checkOrgInvariants(db), []);

    const district = await db
      .selectFrom('org')
      .select('id')
      .where('parent_id', 'is', null)
      .executeTakeFirstOrThrow();
    const towns = await db
      .selectFrom('org')
      .select('id')
      .where('parent_id', '=', district.id)
      .where('level', '=', 'town')
      .execute();
    const departments = async (orgId: string) =>
      (
        await db
          .selectFrom('org_rollup')
          .select('value')
          .where('org_id', '=', orgId)
          .where('metric', '=', 'org.department')
          .executeTakeFirst()
      )?.value ?? 0;

    assert.equal(towns.length, 17);
    assert.equal(
      await departments(district.id),
      districtDepartments.length + 17 * townPlatformOffices.length,
    );
    assert.equal(await departments(district.id), 87);
    for (const town of towns) {
      assert.equal(await departments(town.id), townPlatformOffices.length);
    }
  });
});
