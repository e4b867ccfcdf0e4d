// The five-star map in the browser: the organisation department opens the last completed year, sees every village
// of the district drawn and coloured by the level it was awarded, colours it by movement instead, opens a village's
// sheet from the map, and finds in the town table the count the awards give, which opens the very sheets it counts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { apiCall, apiLogin, DESKTOP, e2eSuite } from './harness.js';

type Cycles = { items: { year: number; status: string }[] };
type Outlines = { features: { properties: { orgId: string; name: string } }[] };
type Awards = { items: { orgId: string; orgName: string; sheetId: string; level: number }[] };
type Sheets = { items: { id: string; orgId: string; townName: string }[] };

void describe('the five-star map', () => {
  const suite = e2eSuite('assessment-map');

  async function openMapTab(page: Page, year: number): Promise<void> {
    await page.goto(`${suite.baseUrl()}/assessment/cycles/${year}`);
    await page.getByRole('tab', { name: '地图' }).click();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'map');
    await page.getByTestId('stars-map').waitFor({ state: 'visible' });
  }

  void test(
    'villages by level and movement, a village’s sheet, a town’s count',
    { timeout: 300_000 },
    async () => {
      const session = await apiLogin(suite.baseUrl(), 'zzb');
      const get = <T>(path: string) => apiCall<T>(suite.baseUrl(), session, 'GET', path);
      const cycles = await get<Cycles>('/api/assessment/cycles');
      const completed = cycles.items.filter((c) => c.status === 'closed').map((c) => c.year);
      assert.ok(completed.length > 0, 'the demo completes a year');
      const year = Math.max(...completed);
      const [outlines, awards, sheets] = await Promise.all([
        get<Outlines>('/api/grids/outlines?level=village'),
        get<Awards>(`/api/assessment/cycles/${year}/awards`),
        get<Sheets>(`/api/assessment/cycles/${year}/sheets`),
      ]);
      assert.ok(outlines.features.length > 0 && awards.items.length > 0);
      const outlined = new Set(outlines.features.map((f) => f.properties.orgId));
      // The village awarded most stars that has an outline to click on.
      const village = [...awards.items]
        .sort((a, b) => b.level - a.level || a.orgId.localeCompare(b.orgId))
        .find((a) => outlined.has(a.orgId));
      assert.ok(village !== undefined && village.level > 0, 'an outlined village was awarded stars');
      const townOf = new Map(sheets.items.map((s) => [s.id, s.townName]));
      const town = townOf.get(village.sheetId);
      assert.ok(town !== undefined, 'the village’s sheet names its town');
      const expected = awards.items.filter(
        (a) => a.level === village.level && townOf.get(a.sheetId) === town,
      ).length;

      await suite.as('map', 'zzb', DESKTOP, async (page) => {
        await openMapTab(page, year);
        const map = page.getByTestId('stars-map');
        assert.equal(await map.locator('path[data-org]').count(), outlines.features.length);
        const path = map.locator(`path[data-org="${village.orgId}"]`);
        assert.equal(await path.getAttribute('data-level'), String(village.level));

        const legend = page.getByTestId('stars-map-legend');
        await legend.locator('[data-key="level.5"]').waitFor({ state: 'visible' });
        const fillByLevel = await path.getAttribute('fill');
        await page.getByTestId('stars-map-colouring').getByText('较上年升降').click();
        await legend.locator('[data-key="movement.raised"]').waitFor({ state: 'visible' });
        assert.equal(await legend.locator('[data-key^="level."]').count(), 0);
        await legend.getByText('升星', { exact: true }).waitFor({ state: 'visible' });
        // The village keeps its level; its colour follows the new colouring (no movement shares a star's gold).
        assert.equal(await path.getAttribute('data-level'), String(village.level));
        assert.notEqual(await path.getAttribute('fill'), fillByLevel);

        await path.click();
        await page.waitForURL((url) => url.pathname === `/assessment/sheets/${village.sheetId}`);
        await page
          .getByTestId('sheet-title')
          .filter({ hasText: village.orgName })
          .waitFor({ state: 'visible' });
      });

      await suite.as('town-table', 'zzb', DESKTOP, async (page) => {
        await openMapTab(page, year);
        const row = page.getByTestId('stars-town-table').locator(`tr[data-town="${town}"]`);
        const count = row.locator(`[data-testid="stars-town-count"][data-column="level${village.level}"]`);
        assert.equal((await count.innerText()).trim(), String(expected));
        // The count opens the town's sheets of villages awarded that level: as many as it says.
        await count.click();
        await page.waitForURL(
          (url) => url.searchParams.get('level') === String(village.level) && url.searchParams.has('orgId'),
        );
        await page.getByTestId('filter-town').filter({ hasText: town }).waitFor({ state: 'visible' });
        await page.getByText(`共 ${expected} 份评分表`).waitFor({ state: 'visible' });
        assert.equal(
          await page.getByTestId('sheet-table').locator('tbody tr.ant-table-row').count(),
          Math.min(expected, 20),
        );
      });
    },
  );
});
