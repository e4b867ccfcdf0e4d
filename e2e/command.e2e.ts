// The command view in the browser: the district's screen with each tile's freshness and owner, a number that opens
// the very records it counts, drill-down district → town → village, the big screen at the command hall's size, a red
// card announced on the open screen without a reload, and an alert acted on and finished.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { apiCall, apiLogin, DESKTOP, e2eSuite, screenshot } from './harness.js';

const BIG_SCREEN = { width: 1920, height: 1080 };

/** The number a figure shows, digits only (a count's thousands separators dropped). */
async function figureValue(page: Page, testId: string): Promise<number> {
  const text = await page.getByTestId(testId).first().innerText();
  const digits = text.replace(/[^\d]/g, '');
  assert.notEqual(digits, '', `${testId} shows a number: ${text}`);
  return Number(digits);
}

/** Every row of the case list, loading further pages until there are none. */
async function allCaseRows(page: Page): Promise<number> {
  const table = page.getByTestId('case-table');
  await table.locator('tbody tr.ant-table-row').first().waitFor({ state: 'visible' });
  for (let i = 0; i < 20; i += 1) {
    const more = page.getByRole('button', { name: '加载更多' });
    if ((await more.count()) === 0) {
      break;
    }
    const before = await table.locator('tbody tr.ant-table-row').count();
    await more.click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="case-table"] tbody tr.ant-table-row').length > n,
      before,
    );
  }
  return table.locator('tbody tr.ant-table-row').count();
}

void describe('command view', () => {
  const suite = e2eSuite('command');

  void test('a number opens its records; drill-down follows the tree', { timeout: 300_000 }, async () => {
    await suite.as('desk', 'qzh', DESKTOP, async (page) => {
      await page.goto(`${suite.baseUrl()}/command`);
      const screen = page.locator('[data-testid="command-screen"][data-mode="desk"]');
      await screen.waitFor({ state: 'visible' });
      await page.getByTestId('command-title').filter({ hasText: '通州区' }).waitFor({ state: 'visible' });

      // Each tile says how fresh its figures are and who owns them.
      for (const code of ['cases.open', 'cases.today', 'consultations.year', 'volunteers.service']) {
        const tile = page.getByTestId(`tile-${code}`);
        await tile.waitFor({ state: 'visible' });
        await tile.getByTestId(`freshness-${code}`).waitFor({ state: 'visible' });
      }
      await page
        .getByTestId('tile-cases.open')
        .getByText('区社会治理现代化指挥中心')
        .first()
        .waitFor({ state: 'visible' });

      // The open red cards on the tile are exactly the rows of the list it opens.
      const redCards = await figureValue(page, 'figure-cases.open-redCards');
      assert.ok(redCards > 0, 'the demo district has open red cards');
      await page.getByTestId('figure-cases.open-redCards').first().click();
      await page.waitForURL(/\/cases\?.*card=red/);
      await page.getByTestId('case-linked-filters').getByText('红牌督办').waitFor({ state: 'visible' });
      assert.equal(await allCaseRows(page), redCards);

      // Removing the link's condition widens the list to every open case of the district.
      await page.getByTestId('case-linked-filters').locator('.ant-tag-close-icon').first().click();
      await page.waitForURL((url) => !url.search.includes('card='));
      await page.getByTestId('case-linked-filters').waitFor({ state: 'detached' });

      // Drill-down: district → town → village, the trail naming each step.
      await page.goto(`${suite.baseUrl()}/command`);
      await page.getByTestId('command-children').getByText('金沙街道', { exact: true }).click();
      await page
        .getByTestId('command-trail-current')
        .filter({ hasText: '金沙街道' })
        .waitFor({ state: 'visible' });
      await page.getByTestId('command-trail').getByText('通州区').waitFor({ state: 'visible' });
      await page.getByTestId('tile-volunteers.service').waitFor({ state: 'visible' });
      await page.getByTestId('command-children').getByText('东市社区', { exact: true }).click();
      await page
        .getByTestId('command-trail-current')
        .filter({ hasText: '东市社区' })
        .waitFor({ state: 'visible' });
      await page.getByTestId('tile-cases.open').waitFor({ state: 'visible' });
      // The stars are awarded to villages by their towns: the village's own screen has no stars tile.
      assert.equal(await page.getByTestId('tile-assessment.stars').count(), 0);
    });
  });

  void test(
    'the big screen fits the hall and a new red card is announced',
    { timeout: 300_000 },
    async () => {
      const session = await apiLogin(suite.baseUrl(), 'qzh');
      await suite.as('big-screen', 'qzh', BIG_SCREEN, async (page) => {
        await page.goto(`${suite.baseUrl()}/command?mode=screen`);
        await page
          .locator('[data-testid="command-screen"][data-mode="screen"]')
          .waitFor({ state: 'visible' });
        await page.getByTestId('tile-cases.open').waitFor({ state: 'visible' });
        await page.getByTestId('command-ticker').waitFor({ state: 'visible' });
        const overflow = await page.evaluate(() => ({
          width: document.documentElement.scrollWidth,
          height: document.documentElement.scrollHeight,
        }));
        assert.ok(
          overflow.width <= BIG_SCREEN.width,
          `no sideways scrolling on the big screen (${overflow.width})`,
        );
        await screenshot(page, 'command-big-screen');

        // A case of the district put under a red card while the screen is open shows in the ticker.
        const { items } = await apiCall<{ items: { id: string; trackingCode: string }[] }>(
          suite.baseUrl(),
          session,
          'GET',
          '/api/cases?tab=all&state=handling&limit=50',
        );
        const target = items.find(() => true);
        assert.ok(target !== undefined, 'the demo has cases being handled');
        await apiCall(suite.baseUrl(), session, 'POST', `/api/cases/${target.id}/actions`, {
          action: 'supervise',
          card: 'red',
          comment: '群众反映强烈，区指挥中心红牌督办',
        });
        await page
          .getByTestId('command-ticker')
          .getByText(target.trackingCode)
          .first()
          .waitFor({ state: 'visible', timeout: 60_000 });
      });
    },
  );

  void test('an alert is acted on and finished', { timeout: 300_000 }, async () => {
    await suite.as('alerts', 'qzh', DESKTOP, async (page) => {
      await page.goto(`${suite.baseUrl()}/command`);
      const alerts = page.getByTestId('command-alerts');
      await alerts.waitFor({ state: 'visible' });
      const open = alerts.locator('[data-testid="command-alert"][data-status="open"]').first();
      await open.waitFor({ state: 'visible' });
      const id = await open.getAttribute('data-alert');
      assert.ok(id !== null);
      const row = alerts.locator(`[data-alert="${id}"]`);
      await row.getByTestId('alert-act').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('alert-act-kind').getByText('设为巡查重点').click();
      await dialog.getByTestId('alert-act-note').fill('请网格员今日内到现场巡查');
      await dialog.getByRole('button', { name: /处\s*置/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      await alerts.locator(`[data-alert="${id}"][data-status="acting"]`).waitFor({ state: 'visible' });
      await row.getByTestId('alert-finish').click();
      const finish = page.getByRole('dialog');
      await finish.locator('textarea').fill('巡查完毕，占道经营已清理');
      await finish.getByRole('button', { name: '记录结果' }).click();
      await finish.waitFor({ state: 'hidden' });
      // A finished alert leaves the list of what is still to do.
      await alerts.locator(`[data-alert="${id}"]`).waitFor({ state: 'detached' });
    });
  });
});
