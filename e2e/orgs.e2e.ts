// The organisation system in the console: browse the tree down to a party group, open a member, reveal with a reason.
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, login, screenshotOnFailure, startApp, type App } from './harness.js';

const UI_TIMEOUT_MS = 30_000;

void describe('organisation system', () => {
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

  /** Opens a child organisation from the detail panel's list of sub-organisations. */
  async function openChild(page: Page, name: string): Promise<void> {
    await page.getByTestId('org-children-table').getByRole('link', { name, exact: true }).first().click();
    await page.getByTestId('org-name').filter({ hasText: name }).waitFor();
  }

  void test('browse the tree to a party group and open a member', { timeout: 180_000 }, async () => {
    const context = await browser!.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    try {
      await screenshotOnFailure(page, 'orgs-browse', async () => {
        await login(page, app!.baseUrl);
        await page.goto(`${app!.baseUrl}/orgs`);
        await page.getByTestId('org-tree').getByText('金沙街道', { exact: true }).click();
        await page.getByTestId('org-name').filter({ hasText: '金沙街道' }).waitFor();
        await openChild(page, '东市社区');
        await openChild(page, '东市社区第一党支部');
        await openChild(page, '第一党小组');
        // The tree has opened the path down to the group.
        await page.getByTestId('org-tree').getByText('东市社区第一党支部').waitFor();
        await page.getByTestId('org-counts').waitFor();

        await page.getByRole('tab', { name: '党员', exact: true }).click();
        const firstMember = page.getByTestId('member-table').locator('tbody a').first();
        const name = (await firstMember.textContent()) ?? '';
        await firstMember.click();
        await page.getByTestId('member-name').filter({ hasText: name }).waitFor();
        const masked = page.getByTestId('member-id-number');
        await masked.filter({ hasText: /^\d{6}\*{8}[\dX]{4}$/ }).waitFor();

        await page.getByTestId('reveal-button').click();
        await page.getByTestId('reveal-reason').fill('核对组织关系');
        await page
          .getByRole('button', { name: '确 定' })
          .or(page.getByRole('button', { name: '确定' }))
          .click();
        await masked.filter({ hasText: /^\d{17}[\dX]$/ }).waitFor();
      });
    } finally {
      await context.close();
    }
  });

  void test('the member list fits a phone screen', { timeout: 120_000 }, async () => {
    const context = await browser!.newContext({ locale: 'zh-CN', viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    try {
      await screenshotOnFailure(page, 'members-phone', async () => {
        await login(page, app!.baseUrl);
        await page.goto(`${app!.baseUrl}/members`);
        await page.getByTestId('member-table').locator('tbody a').first().waitFor();
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 380) {
          throw new Error(`the page scrolls sideways on a phone (${width}px wide)`);
        }
      });
    } finally {
      await context.close();
    }
  });
});
