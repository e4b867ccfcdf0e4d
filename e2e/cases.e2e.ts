// A case's whole life through the UI: a resident reports on the phone page, the town accepts, registers and
// dispatches, the department signs and handles, the grid worker checks, the town closes, the resident rates.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, login, screenshotOnFailure, startApp, type App } from './harness.js';

const UI_TIMEOUT_MS = 30_000;
const PHONE = { width: 375, height: 800 };
const DESKTOP = { width: 1366, height: 900 };
/** Inside the first grid of 东市社区 (金沙街道), WGS-84. */
const POINT = { lng: '121.1', lat: '32.093' };

void describe('cases through the four platforms', () => {
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

  async function newPage(viewport: { width: number; height: number }): Promise<{
    context: BrowserContext;
    page: Page;
  }> {
    if (!browser) {
      throw new Error('the browser did not start');
    }
    const context = await browser.newContext({ locale: 'zh-CN', viewport });
    const page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    return { context, page };
  }

  /** Run body in a fresh browser context (a new person on a new device), signed in when a user is given. */
  async function as<T>(
    name: string,
    user: string | null,
    viewport: { width: number; height: number },
    body: (page: Page) => Promise<T>,
  ): Promise<T> {
    const { context, page } = await newPage(viewport);
    try {
      return await screenshotOnFailure(page, `cases-${name}`, async () => {
        if (user !== null) {
          await login(page, app!.baseUrl, user);
        }
        return body(page);
      });
    } finally {
      await context.close();
    }
  }

  async function expectState(page: Page, label: string): Promise<void> {
    await page.getByTestId('case-state').filter({ hasText: label }).first().waitFor({ state: 'visible' });
  }

  /** Open the case from the signed-in user's queue (my queue tab, the default). */
  async function openFromQueue(page: Page, code: string): Promise<void> {
    await page.goto(`${app!.baseUrl}/cases`);
    await page.getByTestId('case-link').filter({ hasText: code }).first().click();
    await page.getByTestId('case-code').filter({ hasText: code }).waitFor({ state: 'visible' });
  }

  /** Click an action the server offers, fill the dialog, confirm, and wait for the new state. */
  async function act(
    page: Page,
    action: string,
    nextState: string,
    fill?: (dialog: Page) => Promise<void>,
  ): Promise<void> {
    await page.getByTestId(`action-${action}`).click();
    const confirm = page.getByTestId('action-confirm');
    await confirm.waitFor({ state: 'visible' });
    if (fill !== undefined) {
      await fill(page);
    }
    await confirm.click();
    await expectState(page, nextState);
  }

  void test(
    'report, accept, register, dispatch, handle, check, close, rate',
    { timeout: 300_000 },
    async () => {
      const code = await as('resident-report', null, PHONE, async (page) => {
        await page.goto(`${app!.baseUrl}/report`);
        await page.getByTestId('report-description').fill('路边垃圾堆放很久没人清理，气味很大');
        // The category suggested from the text.
        await page.getByTestId('suggestions').getByRole('button', { name: '暴露垃圾' }).click();
        await page
          .getByTestId('chosen-category')
          .filter({ hasText: '暴露垃圾' })
          .waitFor({ state: 'visible' });
        await page.getByTestId('enter-coords').click();
        await page.getByRole('spinbutton', { name: '经度' }).fill(POINT.lng);
        await page.getByRole('spinbutton', { name: '纬度' }).fill(POINT.lat);
        await page.getByTestId('coord-apply').click();
        await page.getByTestId('picked-point').filter({ hasText: '121.10000' }).waitFor({ state: 'visible' });
        await page.getByRole('textbox', { name: '手机号码（可选）' }).fill('13812345678');
        await page.getByTestId('report-submit').click();
        const shown = page.getByTestId('tracking-code');
        await shown.waitFor({ state: 'visible' });
        const text = (await shown.innerText()).trim();
        const match = /TZ[0-9]{6}[2-9A-Z]{10}/.exec(text);
        assert.ok(match, `a tracking code is shown, got "${text}"`);
        return match[0];
      });

      await as('town-dispatch', 'jinsha', DESKTOP, async (page) => {
        await openFromQueue(page, code);
        await page.getByTestId('case-category').filter({ hasText: '暴露垃圾' }).waitFor({ state: 'visible' });
        await page.getByText('138****5678').waitFor({ state: 'visible' });
        await act(page, 'accept', '已受理');
        await act(page, 'register', '已立案');
        await act(page, 'dispatch', '已派遣', async (dialog) => {
          // The routed department is suggested and already chosen.
          await dialog
            .getByTestId('action-department')
            .filter({ hasText: '金沙街道综合执法平台' })
            .waitFor({ state: 'visible' });
        });
      });

      await as('department-handle', 'jszf', DESKTOP, async (page) => {
        await openFromQueue(page, code);
        await act(page, 'sign', '处置中');
        await act(page, 'markHandled', '已处置', async (dialog) => {
          await dialog.getByTestId('action-dialog-comment').fill('已清理完毕，现场恢复整洁');
        });
      });

      await as('town-send-to-check', 'jinsha', DESKTOP, async (page) => {
        await openFromQueue(page, code);
        await act(page, 'sendToCheck', '核查中');
      });

      await as('grid-worker-check', 'wangge', PHONE, async (page) => {
        await openFromQueue(page, code);
        await act(page, 'checkPass', '已核查');
      });

      await as('town-close', 'jinsha', DESKTOP, async (page) => {
        await openFromQueue(page, code);
        await act(page, 'close', '已结案');
        await page.getByText('已清理完毕，现场恢复整洁').first().waitFor({ state: 'visible' });
      });

      await as('resident-rate', null, PHONE, async (page) => {
        await page.goto(`${app!.baseUrl}/track/${code}`);
        await page.getByTestId('public-state').filter({ hasText: '已结案' }).waitFor({ state: 'visible' });
        // The department's public reply reaches the resident; no staff names do.
        await page.getByText('已清理完毕，现场恢复整洁').waitFor({ state: 'visible' });
        await page.getByRole('radio', { name: '非常满意' }).check();
        await page.getByRole('textbox', { name: '您的意见（可选）' }).fill('处理很及时');
        await page.getByTestId('rating-submit').click();
        await page.getByTestId('public-rating').filter({ hasText: '非常满意' }).waitFor({ state: 'visible' });
        assert.equal(await page.getByText('金沙街道综合执法平台').count(), 0);
      });
    },
  );
});
