// The daily work through the UI: a resident who reported asks for a call-back on the tracking page of a phone; the
// town command centre finds its queue on its home page, opens the report from there and sees the request (the typed number
// masked); the home page fits a phone. A case the town dispatches shows up in the department's open queue without a
// reload.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { apiCall, apiLogin, DESKTOP, e2eSuite, login, PHONE } from './harness.js';

/** Inside the first grid of 东市社区 (金沙街道), WGS-84. */
const POINT = { lng: 121.1, lat: 32.093 };
const TYPED_NUMBER = '13912345678';

void describe('daily work: homes and residents’ follow-ups', () => {
  const suite = e2eSuite('daily');

  void test(
    'a resident asks for a call-back; the town opens the report from its home and sees the request masked',
    { timeout: 240_000 },
    async () => {
      const baseUrl = suite.baseUrl();
      const reported = await fetch(`${baseUrl}/api/public/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          categoryCode: '010101',
          description: '楼道堆放杂物，影响通行（回电测试）',
          lng: POINT.lng,
          lat: POINT.lat,
        }),
      });
      assert.equal(reported.status, 201);
      const code = ((await reported.json()) as { trackingCode: string }).trackingCode;

      await suite.as('resident-followup', null, PHONE, async (page) => {
        await page.goto(`${baseUrl}/track/${code}`);
        await page.getByTestId('followup-form').waitFor({ state: 'visible' });
        await page.getByTestId('followup-kind-callBack').click();
        await page.getByTestId('followup-text').fill(`请尽快回电，也可打 ${TYPED_NUMBER}`);
        await page.getByTestId('followup-phone').fill(TYPED_NUMBER);
        await page.getByTestId('followup-submit').click();
        await page.getByTestId('public-followup').first().waitFor({ state: 'visible' });
        const text = await page.locator('body').innerText();
        assert.ok(!text.includes(TYPED_NUMBER), 'the number typed shows masked');
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= PHONE.width, `the tracking page fits the phone (${width} px)`);
      });

      await suite.as('town-home', 'jinsha', DESKTOP, async (page) => {
        await page.goto(`${baseUrl}/`);
        await page.getByTestId('my-work').waitFor({ state: 'visible' });
        // The home shows the most pressing of the queue; the whole queue is one click away and holds the report.
        await page.getByTestId('home-case-link').first().waitFor({ state: 'visible' });
        await page.getByTestId('home-open-queue').click();
        await page.getByTestId('case-link').filter({ hasText: code }).first().click();
        await page.getByTestId('case-code').filter({ hasText: code }).waitFor({ state: 'visible' });
        const followups = page.getByTestId('case-followup');
        await followups.first().waitFor({ state: 'visible' });
        assert.equal(await followups.count(), 1);
        const shown = await page.getByTestId('case-followups').innerText();
        assert.ok(!shown.includes(TYPED_NUMBER), 'staff see the number masked too');
      });

      await suite.as('town-home-phone', 'jinsha', PHONE, async (page) => {
        await page.goto(`${baseUrl}/`);
        await page.getByTestId('home-case-link').first().waitFor({ state: 'visible' });
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= PHONE.width, `the home page fits the phone (${width} px)`);
      });
    },
  );

  void test(
    'a case dispatched by the town appears in the department’s open queue without a reload',
    { timeout: 240_000 },
    async () => {
      const baseUrl = suite.baseUrl();
      const office = await suite.open('queue-refresh', DESKTOP);
      try {
        await office.step(async (page) => {
          await login(page, baseUrl, 'jszf');
          await page.goto(`${baseUrl}/cases`);
          await page.getByTestId('case-table').waitFor({ state: 'visible' });
          // A mark on the loaded page: a reload or a navigation would wipe it.
          await page.evaluate(() => {
            (window as unknown as { queueMark?: string }).queueMark = 'kept';
          });
        });

        const town = await apiLogin(baseUrl, 'jinsha');
        const response = await fetch(`${baseUrl}/api/cases`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            cookie: town.cookie,
            'x-csrf-token': town.csrfToken,
          },
          body: JSON.stringify({
            categoryCode: '010101',
            description: '小区门口垃圾满溢（待办刷新测试）',
            lng: POINT.lng,
            lat: POINT.lat,
          }),
        });
        assert.equal(response.status, 201, await response.clone().text());
        const reported = (await response.json()) as { id: string; trackingCode: string };
        const { items: departments } = await apiCall<{ items: { id: string; name: string }[] }>(
          baseUrl,
          town,
          'GET',
          '/api/departments',
        );
        const lawEnforcement = departments.find((d) => d.name.startsWith('金沙街道综合执法平台'));
        assert.ok(lawEnforcement !== undefined, 'the town dispatches to its law-enforcement platform');
        for (const body of [
          { action: 'accept' },
          { action: 'register' },
          { action: 'dispatch', departmentId: lawEnforcement.id },
        ]) {
          await apiCall(baseUrl, town, 'POST', `/api/cases/${reported.id}/actions`, body);
        }

        await office.step(async (page) => {
          await page
            .getByTestId('case-link')
            .filter({ hasText: reported.trackingCode })
            .waitFor({ state: 'visible', timeout: 60_000 });
          const mark = await page.evaluate(() => (window as unknown as { queueMark?: string }).queueMark);
          assert.equal(mark, 'kept', 'the queue showed the case without reloading the page');
        });
      } finally {
        await office.close();
      }
    },
  );
});
