import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { manualClock, type ManualClock } from '../platform/clock.js';
import { DAY_MS, instantOfLocalDate } from '../platform/time.js';
import { CASE_STAGES } from '../testing/caseFixtures.js';
import { loginAs, startTestPlatform, type Session, type TestPlatform } from '../testing/testPlatform.js';
import { rankOffers } from './suggestOffers.js';
import type { ItemRow } from './repository.js';

type Json = Record<string, unknown>;

// A fixed clock: 1 June 2026, 10:00 in the district.
const START = instantOfLocalDate('2026-06-01') + 10 * 3_600_000;

const item = (over: Partial<ItemRow>): ItemRow => ({
  id: 'x',
  alliance_id: 'a',
  owner_org_id: 'o',
  owner_path: '/d/t/v/',
  list: 'resource',
  kind: 'venue',
  title: '',
  detail: '',
  quantity: null,
  available_from: null,
  available_to: null,
  needed_by: null,
  source: 'own',
  source_id: null,
  status: 'open',
  created_by: null,
  created_at: 0,
  updated_at: 0,
  ...over,
});

describe('suggestions for a demand (hand-built)', () => {
  const now = 1_000_000;
  const demand = item({
    id: 'd',
    list: 'demand',
    owner_org_id: 'community',
    owner_path: '/d/t1/v1/',
    quantity: 4,
    needed_by: now + 10 * DAY_MS,
  });

  it('puts the best offer first and leaves out what cannot meet the demand', () => {
    const offers = [
      item({ id: 'far', owner_org_id: 'u3', owner_path: '/d/t2/v9/u3/', quantity: 10, created_at: 1 }),
      item({ id: 'near', owner_org_id: 'u1', owner_path: '/d/t1/v1/u1/', quantity: 10, created_at: 2 }),
      item({ id: 'town', owner_org_id: 'u2', owner_path: '/d/t1/v2/u2/', quantity: 10, created_at: 3 }),
      item({ id: 'kind', kind: 'funds', owner_org_id: 'u4', owner_path: '/d/t1/v1/u4/', quantity: 10 }),
      item({ id: 'own', owner_org_id: 'community', owner_path: '/d/t1/v1/', quantity: 10 }),
      item({ id: 'expired', owner_org_id: 'u5', owner_path: '/d/t1/v1/u5/', available_to: now - 1 }),
      item({ id: 'late', owner_org_id: 'u6', owner_path: '/d/t1/v1/u6/', available_from: now + 20 * DAY_MS }),
      item({ id: 'full', owner_org_id: 'u7', owner_path: '/d/t1/v1/u7/', quantity: 4 }),
      item({ id: 'closed', owner_org_id: 'u8', owner_path: '/d/t1/v1/u8/', status: 'matched' }),
    ];
    const held = new Map([['full', { count: 1, quantity: 4 }]]);
    const ranked = rankOffers(demand, offers, held, new Map(), now);
    assert.deepEqual(
      ranked.map((s) => s.offer.id),
      ['near', 'town', 'far'],
    );
    assert.deepEqual(ranked[0]!.reasons, ['sameVillage', 'covers', 'availableNow']);
    assert.ok(ranked[1]!.reasons.includes('sameTown'));
  });

  it('respects what is left of an offer and how its provider delivered before', () => {
    const offers = [
      item({ id: 'partly', owner_org_id: 'u1', owner_path: '/d/t1/v1/u1/', quantity: 10 }),
      item({ id: 'proven', owner_org_id: 'u2', owner_path: '/d/t1/v1/u2/', quantity: 10 }),
      item({ id: 'poor', owner_org_id: 'u3', owner_path: '/d/t1/v1/u3/', quantity: 10 }),
    ];
    const held = new Map([['partly', { count: 2, quantity: 8 }]]);
    const record = new Map([
      ['u2', { delivered: 3, rating: 4.8 }],
      ['u3', { delivered: 2, rating: 1.5 }],
    ]);
    const ranked = rankOffers(demand, offers, held, record, now);
    assert.equal(ranked[0]!.offer.id, 'proven');
    assert.equal(ranked.find((s) => s.offer.id === 'partly')!.remaining, 2);
    assert.ok(ranked.find((s) => s.offer.id === 'partly')!.reasons.includes('partly'));
    assert.ok(ranked.find((s) => s.offer.id === 'poor')!.reasons.includes('poorlyRated'));
    const poor = ranked.find((s) => s.offer.id === 'poor')!;
    const partly = ranked.find((s) => s.offer.id === 'partly')!;
    // A well-rated provider rises; a poorly rated one falls below an untried offer that covers the same.
    assert.ok(ranked[0]!.score > partly.score);
    assert.ok(poor.score < ranked[0]!.score);
  });
});

