// The console shell: login, the district overview, the language switch, a phone-sized screen.
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, login, screenshotOnFailure, startApp, type App } from './harness.js';

const TOWNS = ['金沙街道', '石港镇'];
const UI_TIMEOUT_MS = 30_000;

void describe('console shell', () => {
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

  async function expectTowns(page: Page): Promise<void> {
    const list = page.getByTestId('org-children');
    for (const town of TOWNS) {
      await list.getByText(town).first().waitFor({ state: 'visible' });
    }
  }

  /** Wait until some visible element's text matches. */
  async function expectText(page: Page, text: RegExp): Promise<void> {
    await page.getByText(text).filter({ visible: true }).first().waitFor({ state: 'visible' });
  }

  void test('login, overview, language switch remembered across reloads', { timeout: 180_000 }, async () => {
    const { context, page } = await newPage();
    try {
      await screenshotOnFailure(page, 'shell-language', async () => {
        await login(page, app!.baseUrl);
        await expectTowns(page);
        await expectText(page, /组织/);

        await page.getByTestId('lang-switch').first().click();
        await expectText(page, /Organisations|Overview/);

        await page.reload();
        await expectText(page, /Organisations|Overview/);
        await expectTowns(page);

        await page.getByTestId('lang-switch').first().click();
        await expectText(page, /组织/);
      });
    } finally {
      await context.close();
    }
  });

  void test('phone-sized screen still shows the towns', { timeout: 180_000 }, async () => {
    const { context, page } = await newPage({ viewport: { width: 375, height: 740 } });
    try {
      await screenshotOnFailure(page, 'shell-phone', async () => {
        await login(page, app!.baseUrl);
        await expectTowns(page);
      });
    } finally {
      await context.close();
    }
  });
});
