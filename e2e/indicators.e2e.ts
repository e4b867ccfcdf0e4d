// Indicators that lead to records: the district command centre opens on the last 30 days, named, with its towns
// ranked; a ranking row and a figure each open the case list behind them, filtered by unit and period.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DESKTOP, e2eSuite } from './harness.js';

const DAY_MS = 86_400_000;

/** The days of "统计期间：YYYY/MM/DD 至 YYYY/MM/DD" as instants (the district's midnights). */
const periodOf = (text: string): [number, number] => {
  const days = [...text.matchAll(/(\d{4})\/(\d{2})\/(\d{2})/g)].map((m) =>
    Date.parse(`${m[1]}-${m[2]}-${m[3]}T00:00:00+08:00`),
  );
  assert.equal(days.length, 2, `a period of two days is shown: "${text}"`);
  return [days[0]!, days[1]!];
};

void describe('indicators open their cases', () => {
  const suite = e2eSuite('indicators');

  void test(
    'the district opens on 30 days and its towns; a row and a figure open their case lists',
    { timeout: 180_000 },
    async () => {
      const baseUrl = suite.baseUrl();
      await suite.as('district', 'qzh', DESKTOP, async (page) => {
        await page.goto(`${baseUrl}/indicators`);
        const shown = page.getByTestId('indicator-period').filter({ hasText: '至' });
        await shown.waitFor({ state: 'visible' });
        const [first, last] = periodOf(await shown.innerText());
        assert.ok((await shown.innerText()).includes('近 30 天'), 'the window is named');
        assert.equal((last - first) / DAY_MS + 1, 30, 'the default window is the last 30 days');
        const level = page.getByTestId('ranking-level').locator('.ant-segmented-item-selected');
        await level.filter({ hasText: '镇（街道）' }).waitFor({ state: 'visible' });

        const row = page.getByTestId('ranking-row-link').first();
        const town = (await row.innerText()).trim();
        assert.ok(/(街道|镇)$/.test(town), `the ranking lists towns first, got "${town}"`);
        await row.click();
        await page.waitForURL((url) => url.pathname === '/cases');
        const rowLink = new URL(page.url()).searchParams;
        assert.equal(rowLink.get('tab'), 'all');
        assert.ok(rowLink.get('orgId') !== null, 'the row filters its town');
        assert.equal(Number(rowLink.get('from')), first, 'from the first day of the period');
        assert.equal(Number(rowLink.get('to')), last + DAY_MS, 'to the midnight after its last day');
        await page.getByTestId('case-link').first().waitFor({ state: 'visible' });

        await page.goBack();
        const figure = page.getByTestId('figure-reported');
        await figure.waitFor({ state: 'visible' });
        await figure.click();
        await page.waitForURL((url) => url.pathname === '/cases');
        const figureLink = new URL(page.url()).searchParams;
        assert.ok(figureLink.get('orgId') !== null, 'the figure filters the district');
        assert.equal(Number(figureLink.get('from')), first);
        await page.getByTestId('case-link').first().waitFor({ state: 'visible' });
      });
    },
  );
});
