// The regional party-building alliance through the UI: a community posts a demand for a venue, the town (the
// convener) finds the school in that community ranked first, agrees it and records the delivery, and the community
// rates it, which closes the demand. The convener also plans a joint meeting and records it held, and takes a
// declared brand project into incubation, which residents then see on the public page.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { apiCall, apiLogin, DESKTOP, e2eSuite, PHONE, pickOption } from './harness.js';

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
      const dialog = page.getByRole('dialog').filter({ hasText: '约定内容' });
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
});
