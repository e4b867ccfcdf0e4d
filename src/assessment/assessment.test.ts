import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { localYear } from '../platform/time.js';
import {
  call,
  loginAs,
  startTestPlatform,
  testClock,
  type Session,
  type TestPlatform,
} from '../testing/testPlatform.js';

type Json = Record<string, unknown>;
type Line = {
  code: string;
  kind: string;
  isComputed: boolean;
  points: number;
  maxPoints: number;
  selfPoints: number | null;
};

describe('assessment: the cycle through the API, with scope, refusals and an objection that changes a score', () => {
  const clock = testClock();
  let p: TestPlatform;
  let zzb: Session;
  let town: Session;
  let otherTown: Session;
  let village: Session;
  let year = 0;
  let sheetId = '';

  const ok = async (res: Promise<{ status: number; body: Json }>) => {
    const r = await res;
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body;
  };
  const refused = async (res: Promise<{ status: number; body: Json }>, status: number, code: string) => {
    const r = await res;
    assert.equal(r.status, status, JSON.stringify(r.body));
    assert.equal(r.body.code, code);
  };
  const sheet = async (s: Session) => ok(s.request('GET', `/api/assessment/sheets/${sheetId}`));
  const linesOf = (view: Json) => view.lines as Line[];

  before(async () => {
    p = await startTestPlatform({}, { clock });
    year = localYear(clock.now());
    zzb = await loginAs(p.app, 'zzb');
    town = await loginAs(p.app, 'jinsha');
    otherTown = await loginAs(p.app, 'shigang');
    village = await loginAs(p.app, 'dongshi');
  });
  after(async () => {
    await p.close();
  });

  it('saves a tree version until the cycle opens; then the tree is frozen', async () => {
    const view = await ok(zzb.request('GET', `/api/assessment/trees/${year}`));
    assert.equal(view.isSaved, false);
    const tree = view.tree as Json;
    await refused(village.request('PUT', `/api/assessment/trees/${year}`, { tree }), 403, 'auth.forbidden');
    const saved = await ok(
      zzb.request('PUT', `/api/assessment/trees/${year}`, { tree: { ...tree, noticeDays: 5 } }),
    );
    assert.equal(saved.version, 1);
    const bad = structuredClone(tree) as { stars: { items: { points: number }[] }[] };
    bad.stars[0]!.items[0]!.points += 1;
    await refused(
      zzb.request('PUT', `/api/assessment/trees/${year}`, { tree: bad }),
      422,
      'assessment.invalid_tree',
    );

    const opened = await ok(zzb.request('POST', `/api/assessment/cycles/${year}`));
    assert.equal(opened.sheets, 278);
    await refused(zzb.request('POST', `/api/assessment/cycles/${year}`), 409, 'assessment.cycle_exists');
    await refused(
      zzb.request('PUT', `/api/assessment/trees/${year}`, { tree }),
      409,
      'assessment.tree_frozen',
    );
    const frozen = await ok(zzb.request('GET', `/api/assessment/trees/${year}`));
    assert.equal(typeof frozen.frozenAt, 'number');
    assert.ok((frozen.computedShare as { share: number }).share >= 0.8);
  });

  it('a village sees only itself; its town sees its villages; another town and the public do not', async () => {
    const mine = (await ok(village.request('GET', `/api/assessment/cycles/${year}/sheets`))).items as Json[];
    assert.equal(mine.length, 1);
    sheetId = mine[0]!.id as string;
    const townSheets = (await ok(town.request('GET', `/api/assessment/cycles/${year}/sheets`)))
      .items as Json[];
    assert.ok(townSheets.length > 1 && townSheets.length < 278);
    assert.ok(townSheets.some((s) => s.id === sheetId));
    await refused(otherTown.request('GET', `/api/assessment/sheets/${sheetId}`), 404, 'record.not_found');
    assert.equal((await call(p.app, 'GET', `/api/assessment/sheets/${sheetId}`)).status, 401);
    const notices = await call(p.app, 'GET', '/api/public/assessment/notices');
    assert.deepEqual(notices.body.items, []);
  });

  it('the village self-assesses: refusals for range, computed lines and missing evidence', async () => {
    const view = await ok(village.request('POST', `/api/assessment/sheets/${sheetId}/refresh`));
    const lines = linesOf(view);
    const typed = lines.find((l) => l.code === 'lead.orgLife')!;
    assert.equal(typed.isComputed, false);
    const computed = lines.find((l) => l.code === 'lead.secretary')!;
    assert.equal(computed.isComputed, true);
    const self = (code: string, body: Json) =>
      village.request('PUT', `/api/assessment/sheets/${sheetId}/lines/${code}/self`, body);
    await refused(self('lead.orgLife', { points: 21 }), 422, 'assessment.score_out_of_range');
    await refused(self('lead.orgLife', { points: -1 }), 422, 'assessment.score_out_of_range');
    await refused(self('basic.systems', { points: 0.5 }), 422, 'assessment.score_out_of_range');
    await refused(self('lead.secretary', { points: 10 }), 422, 'assessment.line_computed');
    await ok(self('lead.orgLife', { points: 18, note: '全年三会一课记录齐全，联系人 13912345678' }));
    await ok(self('basic.systems', { points: 1 }));
    await refused(
      village.request('POST', `/api/assessment/sheets/${sheetId}/submit`),
      422,
      'assessment.evidence_required',
    );
    // Evidence is attached once and cited by both lines.
    const evidence = await ok(
      village.request('POST', `/api/assessment/sheets/${sheetId}/evidence`, {
        kind: 'record',
        title: '党建活动记录汇编',
        url: '/consultations',
      }),
    );
    const evidenceId = (evidence.item as Json).id as string;
    await refused(
      village.request('POST', `/api/assessment/sheets/${sheetId}/evidence`, {
        kind: 'link',
        title: 'x',
        url: 'javascript:alert(1)',
      }),
      400,
      'request.invalid',
    );
    await ok(self('lead.orgLife', { evidenceIds: [evidenceId] }));
    await ok(self('basic.systems', { evidenceIds: [evidenceId] }));
    const library = await ok(village.request('GET', `/api/assessment/sheets/${sheetId}/evidence`));
    assert.equal((library.items as Json[]).length, 1);

    const after = await sheet(village);
    const orgLife = linesOf(after).find((l) => l.code === 'lead.orgLife')! as Line & { selfNote: string };
    assert.equal(orgLife.selfPoints, 18);
    assert.doesNotMatch(orgLife.selfNote, /13912345678/);
    const submitted = await ok(village.request('POST', `/api/assessment/sheets/${sheetId}/submit`));
    assert.equal((submitted.item as Json).status, 'submitted');
    await refused(self('lead.orgLife', { points: 19 }), 409, 'assessment.not_editable');
  });

  it('the town reviews item by item; a change needs a reason; the district approves', async () => {
    const review = (code: string, body: Json) =>
      town.request('PUT', `/api/assessment/sheets/${sheetId}/lines/${code}/review`, body);
    await refused(
      village.request('PUT', `/api/assessment/sheets/${sheetId}/lines/lead.orgLife/review`, {
        points: 20,
        reason: 'x',
      }),
      403,
      'auth.forbidden',
    );
    await refused(review('lead.orgLife', { points: 15, reason: '  ' }), 422, 'assessment.reason_required');
    await refused(
      review('lead.orgLife', { points: 25, reason: '超出' }),
      422,
      'assessment.score_out_of_range',
    );
    await refused(
      otherTown.request('PUT', `/api/assessment/sheets/${sheetId}/lines/lead.orgLife/review`, {
        points: 15,
        reason: '越权',
      }),
      404,
      'record.not_found',
    );
    const before = (await sheet(town)).score as { stars: { code: string; score: number }[] };
    await ok(review('lead.orgLife', { points: 15, reason: '查阅记录，第三季度主题党日缺一次' }));
    const reviewed = await sheet(town);
    const line = linesOf(reviewed).find((l) => l.code === 'lead.orgLife')! as Line & {
      adjustedReason: string;
    };
    assert.equal(line.points, 15);
    assert.equal(line.selfPoints, 18);
    assert.equal(line.adjustedReason, '查阅记录，第三季度主题党日缺一次');
    const lead = (v: Json) =>
      (v.score as { stars: { code: string; score: number }[] }).stars.find((s) => s.code === 'lead')!;
    assert.equal(lead(reviewed).score, before.stars.find((s) => s.code === 'lead')!.score - 3);

    await refused(
      zzb.request('POST', `/api/assessment/sheets/${sheetId}/approve`),
      422,
      'workflow.transition_not_allowed',
    );
    await ok(town.request('POST', `/api/assessment/sheets/${sheetId}/complete-review`));
    await refused(review('lead.orgLife', { points: 16, reason: '再改' }), 409, 'assessment.not_editable');
    const approved = await ok(zzb.request('POST', `/api/assessment/sheets/${sheetId}/approve`));
    assert.equal((approved.item as Json).status, 'approved');
    const log = (
      approved.changes as { kind: string; actorName: string; reason: string | null; at: number }[]
    ).map((c) => [c.kind, c.actorName, c.reason]);
    assert.deepEqual(log, [
      ['self', '东市社区书记', '全年三会一课记录齐全，联系人 139****5678'],
      ['self', '东市社区书记', null],
      ['status.submit', '东市社区书记', null],
      ['review', '金沙街道指挥中心', '查阅记录，第三季度主题党日缺一次'],
      ['status.completeReview', '金沙街道指挥中心', null],
      ['status.approve', '区委组织部', null],
    ]);
  });

  it('the public sees the notice; an objection is answered and changes a score; stars follow the notice', async () => {
    const published = await ok(zzb.request('POST', `/api/assessment/cycles/${year}/notices`, {}));
    assert.equal(published.sheets, 1);
    const noticeId = (published.item as Json).id as string;
    await refused(
      zzb.request('POST', `/api/assessment/cycles/${year}/notices`, {}),
      422,
      'assessment.nothing_approved',
    );
    const list = await call(p.app, 'GET', '/api/public/assessment/notices');
    assert.equal((list.body.items as Json[]).length, 1);
    const page = await call(p.app, 'GET', `/api/public/assessment/notices/${noticeId}`);
    const villages = page.body.villages as {
      sheetId: string;
      orgName: string;
      stars: { code: string; score: number }[];
    }[];
    assert.deepEqual(
      villages.map((v) => v.orgName),
      ['东市社区'],
    );

    const filed = await call(p.app, 'POST', `/api/public/assessment/notices/${noticeId}/objections`, {
      body: { sheetId, lineCode: 'lead.orgLife', body: '三会一课实际开展不足，请核实。电话 13912345678' },
    });
    assert.equal(filed.status, 200, JSON.stringify(filed.body));
    const code = filed.body.code as string;
    const mine = await call(p.app, 'GET', `/api/public/assessment/objections/${code}`);
    assert.equal((mine.body.item as Json).status, 'open');
    await refused(
      zzb.request('POST', `/api/assessment/notices/${noticeId}/close`),
      422,
      'assessment.notice_running',
    );

    const staff = (await ok(zzb.request('GET', '/api/assessment/objections?status=open'))).items as Json[];
    assert.equal(staff.length, 1);
    assert.doesNotMatch(staff[0]!.body as string, /13912345678/);
    // The village does not see other villages' objections, nor answer them.
    await refused(
      village.request('POST', `/api/assessment/objections/${staff[0]!.id as string}/answer`, {
        answer: '自己答复',
      }),
      403,
      'auth.forbidden',
    );
    await refused(
      zzb.request('POST', `/api/assessment/objections/${staff[0]!.id as string}/answer`, {
        answer: '',
        points: 12,
      }),
      422,
      'assessment.reason_required',
    );
    await ok(
      zzb.request('POST', `/api/assessment/objections/${staff[0]!.id as string}/answer`, {
        answer: '经核实第四季度缺少一次组织生活会，调减 3 分',
        points: 12,
      }),
    );
    const answered = await call(p.app, 'GET', `/api/public/assessment/objections/${code}`);
    assert.deepEqual(
      [(answered.body.item as Json).status, (answered.body.item as Json).changedPoints],
      ['answered', 12],
    );
    const afterObjection = await sheet(zzb);
    assert.equal(linesOf(afterObjection).find((l) => l.code === 'lead.orgLife')!.points, 12);
    const last = (afterObjection.changes as { kind: string; from: number; to: number; reason: string }[]).at(
      -1,
    )!;
    assert.deepEqual(
      [last.kind, last.from, last.to, last.reason],
      ['objection', 15, 12, '经核实第四季度缺少一次组织生活会，调减 3 分'],
    );
    const publicAfter = await call(p.app, 'GET', `/api/public/assessment/notices/${noticeId}`);
    const leadBefore = villages[0]!.stars.find((s) => s.code === 'lead')!.score;
    const leadAfter = (publicAfter.body.villages as typeof villages)[0]!.stars.find(
      (s) => s.code === 'lead',
    )!.score;
    assert.equal(leadAfter, leadBefore - 3);

    // The staff list is the year's, newest first, a page at a time.
    for (const text of ['第二条异议：活动记录不全', '第三条异议：评分偏高']) {
      const more = await call(p.app, 'POST', `/api/public/assessment/notices/${noticeId}/objections`, {
        body: { sheetId, body: text },
      });
      assert.equal(more.status, 200, JSON.stringify(more.body));
    }
    const first = await ok(zzb.request('GET', `/api/assessment/objections?year=${year}&limit=2`));
    const firstItems = first.items as Json[];
    assert.deepEqual(
      firstItems.map((o) => o.body),
      ['第三条异议：评分偏高', '第二条异议：活动记录不全'],
    );
    assert.equal(typeof first.nextCursor, 'string');
    const second = await ok(
      zzb.request(
        'GET',
        `/api/assessment/objections?year=${year}&limit=2&cursor=${encodeURIComponent(first.nextCursor as string)}`,
      ),
    );
    assert.deepEqual([(second.items as Json[]).map((o) => o.id), second.nextCursor], [[staff[0]!.id], null]);
    const otherYear = await ok(zzb.request('GET', `/api/assessment/objections?year=${year - 1}`));
    assert.deepEqual([(otherYear.items as Json[]).length, otherYear.nextCursor], [0, null]);
    await refused(zzb.request('GET', '/api/assessment/objections?limit=0'), 400, 'request.invalid');

    // A notice closes only once every objection is answered.
    for (const o of firstItems) {
      await ok(
        zzb.request('POST', `/api/assessment/objections/${o.id as string}/answer`, {
          answer: '经核实，维持原结果',
        }),
      );
    }

    // Five days later the notice closes and the stars are decided, each with its reason.
    clock.shiftTo(clock.now() + 5 * 86_400_000 + 60_000);
    const late = await call(p.app, 'POST', `/api/public/assessment/notices/${noticeId}/objections`, {
      body: { sheetId, body: '公示期已过后的异议' },
    });
    assert.equal(late.body.code, 'assessment.notice_closed');
    // Sessions slide for hours, not days: sign in again after the notice's five days.
    zzb = await loginAs(p.app, 'zzb');
    village = await loginAs(p.app, 'dongshi');
    const closed = await ok(zzb.request('POST', `/api/assessment/notices/${noticeId}/close`));
    const awards = closed.awards as {
      id: string;
      level: number;
      movement: string;
      reason: string;
      previousLevel: number;
    }[];
    assert.equal(awards.length, 1);
    const final = await sheet(village);
    assert.equal((final.item as Json).status, 'final');
    const earned = (final.score as { earned: string[] }).earned.length;
    // Nothing held before, so at most one level this year (the rise limit).
    assert.equal(awards[0]!.level, Math.min(earned, 1));
    assert.equal(awards[0]!.previousLevel, 0);

    // By hand: beyond the rise limit, or beyond the stars earned, is refused; a reason is required.
    await refused(
      zzb.request('PUT', `/api/assessment/awards/${awards[0]!.id}`, { level: 2, reason: '破格' }),
      422,
      earned >= 2 ? 'assessment.rise_too_far' : 'assessment.star_not_earned',
    );
    await refused(
      zzb.request('PUT', `/api/assessment/awards/${awards[0]!.id}`, { level: 0, reason: '' }),
      422,
      'assessment.reason_required',
    );
  });
  it('puts the decided stars on the command view, for the district and per town', async () => {
    const district = await zzb.request('GET', '/api/command/screen');
    assert.equal(district.status, 200, JSON.stringify(district.body));
    type Tile = {
      code: string;
      figures: { key: string; value: number | null }[];
      byChild: { items: { id: string; value: number | null }[] };
    };
    const stars = (district.body.tiles as Tile[]).find((t) => t.code === 'assessment.stars');
    assert.ok(stars, 'the stars tile is on the district screen');
    const awards = await p.database.db.selectFrom('assessment_award').select(['level', 'org_path']).execute();
    assert.equal(awards.length, 1);
    const value = (key: string) => stars.figures.find((f) => f.key === key)!.value;
    assert.equal(value('assessed'), 1);
    assert.equal(value('fiveStars'), awards.filter((a) => a.level === 5).length);
    assert.equal(value('averageLevel'), awards[0]!.level);
    // The town the village belongs to carries its level; the other towns have none assessed.
    const towns = stars.byChild.items.filter((i) => i.value !== null);
    assert.equal(towns.length, 1);
    assert.ok(awards[0]!.org_path.includes(`/${towns[0]!.id}/`));
    assert.equal(towns[0]!.value, awards[0]!.level);
    // A village's screen does not carry the tile (the stars are the town's and district's business).
    const own = await village.request('GET', '/api/command/screen');
    assert.equal(own.status, 200, JSON.stringify(own.body));
    assert.ok(!(own.body.tiles as Tile[]).some((t) => t.code === 'assessment.stars'));
  });
});
