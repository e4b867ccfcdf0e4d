// A case's whole life through the UI: a resident reports on the phone page, the town accepts, registers and
// dispatches, the department signs and handles, the grid worker checks, the town closes, the resident rates.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { apiCall, apiLogin, DESKTOP, e2eSuite, PHONE } from './harness.js';

/** Inside the first grid of 东市社区 (金沙街道), WGS-84. */
const POINT = { lng: '121.1', lat: '32.093' };

void describe('cases through the four platforms', () => {
  const suite = e2eSuite('cases');

  async function expectState(page: Page, label: string): Promise<void> {
    await page.getByTestId('case-state').filter({ hasText: label }).first().waitFor({ state: 'visible' });
  }

  /** Open the case from the signed-in user's queue (my queue tab, the default). */
  async function openFromQueue(page: Page, code: string): Promise<void> {
    await page.goto(`${suite.baseUrl()}/cases`);
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
      const code = await suite.as('resident-report', null, PHONE, async (page) => {
        await page.goto(`${suite.baseUrl()}/report`);
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

      await suite.as('town-dispatch', 'jinsha', DESKTOP, async (page) => {
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

      await suite.as('department-handle', 'jszf', DESKTOP, async (page) => {
        await openFromQueue(page, code);
        await act(page, 'sign', '处置中');
        // The main button is the next step, not a request beside it.
        await page
          .locator('[data-testid="action-markHandled"].ant-btn-primary')
          .waitFor({ state: 'visible' });
        assert.equal(await page.locator('[data-testid="case-actions"] .ant-btn-primary').count(), 1);
        await act(page, 'markHandled', '已处置', async (dialog) => {
          await dialog.getByTestId('action-dialog-comment').fill('已清理完毕，现场恢复整洁');
        });
      });

      await suite.as('town-send-to-check', 'jinsha', DESKTOP, async (page) => {
        await openFromQueue(page, code);
        await act(page, 'sendToCheck', '核查中');
      });

      await suite.as('grid-worker-check', 'wangge', PHONE, async (page) => {
        await openFromQueue(page, code);
        await act(page, 'checkPass', '已核查');
      });

      await suite.as('town-close', 'jinsha', DESKTOP, async (page) => {
        await openFromQueue(page, code);
        await act(page, 'close', '已结案');
        await page.getByText('已清理完毕，现场恢复整洁').first().waitFor({ state: 'visible' });
        // A closed case has no main step: reopening is offered, not pressed on the town; its clock says how it ended.
        await page.getByTestId('action-reopen').waitFor({ state: 'visible' });
        assert.equal(await page.locator('[data-testid="case-actions"] .ant-btn-primary').count(), 0);
        await page.getByTestId('case-clock').filter({ hasText: '按期办结' }).waitFor({ state: 'visible' });
      });

      await suite.as('resident-rate', null, PHONE, async (page) => {
        await page.goto(`${suite.baseUrl()}/track/${code}`);
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

  void test(
    'a grid worker’s own report names him, not a reporter who left no phone',
    { timeout: 120_000 },
    async () => {
      const baseUrl = suite.baseUrl();
      const worker = await apiLogin(baseUrl, 'wangge');
      const response = await fetch(`${baseUrl}/api/cases`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: worker.cookie,
          'x-csrf-token': worker.csrfToken,
        },
        body: JSON.stringify({
          categoryCode: '010101',
          description: '巡查发现垃圾桶破损',
          lng: Number(POINT.lng),
          lat: Number(POINT.lat),
        }),
      });
      assert.equal(response.status, 201, await response.clone().text());
      const { id } = (await response.json()) as { id: string };
      const { item } = await apiCall<{ item: { reporterPhoneMasked: string | null } }>(
        baseUrl,
        worker,
        'GET',
        `/api/cases/${id}`,
      );
      await suite.as('grid-own-report', 'jinsha', DESKTOP, async (page) => {
        const pageErrors: string[] = [];
        page.on('pageerror', (error) => pageErrors.push(error.message));
        await page.goto(`${baseUrl}/cases/${id}`);
        const reporter = page.getByTestId('case-reporter');
        await reporter.waitFor({ state: 'visible' });
        const text = await reporter.innerText();
        assert.ok(!text.includes('未留电话'), `the reporter is not a resident without a phone: "${text}"`);
        assert.ok(
          item.reporterPhoneMasked === null
            ? text.includes('工作人员上报')
            : text.includes(item.reporterPhoneMasked),
          `the worker is named or reachable: "${text}"`,
        );
        // Confirming a reveal without a reason asks for one, and the page throws nothing.
        await page.getByTestId('reveal').click();
        await page.getByTestId('reveal-reason').waitFor({ state: 'visible' });
        await page.locator('.ant-modal-footer .ant-btn-primary').click();
        await page.getByText('请填写理由（至少 2 个字）').waitFor({ state: 'visible' });
        assert.deepEqual(pageErrors, [], 'no uncaught error in the page');
      });
    },
  );
});
