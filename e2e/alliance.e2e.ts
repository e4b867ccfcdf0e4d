// The regional party-building alliance through the UI: a community posts a demand for a venue, the town (the
// convener) finds the school in that community ranked first, agrees it and records the delivery, and the community
// rates it, which closes the demand.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { apiCall, apiLogin, DESKTOP, e2eSuite, PHONE } from './harness.js';

const ALLIANCE = '金沙街道区域党建共同体';
const COMMUNITY = '东市社区';
const DEMAND = '暑期少儿托管活动场地';
const SCHOOL = '东市中心小学';
const HALL = '多功能厅';

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

  /** Picks an option of an open Select by its exact label. */
  async function pick(page: Page, select: Locator, label: string): Promise<void> {
    await select.click();
    await page.locator(`.ant-select-item-option[title="${label}"]:visible`).first().click();
  }

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
});
