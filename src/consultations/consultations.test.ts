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

const phone = (i: number) => `139${String(10_000_000 + i).padStart(8, '0')}`;

describe('consultation rooms: topic → meeting → vote → outcome → case, scope and the public record', () => {
  let p: TestPlatform;
  let admin: Session;
  let cadre: Session;
  let otherTown: Session;
  let councilId = '';

  const ok = async (res: Promise<{ status: number; body: Json }>) => {
    const r = await res;
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body;
  };
  const pub = (method: 'GET' | 'POST', url: string, body?: unknown) => call(p.app, method, url, { body });

  before(async () => {
    p = await startTestPlatform();
    admin = await loginAs(p.app, 'admin');
    cadre = await loginAs(p.app, 'dongshi');
    otherTown = await loginAs(p.app, 'shigang');
  });
  after(async () => {
    await p.close();
  });

  it('gives every town and village a council, once', async () => {
    const first = await ok(admin.request('POST', '/api/councils/establish'));
    assert.equal(first.created, 17 + 278);
    assert.equal((await ok(admin.request('POST', '/api/councils/establish'))).created, 0);
  });

  it('a village cadre sees only the village council; another town’s cadre gets 404', async () => {
    const mine = (await ok(cadre.request('GET', '/api/councils'))).items as Json[];
    assert.equal(mine.length, 1);
    assert.equal(mine[0]!.level, 'village');
    councilId = mine[0]!.id as string;
    assert.equal((await otherTown.request('GET', `/api/councils/${councilId}`)).status, 404);
    assert.equal((await call(p.app, 'GET', `/api/councils/${councilId}`)).status, 401);
    assert.equal((await ok(admin.request('GET', `/api/councils/${councilId}`))).item !== undefined, true);
  });

  it('runs the whole loop', async () => {
    const memberIds: string[] = [];
    for (const [i, kind] of (['convener', 'residentRep', 'residentRep', 'partyMember'] as const).entries()) {
      const body = await ok(
        cadre.request('POST', `/api/councils/${councilId}/members`, {
          name: `成员${i}`,
          kind,
          phone: phone(900 + i),
        }),
      );
      memberIds.push(body.id as string);
    }

    // A resident proposes, anonymously; a phone typed into the text is masked before it is stored.
    const proposed = await pub('POST', `/api/public/councils/${councilId}/topics`, {
      title: '小区加装电梯',
      body: '联系我 13912345678，三号楼老人多',
      name: '王某',
      isAnonymous: true,
    });
    assert.equal(proposed.status, 200, JSON.stringify(proposed.body));
    const topic = proposed.body.item as Json;
    assert.equal(topic.status, 'collecting');
    assert.equal(topic.proposer, '匿名');
    assert.doesNotMatch(topic.body as string, /13912345678/);
    const threshold = topic.supportThreshold as number;
    for (let i = 0; i < threshold; i++) {
      const r = await pub('POST', `/api/public/topics/${topic.id as string}/support`, { phone: phone(i) });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal((r.body.item as Json).status, i + 1 < threshold ? 'collecting' : 'submitted');
    }
    const again = await pub('POST', `/api/public/topics/${topic.id as string}/support`, { phone: phone(0) });
    assert.equal(again.body.code, 'workflow.transition_not_allowed');

    // Declining needs a public reason; the branch approves.
    const noReason = await cadre.request('POST', `/api/topics/${topic.id as string}/review`, {
      action: 'decline',
    });
    assert.equal(noReason.status, 400);
    await ok(cadre.request('POST', `/api/topics/${topic.id as string}/review`, { action: 'approve' }));

    const scheduled = await ok(
      cadre.request('POST', `/api/councils/${councilId}/meetings`, {
        kind: 'council',
        title: '加装电梯协商会',
        startsAt: p.clock.now() + 86_400_000,
        quorum: 3,
        topicIds: [topic.id],
        invitees: [{ name: '区住建局代表', role: 'department' }],
      }),
    );
    const meetingId = (scheduled.item as Json).id as string;
    let meeting = await ok(cadre.request('GET', `/api/meetings/${meetingId}`));
    assert.equal((meeting.participants as Json[]).length, 5);
    const token = meeting.checkinToken as string;

    // QR check-in on the phone: a wrong code is refused; the right one with an invited phone counts.
    const wrong = await pub('POST', `/api/public/meetings/${meetingId}/check-in`, {
      token: 'nope',
      phone: phone(900),
    });
    assert.equal(wrong.body.code, 'consultation.invalid_checkin');
    await ok(pub('POST', `/api/public/meetings/${meetingId}/check-in`, { token, phone: phone(900) }));
    const participants = meeting.participants as Json[];
    const byName = (n: string) => participants.find((x) => x.name === n)!.id as string;
    await ok(
      cadre.request('POST', `/api/meetings/${meetingId}/attendance`, {
        present: [byName('成员1'), byName('成员2')],
      }),
    );
    meeting = await ok(cadre.request('GET', `/api/meetings/${meetingId}`));
    assert.deepEqual(meeting.attendance, {
      invited: 5,
      registered: 0,
      attended: 3,
      quorum: 3,
      hasQuorum: true,
    });
    const via = new Map((meeting.participants as Json[]).map((x) => [x.name as string, x.attendedVia]));
    assert.equal(via.get('成员0'), 'qr');
    assert.equal(via.get('成员1'), 'clerk');
    assert.equal(via.get('成员3'), null);

    const opened = await ok(
      cadre.request('POST', `/api/meetings/${meetingId}/decisions`, {
        type: 'approval',
        question: '是否同意加装方案',
        topicId: topic.id,
      }),
    );
    const decisionId = (opened.item as Json).id as string;
    const vote = (participantId: string, choice: string, origin: string, forParticipantId?: string) =>
      cadre.request('POST', `/api/decisions/${decisionId}/clerk-votes`, {
        participantId,
        origin,
        ballot: { choice },
        forParticipantId,
      });
    await ok(vote(byName('成员0'), 'approve', 'device'));
    await ok(vote(byName('成员1'), 'oppose', 'paper'));
    // 成员2 is present and carries 成员3's proxy.
    await ok(vote(byName('成员2'), 'approve', 'device', byName('成员3')));
    assert.equal((await vote(byName('成员0'), 'approve', 'device')).body.code, 'consultation.already_voted');
    assert.equal((await vote(byName('成员2'), 'approve', 'device', byName('区住建局代表'))).status, 400);
    // Absent people cannot vote for themselves.
    assert.equal(
      (await vote(byName('区住建局代表'), 'approve', 'paper')).body.code,
      'consultation.not_participant',
    );
    assert.equal((await vote(byName('成员2'), 'maybe', 'paper')).body.code, 'consultation.invalid_ballot');

    // Sealed until close, for the district admin as for anyone.
    const sealed = (await ok(admin.request('GET', `/api/decisions/${decisionId}`))).item as Json;
    assert.equal(sealed.result, null);
    assert.equal(sealed.ballotsCast, 3);
    const early = (await ok(pub('GET', `/api/public/councils/${councilId}`))).decisions as Json[];
    assert.equal(early.length, 0);

    // No minutes, no closing.
    const noMinutes = await cadre.request('POST', `/api/meetings/${meetingId}/close`);
    assert.equal(noMinutes.status, 422);
    assert.equal(noMinutes.body.code, 'consultation.minutes_required');

    const closed = (await ok(cadre.request('POST', `/api/decisions/${decisionId}/close`, {}))).item as Json;
    const result = closed.result as Json;
    assert.equal(result.outcome, 'passed');
    assert.deepEqual(result.totals, { approve: 2, oppose: 1, abstain: 0 });
    assert.equal(result.proxies, 1);
    await ok(
      cadre.request('PUT', `/api/meetings/${meetingId}/minutes`, { minutes: '会议同意加装电梯方案。' }),
    );
    await ok(cadre.request('POST', `/api/meetings/${meetingId}/close`));

    // Outcomes: one opens a case, one is tracked by progress updates; progress is the weighted sum.
    const leaf = ((await ok(pub('GET', '/api/public/catalogue'))).items as Json[]).find(
      (c) => (c.code as string).length === 6,
    )!;
    const withCase = (
      await ok(
        cadre.request('POST', `/api/councils/${councilId}/outcomes`, {
          title: '更换三号楼破损井盖',
          ownerUnit: '镇城管中队',
          deadline: '2099-12-31',
          weight: 1,
          topicId: topic.id,
          decisionId,
          case: { categoryCode: leaf.code },
        }),
      )
    ).item as Json;
    assert.equal(withCase.hasCase, true);
    assert.equal(withCase.caseState, 'reported');
    const plain = (
      await ok(
        cadre.request('POST', `/api/councils/${councilId}/outcomes`, {
          title: '制定费用分摊办法',
          ownerUnit: '社区居委会',
          deadline: '2099-12-31',
          weight: 3,
          topicId: topic.id,
        }),
      )
    ).item as Json;
    const early100 = await cadre.request('POST', `/api/outcomes/${withCase.id as string}/progress`, {
      progress: 100,
    });
    assert.equal(early100.body.code, 'workflow.transition_not_allowed');
    await ok(
      cadre.request('POST', `/api/outcomes/${plain.id as string}/progress`, { progress: 50, note: '已起草' }),
    );
    const topicView = await ok(cadre.request('GET', `/api/topics/${topic.id as string}`));
    assert.deepEqual(topicView.progress, { progress: 37.5, outcomes: 2 });

    // The case closes in the four-platform workflow (its state set directly here: the workflow has its own tests).
    const caseRow = await p.database.db
      .selectFrom('consultation_outcome')
      .select('case_id')
      .where('id', '=', withCase.id as string)
      .executeTakeFirstOrThrow();
    await p.database.db
      .updateTable('case_file')
      .set({ state: 'closed', closed_at: p.clock.now() })
      .where('id', '=', caseRow.case_id!)
      .execute();
    const followed = (await ok(cadre.request('GET', `/api/outcomes/${withCase.id as string}`))).item as Json;
    assert.equal(followed.status, 'done');
    assert.equal(followed.progress, 100);
    assert.equal(followed.caseState, 'closed');

    // A resident rates it poorly: it reopens, and stays reopened although its case is closed.
    const rated = await pub('POST', `/api/public/outcomes/${withCase.id as string}/ratings`, {
      phone: phone(5),
      rating: 'dissatisfied',
      comment: '井盖又松了',
    });
    assert.equal(rated.status, 200, JSON.stringify(rated.body));
    assert.equal((rated.body.item as Json).status, 'inProgress');
    assert.equal((rated.body.item as Json).reopenCount, 1);
    const reread = (await ok(cadre.request('GET', `/api/outcomes/${withCase.id as string}`))).item as Json;
    assert.equal(reread.status, 'inProgress');
    await ok(
      cadre.request('POST', `/api/outcomes/${withCase.id as string}/progress`, {
        progress: 100,
        note: '已加固',
      }),
    );
    const good = await pub('POST', `/api/public/outcomes/${withCase.id as string}/ratings`, {
      phone: phone(5),
      rating: 'satisfied',
    });
    assert.equal(good.status, 200, JSON.stringify(good.body));

    // The public page: the decision, the outcomes with progress, no person and no phone.
    const page = await pub('GET', `/api/public/councils/${councilId}`);
    assert.equal(page.status, 200);
    const text = JSON.stringify(page.body);
    assert.equal((page.body.decisions as Json[]).length, 1);
    assert.equal((page.body.outcomes as Json[]).length, 2);
    assert.doesNotMatch(text, /成员\d|王某|139\d{8}/);
    assert.equal(((page.body.outcomes as Json[])[0]!.ratings as Json).dissatisfied ?? 1, 1);

    const numbers = await ok(cadre.request('GET', `/api/councils/${councilId}/numbers`));
    const total = numbers.total as Json;
    assert.equal(total.meetingsHeld, 1);
    assert.equal(total.topicsReceived, 1);
    assert.equal(total.topicsHandled, 1);
    assert.equal(total.ratings, 2);
    assert.equal(total.satisfied, 1);
    assert.equal(total.outcomesDone, 1);
  });

  it('a topic without support expires after its window', async () => {
    const r = await pub('POST', `/api/public/councils/${councilId}/topics`, {
      title: '增设健身器材',
      body: '',
    });
    const id = (r.body.item as Json).id as string;
    await p.database.db
      .updateTable('consultation_topic')
      .set({ support_until: p.clock.now() - 1 })
      .where('id', '=', id)
      .execute();
    const late = await pub('POST', `/api/public/topics/${id}/support`, { phone: phone(77) });
    assert.equal(late.body.code, 'workflow.transition_not_allowed');
    const view = await ok(cadre.request('GET', `/api/topics/${id}`));
    assert.equal((view.item as Json).status, 'expired');
  });

  it('changes a scheduled meeting: time, place and agenda, telling its list; a decided topic stays on', async () => {
    const userId = async (username: string) =>
      (
        await p.database.db
          .selectFrom('app_user')
          .select('id')
          .where('username', '=', username)
          .executeTakeFirstOrThrow()
      ).id;
    await ok(
      cadre.request('POST', `/api/councils/${councilId}/members`, {
        name: '列席成员',
        kind: 'residentRep',
        userId: await userId('jinsha'),
      }),
    );
    const topicOf = async (title: string) => {
      const t = (
        await ok(
          cadre.request('POST', `/api/councils/${councilId}/topics`, { title, body: '', source: 'branch' }),
        )
      ).item as Json;
      if (t.status !== 'approved') {
        await ok(cadre.request('POST', `/api/topics/${t.id as string}/review`, { action: 'approve' }));
      }
      return t.id as string;
    };
    const [a, b, c] = [await topicOf('修缮村道'), await topicOf('增设路灯'), await topicOf('整治河塘')];
    const startsAt = p.clock.now() + 3 * 86_400_000;
    const meetingId = (
      (
        await ok(
          cadre.request('POST', `/api/councils/${councilId}/meetings`, {
            kind: 'council',
            title: '村务协商会',
            startsAt,
            topicIds: [a, b],
            invitees: [],
          }),
        )
      ).item as Json
    ).id as string;
    const status = async (id: string) =>
      ((await ok(cadre.request('GET', `/api/topics/${id}`))).item as Json).status;
    assert.equal(await status(a), 'scheduled');

    assert.equal((await cadre.request('PATCH', `/api/meetings/${meetingId}`, {})).status, 400);
    assert.equal(
      (await otherTown.request('PATCH', `/api/meetings/${meetingId}`, { place: '村委会' })).status,
      404,
      'another town’s cadre cannot see it',
    );
    const unchanged = await ok(cadre.request('PATCH', `/api/meetings/${meetingId}`, { startsAt }));
    assert.deepEqual(unchanged.changed, []);

    const changed = await ok(
      cadre.request('PATCH', `/api/meetings/${meetingId}`, {
        startsAt: startsAt + 86_400_000,
        place: '村委会二楼',
        topicIds: [b, c],
      }),
    );
    assert.deepEqual(changed.changed, ['startsAt', 'place', 'agenda']);
    assert.equal((changed.item as Json).startsAt, startsAt + 86_400_000);
    const meeting = await ok(cadre.request('GET', `/api/meetings/${meetingId}`));
    assert.deepEqual(
      (meeting.agenda as Json[]).map((t) => t.id),
      [b, c],
    );
    assert.ok((meeting.abilities as string[]).includes('edit'));
    assert.equal(await status(a), 'approved', 'taken off its only meeting, the topic is ready again');
    assert.equal(await status(c), 'scheduled');

    const told = await p.database.db
      .selectFrom('notification')
      .select(['event', 'title_zh'])
      .where('user_id', '=', await userId('jinsha'))
      .where('event', '=', 'consultation.changed')
      .execute();
    assert.deepEqual(told, [{ event: 'consultation.changed', title_zh: '议事会议变更：村务协商会' }]);

    await ok(
      cadre.request('POST', `/api/meetings/${meetingId}/decisions`, {
        type: 'consensus',
        question: '是否增设路灯',
        topicId: b,
      }),
    );
    const refused = await cadre.request('PATCH', `/api/meetings/${meetingId}`, { topicIds: [c] });
    assert.equal(refused.status, 422);
    assert.equal(refused.body.code, 'workflow.transition_not_allowed');
    assert.equal(await status(b), 'scheduled', 'nothing changed');
  });
});
