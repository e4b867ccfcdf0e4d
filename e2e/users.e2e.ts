// A person's account through its life in the console: the district admin creates it with a role, the new person
// signs in with the one-time password and must change it first, works, and once the admin deactivates the account
// the person's open session ends at once.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DESKTOP, e2eSuite, login } from './harness.js';

const USERNAME = 'e2e.zhang';
const NEW_PASSWORD = 'Tongzhou-Grid-2027';

void describe('the identity lifecycle in the console', () => {
  const suite = e2eSuite('users');

  /** Open a tree picker, unfold the district and choose one of its towns. */
  async function pickTown(page: Page, testId: string, town: string): Promise<void> {
    await page.getByTestId(testId).click();
    const dropdown = page.locator('.ant-select-dropdown:visible');
    await dropdown.locator('.ant-select-tree-switcher').first().click();
    await dropdown.locator('.ant-select-tree-title', { hasText: town }).first().click();
  }

  void test(
    'create with a role, first sign-in changes the one-time password, deactivation ends the session',
    { timeout: 240_000 },
    async () => {
      const baseUrl = suite.baseUrl();
      const admin = await suite.open('admin', DESKTOP);
      const oneTime = await admin.step(async (page) => {
        await login(page, baseUrl, 'admin');
        await page.goto(`${baseUrl}/admin/users`);
        await page.getByTestId('user-create').click();
        await page.getByTestId('user-create-page').waitFor({ state: 'visible' });
        await page.getByTestId('user-username').fill(USERNAME);
        await page.getByTestId('user-name').fill('张测试');
        await pickTown(page, 'user-home-org', '金沙街道');
        await page.getByTestId('user-role').click();
        await page.locator('.ant-select-item-option', { hasText: '镇指挥中心' }).first().click();
        await pickTown(page, 'user-role-org', '金沙街道');
        await page.getByTestId('user-submit').click();
        const shown = page.getByTestId('one-time-password');
        await shown.waitFor({ state: 'visible' });
        const password = (await shown.innerText()).trim();
        assert.ok(password.length >= 8, 'a one-time password is shown');
        await page.locator('.ant-modal-footer .ant-btn-primary').click();
        await page.getByTestId('user-page').waitFor({ state: 'visible' });
        return password;
      });

      const person = await suite.open('person', DESKTOP);
      await person.step(async (page) => {
        await login(page, baseUrl, USERNAME, oneTime);
        // Nothing else of the console until the one-time password is changed.
        await page.getByTestId('forced-password-change').waitFor({ state: 'visible' });
        await page.getByTestId('password-current').fill(oneTime);
        await page.getByTestId('password-next').fill(NEW_PASSWORD);
        await page.getByTestId('password-confirm').fill(NEW_PASSWORD);
        await page.getByTestId('password-submit').click();
        await page.getByTestId('forced-password-change').waitFor({ state: 'detached' });
        await page.goto(`${baseUrl}/cases`);
        await page.getByTestId('case-link').first().waitFor({ state: 'visible' });
      });

      await admin.step(async (page) => {
        await page.getByTestId('user-deactivate').click();
        await page.locator('.ant-popconfirm .ant-btn-primary').click();
        await page.getByTestId('user-reactivate').waitFor({ state: 'visible' });
      });

      await person.step(async (page) => {
        // The open session ended: the next page load goes to the sign-in page, and the password no longer works.
        await page.goto(`${baseUrl}/cases`);
        await page.waitForURL((url) => url.pathname.startsWith('/login'));
        const res = await fetch(`${baseUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: USERNAME, password: NEW_PASSWORD }),
        });
        assert.notEqual(res.status, 200, 'a deactivated account cannot sign in');
      });
      await admin.close();
      await person.close();
    },
  );
});
