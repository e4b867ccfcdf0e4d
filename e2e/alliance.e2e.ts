// The regional party-building alliance through the UI: a community posts a demand for a venue, the town (the
// convener) finds the school in that community ranked first, agrees it and records the delivery, and the community
// rates it, which closes the demand. The convener also plans a joint meeting and records it held, and takes a
// declared brand project into incubation, which residents then see on the public page. What is undone is covered
// too: a meeting called off and a declaration declined, each with the reason; a project's review, its partner and a
// milestone ticked off (partner and milestone shown to residents); an agreement cancelled with the reason, which
// frees the offer, and items withdrawn from the lists.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import {
  apiCall,
  apiLogin,
  DESKTOP,
  e2eSuite,
  motionsDone,
  PHONE,
  pickOption,
  rate,
  type ApiSession,
} from './harness.js';

const ALLIANCE = '金沙街道区域党建共同体';
const COMMUNITY = '东市社区';
const DEMAND = '暑期少儿托管活动场地';
const SCHOOL = '东市中心小学';
const HALL = '多功能厅';
const MEETING = '暑期共建工作推进联席会议';
const MINUTES = '议定暑期托管由东市中心小学开放场地，社区负责报名和志愿者排班';
const BRAND = '东市“红色暑托”品牌项目';

/** The district's wall clock (UTC+8) of an instant, as the console's date-time fields take it: YYYY-MM-DD HH:mm. */
const districtClock = (at: number): string =>
  new Date(at + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

type MeetingAnswer = {
  id: string;
  title: string;
  status: string;
  minutes: string | null;
  attendees: unknown[];
};
type BrandAnswer = {
  item: { id: string; stage: string; leadName: string };
  events: { kind: string; stage: string | null }[];
};
type BrandRecord = {
  item: { id: string; stage: string; partners: { orgName: string; contribution: string }[] };
  events: {
    kind: string;
    title: string;
    note: string;
    score: number | null;
    stage: string | null;
    dueAt: number | null;
    doneAt: number | null;
  }[];
};
type ItemRecord = {
  item: { id: string; status: string };
  matches: { status: string; deliveryNote: string | null }[];
};

const DAY_MS = 86_400_000;
/** A date as the console shows it (zh-CN): YYYY/MM/DD. */
const shownDate = (isoDate: string): string => isoDate.replaceAll('-', '/');

void describe('regional party-building alliance', () => {
  const suite = e2eSuite('alliance');
  /** The demand's address (the alliance page with its drawer open), once posted. */
  let demandUrl = '';

  async function openAlliance(page: Page): Promise<void> {
    await page.goto(`${suite.baseUrl()}/alliance`);
    const link = page.getByTestId('alliance-link').filter({ hasText: ALLIANCE });
    await link.first().click();
    await page.getByTestId('alliance-name').filter({ hasText: ALLIANCE }).waitFor({ state: 'visible' });
  }

  /** Picks an option of a Select by its exact label. */
  const pick = pickOption;

  /** The input of an InputNumber, wherever its test id landed. */
  function numberInput(scope: Locator, testId: string): Locator {
    return scope.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
  }

  function drawerOf(page: Page): Locator {
    return page.getByTestId('item-drawer');
  }

  /** The alliance as the session sees it: its id, its API path and a member's organisation by name. */
  async function allianceOf(session: ApiSession) {
    const { items } = await apiCall<{ items: { id: string; name: string }[] }>(
      suite.baseUrl(),
      session,
      'GET',
      '/api/alliances',
    );
    const found = items.find((a) => a.name === ALLIANCE);
    assert.ok(found !== undefined);
    const path = `/api/alliances/${found.id}`;
    const { members } = await apiCall<{ members: { orgId: string; orgName: string }[] }>(
      suite.baseUrl(),
      session,
      'GET',
      path,
    );
    const orgIdOf = (name: string): string => {
      const member = members.find((m) => m.orgName === name);
      assert.ok(member !== undefined, name);
      return member.orgId;
    };
    return { id: found.id, path, orgIdOf };
  }

  /** Gives the reason in a dialog that asks why, and confirms it. */
  async function giveReason(page: Page, dialog: Locator, fieldTestId: string, reason: string): Promise<void> {
    await motionsDone(page);
    await dialog.getByTestId(fieldTestId).fill(reason);
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
  }

  async function expectMatchStatus(page: Page, label: string): Promise<Locator> {
    const match = drawerOf(page).getByTestId('match').filter({ hasText: SCHOOL });
    await match.getByTestId('match-status').filter({ hasText: label }).waitFor({ state: 'visible' });
    return match;
  }

  void test('post a demand, agree the nearest venue, deliver, evaluate', { timeout: 300_000 }, async () => {
    await suite.as('community-posts', 'dongshi', DESKTOP, async (page) => {
      await openAlliance(page);
      // A village cadre is no convener: no taking in members.
      assert.equal(await page.getByTestId('member-add').count(), 0);
      await page.getByTestId('alliance-members').getByText(COMMUNITY, { exact: true }).waitFor();
      await page.getByTestId('item-post').click();
      const dialog = page.getByRole('dialog');
      await pick(page, dialog.getByTestId('post-owner'), COMMUNITY);
      await pick(page, dialog.getByTestId('post-kind'), '场地');
      await dialog.getByTestId('post-title').fill(DEMAND);
      await dialog.getByTestId('post-detail').fill('暑期每周两次少儿托管，需可容纳 60 人的室内场地');
      await numberInput(dialog, 'post-quantity').fill('2');
      await page.getByTestId('post-submit').click();
      await dialog.waitFor({ state: 'hidden' });
      // The posted demand opens in its drawer, waiting for a match.
      const drawer = drawerOf(page);
      await drawer.getByText(DEMAND).first().waitFor({ state: 'visible' });
      await drawer.getByTestId('item-drawer-status').filter({ hasText: '待对接' }).waitFor();
      demandUrl = page.url();
      assert.match(demandUrl, /\/alliance\/[^/?]+\?.*item=/);
      await page.locator('.ant-drawer-close').click();
      const row = page.getByTestId('items-demand').getByTestId('item-row').filter({ hasText: DEMAND });
      await row.getByTestId('item-status').filter({ hasText: '待对接' }).waitFor({ state: 'visible' });
    });

    await suite.as('convener-agrees-and-delivers', 'jinsha', DESKTOP, async (page) => {
      // The command view links the town's alliance by the town's id: it opens at once.
      const session = await apiLogin(suite.baseUrl(), 'jinsha');
      const { items } = await apiCall<{ items: { name: string; orgId: string }[] }>(
        suite.baseUrl(),
        session,
        'GET',
        '/api/alliances',
      );
      const town = items.find((a) => a.name === ALLIANCE);
      assert.ok(town !== undefined);
      await page.goto(`${suite.baseUrl()}/alliance?orgId=${encodeURIComponent(town.orgId)}`);
      await page.getByTestId('alliance-name').filter({ hasText: ALLIANCE }).waitFor({ state: 'visible' });
      await page.getByTestId('member-add').waitFor({ state: 'visible' });
      const row = page.getByTestId('items-demand').getByTestId('item-row').filter({ hasText: DEMAND });
      await row.getByTestId('item-open').click();
      const drawer = drawerOf(page);
      // The school's hall ranks first: it is in the same community.
      const first = drawer.getByTestId('suggestion').first();
      await first.waitFor({ state: 'visible' });
      await first.getByTestId('suggestion-title').filter({ hasText: HALL }).waitFor();
      await first.getByText(SCHOOL).waitFor();
      await first.getByTestId('suggestion-reason').filter({ hasText: '同一村（社区）' }).waitFor();
      await first.getByTestId('suggestion-agree').click();
      // By its title: once agreed, the drawer (a dialog too) shows the agreement's 约定内容 as well.
      const dialog = page.getByRole('dialog').filter({ hasText: `对接：${DEMAND}` });
      // The quantity defaults to what the demand asks (the hall has more left).
      assert.equal(await numberInput(dialog, 'agree-quantity').inputValue(), '2');
      await dialog.getByTestId('agree-commitment').fill('暑期每周二、四下午开放多功能厅，学校安排专人管理');
      await page.getByTestId('agree-submit').click();
      await dialog.waitFor({ state: 'hidden' });
      await drawer.getByTestId('item-drawer-status').filter({ hasText: '已对接' }).waitFor();
      const match = await expectMatchStatus(page, '已约定');
      await match.getByTestId('match-deliver').click();
      const deliver = page.getByRole('dialog').filter({ hasText: '登记落实情况' });
      await deliver.getByTestId('deliver-note').fill('7 月 9 日起已开放两次，托管 56 名儿童');
      await page.getByTestId('deliver-submit').click();
      await deliver.waitFor({ state: 'hidden' });
      const delivered = await expectMatchStatus(page, '已落实');
      await delivered.getByTestId('match-on-time').filter({ hasText: '按期' }).waitFor();
      await delivered.getByText('托管 56 名儿童').waitFor();
      // Evaluating is the demanding side's (or the convener's) once delivered; recording again is not offered.
      assert.equal(await delivered.getByTestId('match-deliver').count(), 0);
    });

    await suite.as('community-evaluates', 'dongshi', DESKTOP, async (page) => {
      await page.goto(demandUrl);
      const drawer = drawerOf(page);
      const match = await expectMatchStatus(page, '已落实');
      await match.getByTestId('match-evaluate').click();
      const dialog = page.getByRole('dialog').filter({ hasText: '评价落实情况' });
      await dialog.locator('.ant-rate-star').nth(4).click();
      await dialog.getByTestId('evaluate-note').fill('场地宽敞，管理到位');
      await page.getByTestId('evaluate-submit').click();
      await dialog.waitFor({ state: 'hidden' });
      const evaluated = await expectMatchStatus(page, '已评价');
      assert.equal(await evaluated.getByTestId('match-rating').getAttribute('data-rating'), '5');
      await drawer.getByTestId('item-drawer-status').filter({ hasText: '已办结' }).waitFor();
      assert.equal(await evaluated.getByTestId('match-evaluate').count(), 0);
    });

    await suite.as('resident-reads-public-page', null, PHONE, async (page) => {
      const id = /\/alliance\/([^/?]+)/.exec(demandUrl)?.[1] ?? '';
      await page.goto(`${suite.baseUrl()}/alliance-public/${id}`);
      await page
        .getByTestId('public-alliance-name')
        .filter({ hasText: ALLIANCE })
        .waitFor({ state: 'visible' });
      await page.getByTestId('public-alliance-members').getByText(COMMUNITY, { exact: true }).waitFor();
      // A done demand is no longer shown as open.
      assert.equal(await page.getByTestId('public-alliance-demands').getByText(DEMAND).count(), 0);
    });
  });

  void test(
    'plan a joint meeting and record it held; declare a brand project and take it into incubation',
    {
      timeout: 300_000,
    },
    async () => {
      const session = await apiLogin(suite.baseUrl(), 'jinsha');
      const { items } = await apiCall<{ items: { id: string; name: string }[] }>(
        suite.baseUrl(),
        session,
        'GET',
        '/api/alliances',
      );
      const alliance = items.find((a) => a.name === ALLIANCE);
      assert.ok(alliance !== undefined);
      const base = `/api/alliances/${alliance.id}`;
      const { members } = await apiCall<{ members: unknown[] }>(suite.baseUrl(), session, 'GET', base);

      await suite.as('convener-keeps-a-meeting', 'jinsha', DESKTOP, async (page) => {
        await page.goto(`${suite.baseUrl()}/alliance/${alliance.id}`);
        await page.getByTestId('tab-meetings').click();
        const meetings = page.getByTestId('meetings');
        await meetings.getByTestId('meeting').first().waitFor({ state: 'visible' });
        await page.getByTestId('meeting-plan').click();
        const plan = page.getByRole('dialog').filter({ hasText: '召集联席会议' });
        await plan.getByTestId('meeting-title').fill(MEETING);
        // Two hours from now (a meeting is planned ahead and recorded once it sat, at most a day before its time).
        const when = districtClock(Math.floor((Date.now() + 2 * 3_600_000) / 300_000) * 300_000);
        const at = plan.locator('input[data-testid="meeting-at"], [data-testid="meeting-at"] input').first();
        await at.click();
        await at.fill(when);
        await at.press('Enter');
        await plan.getByTestId('meeting-place').fill('金沙街道党群服务中心三楼会议室');
        await plan.getByTestId('meeting-agenda').fill('一、暑期托管场地安排；二、志愿者排班');
        await page.getByTestId('meeting-plan-submit').click();
        await plan.waitFor({ state: 'hidden' });
        const card = meetings.getByTestId('meeting').filter({ hasText: MEETING });
        await card
          .getByTestId('meeting-status')
          .filter({ hasText: '计划召开' })
          .waitFor({ state: 'visible' });
        await card
          .getByTestId('meeting-when')
          .filter({ hasText: when.slice(11) })
          .waitFor();
        await card.getByTestId('meeting-hold').click();
        const hold = page.getByRole('dialog').filter({ hasText: '登记会议召开' });
        await hold.getByTestId('meeting-minutes').fill(MINUTES);
        await page.getByTestId('meeting-hold-submit').click();
        await hold.waitFor({ state: 'hidden' });
        await card.getByTestId('meeting-status').filter({ hasText: '已召开' }).waitFor({ state: 'visible' });
        await card.getByTestId('meeting-minutes').filter({ hasText: MINUTES }).waitFor();
        await card.getByTestId('meeting-attendees-list').getByText(COMMUNITY, { exact: true }).waitFor();
        // Held: nothing more to record or call off.
        assert.equal(await card.getByTestId('meeting-hold').count(), 0);
        assert.equal(await card.getByTestId('meeting-cancel').count(), 0);
      });

      const { items: kept } = await apiCall<{ items: MeetingAnswer[] }>(
        suite.baseUrl(),
        session,
        'GET',
        `${base}/meetings`,
      );
      const meeting = kept.find((m) => m.title === MEETING);
      assert.ok(meeting !== undefined);
      assert.equal(meeting.status, 'held');
      assert.equal(meeting.minutes, MINUTES);
      // Every member was present unless taken off the list.
      assert.equal(meeting.attendees.length, members.length);

      const brandId = await suite.as('convener-incubates-a-brand', 'jinsha', DESKTOP, async (page) => {
        await page.goto(`${suite.baseUrl()}/alliance/${alliance.id}?tab=brands`);
        await page.getByTestId('brand-declare').click();
        const declare = page.getByRole('dialog').filter({ hasText: '申报品牌项目' });
        await pick(page, declare.getByTestId('brand-lead'), COMMUNITY);
        await declare.getByTestId('brand-title').fill(BRAND);
        await declare
          .getByTestId('brand-summary')
          .fill('联合辖区学校、医院为双职工家庭子女提供暑期托管和红色教育');
        await page.getByTestId('brand-declare-submit').click();
        await declare.waitFor({ state: 'hidden' });
        // The declared project opens in its drawer.
        const drawer = page.getByTestId('brand-drawer');
        await drawer
          .getByTestId('brand-drawer-stage')
          .filter({ hasText: '申报' })
          .waitFor({ state: 'visible' });
        const id = new URL(page.url()).searchParams.get('brand') ?? '';
        assert.notEqual(id, '');
        // A declaration is reviewed only once it is incubating.
        assert.equal(await drawer.getByTestId('brand-review').count(), 0);
        await drawer.getByTestId('brand-advance').filter({ hasText: '受理孵化' }).click();
        const advance = page.getByRole('dialog').filter({ hasText: '推进项目' });
        await advance.getByTestId('brand-advance-note').fill('申报材料齐全，同意进入孵化');
        await page.getByTestId('brand-advance-submit').click();
        await advance.waitFor({ state: 'hidden' });
        await drawer
          .getByTestId('brand-drawer-stage')
          .filter({ hasText: '孵化' })
          .waitFor({ state: 'visible' });
        await drawer.getByTestId('brand-record').getByText('同意进入孵化').waitFor();
        await drawer.getByTestId('brand-review').waitFor({ state: 'visible' });
        await page.locator('.ant-drawer-close').click();
        const row = page.getByTestId('brands').getByTestId('brand-row').filter({ hasText: BRAND });
        await row.getByTestId('brand-stage').filter({ hasText: '孵化' }).waitFor({ state: 'visible' });
        return id;
      });

      const brand = await apiCall<BrandAnswer>(suite.baseUrl(), session, 'GET', `${base}/brands/${brandId}`);
      assert.equal(brand.item.stage, 'incubating');
      assert.equal(brand.item.leadName, COMMUNITY);
      assert.deepEqual(
        brand.events.filter((e) => e.kind === 'stage').map((e) => e.stage),
        ['declared', 'incubating'],
      );

      await suite.as('resident-sees-the-brand', null, PHONE, async (page) => {
        await page.goto(`${suite.baseUrl()}/alliance-public/${alliance.id}`);
        const shown = page
          .getByTestId('public-alliance-brands')
          .getByTestId('public-brand')
          .filter({ hasText: BRAND });
        await shown
          .getByTestId('public-brand-stage')
          .filter({ hasText: '孵化' })
          .waitFor({ state: 'visible' });
        await shown.getByText(`负责单位：${COMMUNITY}`).waitFor();
      });
      const showcase = await apiCall<{ items: { title: string; stage: string }[] }>(
        suite.baseUrl(),
        null,
        'GET',
        `/api/public/alliances/${alliance.id}/brands`,
      );
      assert.equal(showcase.items.find((b) => b.title === BRAND)?.stage, 'incubating');
    },
  );

  void test(
    'call off a joint meeting; decline a declaration; review a project, build its chain and finish a milestone',
    { timeout: 300_000 },
    async () => {
      const CALLED_OFF = '河道整治专题联席会议';
      const CALL_OFF_REASON = '主要议题已在街道党工委会议上研究，本次会议不再召开';
      const DECLINED = '东市“夜间集市”品牌项目';
      const DECLINE_REASON = '与现有便民服务项目重复，建议并入“一老一小”邻里守望';
      const CHAIN = '东市“健康小屋”品牌项目';
      const REVIEW_NOTE = '缺少专业医护力量，需联合学校开展健康教育';
      const CONTRIBUTION = '每月开放多功能厅一次，组织教师志愿者开展健康课堂';
      const MILESTONE = '开展健康课堂 4 期';
      const MILESTONE_DONE = '已开展 4 期，参与居民 210 人次';

      const convener = await apiLogin(suite.baseUrl(), 'jinsha');
      const { id, path, orgIdOf } = await allianceOf(convener);
      const now = Date.now();
      // Set-up: a meeting planned for three days ahead, and two projects the community declared, one of them
      // taken into incubation.
      const { item: planned } = await apiCall<{ item: MeetingAnswer }>(
        suite.baseUrl(),
        convener,
        'POST',
        `${path}/meetings`,
        {
          title: CALLED_OFF,
          place: '金沙街道党群服务中心三楼会议室',
          agenda: '河道沿线环境整治分工',
          scheduledAt: Math.round((now + 3 * DAY_MS) / 3_600_000) * 3_600_000,
        },
      );
      const declare = async (title: string): Promise<string> => {
        const { item } = await apiCall<{ item: { id: string } }>(
          suite.baseUrl(),
          convener,
          'POST',
          `${path}/brands`,
          { leadOrgId: orgIdOf(COMMUNITY), title, summary: `${title}：社区牵头，驻区单位共建` },
        );
        return item.id;
      };
      const declinedId = await declare(DECLINED);
      const chainId = await declare(CHAIN);
      await apiCall(suite.baseUrl(), convener, 'POST', `${path}/brands/${chainId}/stage`, {
        stage: 'incubating',
        reason: '同意进入孵化',
      });

      await suite.as('convener-calls-off-a-meeting', 'jinsha', DESKTOP, async (page) => {
        await page.goto(`${suite.baseUrl()}/alliance/${id}?tab=meetings`);
        const card = page.getByTestId('meetings').getByTestId('meeting').filter({ hasText: CALLED_OFF });
        await card
          .getByTestId('meeting-status')
          .filter({ hasText: '计划召开' })
          .waitFor({ state: 'visible' });
        await card.getByTestId('meeting-cancel').click();
        const dialog = page.getByRole('dialog').filter({ hasText: `取消会议：${CALLED_OFF}` });
        await giveReason(page, dialog, 'meeting-cancel-reason', CALL_OFF_REASON);
        await dialog.waitFor({ state: 'hidden' });
        await card.getByTestId('meeting-status').filter({ hasText: '已取消' }).waitFor({ state: 'visible' });
        // The reason stands where the minutes would, under its own label.
        await card.getByTestId('meeting-minutes').filter({ hasText: CALL_OFF_REASON }).waitFor();
        await card.getByText('取消原因', { exact: true }).waitFor();
        assert.equal(await card.getByText('会议纪要', { exact: true }).count(), 0);
        // Called off: nothing more to record or call off.
        assert.equal(await card.getByTestId('meeting-hold').count(), 0);
        assert.equal(await card.getByTestId('meeting-cancel').count(), 0);
      });

      const { items: meetings } = await apiCall<{ items: MeetingAnswer[] }>(
        suite.baseUrl(),
        convener,
        'GET',
        `${path}/meetings`,
      );
      const calledOff = meetings.find((m) => m.id === planned.id);
      assert.equal(calledOff?.status, 'cancelled');
      assert.equal(calledOff.minutes, CALL_OFF_REASON);
      assert.deepEqual(calledOff.attendees, []);

      await suite.as('convener-declines-and-reviews', 'jinsha', DESKTOP, async (page) => {
        await page.goto(`${suite.baseUrl()}/alliance/${id}?tab=brands&brand=${declinedId}`);
        const drawer = page.getByTestId('brand-drawer');
        await drawer
          .getByTestId('brand-drawer-stage')
          .filter({ hasText: '申报' })
          .waitFor({ state: 'visible' });
        await drawer.getByTestId('brand-decline').click();
        const decline = page.getByRole('dialog').filter({ hasText: `不予通过：${DECLINED}` });
        await giveReason(page, decline, 'brand-decline-reason', DECLINE_REASON);
        await decline.waitFor({ state: 'hidden' });
        await drawer
          .getByTestId('brand-drawer-stage')
          .filter({ hasText: '未通过' })
          .waitFor({ state: 'visible' });
        await drawer.getByTestId('brand-record').getByText(DECLINE_REASON).waitFor();
        // Declined: the project takes no more changes.
        for (const control of [
          'brand-advance',
          'brand-decline',
          'brand-review',
          'brand-partner-add',
          'brand-milestone-add',
        ]) {
          assert.equal(await drawer.getByTestId(control).count(), 0, control);
        }
        await page.locator('.ant-drawer-close').click();
        const rows = page.getByTestId('brands').getByTestId('brand-row');
        await rows
          .filter({ hasText: DECLINED })
          .getByTestId('brand-stage')
          .filter({ hasText: '未通过' })
          .waitFor({ state: 'visible' });

        await rows.filter({ hasText: CHAIN }).getByTestId('brand-open').click();
        await drawer
          .getByTestId('brand-drawer-stage')
          .filter({ hasText: '孵化' })
          .waitFor({ state: 'visible' });
        await drawer.getByTestId('brand-review').click();
        const review = page.getByRole('dialog').filter({ hasText: `评审项目：${CHAIN}` });
        await motionsDone(page);
        await rate(review.locator('.ant-rate'), 3);
        await review.getByTestId('brand-review-note').fill(REVIEW_NOTE);
        await page.getByTestId('brand-review-submit').click();
        await review.waitFor({ state: 'hidden' });
        const given = drawer.getByTestId('brand-review-item').filter({ hasText: REVIEW_NOTE });
        await given.getByText('孵化阶段评审').waitFor({ state: 'visible' });
        assert.equal(await given.locator('.ant-rate-star-full').count(), 3);
      });

      const declined = await apiCall<BrandRecord>(
        suite.baseUrl(),
        convener,
        'GET',
        `${path}/brands/${declinedId}`,
      );
      assert.equal(declined.item.stage, 'declined');
      assert.deepEqual(
        declined.events.filter((e) => e.kind === 'stage').map((e) => [e.stage, e.note]),
        [
          ['declared', ''],
          ['declined', DECLINE_REASON],
        ],
      );

      // A month ahead, as the district's calendar has it.
      const due = districtClock(now + 30 * DAY_MS).slice(0, 10);
      await suite.as('lead-builds-the-chain', 'dongshi', DESKTOP, async (page) => {
        await page.goto(`${suite.baseUrl()}/alliance/${id}?tab=brands&brand=${chainId}`);
        const drawer = page.getByTestId('brand-drawer');
        await drawer
          .getByTestId('brand-drawer-stage')
          .filter({ hasText: '孵化' })
          .waitFor({ state: 'visible' });
        // The lead keeps its project's chain; reviewing and moving it on are the convener's.
        await drawer.getByTestId('brand-partner-add').waitFor({ state: 'visible' });
        assert.equal(await drawer.getByTestId('brand-review').count(), 0);
        assert.equal(await drawer.getByTestId('brand-advance').count(), 0);

        await drawer.getByTestId('brand-partner-add').click();
        const partner = page.getByRole('dialog').filter({ hasText: `添加合作单位：${CHAIN}` });
        await pickOption(page, partner.getByTestId('brand-partner-org'), SCHOOL);
        await partner.getByTestId('brand-partner-contribution').fill(CONTRIBUTION);
        await page.getByTestId('brand-partner-submit').click();
        await partner.waitFor({ state: 'hidden' });
        await drawer
          .getByTestId('brand-partner')
          .filter({ hasText: SCHOOL })
          .getByText(CONTRIBUTION)
          .waitFor({ state: 'visible' });

        await drawer.getByTestId('brand-milestone-add').click();
        const add = page.getByRole('dialog').filter({ hasText: `添加项目节点：${CHAIN}` });
        await motionsDone(page);
        await add.getByTestId('brand-milestone-title').fill(MILESTONE);
        const dueAt = add
          .locator('input[data-testid="brand-milestone-due"], [data-testid="brand-milestone-due"] input')
          .first();
        await dueAt.click();
        await dueAt.fill(due);
        await dueAt.press('Enter');
        await add.getByTestId('brand-milestone-note').fill('联合东市中心小学，每月一期');
        await page.getByTestId('brand-milestone-submit').click();
        await add.waitFor({ state: 'hidden' });
        const milestone = drawer.getByTestId('brand-milestone').filter({ hasText: MILESTONE });
        await milestone.getByTestId('brand-milestone-open').waitFor({ state: 'visible' });
        // Due on the day picked.
        await milestone.getByText(shownDate(due), { exact: true }).waitFor();

        await milestone.getByTestId('brand-milestone-done').click();
        const finish = page.getByRole('dialog').filter({ hasText: `节点完成：${MILESTONE}` });
        await motionsDone(page);
        await finish.getByTestId('brand-milestone-done-note').fill(MILESTONE_DONE);
        await page.getByTestId('brand-milestone-done-submit').click();
        await finish.waitFor({ state: 'hidden' });
        await milestone.getByText(MILESTONE_DONE).waitFor({ state: 'visible' });
        assert.equal(await milestone.getByTestId('brand-milestone-open').count(), 0);
        assert.equal(await milestone.getByTestId('brand-milestone-done').count(), 0);
      });

      const built = await apiCall<BrandRecord>(suite.baseUrl(), convener, 'GET', `${path}/brands/${chainId}`);
      assert.equal(built.item.stage, 'incubating');
      assert.deepEqual(
        built.item.partners.map((p) => [p.orgName, p.contribution]),
        [[SCHOOL, CONTRIBUTION]],
      );
      assert.deepEqual(
        built.events.filter((e) => e.kind === 'review').map((e) => [e.title, e.score, e.note]),
        [['incubating', 3, REVIEW_NOTE]],
      );
      const milestones = built.events.filter((e) => e.kind === 'milestone');
      assert.equal(milestones.length, 1);
      const [done] = milestones;
      assert.ok(done !== undefined && done.dueAt !== null && done.doneAt !== null);
      assert.equal(done.title, MILESTONE);
      assert.equal(done.note, MILESTONE_DONE);
      // Due at the end of the day picked on the district's clock, whatever the browser's own zone.
      assert.equal(districtClock(done.dueAt).slice(0, 10), due);
      const doneOn = shownDate(districtClock(done.doneAt).slice(0, 10));

      await suite.as('resident-sees-the-chain', null, PHONE, async (page) => {
        await page.goto(`${suite.baseUrl()}/alliance-public/${id}`);
        const brands = page.getByTestId('public-alliance-brands');
        const shown = brands.getByTestId('public-brand').filter({ hasText: CHAIN });
        await shown
          .getByTestId('public-brand-stage')
          .filter({ hasText: '孵化' })
          .waitFor({ state: 'visible' });
        await shown.getByText(SCHOOL, { exact: true }).waitFor();
        await shown.getByText(CONTRIBUTION).waitFor();
        await shown.getByText(MILESTONE, { exact: true }).waitFor();
        await shown.getByText(`${doneOn} 完成`, { exact: true }).waitFor();
        // Reviews stay inside the alliance, and a declined declaration is not shown.
        assert.equal(await shown.getByText(REVIEW_NOTE).count(), 0);
        assert.equal(await brands.getByText(DECLINED).count(), 0);
      });
    },
  );

  void test(
    'cancel an agreement with the reason, which frees the offer; withdraw items from the drawer and the list',
    { timeout: 300_000 },
    async () => {
      const PROJECTOR = '便携投影仪（周末借用）';
      const LOAN = '居民议事会借用投影仪';
      const SPARE = '楼道堆物清理志愿服务';
      const CANCEL_REASON = '学校投影仪送修，改由街道调配设备';
      const LOAN_WITHDRAWN = '街道已调配设备，需求已解决';
      const SPARE_WITHDRAWN = '物业已组织清理完毕，不再需要志愿者';

      const convener = await apiLogin(suite.baseUrl(), 'jinsha');
      const { id, path, orgIdOf } = await allianceOf(convener);
      const now = Date.now();
      // Set-up: the school's only projector agreed for the community's demand (which books it fully), and a
      // second demand of the community's with nothing on it.
      const post = async (body: Record<string, unknown>): Promise<string> => {
        const { item } = await apiCall<{ item: { id: string } }>(
          suite.baseUrl(),
          convener,
          'POST',
          `${path}/items`,
          body,
        );
        return item.id;
      };
      const offerId = await post({
        ownerOrgId: orgIdOf(SCHOOL),
        list: 'resource',
        kind: 'equipment',
        title: PROJECTOR,
        detail: '周末可借用，含幕布',
        quantity: 1,
        availableFrom: now - DAY_MS,
        availableTo: now + 90 * DAY_MS,
      });
      const loanId = await post({
        ownerOrgId: orgIdOf(COMMUNITY),
        list: 'demand',
        kind: 'equipment',
        title: LOAN,
        detail: '每月一次居民议事会使用',
        quantity: 1,
        neededBy: now + 20 * DAY_MS,
      });
      const spareId = await post({
        ownerOrgId: orgIdOf(COMMUNITY),
        list: 'demand',
        kind: 'volunteers',
        title: SPARE,
        detail: '老旧小区楼道堆物清理，约 6 人',
        quantity: 6,
        neededBy: now + 15 * DAY_MS,
      });
      await apiCall(suite.baseUrl(), convener, 'POST', `${path}/items/${loanId}/matches`, {
        offerId,
        quantity: 1,
        dueAt: now + 14 * DAY_MS,
        commitment: '学校周末借出投影仪一台',
      });

      // The projector is fully booked: it is not suggested any more.
      const suggested = async (): Promise<string[]> =>
        (
          await apiCall<{ items: { title: string }[] }>(
            suite.baseUrl(),
            convener,
            'GET',
            `${path}/items/${loanId}/suggestions`,
          )
        ).items.map((o) => o.title);
      assert.ok(!(await suggested()).includes(PROJECTOR));

      await suite.as('community-cancels-and-withdraws', 'dongshi', DESKTOP, async (page) => {
        await page.goto(`${suite.baseUrl()}/alliance/${id}?tab=demand&item=${loanId}`);
        const drawer = drawerOf(page);
        await drawer
          .getByTestId('item-drawer-status')
          .filter({ hasText: '已对接' })
          .waitFor({ state: 'visible' });
        const match = drawer.getByTestId('match').filter({ hasText: SCHOOL });
        await match.getByTestId('match-status').filter({ hasText: '已约定' }).waitFor();
        // Not withdrawn while the agreement is under way: the server would refuse, so neither the drawer nor the
        // demand's row offers it.
        assert.equal(await drawer.getByTestId('item-drawer-withdraw').count(), 0);
        assert.equal(
          await page
            .getByTestId('items-demand')
            .getByTestId('item-row')
            .filter({ hasText: LOAN })
            .getByTestId('item-withdraw')
            .count(),
          0,
        );

        await match.getByTestId('match-cancel').click();
        const cancel = page.getByRole('dialog').filter({ hasText: `取消与${SCHOOL}的对接` });
        await giveReason(page, cancel, 'match-cancel-reason', CANCEL_REASON);
        await cancel.waitFor({ state: 'hidden' });
        await match.getByTestId('match-status').filter({ hasText: '已取消' }).waitFor({ state: 'visible' });
        // The reason stands where a delivery's note would, under its own label.
        await match.getByTestId('match-delivery-note').filter({ hasText: CANCEL_REASON }).waitFor();
        await match.getByText('取消原因', { exact: true }).waitFor();
        assert.equal(await match.getByTestId('match-cancel').count(), 0);
        assert.equal(await match.getByTestId('match-deliver').count(), 0);
        // The demand waits again, and the projector's share is free: it is suggested again.
        await drawer.getByTestId('item-drawer-status').filter({ hasText: '待对接' }).waitFor();
        await drawer.getByTestId('suggestion').filter({ hasText: PROJECTOR }).waitFor({ state: 'visible' });

        // Nothing under way any more: the demand is withdrawn from its drawer.
        await drawer.getByTestId('item-drawer-withdraw').click();
        const withdraw = page.getByRole('dialog').filter({ hasText: `撤回：${LOAN}` });
        await giveReason(page, withdraw, 'item-withdraw-reason', LOAN_WITHDRAWN);
        await withdraw.waitFor({ state: 'hidden' });
        await drawer
          .getByTestId('item-drawer-status')
          .filter({ hasText: '已撤回' })
          .waitFor({ state: 'visible' });
        assert.equal(await drawer.getByTestId('item-drawer-withdraw').count(), 0);
        assert.equal(await drawer.getByTestId('suggestions').count(), 0);
        await page.locator('.ant-drawer-close').click();

        // The other demand is withdrawn from its row.
        const rows = page.getByTestId('items-demand').getByTestId('item-row');
        const spare = rows.filter({ hasText: SPARE });
        await spare.getByTestId('item-status').filter({ hasText: '待对接' }).waitFor({ state: 'visible' });
        await spare.getByTestId('item-withdraw').click();
        const fromRow = page.getByRole('dialog').filter({ hasText: `撤回：${SPARE}` });
        await giveReason(page, fromRow, 'item-withdraw-reason', SPARE_WITHDRAWN);
        await fromRow.waitFor({ state: 'hidden' });
        await spare.getByTestId('item-status').filter({ hasText: '已撤回' }).waitFor({ state: 'visible' });
        assert.equal(await spare.getByTestId('item-withdraw').count(), 0);
        await rows
          .filter({ hasText: LOAN })
          .getByTestId('item-status')
          .filter({ hasText: '已撤回' })
          .waitFor({ state: 'visible' });
      });

      const item = (itemId: string) =>
        apiCall<ItemRecord>(suite.baseUrl(), convener, 'GET', `${path}/items/${itemId}`);
      const loan = await item(loanId);
      assert.equal(loan.item.status, 'withdrawn');
      assert.deepEqual(
        loan.matches.map((m) => [m.status, m.deliveryNote]),
        [['cancelled', CANCEL_REASON]],
      );
      // The offer was fully booked; cancelling put it back on offer.
      assert.equal((await item(offerId)).item.status, 'open');
      assert.ok((await suggested()).includes(PROJECTOR));
      assert.equal((await item(spareId)).item.status, 'withdrawn');
      // Residents no longer see either demand as open.
      const shown = await apiCall<{ demands: { title: string }[] }>(
        suite.baseUrl(),
        null,
        'GET',
        `/api/public/alliances/${id}`,
      );
      const titles = shown.demands.map((d) => d.title);
      assert.ok(!titles.includes(LOAN) && !titles.includes(SPARE), titles.join('、'));
    },
  );
});
