import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loginAs, startTestPlatform, type TestPlatform } from '../testing/testPlatform.js';
import { orgRepository } from './repository.js';

describe('data scope follows the organisation tree', () => {
  let p: TestPlatform;
  before(async () => {
    p = await startTestPlatform();
  });
  after(async () => {
    await p.close();
  });

  it('a town user gets 404 for every record of another town, and sees their own', async () => {
    const repo = orgRepository(p.database.db, p.database.dialect);
    const shigang = (await repo.findByCode('320612110'))!;
    const jinsha = (await repo.findByCode('320612001'))!;
    const root = (await repo.findRoot())!;
    const shigangVillages = await repo.children({ path: '/' }, shigang.id, 100, null);
    assert.ok(shigangVillages.length > 0);

    const town = await loginAs(p.app, 'jinsha');
    for (const id of [shigang.id, root.id, ...shigangVillages.map((v) => v.id)]) {
      const one = await town.request('GET', `/api/orgs/${id}`);
      assert.equal(one.status, 404, `org ${id} is hidden`);
      assert.equal(one.body.code, 'record.not_found');
      assert.equal((await town.request('GET', `/api/orgs/${id}/children`)).status, 404);
    }
    const search = await town.request('GET', `/api/orgs?q=${encodeURIComponent('石港')}`);
    assert.equal(search.status, 200);
    assert.deepEqual(search.body.items, []);

    const own = await town.request('GET', `/api/orgs/${jinsha.id}`);
    assert.equal(own.status, 200);
    const item = own.body.item as { ancestors: unknown[]; name: string };
    assert.equal(item.name, '金沙街道');
    assert.deepEqual(item.ancestors, [], 'ancestors above the scope are not shown');
    const roots = await town.request('GET', '/api/orgs/roots');
    assert.deepEqual(
      (roots.body.items as { id: string }[]).map((o) => o.id),
      [jinsha.id],
    );
    const kids = await town.request('GET', `/api/orgs/${jinsha.id}/children?limit=5`);
    assert.equal((kids.body.items as unknown[]).length, 5);
    assert.equal(typeof kids.body.nextCursor, 'string');
  });

  it('a village cadre sees only their village', async () => {
    const cadre = await loginAs(p.app, 'dongshi');
    const roots = await cadre.request('GET', '/api/orgs/roots');
    const village = (roots.body.items as { id: string; name: string }[])[0]!;
    assert.equal(village.name, '东市社区');
    const repo = orgRepository(p.database.db, p.database.dialect);
    const jinsha = (await repo.findByCode('320612001'))!;
    assert.equal((await cadre.request('GET', `/api/orgs/${jinsha.id}`)).status, 404);
  });

  it('the district sees all towns; children pages are complete and disjoint', async () => {
    const admin = await loginAs(p.app, 'admin');
    const root = (
      (await admin.request('GET', '/api/orgs/roots')).body.items as { id: string; childCount: number }[]
    )[0]!;
    assert.equal(root.childCount, 17);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/orgs/${root.id}/children?limit=4${cursor === null ? '' : `&cursor=${cursor}`}`;
      const page = await admin.request('GET', url);
      seen.push(...(page.body.items as { name: string }[]).map((o) => o.name));
      cursor = page.body.nextCursor as string | null;
    } while (cursor !== null);
    assert.equal(seen.length, 17);
    assert.equal(new Set(seen).size, 17);
    assert.ok(seen.includes('金沙街道') && seen.includes('石港镇'));
    const detail = await admin.request('GET', `/api/orgs/${root.id}`);
    const counts = (detail.body.item as { counts: Record<string, number> }).counts;
    assert.equal(counts['org.town'], 17);
    assert.equal(counts['org.village'], 278);
  });
});