describe('the regional party-building alliance', () => {
  let p: TestPlatform;
  let clock: ManualClock;
  let jinsha: Session;
  let dongshi: Session;
  let shigang: Session;
  let zzb: Session;
  let ids: { town: string; village: string; otherVillage: string; school: string; hospital: string };
  let allianceId: string;

  const ok = (r: { status: number; body: Json }, status = 200) => {
    assert.equal(r.status, status, JSON.stringify(r.body));
    return r.body;
  };

  before(async () => {
    clock = manualClock(START);
    p = await startTestPlatform({ SESSION_TTL_HOURS: '720' }, { stages: CASE_STAGES, orgScale: 0.02, clock });
    zzb = await loginAs(p.app, 'zzb');
    jinsha = await loginAs(p.app, 'jinsha');
    dongshi = await loginAs(p.app, 'dongshi');
    shigang = await loginAs(p.app, 'shigang');
    const byCode = (code: string) =>
      p.database.db
        .selectFrom('org')
        .select(['id', 'path'])
        .where('code', '=', code)
        .executeTakeFirstOrThrow();
    const town = await byCode('320612001');
    const village = await byCode('320612001001');
    const other = await p.database.db
      .selectFrom('org')
      .select('id')
      .where('parent_id', '=', town.id)
      .where('level', '=', 'village')
      .where('id', '!=', village.id)
      .executeTakeFirstOrThrow();
    const unit = async (parentId: string, type: string, name: string) =>
      (ok(await zzb.request('POST', '/api/orgs', { parentId, level: 'unit', type, name })).item as Json)
        .id as string;
    ids = {
      town: town.id,
      village: village.id,
      otherVillage: other.id,
      school: await unit(other.id, 'school', '测试中心小学'),
      hospital: await unit(village.id, 'hospital', '测试卫生院'),
    };
  });
  after(async () => {
    await p.close();
  });

  it('convenes an alliance, takes in members with their commitments, and keeps scope', async () => {
    const made = ok(
      await jinsha.request('POST', '/api/alliances', {
        orgId: ids.town,
        name: '金沙街道区域党建共同体',
        charter: '资源共享、需求共商、项目共建',
      }),
    );
    allianceId = (made.item as Json).id as string;
    // One alliance per organisation.
    const again = await jinsha.request('POST', '/api/alliances', {
      orgId: ids.town,
      name: '又一个',
      charter: '',
    });
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'alliance.exists');
    for (const [orgId, commitment] of [
      [ids.village, '开放党群服务中心，联系电话 13905131234'],
      [ids.school, '节假日开放多功能厅'],
      [ids.hospital, '每月进社区义诊'],
    ] as const) {
      ok(await jinsha.request('POST', `/api/alliances/${allianceId}/members`, { orgId, commitment }));
    }
    // A community cannot take in members of the town's alliance.
    const byMember = await dongshi.request('POST', `/api/alliances/${allianceId}/members`, {
      orgId: ids.otherVillage,
      commitment: '加入',
    });
    assert.equal(byMember.status, 403);
    const detail = ok(await dongshi.request('GET', `/api/alliances/${allianceId}`));
    const members = detail.members as Json[];
    assert.equal(members.length, 4);
    // A phone typed into a commitment is stored masked.
    const community = members.find((m) => m.orgId === ids.village)!;
    assert.ok(!(community.commitment as string).includes('13905131234'));
    assert.equal(community.isMine, true);
    assert.equal((detail.item as Json).abilities && ((detail.item as Json).abilities as Json).manage, false);
    // Another town's command centre does not see 金沙's alliance at all.
    assert.equal((await shigang.request('GET', `/api/alliances/${allianceId}`)).status, 404);
    assert.equal(
      (ok(await shigang.request('GET', '/api/alliances')).items as Json[]).some((a) => a.id === allianceId),
      false,
    );
    assert.equal((await shigang.request('GET', `/api/alliances/${allianceId}/items`)).status, 404);
    // Someone outside the alliance cannot be put on its lists.
    const outsider = await jinsha.request('POST', `/api/alliances/${allianceId}/items`, {
      ownerOrgId: ids.otherVillage,
      list: 'demand',
      kind: 'venue',
      title: '需要场地',
      detail: '',
    });
    assert.equal(outsider.status, 422);
    assert.equal(outsider.body.code, 'alliance.not_member');
  });

  it('matches a demand to a resource: agreed, never double-booked, delivered, evaluated, counted', async () => {
    const post = async (s: Session, body: Json) =>
      (ok(await s.request('POST', `/api/alliances/${allianceId}/items`, body)).item as Json).id as string;
    const venue = await post(jinsha, {
      ownerOrgId: ids.school,
      list: 'resource',
      kind: 'venue',
      title: '多功能厅',
      detail: '200 座',
      quantity: 4,
      availableFrom: START - DAY_MS,
      availableTo: START + 90 * DAY_MS,
    });
    const elsewhere = await post(jinsha, {
      ownerOrgId: ids.hospital,
      list: 'resource',
      kind: 'venue',
      title: '会议室',
      detail: '30 座',
      quantity: 2,
    });
    // The community posts its own demand; it may not post for a unit of another community.
    const demand = await post(dongshi, {
      ownerOrgId: ids.village,
      list: 'demand',
      kind: 'venue',
      title: '暑期托管需要场地',
      detail: '约 60 名学生，联系人手机 13905139876',
      quantity: 3,
      neededBy: START + 30 * DAY_MS,
      source: 'appeal',
    });
    const forSchool = await dongshi.request('POST', `/api/alliances/${allianceId}/items`, {
      ownerOrgId: ids.school,
      list: 'resource',
      kind: 'venue',
      title: '代发',
      detail: '',
    });
    assert.equal(forSchool.status, 403);

    // The hospital's room in the same community comes first, then the school's hall elsewhere in the town.
    const suggestions = ok(
      await dongshi.request('GET', `/api/alliances/${allianceId}/items/${demand}/suggestions`),
    ).items as Json[];
    assert.deepEqual(
      suggestions.map((s) => s.offerId),
      [elsewhere, venue],
    );
    assert.ok((suggestions[0]!.reasons as string[]).includes('sameVillage'));
    assert.ok((suggestions[1]!.reasons as string[]).includes('sameTown'));

    const agree = (s: Session, quantity: number, demandId = demand) =>
      s.request('POST', `/api/alliances/${allianceId}/items/${demandId}/matches`, {
        offerId: venue,
        quantity,
        dueAt: START + 20 * DAY_MS,
        commitment: '东市中心小学提供多功能厅 3 次',
      });
    const match = ok(await agree(dongshi, 3)).item as Json;
    assert.equal(match.status, 'agreed');
    // A second demand cannot book more of the hall than is left (4 − 3 = 1).
    const second = await post(dongshi, {
      ownerOrgId: ids.village,
      list: 'demand',
      kind: 'venue',
      title: '议事会需要场地',
      detail: '',
      quantity: 2,
    });
    const over = await agree(jinsha, 2, second);
    assert.equal(over.status, 409);
    assert.equal(over.body.code, 'alliance.no_capacity');
    ok(await agree(jinsha, 1, second));
    // Now the hall is fully booked: it is no longer suggested.
    const after = ok(await dongshi.request('GET', `/api/alliances/${allianceId}/items/${second}/suggestions`))
      .items as Json[];
    assert.deepEqual(
      after.map((s) => s.offerId),
      [elsewhere],
    );

    // The demanding side may not record the provider's delivery; the convener records it for the school.
    const matchId = match.id as string;
    assert.equal(
      (
        await dongshi.request('POST', `/api/alliances/${allianceId}/matches/${matchId}/delivery`, {
          note: '完成',
        })
      ).status,
      403,
    );
    // Evaluating before delivery is refused.
    const early = await dongshi.request(
      'POST',
      `/api/alliances/${allianceId}/matches/${matchId}/evaluation`,
      {
        rating: 5,
        note: '',
      },
    );
    assert.equal(early.status, 409);
    clock.set(START + 10 * DAY_MS);
    ok(
      await jinsha.request('POST', `/api/alliances/${allianceId}/matches/${matchId}/delivery`, {
        note: '三次托管活动均在多功能厅开展',
      }),
    );
    const rated = ok(
      await dongshi.request('POST', `/api/alliances/${allianceId}/matches/${matchId}/evaluation`, {
        rating: 5,
        note: '家长很满意',
      }),
    ).item as Json;
    assert.equal(rated.status, 'evaluated');
    assert.equal(rated.onTime, true);
    const demandNow = ok(await dongshi.request('GET', `/api/alliances/${allianceId}/items/${demand}`));
    assert.equal((demandNow.item as Json).status, 'done');
    assert.ok(!((demandNow.item as Json).detail as string).includes('13905139876'));

    // The numbers equal a recount of what happened: 2 demands (1 met), 2 agreements (1 delivered on time).
    const numbers = ok(await jinsha.request('GET', `/api/alliances/${allianceId}`)).numbers as Json;
    assert.equal(numbers.demands, 2);
    assert.equal(numbers.demandsMet, 1);
    assert.equal(numbers.demandsOpen, 0);
    assert.equal(numbers.agreed, 2);
    assert.equal(numbers.delivered, 1);
    assert.equal(numbers.deliveredOnTime, 1);
    assert.equal(numbers.resourcesUsed, 1);
    assert.equal(numbers.averageRating, 5);

    // The command view shows the alliance's tile at the town with the same figures.
    const screen = ok(await jinsha.request('GET', `/api/command/screen?orgId=${ids.town}`));
    const tile = (screen.tiles as Json[]).find((t) => t.code === 'alliance.lists')!;
    const figure = (key: string) => (tile.figures as Json[]).find((f) => f.key === key)!.value;
    assert.equal(figure('demands'), 2);
    assert.equal(figure('demandsMet'), 1);
    assert.equal(figure('members'), 4);

    // Two agreements on one offer at the same moment: one gets it, the other is told it is full.
    const hall = await post(jinsha, {
      ownerOrgId: ids.school,
      list: 'resource',
      kind: 'equipment',
      title: '投影仪',
      detail: '',
      quantity: 4,
    });
    const needs = await Promise.all(
      ['甲', '乙'].map((n) =>
        post(dongshi, {
          ownerOrgId: ids.village,
          list: 'demand',
          kind: 'equipment',
          title: `${n}需要投影仪`,
          detail: '',
          quantity: 3,
        }),
      ),
    );
    const raced = await Promise.all(
      needs.map((d) =>
        jinsha.request('POST', `/api/alliances/${allianceId}/items/${d}/matches`, {
          offerId: hall,
          quantity: 3,
          dueAt: START + 40 * DAY_MS,
          commitment: '借用投影仪',
        }),
      ),
    );
    assert.deepEqual(raced.map((r) => r.status).sort(), [200, 409]);
    const held = await p.database.db
      .selectFrom('alliance_match')
      .select((eb) => eb.fn.sum<number | string>('quantity').as('q'))
      .where('offer_id', '=', hall)
      .executeTakeFirstOrThrow();
    assert.equal(Number(held.q), 3);
    for (const d of needs) {
      await p.database.db
        .updateTable('alliance_item')
        .set({ status: 'withdrawn' })
        .where('id', '=', d)
        .execute();
    }

    // The public page: members and the demands not yet met (newest first), no writer, no phone.
    const open = await post(dongshi, {
      ownerOrgId: ids.village,
      list: 'demand',
      kind: 'expert',
      title: '老人健康义诊',
      detail: '每季度一次',
    });
    const pub = await p.app.inject({ method: 'GET', url: `/api/public/alliances/${allianceId}` });
    assert.equal(pub.statusCode, 200);
    const page = pub.json<Json>();
    assert.equal((page.members as Json[]).length, 4);
    assert.deepEqual(
      (page.demands as Json[]).map((d) => d.id),
      [open, second],
    );
    assert.ok(!pub.body.includes('13905131234'));
  });
});
