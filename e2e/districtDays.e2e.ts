// Days picked in the console are the district's days whatever zone the browser is set to: on a laptop set to Los
// Angeles, a case list and the audit log opened on a range show the district's days, and searching again keeps the
// district's midnights.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DESKTOP, e2eSuite, login } from './harness.js';

const FIRST_DAY = '2026-03-02';
const LAST_DAY = '2026-03-05';
/** The district's midnight starting the first day, and the one after the last. */
const FROM = Date.parse(`${FIRST_DAY}T00:00:00+08:00`);
const TO = Date.parse('2026-03-06T00:00:00+08:00');
const ELSEWHERE = 'America/Los_Angeles';

/** The two days a range picker inside the element shows. */
const shownDays = async (page: Page, within: string): Promise<string[]> =>
  page
    .locator(`${within} .ant-picker-range input`)
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));

const rangeOf = (url: string) => {
  const params = new URL(url).searchParams;
  return { from: Number(params.get('from')), to: Number(params.get('to')) };
};

void describe('district days in a browser set to another zone', () => {
  const suite = e2eSuite('days');

  void test('the case list and the audit log keep the district’s days', { timeout: 180_000 }, async () => {
    const baseUrl = suite.baseUrl();
    const clerk = await suite.open('district-days', DESKTOP, { timezoneId: ELSEWHERE });
    try {
      await clerk.step(async (page) => {
        const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
        assert.equal(zone, ELSEWHERE, 'the browser runs in another zone');
        await login(page, baseUrl, 'admin');

        await page.goto(`${baseUrl}/cases?tab=all&from=${FROM}&to=${TO}`);
        await page.getByTestId('case-filter-submit').waitFor({ state: 'visible' });
        assert.deepEqual(
          await shownDays(page, 'form'),
          [FIRST_DAY, LAST_DAY],
          'the case list shows the days',
        );
        await page.getByTestId('case-search').locator('input').fill('垃圾');
        await page.getByTestId('case-filter-submit').click();
        await page.waitForURL((url) => url.searchParams.get('q') === '垃圾');
        assert.deepEqual(rangeOf(page.url()), { from: FROM, to: TO }, 'the case list searches the same days');

        await page.goto(`${baseUrl}/audit?from=${FROM}&to=${TO}`);
        await page.getByTestId('audit-search').waitFor({ state: 'visible' });
        assert.deepEqual(
          await shownDays(page, '[data-testid="audit-filters"]'),
          [FIRST_DAY, LAST_DAY],
          'the audit log shows the days',
        );
        await page.locator('#audit-actor').fill('admin');
        await page.getByTestId('audit-search').click();
        await page.waitForURL((url) => url.searchParams.get('actor') === 'admin');
        assert.deepEqual(rangeOf(page.url()), { from: FROM, to: TO }, 'the audit log searches the same days');
      });
    } finally {
      await clerk.close();
    }
  });
});
