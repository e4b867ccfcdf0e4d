// The grid map: open it, click a grid, see its card; the grid worker's patrol page on a phone.
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, login, screenshotOnFailure, startApp, type App } from './harness.js';

const UI_TIMEOUT_MS = 30_000;

void describe('grid map', () => {
  let app: App | undefined;
  let browser: Browser | undefined;

  before(
    async () => {
      app = await startApp();
      browser = await launchBrowser();
    },
    { timeout: 240_000 },
  );

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function newPage(options: { viewport?: { width: number; height: number } } = {}): Promise<{
    context: BrowserContext;
    page: Page;
  }> {
    if (!browser) {
      throw new Error('the browser did not start');
    }
    const context = await browser.newContext({ locale: 'zh-CN', ...options });
    const page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    return { context, page };
  }

  void test('open the map, click a grid, see its card', { timeout: 180_000 }, async () => {
    const { context, page } = await newPage();
    try {
      await screenshotOnFailure(page, 'grids-map', async () => {
        await login(page, app!.baseUrl, 'jinsha');
        await page.goto(`${app!.baseUrl}/grids`);
        const grid = page.locator('path.tx-grid-320612001001001');
        await grid.waitFor({ state: 'attached' });
        await grid.dispatchEvent('click');
        const card = page.locator('.tx-grid-card');
        await card.waitFor({ state: 'visible' });
        await card.getByText('320612001001001').first().waitFor();
        await card.getByText('东市社区').first().waitFor();
        await card.getByText('金沙街道').first().waitFor();
        await card.getByText('网格长').first().waitFor();
        // Phones are masked on the card.
        await card
          .getByText(/1\d\d\*\*\*\*\d{4}/)
          .first()
          .waitFor();
      });
    } finally {
      await context.close();
    }
  });

  void test('the grid worker starts and ends a patrol on a phone', { timeout: 180_000 }, async () => {
    const { context, page } = await newPage({ viewport: { width: 375, height: 740 } });
    try {
      await screenshotOnFailure(page, 'patrol-phone', async () => {
        await login(page, app!.baseUrl, 'wangge');
        await page.goto(`${app!.baseUrl}/patrol`);
        await page.getByRole('button', { name: /开始巡查/ }).click();
        await page.getByText('巡查中').first().waitFor();
        await page.getByRole('button', { name: /结束巡查/ }).click();
        await page.getByText('最近巡查').first().waitFor();
        await page
          .getByText(/轨迹点 0 个/)
          .first()
          .waitFor();
      });
    } finally {
      await context.close();
    }
  });
});
