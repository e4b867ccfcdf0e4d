import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { randomBytes } from 'node:crypto';
import { checkOrgInvariants, orgRollups } from '../orgs/index.js';
import { isValidIdNumber } from '../members/index.js';
import { fieldCipher } from '../platform/crypto.js';
import { migrate } from '../platform/db/migrate.js';
import { createTestDatabase, type TestDb } from '../testing/testPlatform.js';
import { seedDemo } from './seedDemo.js';
import { generateOrgs, OUTSIDE_BODIES, PAPER_FIGURES } from './generateOrgs.js';

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
    // The generator's rounding: every kind present at least once.
    const want = (n: number) => Math.max(1, Math.round(n * 0.02));
    const bodies = OUTSIDE_BODIES.reduce((n, b) => n + want(b.count), 0);
    assert.equal(result.outsideBodies, bodies);
    assert.equal(result.branches, Math.round(PAPER_FIGURES.branches * 0.02) + bodies);
    assert.equal(result.groups, Math.round(2921 * 0.02));
    assert.equal(result.members, Math.round(57000 * 0.02));
    assert.equal(result.households, Math.round(100000 * 0.02));
    assert.deepEqual(await checkOrgInvariants(a.db), []);

    // Every body outside the tree sits in a town or village, of its own kind, with a branch that has members.
    const outside = await a.db
      .selectFrom('org as body')
      .innerJoin('org as host', 'host.id', 'body.parent_id')
      .select(['body.id', 'body.level', 'body.type', 'host.level as hostLevel'])
      .where('body.level', 'in', ['unit', 'newField'])
      .execute();
    assert.equal(outside.length, bodies + want(PAPER_FIGURES.newFieldOrgs) + want(PAPER_FIGURES.units));
    assert.ok(outside.every((o) => o.hostLevel === 'town' || o.hostLevel === 'village'));
    for (const body of OUTSIDE_BODIES) {
      assert.ok(
        outside.some((o) => o.level === body.level && o.type === body.type),
        `${body.kind} present`,
      );
    }
    const emptyBodyBranches = await a.db
      .selectFrom('org as branch')
      .innerJoin('org as body', 'body.id', 'branch.parent_id')
      .leftJoin('member', 'member.branch_id', 'branch.id')
      .select('branch.id')
      .where('body.level', 'in', ['unit', 'newField'])
      .groupBy('branch.id')
      .having((eb) => eb.fn.count('member.id'), '<', 3)
      .execute();
    assert.deepEqual(emptyBodyBranches, []);

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

  it('at the paper’s scale counts 2,200+ grassroots organisations, and every town’s roll-ups equal a recount', async () => {
    const d = await fresh();
    const result = await generateOrgs(d, { seed: 3, scale: 1, cipher, now: Date.UTC(2026, 0, 1) });
    assert.ok(result.grassrootsOrgs >= PAPER_FIGURES.grassrootsOrgs, String(result.grassrootsOrgs));
    const counted = await d.db
      .selectFrom('org')
      .select(d.db.fn.countAll<number>().as('n'))
      .where('level', 'in', ['town', 'village', 'branch'])
      .executeTakeFirstOrThrow();
    assert.equal(counted.n, result.grassrootsOrgs);
    assert.equal(result.members, PAPER_FIGURES.members);

    const rollups = orgRollups(d.db, d.dialect);
    const towns = await d.db.selectFrom('org').select(['id', 'path']).where('level', '=', 'town').execute();
    for (const town of towns) {
      const below = await d.db
        .selectFrom('org')
        .select(['level', d.db.fn.countAll<number>().as('n')])
        .where('path', '>=', town.path)
        .where('path', '<', `${town.path}~`)
        .groupBy('level')
        .execute();
      const members = await d.db
        .selectFrom('member')
        .select(d.db.fn.countAll<number>().as('n'))
        .where('org_path', '>=', town.path)
        .where('org_path', '<', `${town.path}~`)
        .executeTakeFirstOrThrow();
      const got = await rollups.rollup(town.id);
      for (const row of below) {
        assert.equal(got[`org.${row.level}`] ?? 0, row.n, `${town.id} org.${row.level}`);
      }
      assert.equal(got.member ?? 0, members.n, `${town.id} members`);
      assert.ok((got['org.unit'] ?? 0) + (got['org.newField'] ?? 0) > 0, 'bodies outside the tree counted');
    }
  });
});
