// The five-star assessment through the UI: the village cadre opens this year's score sheet on the phone, enters a
// self score and submits; the town finds the sheet among its villages, adjusts a line with a reason and completes
// its review; the village sees the new status and no longer has anything to change. The people in charge are ranked
// on their own tab: the organisation department sees the district's, the town only its own villages.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { apiCall, apiLogin, DESKTOP, e2eSuite, PHONE } from './harness.js';

/** The demo community of the village cadre account, left self-assessing by the demo, and a typed-in line of it. */
const VILLAGE = '东市社区';
const LINE = 'lead.orgLife';
/** The town of the town command centre account. */
const TOWN = '金沙街道';

type LeadersAnswer = {
  computedAt: number | null;
  items: { unitName: string; townName: string | null; platform: string | null; rank: number | null }[];
};

void describe('five basics, five stars', () => {
  const suite = e2eSuite('assessment');

  async function expectStatus(page: Page, label: string): Promise<void> {
    await page.getByTestId('sheet-status').filter({ hasText: label }).first().waitFor({ state: 'visible' });
  }

  /** From the years, open this year's cycle and the village's sheet in it. */
  async function openSheet(page: Page): Promise<void> {
    await page.goto(`${suite.baseUrl()}/assessment`);
    await page.getByTestId('cycle-link').first().click();
    await page.getByRole('searchbox', { name: '按村（社区）名称查找' }).fill(VILLAGE);
    await page.getByTestId('sheet-link').filter({ hasText: VILLAGE }).first().click();
    await page.getByTestId('sheet-title').filter({ hasText: VILLAGE }).waitFor({ state: 'visible' });
  }

  async function confirm(page: Page, action: string): Promise<void> {
    await page.getByTestId(`action-${action}`).click();
    await page.getByTestId(`confirm-${action}`).click();
  }

  void test('self-assess and submit, town review, new status', { timeout: 300_000 }, async () => {
    await suite.as('village-submit', 'dongshi', PHONE, async (page) => {
      await openSheet(page);
      await expectStatus(page, '自评中');
      // A village cadre is offered no review actions.
      assert.equal(await page.getByTestId('action-complete-review').count(), 0);
      await page.getByTestId(`self-${LINE}`).click();
      const points = page.getByTestId('self-points');
      await points.waitFor({ state: 'visible' });
      await points.fill('18');
      await page.getByTestId('self-note').fill('全年组织生活会、主题党日均按计划开展');
      await page.getByTestId('self-save').click();
      await page
        .getByTestId('section-lead')
        .getByText('全年组织生活会、主题党日均按计划开展', { exact: true })
        .waitFor({ state: 'visible' });
      await confirm(page, 'submit');
      await expectStatus(page, '已提交');
      assert.equal(await page.getByTestId('action-submit').count(), 0);
    });

    await suite.as('town-review', 'jinsha', DESKTOP, async (page) => {
      await openSheet(page);
      await expectStatus(page, '已提交');
      await page.getByTestId(`review-${LINE}`).click();
      const points = page.getByTestId('review-points');
      await points.waitFor({ state: 'visible' });
      await points.fill('17');
      await page.getByTestId('review-reason').fill('主题党日记录缺少两次');
      await page.getByTestId('review-save').click();
      await page.getByText('主题党日记录缺少两次').first().waitFor({ state: 'visible' });
      await confirm(page, 'complete-review');
      await expectStatus(page, '镇已审核');
      // The district approves; the town is offered no approval.
      assert.equal(await page.getByTestId('action-approve').count(), 0);
    });

    await suite.as('village-sees', 'dongshi', PHONE, async (page) => {
      await openSheet(page);
      await expectStatus(page, '镇已审核');
      assert.equal(await page.getByTestId(`self-${LINE}`).count(), 0);
      await page.getByText('主题党日记录缺少两次').first().waitFor({ state: 'visible' });
    });
  });

  void test('the command view’s link opens the year’s sheets narrowed to the town', async () => {
    const session = await apiLogin(suite.baseUrl(), 'jinsha');
    const me = await apiCall<{ assignments: { orgId: string; orgName: string; orgLevel: string }[] }>(
      suite.baseUrl(),
      session,
      'GET',
      '/api/auth/me',
    );
    const town = me.assignments.find((a) => a.orgLevel === 'town');
    assert.ok(town, 'the town account is assigned to its town');
    // The district's organisation department follows the link of the town's row.
    await suite.as('town-link', 'zzb', DESKTOP, async (page) => {
      const year = new Date().getFullYear();
      await page.goto(`${suite.baseUrl()}/assessment?orgId=${encodeURIComponent(town.orgId)}&year=${year}`);
      const filter = page.getByTestId('filter-town');
      await filter.filter({ hasText: town.orgName }).waitFor({ state: 'visible' });
      assert.equal(new URL(page.url()).pathname, `/assessment/cycles/${year}`);
      assert.equal(new URL(page.url()).searchParams.get('orgId'), town.orgId);
      // Clearing the filter clears the address too.
      await filter.hover();
      await filter.locator('.ant-select-clear').click();
      await page.waitForURL((url) => !url.searchParams.has('orgId'));
    });
  });

  void test(
    'the people in charge ranked by post, the town sees its own villages',
    { timeout: 300_000 },
    async () => {
      const year = new Date().getFullYear();
      const leaders = async (username: string, post: string) =>
        apiCall<LeadersAnswer>(
          suite.baseUrl(),
          await apiLogin(suite.baseUrl(), username),
          'GET',
          `/api/assessment/cycles/${year}/leaders?post=${post}`,
        );
      const secretaries = await leaders('zzb', 'villageSecretary');
      const townLeaders = await leaders('zzb', 'townLeader');
      const ownVillages = await leaders('jinsha', 'villageSecretary');
      assert.ok(secretaries.computedAt !== null, 'the demo ranks this year');
      assert.ok(secretaries.items.length > 0 && townLeaders.items.length > 0);
      assert.ok(ownVillages.items.length > 0 && ownVillages.items.length < secretaries.items.length);
      assert.ok(ownVillages.items.every((s) => s.townName === TOWN));

      const rowsOf = (page: Page) => page.getByTestId('leader-table').locator('tbody tr.ant-table-row');
      const texts = async (page: Page, testId: string) =>
        (await rowsOf(page).getByTestId(testId).allTextContents()).map((x) => x.trim());
      const openTab = async (page: Page) => {
        await page.goto(`${suite.baseUrl()}/assessment/cycles/${year}`);
        await page.getByRole('tab', { name: '领导干部考核' }).click();
        await page.waitForURL((url) => url.searchParams.get('tab') === 'leaders');
        await page
          .getByTestId('leader-computed-at')
          .filter({ hasText: '计算于' })
          .waitFor({ state: 'visible' });
      };
      const expectCount = async (page: Page, count: number) => {
        await page
          .getByTestId('leader-count')
          .filter({ hasText: `共 ${count} 个考核对象` })
          .waitFor({ state: 'visible' });
        assert.equal(await rowsOf(page).count(), Math.min(count, 20));
      };

      await suite.as('leaders-district', 'zzb', DESKTOP, async (page) => {
        await openTab(page);
        await expectCount(page, secretaries.items.length);
        // Best ranked first, as the server ranks them; every village with data carries a rank and a rank in its town.
        const first = secretaries.items[0]!;
        assert.equal((await texts(page, 'leader-unit'))[0], first.unitName);
        assert.equal((await texts(page, 'leader-rank'))[0], String(first.rank));
        assert.equal((await texts(page, 'leader-town-rank')).length, Math.min(secretaries.items.length, 20));
        assert.ok((await texts(page, 'leader-rank')).some((r) => /^\d+$/.test(r)));
        assert.equal(await page.getByTestId('leader-recompute').count(), 1);
        // The export downloads the post's sheets as a spreadsheet.
        const href = await page.getByTestId('leader-export').getAttribute('href');
        assert.equal(href, `/api/assessment/cycles/${year}/leaders.xlsx?post=villageSecretary`);
        const sheet = await fetch(`${suite.baseUrl()}${href}`, {
          headers: { cookie: (await apiLogin(suite.baseUrl(), 'zzb')).cookie },
        });
        assert.equal(sheet.status, 200);
        assert.match(sheet.headers.get('content-type') ?? '', /spreadsheetml/);
        assert.ok((await sheet.arrayBuffer()).byteLength > 0);

        await page.getByTestId('leader-post').click();
        await page.locator('.ant-select-item-option').filter({ hasText: '镇（街道）平台分管领导' }).click();
        await expectCount(page, townLeaders.items.length);
        const platforms = await texts(page, 'leader-platform');
        assert.ok(platforms.length > 0 && platforms.every((p) => p !== '' && p !== '—'));
        assert.equal(await rowsOf(page).getByTestId('leader-town-rank').count(), 0);
      });

      await suite.as('leaders-town', 'jinsha', DESKTOP, async (page) => {
        await openTab(page);
        await expectCount(page, ownVillages.items.length);
        const towns = await texts(page, 'leader-town');
        assert.ok(towns.length > 0 && towns.every((x) => x === TOWN));
        assert.equal(await page.getByTestId('leader-recompute').count(), 0);
      });
    },
  );
});
