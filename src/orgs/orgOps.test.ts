import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loginAs, startTestPlatform, type Session, type TestPlatform } from '../testing/testPlatform.js';
import { checkOrgInvariants } from './invariants.js';
import { orgRepository } from './repository.js';

type Json = Record<string, unknown>;

describe('organisation operations through the API', () => {
  let p: TestPlatform;
  let admin: Session;
  const ids = { dongshi: '', jinsha: '', shigang: '', otherVillage: '' };

  before(async () => {
    p = await startTestPlatform();
    admin = await loginAs(p.app, 'admin');
    const repo = orgRepository(p.database.db, p.database.dialect);
    ids.dongshi = (await repo.findByCode('320612001001'))!.id;
    ids.jinsha = (await repo.findByCode('320612001'))!.id;
    ids.shigang = (await repo.findByCode('320612110'))!.id;
    ids.otherVillage = (await repo.children({ path: '/' }, ids.jinsha, 2, null))[1]!.id;
  });
  after(async () => {
    await p.close();
  });

  const create = async (s: Session, parentId: string, level: string, type: string, name: string) =>
    s.request('POST', '/api/orgs', { parentId, level, type, name });
  const counts = async (id: string) =>
    ((await admin.request('GET', `/api/orgs/${id}`)).body.item as { counts: Record<string, number> }).counts;

  it('creates, renames, moves, merges and dissolves with history and audit', async () => {
    const a = ((await create(admin, ids.dongshi, 'branch', 'branch', '甲支部')).body.item as Json)
      .id as string;
    const b = ((await create(admin, ids.dongshi, 'branch', 'branch', '乙支部')).body.item as Json)
      .id as string;
    const g = ((await create(admin, a, 'group', 'group', '甲一小组')).body.item as Json).id as string;
    assert.equal((await counts(ids.dongshi))['org.branch'], 2);

    const renamed = await admin.request('POST', `/api/orgs/${a}/rename`, { name: '甲党支部' });
    assert.equal((renamed.body.item as Json).name, '甲党支部');

    const wrongLevel = await admin.request('POST', `/api/orgs/${g}/move`, { parentId: ids.jinsha });
    assert.equal(wrongLevel.status, 422);
    assert.equal(wrongLevel.body.code, 'org.invalid_parent');
    const cycle = await admin.request('POST', `/api/orgs/${ids.dongshi}/move`, { parentId: ids.dongshi });
    assert.equal(cycle.body.code, 'org.cycle');

    const moved = await admin.request('POST', `/api/orgs/${b}/move`, { parentId: ids.otherVillage });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal((await counts(ids.dongshi))['org.branch'], 1);
    assert.equal((await counts(ids.otherVillage))['org.branch'], 1);
    assert.equal((await counts(ids.jinsha))['org.branch'], 2);

    const notEmpty = await admin.request('POST', `/api/orgs/${a}/dissolve`, { reason: '测试' });
    assert.equal(notEmpty.body.code, 'org.not_empty');
    const merged = await admin.request('POST', `/api/orgs/${a}/merge`, { intoId: b });
    assert.equal(merged.status, 200, JSON.stringify(merged.body));
    assert.equal((merged.body.item as Json).status, 'dissolved');
    const group = await admin.request('GET', `/api/orgs/${g}`);
    assert.deepEqual(
      (group.body.item as { ancestors: { id: string }[] }).ancestors.map((x) => x.id).slice(-1),
      [b],
    );
    assert.equal((await counts(ids.dongshi))['org.branch'], 0);
    assert.equal((await counts(ids.otherVillage))['org.group'], 1);

    const dissolved = await admin.request('POST', `/api/orgs/${g}/dissolve`, { reason: '党小组调整' });
    assert.equal(dissolved.status, 200);
    assert.equal((await admin.request('GET', `/api/orgs/${g}`)).body.item !== undefined, true, 'kept');
    assert.equal(
      (await admin.request('POST', `/api/orgs/${g}/rename`, { name: 'x' })).body.code,
      'org.dissolved',
    );

    const events = await admin.request('GET', `/api/orgs/${a}/events`);
    assert.deepEqual(
      (events.body.items as Json[]).map((e) => e.kind),
      ['merge', 'rename', 'create'],
    );
    const audit = await p.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'org.%')
      .execute();
    assert.ok(
      ['org.create', 'org.rename', 'org.move', 'org.merge', 'org.absorb', 'org.dissolve'].every((x) =>
        audit.some((r) => r.action === x),
      ),
    );
    assert.deepEqual(await checkOrgInvariants(p.database.db), []);
  });

  it('needs org.write, and scope applies: other towns answer 404', async () => {
    const cadre = await loginAs(p.app, 'dongshi');
    const res = await create(cadre, ids.dongshi, 'branch', 'branch', '丙支部');
    assert.equal(res.status, 403);
    assert.equal(res.body.code, 'auth.forbidden');
    const zzb = await loginAs(p.app, 'zzb');
    assert.equal((await create(zzb, ids.dongshi, 'branch', 'branch', '丙支部')).status, 200);
    const town = await loginAs(p.app, 'shigang');
    assert.equal((await town.request('GET', `/api/orgs/${ids.dongshi}/events`)).status, 404);
    assert.equal((await town.request('GET', `/api/orgs/${ids.dongshi}/officers`)).status, 404);
  });
});
