// The resident satisfaction survey through the UI: the organisation department opens this year's survey and reads
// a village's figures; the town's interviewer takes a sampled household's link, the household answers it on its
// phone (a follow-up question appears after 不满意), the village's answered count rises by one, and the same link
// then shows that it has been answered.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DESKTOP, e2eSuite } from './harness.js';

const PHONE = { width: 390, height: 844 };

/** The current year in the district's time zone, as the demo seeds this year's survey. */
const districtYear = () =>
  Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

void describe('resident satisfaction survey', () => {
  const suite = e2eSuite('surveys');

  const title = `${districtYear()}年度人民群众满意度测评`;

  async function openThisYear(page: Page) {
    await page.goto(`${suite.baseUrl()}/surveys`);
    await page.getByTestId('surveys-table').getByRole('link', { name: title }).click();
    await page.getByTestId('survey-heading').filter({ hasText: title }).waitFor();
    await page.getByTestId('survey-villages').locator('tbody tr.ant-table-row').first().waitFor();
  }

  /** The answered count of a village's row. */
  async function answeredOf(page: Page, village: string) {
    const row = page
      .getByTestId('survey-villages')
      .locator('tbody tr.ant-table-row')
      .filter({ hasText: village });
    return Number(await row.getByTestId('village-answered').innerText());
  }

  void test('the department reads the villages of this year’s survey', { timeout: 180_000 }, async () => {
    await suite.as('department', 'zzb', DESKTOP, async (page) => {
      await openThisYear(page);
      const rows = page.getByTestId('survey-villages').locator('tbody tr.ant-table-row');
      assert.ok((await rows.count()) > 1, 'the district sees many villages');
      const cells = await rows.first().locator('td').allInnerTexts();
      assert.ok(Number(cells[3]) > 0, `the village has a sample: ${cells.join(' | ')}`);
      assert.match(cells[5] ?? '', /%/, 'the village shows its coverage');
      await page.getByTestId('survey-tallies').waitFor();
    });
  });

  void test(
    'a sampled household answers on its phone; the village counts it once',
    { timeout: 240_000 },
    async () => {
      const {
        village,
        link,
        before: answeredBefore,
      } = await suite.as('interviewer', 'jinsha', DESKTOP, async (page) => {
        await openThisYear(page);
        const row = page.getByTestId('survey-villages').locator('tbody tr.ant-table-row').first();
        const name = (await row.locator('td').nth(1).innerText()).trim();
        const count = await answeredOf(page, name);
        await row.getByTestId('village-samples').click();
        const open = page
          .getByTestId('survey-samples')
          .locator('tbody tr.ant-table-row')
          .filter({ hasText: '未答' });
        const href = await open.first().getByTestId('sample-link').getAttribute('href');
        assert.ok(href !== null && href.startsWith('/survey/'), `a phone link: ${href}`);
        return { village: name, link: href, before: count };
      });

      await suite.as('phone', null, PHONE, async (page) => {
        await page.goto(`${suite.baseUrl()}${link}`);
        await page.getByTestId('survey-title').filter({ hasText: title }).waitFor();
        assert.match(await page.getByTestId('survey-village').innerText(), new RegExp(village));
        const pick = (code: string, label: string) =>
          page.getByTestId(`question-${code}`).getByText(label, { exact: true }).click();
        await pick('overall', '比较满意');
        assert.equal(
          await page.getByTestId('question-appealsWhy').count(),
          0,
          'the follow-up waits for 不满意',
        );
        await pick('appeals', '不满意');
        await page.getByTestId('question-appealsWhy').waitFor();
        await pick('appealsWhy', '办理太慢');
        await pick('cadres', '4');
        await pick('environment', '比较满意');
        await pick('safety', '非常满意');
        await page.getByTestId('survey-submit').click();
        await page.getByTestId('survey-thanks').waitFor();
      });

      await suite.as('interviewer-after', 'jinsha', DESKTOP, async (page) => {
        await openThisYear(page);
        assert.equal(await answeredOf(page, village), answeredBefore + 1, 'the village counts the answer');
      });

      await suite.as('phone-again', null, PHONE, async (page) => {
        await page.goto(`${suite.baseUrl()}${link}`);
        await page.getByTestId('survey-already').waitFor();
        assert.equal(await page.getByTestId('survey-answer-form').count(), 0, 'no form for an answered link');
      });
    },
  );
});
