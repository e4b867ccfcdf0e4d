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

  const abilitiesOf = (r: { body: Json }) => r.body.abilities as string[];

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
    assert.deepEqual(await abilities(cadre), ['merge', 'schedule', 'publishOutcome']);

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
      ['edit', 'attendance', 'openVote', 'minutes'],
      'no close without minutes',
    );
    await cadre.request('PUT', `/api/meetings/${meetingId}/minutes`, { minutes: '会议同意划线停车方案。' });
    assert.deepEqual(await meetingAbilities(), ['edit', 'attendance', 'openVote', 'minutes', 'close']);
    const closed = await cadre.request('POST', `/api/meetings/${meetingId}/close`);
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    assert.deepEqual(await meetingAbilities(), []);
  });
  it('answers the councils, a council and its topics with what the caller may do; a reader gets none', async () => {
    const reader = await loginAs(p.app, 'zzb');
    assert.deepEqual(abilitiesOf(await cadre.request('GET', '/api/councils')), ['establish']);
    assert.deepEqual(abilitiesOf(await reader.request('GET', '/api/councils?level=village&limit=1')), []);
    const mine = await cadre.request('GET', `/api/councils/${councilId}`);
    assert.deepEqual(abilitiesOf(mine), ['openTopic', 'schedule', 'publishOutcome', 'settings', 'addMember']);
    const read = await reader.request('GET', `/api/councils/${councilId}`);
    assert.equal(read.status, 200, JSON.stringify(read.body));
    assert.deepEqual(abilitiesOf(read), []);
    // Each topic of the council carries its own, as the topic's page answers them.
    const topics = mine.body.topics as Json[];
    assert.ok(topics.length > 0);
    for (const topic of topics) {
      const page = await cadre.request('GET', `/api/topics/${topic.id as string}`);
      assert.deepEqual(topic.abilities, page.body.abilities, `topic ${topic.status as string}`);
    }
    assert.ok((read.body.topics as Json[]).every((t) => (t.abilities as string[]).length === 0));
    // A reader may not do what the buttons would offer.
    assert.equal(
      (
        await reader.request('POST', `/api/councils/${councilId}/topics`, {
          title: '议题',
          body: '',
          source: 'branch',
        })
      ).status,
      403,
    );
  });

  it('answers a meeting’s decisions with their actions, and the caller’s own check-in and ballot', async () => {
    const me = (await cadre.request('GET', '/api/auth/me')).body.user as Json;
    const added = await cadre.request('POST', `/api/councils/${councilId}/members`, {
      name: '东市社区书记',
      kind: 'convener',
      userId: me.id,
    });
    assert.equal(added.status, 200, JSON.stringify(added.body));
    const topic = await cadre.request('POST', `/api/councils/${councilId}/topics`, {
      title: '增设小区快递柜',
      body: '党组织提出的议题',
      source: 'branch',
    });
    assert.equal(topic.status, 200, JSON.stringify(topic.body));
    const topicId = (topic.body.item as Json).id as string;
    assert.equal(
      (await cadre.request('POST', `/api/topics/${topicId}/review`, { action: 'approve' })).status,
      200,
    );
    const scheduled = await cadre.request('POST', `/api/councils/${councilId}/meetings`, {
      kind: 'council',
      title: '快递柜协商会',
      startsAt: p.clock.now() + 86_400_000,
      quorum: 1,
      topicIds: [topicId],
      invitees: [],
    });
    assert.equal(scheduled.status, 200, JSON.stringify(scheduled.body));
    const meetingId = (scheduled.body.item as Json).id as string;
    const view = async () => (await cadre.request('GET', `/api/meetings/${meetingId}`)).body;
    let v = await view();
    const own = v.viewer as Json;
    assert.equal(own.isPresent, false, 'the cadre is on the list as the convener, not yet present');
    assert.deepEqual(v.abilities, ['edit', 'attendance', 'openVote', 'minutes', 'checkIn']);

    const checkedIn = await cadre.request('POST', `/api/meetings/${meetingId}/check-in`, {
      token: v.checkinToken,
    });
    assert.equal(checkedIn.status, 200, JSON.stringify(checkedIn.body));
    v = await view();
    assert.equal((v.viewer as Json).isPresent, true);
    assert.deepEqual(v.abilities, ['edit', 'attendance', 'openVote', 'minutes'], 'checked in once');

    const approval = await cadre.request('POST', `/api/meetings/${meetingId}/decisions`, {
      type: 'approval',
      question: '是否同意在三号楼门口设快递柜',
      topicId,
    });
    const consensus = await cadre.request('POST', `/api/meetings/${meetingId}/decisions`, {
      type: 'consensus',
      question: '快递柜的管理由物业负责',
    });
    assert.equal(approval.status, 200, JSON.stringify(approval.body));
    assert.equal(consensus.status, 200, JSON.stringify(consensus.body));
    const approvalId = (approval.body.item as Json).id as string;
    const consensusId = (consensus.body.item as Json).id as string;
    const decisionAbilities = async (): Promise<Record<string, unknown>> =>
      Object.fromEntries(
        ((await view()).decisions as Json[]).map((d): [string, unknown] => [d.id as string, d.abilities]),
      );
    assert.deepEqual(await decisionAbilities(), {
      [approvalId]: ['vote', 'clerkVote', 'close'],
      // The chair records a consensus: nobody casts a ballot in it.
      [consensusId]: ['close'],
    });
    const vote = await cadre.request('POST', `/api/decisions/${approvalId}/votes`, {
      ballot: { choice: 'approve' },
    });
    assert.equal(vote.status, 200, JSON.stringify(vote.body));
    assert.deepEqual((await decisionAbilities())[approvalId], ['clerkVote', 'close'], 'one ballot each');
    assert.deepEqual(((await view()).viewer as Json).votedDecisionIds, [approvalId]);
    const closed = await cadre.request('POST', `/api/decisions/${approvalId}/close`, {});
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    assert.deepEqual((await decisionAbilities())[approvalId], ['publishOutcome']);
    assert.deepEqual(
      abilitiesOf(await cadre.request('GET', `/api/topics/${topicId}`)),
      ['publishOutcome'],
      'the decided topic yields outcomes',
    );

    // Another town's cadre does not see the meeting; a reader of the district sees it and may do nothing.
    assert.equal((await otherTown.request('GET', `/api/meetings/${meetingId}`)).status, 404);
    const reader = await loginAs(p.app, 'zzb');
    const read = (await reader.request('GET', `/api/meetings/${meetingId}`)).body;
    assert.deepEqual(read.abilities, []);
    assert.equal(read.viewer, null);
    assert.ok((read.decisions as Json[]).every((d) => (d.abilities as string[]).length === 0));
  });
});
