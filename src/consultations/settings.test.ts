import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  call,
  loginAs,
  startTestPlatform,
  type Session,
  type TestPlatform,
} from '../testing/testPlatform.js';

type Json = Record<string, unknown>;

describe('council settings and what the caller may do with a record', () => {
  let p: TestPlatform;
  let cadre: Session;
  let otherTown: Session;
  let councilId = '';

  const propose = async (title: string) => {
    const r = await call(p.app, 'POST', `/api/public/councils/${councilId}/topics`, {
      body: { title, body: '居民提议，请议事会研究', isAnonymous: true },
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body.item as Json;
  };

  before(async () => {
    p = await startTestPlatform();
    const admin = await loginAs(p.app, 'admin');
    assert.equal((await admin.request('POST', '/api/councils/establish')).status, 200);
    cadre = await loginAs(p.app, 'dongshi');
    otherTown = await loginAs(p.app, 'shigang');
    councilId = ((await cadre.request('GET', '/api/councils')).body.items as Json[])[0]!.id as string;
  });
  after(async () => {
    await p.close();
  });

  it('changes the room and the support rule for new topics, audited; a collecting topic keeps its rule', async () => {
    const before = (await cadre.request('GET', `/api/councils/${councilId}`)).body.item as Json;
    const earlier = await propose('增设非机动车充电桩');
    const changed = await cadre.request('PATCH', `/api/councils/${councilId}`, {
      place: '东市社区党群服务中心二楼议事室',
      supportThreshold: 3,
      supportDays: 10,
    });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    const item = changed.body.item as Json;
    assert.deepEqual(
      [item.place, item.supportThreshold, item.supportDays, item.name],
      ['东市社区党群服务中心二楼议事室', 3, 10, before.name],
    );
    const later = await propose('修缮小区健身器材');
    assert.equal(later.supportThreshold, 3);
    assert.equal(earlier.supportThreshold, before.supportThreshold, 'the earlier topic keeps its threshold');
    const audit = await p.database.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('entity_id', '=', councilId)
      .where('action', '=', 'council.update')
      .execute();
    assert.equal(audit.length, 1);
    assert.match(String(audit[0]!.detail), /supportThreshold|support_threshold/);

    // Bad input and other scopes.
    assert.equal(
      (await cadre.request('PATCH', `/api/councils/${councilId}`, { supportThreshold: 0 })).status,
      400,
    );
    assert.equal((await cadre.request('PATCH', `/api/councils/${councilId}`, { place: '   ' })).status, 400);
    assert.equal(
      (await otherTown.request('PATCH', `/api/councils/${councilId}`, { place: '别处' })).status,
      404,
    );
    const after = (await cadre.request('GET', `/api/councils/${councilId}`)).body.item as Json;
    assert.equal(after.place, '东市社区党群服务中心二楼议事室', 'a refused change writes nothing');
  });

  it('answers a record with the actions its state and the caller’s role allow', async () => {
    const topic = await propose('规范小区停车秩序');
    const abilities = async (s: Session) =>
      (await s.request('GET', `/api/topics/${topic.id as string}`)).body.abilities as string[];
    assert.deepEqual(await abilities(cadre), ['merge', 'decline']);
    // Three supporters reach the new threshold: the topic goes to the branch, which may now approve it.
    for (let i = 0; i < 3; i++) {
      const r = await call(p.app, 'POST', `/api/public/topics/${topic.id as string}/support`, {
        body: { phone: `1391000000${i}` },
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
    }
    assert.deepEqual(await abilities(cadre), ['approve', 'merge', 'decline']);
    const approved = await cadre.request('POST', `/api/topics/${topic.id as string}/review`, {
      action: 'approve',
    });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    assert.deepEqual(await abilities(cadre), ['merge', 'schedule']);

    const scheduled = await cadre.request('POST', `/api/councils/${councilId}/meetings`, {
      kind: 'council',
      title: '停车秩序协商会',
      startsAt: p.clock.now() + 86_400_000,
      topicIds: [topic.id],
      invitees: [],
    });
    const meetingId = (scheduled.body.item as Json).id as string;
    const meetingAbilities = async () =>
      (await cadre.request('GET', `/api/meetings/${meetingId}`)).body.abilities as string[];
    assert.deepEqual(
      await meetingAbilities(),
      ['attendance', 'openVote', 'minutes'],
      'no close without minutes',
    );
    await cadre.request('PUT', `/api/meetings/${meetingId}/minutes`, { minutes: '会议同意划线停车方案。' });
    assert.deepEqual(await meetingAbilities(), ['attendance', 'openVote', 'minutes', 'close']);
    const closed = await cadre.request('POST', `/api/meetings/${meetingId}/close`);
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    assert.deepEqual(await meetingAbilities(), []);
  });
});
