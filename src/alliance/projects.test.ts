import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { establishCouncils } from '../consultations/index.js';
import { manualClock, type ManualClock } from '../platform/clock.js';
import { DAY_MS, instantOfLocalDate } from '../platform/time.js';
import { CASE_STAGES } from '../testing/caseFixtures.js';
import { makeIdNumber } from '../members/index.js';
import { loginAs, startTestPlatform, type Session, type TestPlatform } from '../testing/testPlatform.js';

type Json = Record<string, unknown>;

// A fixed clock: 1 June 2026, 10:00 in the district.
const START = instantOfLocalDate('2026-06-01') + 10 * 3_600_000;

describe('the alliance’s joint meetings, brand projects, withdrawals and cancellations', () => {
  let p: TestPlatform;
  let clock: ManualClock;
  let jinsha: Session;
  let dongshi: Session;
  let shigang: Session;
  let ids: { town: string; village: string; otherVillage: string; school: string };
  let allianceId: string;

  const ok = (r: { status: number; body: Json }, status = 200) => {
    assert.equal(r.status, status, JSON.stringify(r.body));
    return r.body;
  };
  const fails = (r: { status: number; body: Json }, status: number, code: string) => {
    assert.equal(r.status, status, JSON.stringify(r.body));
    assert.equal(r.body.code, code);
  };

  before(async () => {
    clock = manualClock(START);
    p = await startTestPlatform({ SESSION_TTL_HOURS: '720' }, { stages: CASE_STAGES, orgScale: 0.02, clock });
    const zzb = await loginAs(p.app, 'zzb');
    jinsha = await loginAs(p.app, 'jinsha');
    dongshi = await loginAs(p.app, 'dongshi');
    shigang = await loginAs(p.app, 'shigang');
    const byCode = (code: string) =>
      p.database.db.selectFrom('org').select(['id']).where('code', '=', code).executeTakeFirstOrThrow();
    const town = await byCode('320612001');
    const village = await byCode('320612001001');
    const other = await p.database.db
      .selectFrom('org')
      .select('id')
      .where('parent_id', '=', town.id)
      .where('level', '=', 'village')
      .where('id', '!=', village.id)
      .executeTakeFirstOrThrow();
    const school = ok(
      await zzb.request('POST', '/api/orgs', {
        parentId: other.id,
        level: 'unit',
        type: 'school',
        name: '测试实验小学',
      }),
    );
    ids = {
      town: town.id,
      village: village.id,
      otherVillage: other.id,
      school: (school.item as Json).id as string,
    };
    const made = ok(
      await jinsha.request('POST', '/api/alliances', {
        orgId: ids.town,
        name: '金沙共同体',
        charter: '共建',
      }),
    );
    allianceId = (made.item as Json).id as string;
    for (const orgId of [ids.village, ids.school]) {
      ok(await jinsha.request('POST', `/api/alliances/${allianceId}/members`, { orgId, commitment: '共建' }));
    }
  });
  after(async () => {
    await p.close();
  });

  it('schedules a joint meeting, records it with minutes and those present, and calls one off', async () => {
    const base = `/api/alliances/${allianceId}/meetings`;
    const meeting = {
      title: '第二季度联席会议',
      place: '金沙街道党群服务中心',
      agenda: '需求清单对接',
      scheduledAt: START + 2 * DAY_MS,
    };
    fails(
      await jinsha.request('POST', base, { ...meeting, scheduledAt: START - DAY_MS }),
      422,
      'alliance.invalid',
    );
    // A member sees the meetings but does not call them.
    fails(await dongshi.request('POST', base, meeting), 403, 'auth.forbidden');
    const planned = ok(await jinsha.request('POST', base, meeting)).item as Json;
    const other = ok(await jinsha.request('POST', base, { ...meeting, title: '临时会议' })).item as Json;
    const held = `${base}/${planned.id as string}/held`;
    // Not held before its day.
    fails(
      await jinsha.request('POST', held, { minutes: '议定', attendeeOrgIds: [ids.village] }),
      422,
      'alliance.invalid',
    );
    clock.advance(2 * DAY_MS);
    // Only members are present.
    fails(
      await jinsha.request('POST', held, { minutes: '议定', attendeeOrgIds: [ids.otherVillage] }),
      422,
      'alliance.invalid',
    );
    const done = ok(
      await jinsha.request('POST', held, {
        minutes: '议定由学校开放操场，联系人电话 13905131234',
        attendeeOrgIds: [ids.village, ids.school, ids.village],
      }),
    ).item as Json;
    assert.equal(done.status, 'held');
    assert.ok(!(done.minutes as string).includes('13905131234'));
    assert.deepEqual(
      (done.attendees as Json[]).map((a) => a.orgId),
      [ids.village, ids.school],
    );
    assert.equal((done.attendees as Json[])[1]!.orgName, '测试实验小学');
    fails(
      await jinsha.request('POST', held, { minutes: '再记', attendeeOrgIds: [ids.village] }),
      409,
      'alliance.wrong_state',
    );
    const cancelled = ok(
      await jinsha.request('POST', `${base}/${other.id as string}/cancel`, { reason: '与区里会议冲突' }),
    ).item as Json;
    assert.equal(cancelled.status, 'cancelled');
    const list = ok(await dongshi.request('GET', base)).items as Json[];
    assert.deepEqual(new Set(list.map((m) => m.status)), new Set(['held', 'cancelled']));
    assert.equal(
      list.every((m) => !((m.abilities as Json).hold as boolean)),
      true,
    );
    // Another town does not see them, nor can it change one.
    assert.equal((await shigang.request('GET', base)).status, 404);
    assert.equal(
      (await shigang.request('POST', `${base}/${other.id as string}/cancel`, { reason: 'x' })).status,
      404,
    );
  });

  it('carries a brand project from declaration through incubation and filling to strengthening', async () => {
    const base = `/api/alliances/${allianceId}/brands`;
    // A member declares in its own name only.
    fails(
      await dongshi.request('POST', base, { leadOrgId: ids.school, title: '代申报', summary: '不行' }),
      403,
      'auth.forbidden',
    );
    const declared = ok(
      await dongshi.request('POST', base, {
        leadOrgId: ids.village,
        title: '“邻里守望”社区品牌',
        summary: '整合学校、医院资源，打造一老一小服务品牌',
      }),
    ).item as Json;
    assert.equal(declared.stage, 'declared');
    const one = `${base}/${declared.id as string}`;
    const move = (s: Session, stage: string, reason = '') =>
      s.request('POST', `${one}/stage`, { stage, reason });
    fails(await move(jinsha, 'filling'), 409, 'alliance.wrong_state');
    // The lead does not accept its own declaration.
    fails(await move(dongshi, 'incubating'), 403, 'auth.forbidden');
    fails(
      await jinsha.request('POST', `${one}/reviews`, { score: 4, note: '尚未孵化' }),
      409,
      'alliance.wrong_state',
    );
    ok(await move(jinsha, 'incubating', '同意孵化'));
    ok(await jinsha.request('POST', `${one}/reviews`, { score: 3, note: '缺少专业师资' }));
    // Filling needs the chain built: a partner.
    fails(await move(jinsha, 'filling'), 409, 'alliance.wrong_state');
    fails(
      await dongshi.request('POST', `${one}/partners`, { orgId: ids.otherVillage, contribution: '场地' }),
      422,
      'alliance.invalid',
    );
    const withPartner = ok(
      await dongshi.request('POST', `${one}/partners`, {
        orgId: ids.school,
        contribution: '每周开放操场与师资',
      }),
    );
    assert.equal(((withPartner.item as Json).partners as Json[])[0]!.orgName, '测试实验小学');
    ok(await move(jinsha, 'filling', '进入补链'));
    const withMilestone = ok(
      await dongshi.request('POST', `${one}/milestones`, {
        title: '招募 20 名志愿者',
        note: '',
        dueAt: clock.now() + 30 * DAY_MS,
      }),
    );
    const milestone = (withMilestone.events as Json[]).find((e) => e.kind === 'milestone')!;
    // A review in filling, but a milestone is still open.
    ok(await jinsha.request('POST', `${one}/reviews`, { score: 5, note: '短板已补' }));
    fails(await move(jinsha, 'strengthening'), 409, 'alliance.wrong_state');
    clock.advance(DAY_MS);
    ok(
      await dongshi.request('POST', `${one}/milestones/${milestone.id as string}/done`, {
        note: '已招募 22 名',
      }),
    );
    fails(
      await dongshi.request('POST', `${one}/milestones/${milestone.id as string}/done`, { note: '' }),
      409,
      'alliance.wrong_state',
    );
    clock.advance(DAY_MS);
    const strong = ok(await move(jinsha, 'strengthening', '推广'));
    assert.equal((strong.item as Json).stage, 'strengthening');
    assert.deepEqual(
      (strong.events as Json[]).filter((e) => e.kind === 'stage').map((e) => e.stage),
      ['declared', 'incubating', 'filling', 'strengthening'],
    );
    // The members' view and the public showcase.
    assert.equal(
      ((ok(await dongshi.request('GET', base)).items as Json[])[0]!.abilities as Json).review,
      false,
    );
    const show = await p.app.inject({ method: 'GET', url: `/api/public/alliances/${allianceId}/brands` });
    assert.equal(show.statusCode, 200);
    const shown = show.json<{ items: Json[] }>().items;
    assert.equal(shown.length, 1);
    assert.equal(shown[0]!.leadName !== '', true);
    assert.equal((shown[0]!.milestones as Json[])[0]!.doneAt !== null, true);
    assert.equal(JSON.stringify(shown).includes('短板'), false, 'reviews stay inside');
    assert.equal((await shigang.request('GET', one)).status, 404);
  });

  it('declines a declaration, and then the project takes no more changes', async () => {
    const base = `/api/alliances/${allianceId}/brands`;
    const b = ok(
      await dongshi.request('POST', base, { leadOrgId: ids.village, title: '试点', summary: '试' }),
    ).item as Json;
    const one = `${base}/${b.id as string}`;
    fails(
      await jinsha.request('POST', `${one}/stage`, { stage: 'declined', reason: '' }),
      422,
      'alliance.invalid',
    );
    ok(await jinsha.request('POST', `${one}/stage`, { stage: 'declined', reason: '与已有项目重复' }));
    fails(
      await dongshi.request('POST', `${one}/partners`, { orgId: ids.school, contribution: '场地' }),
      409,
      'alliance.wrong_state',
    );
    const show = await p.app.inject({ method: 'GET', url: `/api/public/alliances/${allianceId}/brands` });
    assert.equal(
      show.json<{ items: Json[] }>().items.some((x) => x.id === b.id),
      false,
    );
  });

  it('withdraws an item and cancels an agreement, freeing the offer for the demand again', async () => {
    const items = `/api/alliances/${allianceId}/items`;
    const resource = ok(
      await jinsha.request('POST', items, {
        ownerOrgId: ids.school,
        list: 'resource',
        kind: 'venue',
        title: '学校操场',
        detail: '周末开放',
        quantity: 2,
      }),
    ).item as Json;
    const demand = ok(
      await dongshi.request('POST', items, {
        ownerOrgId: ids.village,
        list: 'demand',
        kind: 'venue',
        title: '暑期托管场地',
        detail: '',
        quantity: 2,
      }),
    ).item as Json;
    const agreed = ok(
      await dongshi.request('POST', `${items}/${demand.id as string}/matches`, {
        offerId: resource.id,
        dueAt: clock.now() + 10 * DAY_MS,
        commitment: '学校暑期开放操场',
      }),
    ).item as Json;
    const status = async (id: string) =>
      (ok(await jinsha.request('GET', `${items}/${id}`)).item as Json).status;
    assert.equal(await status(resource.id as string), 'matched');
    // Not withdrawn while the agreement is under way: neither offered, in the item or in the list, nor accepted.
    const mayWithdraw = async (id: string) => {
      const one = (ok(await jinsha.request('GET', `${items}/${id}`)).item as Json).abilities as Json;
      const listed = (ok(await jinsha.request('GET', `${items}?limit=200`)).items as Json[]).find(
        (i) => i.id === id,
      )!.abilities as Json;
      assert.equal(one.withdraw, listed.withdraw, 'the item and the list agree');
      return one.withdraw;
    };
    assert.equal(await mayWithdraw(resource.id as string), false);
    assert.equal(await mayWithdraw(demand.id as string), false);
    fails(
      await jinsha.request('POST', `${items}/${resource.id as string}/withdraw`, { reason: '改作他用' }),
      409,
      'alliance.wrong_state',
    );
    // Another town cannot cancel it; a side can.
    const cancelUrl = `/api/alliances/${allianceId}/matches/${agreed.id as string}/cancel`;
    assert.equal((await shigang.request('POST', cancelUrl, { reason: 'x' })).status, 404);
    const cancelled = ok(await dongshi.request('POST', cancelUrl, { reason: '托管改在社区内' })).item as Json;
    assert.equal(cancelled.status, 'cancelled');
    assert.equal(await status(resource.id as string), 'open');
    assert.equal(await status(demand.id as string), 'open');
    assert.equal(await mayWithdraw(resource.id as string), true, 'free again, it may be withdrawn');
    fails(await dongshi.request('POST', cancelUrl, { reason: '再取消' }), 409, 'alliance.wrong_state');
    // The demand's owner withdraws it; the school's resource is not the community's to withdraw.
    fails(
      await dongshi.request('POST', `${items}/${resource.id as string}/withdraw`, { reason: '不要' }),
      403,
      'auth.forbidden',
    );
    const withdrawn = ok(
      await dongshi.request('POST', `${items}/${demand.id as string}/withdraw`, { reason: '已解决' }),
    ).item as Json;
    assert.equal(withdrawn.status, 'withdrawn');
    fails(
      await dongshi.request('POST', `${items}/${demand.id as string}/withdraw`, { reason: '再撤' }),
      409,
      'alliance.wrong_state',
    );
  });

  it('names the consultation outcome a demand was born of, only one of the owner’s own area', async () => {
    const db = p.database.db;
    const town = await db
      .selectFrom('org')
      .select('path')
      .where('id', '=', ids.town)
      .executeTakeFirstOrThrow();
    await establishCouncils(db, p.database.dialect, { path: town.path }, clock.now());
    const councilOf = async (orgId: string) =>
      db
        .selectFrom('consultation_council')
        .select('id')
        .where('org_id', '=', orgId)
        .executeTakeFirstOrThrow();
    const pathOf = async (orgId: string) =>
      (await db.selectFrom('org').select('path').where('id', '=', orgId).executeTakeFirstOrThrow()).path;
    const outcome = async (orgId: string, title: string) => {
      const id = `outcome-${title}`;
      await db
        .insertInto('consultation_outcome')
        .values({
          id,
          council_id: (await councilOf(orgId)).id,
          topic_id: null,
          decision_id: null,
          org_path: await pathOf(orgId),
          title,
          owner_unit: '社区居委会',
          deadline_at: clock.now() + 30 * DAY_MS,
          weight: 1,
          progress: 0,
          status: 'assigned',
          case_id: null,
          case_state: null,
          done_at: null,
          reopen_count: 0,
          created_at: clock.now(),
          updated_at: clock.now(),
        })
        .execute();
      return id;
    };
    const own = await outcome(ids.village, '加装楼道扶手');
    const theirs = await outcome(ids.otherVillage, '修缮文化广场');
    const items = `/api/alliances/${allianceId}/items`;
    const demand = (source: string, sourceId: string | null) =>
      dongshi.request('POST', items, {
        ownerOrgId: ids.village,
        list: 'demand',
        kind: 'funds',
        title: '楼道扶手经费',
        detail: '',
        source,
        sourceId,
      });
    const made = ok(await demand('consultation', own)).item as Json;
    assert.equal(made.sourceId, own);
    assert.equal(made.source, 'consultation');
    // Another community's outcome, an unknown appeal, or a link on a demand of its own making: refused, nothing written.
    const before = await db.selectFrom('alliance_item').select('id').execute();
    fails(await demand('consultation', theirs), 422, 'alliance.invalid');
    fails(await demand('appeal', 'no-such-appeal'), 422, 'alliance.invalid');
    fails(await demand('own', own), 422, 'alliance.invalid');
    assert.equal((await db.selectFrom('alliance_item').select('id').execute()).length, before.length);

    // An appeal of the community's own chain is named; one of another village's chain is not the community's to see.
    const admin = await loginAs(p.app, 'admin');
    const made2 = async (url: string, body: Json) =>
      (ok(await admin.request('POST', url, body)).item as Json).id as string;
    let seq = 0;
    const appeal = async (villageId: string, code: string) => {
      const branchId = await made2('/api/orgs', {
        parentId: villageId,
        level: 'branch',
        type: 'branch',
        name: `${code}支部`,
      });
      const groupId = await made2('/api/orgs', {
        parentId: branchId,
        level: 'group',
        type: 'group',
        name: `${code}小组`,
      });
      const headId = await made2('/api/members', {
        name: `${code}中心户`,
        ethnicity: '汉族',
        education: 'college',
        idNumber: makeIdNumber('320612', '1970-01-01', ++seq),
        phone: null,
        joinedOn: '1995-07-01',
        status: 'full',
        branchId,
        groupId,
        communityId: null,
      });
      const centralId = await made2('/api/central-households', { groupId, headMemberId: headId, name: null });
      const householdId = await made2('/api/households', {
        villageId,
        headName: `${code}住户`,
        address: `东市路${seq}号`,
        size: 3,
      });
      ok(
        await admin.request('POST', `/api/households/${householdId}/link`, { centralHouseholdId: centralId }),
      );
      const id = `appeal-${code}`;
      await db
        .insertInto('linkage_appeal')
        .values({
          id,
          tracking_code: `T${code}`,
          household_id: householdId,
          central_household_id: centralId,
          // Where the chain keeps it: the central household's party group.
          org_path: await pathOf(groupId),
          text: '楼道扶手松动，老人上下楼不便',
          status: 'open',
          level: 'village',
          level_org_id: villageId,
          highest_level: 'village',
          concluded_level: null,
          outcome: null,
          case_id: null,
          topic_id: null,
          is_overdue: 0,
          level_since: clock.now(),
          due_at: null,
          recorded_at: clock.now(),
          concluded_at: null,
          updated_at: clock.now(),
        })
        .execute();
      return id;
    };
    const ownAppeal = await appeal(ids.village, 'A1');
    const theirAppeal = await appeal(ids.otherVillage, 'B1');
    const linked = ok(await demand('appeal', ownAppeal)).item as Json;
    assert.deepEqual([linked.source, linked.sourceId], ['appeal', ownAppeal]);
    const countBefore = (await db.selectFrom('alliance_item').select('id').execute()).length;
    fails(await demand('appeal', theirAppeal), 422, 'alliance.invalid');
    assert.equal((await db.selectFrom('alliance_item').select('id').execute()).length, countBefore);
  });

  it('gives a merged member’s place in meetings, brand chains and the membership to the one it merged into', async () => {
    const admin = await loginAs(p.app, 'admin');
    ok(
      await jinsha.request('POST', `/api/alliances/${allianceId}/members`, {
        orgId: ids.otherVillage,
        commitment: '开放活动室',
      }),
    );
    const meetings = `/api/alliances/${allianceId}/meetings`;
    const planned = ok(
      await jinsha.request('POST', meetings, {
        title: '第三季度联席会议',
        place: '金沙街道党群服务中心',
        agenda: '品牌项目推进',
        scheduledAt: clock.now() + DAY_MS,
      }),
    ).item as Json;
    clock.advance(DAY_MS);
    ok(
      await jinsha.request('POST', `${meetings}/${planned.id as string}/held`, {
        minutes: '议定',
        attendeeOrgIds: [ids.village, ids.otherVillage, ids.school],
      }),
    );
    const brands = `/api/alliances/${allianceId}/brands`;
    const declare = async (s: Session, leadOrgId: string, partners: [string, string][]) => {
      const brand = ok(
        await s.request('POST', brands, { leadOrgId, title: '“睦邻”品牌', summary: '邻里互助' }),
      ).item as Json;
      const one = `${brands}/${brand.id as string}`;
      ok(await jinsha.request('POST', `${one}/stage`, { stage: 'incubating', reason: '同意' }));
      for (const [orgId, contribution] of partners) {
        ok(await s.request('POST', `${one}/partners`, { orgId, contribution }));
      }
      return one;
    };
    // The school leads one chain with both villages; the village leads another with its neighbour.
    const schoolLed = await declare(jinsha, ids.school, [
      [ids.village, '组织居民'],
      [ids.otherVillage, '提供场地'],
    ]);
    const villageLed = await declare(dongshi, ids.village, [[ids.otherVillage, '提供场地']]);

    ok(await admin.request('POST', `/api/orgs/${ids.village}/merge`, { intoId: ids.otherVillage }));

    const members = ok(await jinsha.request('GET', `/api/alliances/${allianceId}`)).members as Json[];
    const memberIds = members.map((m) => m.orgId);
    assert.ok(!memberIds.includes(ids.village), 'the merged village is no member any more');
    assert.equal(memberIds.filter((id) => id === ids.otherVillage).length, 1);
    const held = (ok(await jinsha.request('GET', meetings)).items as Json[]).find(
      (m) => m.id === planned.id,
    )!;
    assert.deepEqual(
      (held.attendees as Json[]).map((a) => a.orgId),
      [ids.otherVillage, ids.school],
    );
    const chain = async (one: string) => {
      const item = ok(await jinsha.request('GET', one)).item as Json;
      return {
        lead: item.leadOrgId,
        partners: (item.partners as Json[]).map((x) => [x.orgId, x.contribution]),
      };
    };
    assert.deepEqual(await chain(schoolLed), {
      lead: ids.school,
      partners: [[ids.otherVillage, '组织居民；提供场地']],
    });
    assert.deepEqual(await chain(villageLed), { lead: ids.otherVillage, partners: [] });
  });
});
