// The five-star assessment through the UI: the village cadre opens this year's score sheet on the phone, enters a
// self score and submits; the town finds the sheet among its villages, adjusts a line with a reason and completes
// its review; the village sees the new status and no longer has anything to change. The people in charge are ranked
// on their own tab: the organisation department sees the district's, the town only its own villages. The district
// approves the reviewed sheet and publishes the year's notice; a resident without an account finds the village on
// the public notice page, objects to one line and keeps the code; the district answers with changed points, and the
// resident reads the answer by the code and sees the village's new total.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { apiCall, apiLogin, DESKTOP, e2eSuite, PHONE, pickOption } from './harness.js';

/** The demo community of the village cadre account, left self-assessing by the demo, and a typed-in line of it. */
const VILLAGE = '东市社区';
const LINE = 'lead.orgLife';
/** The town of the town command centre account. */
const TOWN = '金沙街道';

type Message = { zh: string; en: string };
type PublicNotice = {
  item: { id: string; title: string };
  stars: { code: string; name: Message }[];
  lines: { code: string; star: string | null; name: Message }[];
  villages: { sheetId: string; orgName: string; total: number; objections: { status: string }[] }[];
};

type LeadersAnswer = {
  computedAt: number | null;
  items: { unitName: string; townName: string | null; platform: string | null; rank: number | null }[];
};

void describe('five basics, five stars', () => {
  const suite = e2eSuite('assessment');

  async function expectStatus(page: Page, label: string): Promise<void> {
    await page.getByTestId('sheet-status').filter({ hasText: label }).first().waitFor({ state: 'visible' });
  }

  /** From the years, open this year's cycle and the village's sheet in it. */
  async function openSheet(page: Page): Promise<void> {
    await page.goto(`${suite.baseUrl()}/assessment`);
    await page.getByTestId('cycle-link').first().click();
    await page.getByRole('searchbox', { name: '按村（社区）名称查找' }).fill(VILLAGE);
    await page.getByTestId('sheet-link').filter({ hasText: VILLAGE }).first().click();
    await page.getByTestId('sheet-title').filter({ hasText: VILLAGE }).waitFor({ state: 'visible' });
  }

  /** The year in progress, as the server's demo left it (never the test machine's date). */
  async function thisYear(): Promise<number> {
    const cycles = await apiCall<{ items: { year: number; status: string }[] }>(
      suite.baseUrl(),
      await apiLogin(suite.baseUrl(), 'zzb'),
      'GET',
      '/api/assessment/cycles',
    );
    const open = cycles.items.filter((c) => c.status === 'open').map((c) => c.year);
    assert.ok(open.length > 0, 'the demo leaves a year in progress');
    return Math.max(...open);
  }

  async function confirm(page: Page, action: string): Promise<void> {
    await page.getByTestId(`action-${action}`).click();
    await page.getByTestId(`confirm-${action}`).click();
  }

  void test('self-assess and submit, town review, new status', { timeout: 300_000 }, async () => {
    await suite.as('village-submit', 'dongshi', PHONE, async (page) => {
      await openSheet(page);
      await expectStatus(page, '自评中');
      // A village cadre is offered no review actions.
      assert.equal(await page.getByTestId('action-complete-review').count(), 0);
      await page.getByTestId(`self-${LINE}`).click();
      const points = page.getByTestId('self-points');
      await points.waitFor({ state: 'visible' });
      await points.fill('18');
      await page.getByTestId('self-note').fill('全年组织生活会、主题党日均按计划开展');
      await page.getByTestId('self-save').click();
      await page
        .getByTestId('section-lead')
        .getByText('全年组织生活会、主题党日均按计划开展', { exact: true })
        .waitFor({ state: 'visible' });
      await confirm(page, 'submit');
      await expectStatus(page, '已提交');
      assert.equal(await page.getByTestId('action-submit').count(), 0);
    });

    await suite.as('town-review', 'jinsha', DESKTOP, async (page) => {
      await openSheet(page);
      await expectStatus(page, '已提交');
      await page.getByTestId(`review-${LINE}`).click();
      const points = page.getByTestId('review-points');
      await points.waitFor({ state: 'visible' });
      await points.fill('17');
      await page.getByTestId('review-reason').fill('主题党日记录缺少两次');
      await page.getByTestId('review-save').click();
      await page.getByText('主题党日记录缺少两次').first().waitFor({ state: 'visible' });
      await confirm(page, 'complete-review');
      await expectStatus(page, '镇已审核');
      // The district approves; the town is offered no approval.
      assert.equal(await page.getByTestId('action-approve').count(), 0);
    });

    await suite.as('village-sees', 'dongshi', PHONE, async (page) => {
      await openSheet(page);
      await expectStatus(page, '镇已审核');
      assert.equal(await page.getByTestId(`self-${LINE}`).count(), 0);
      await page.getByText('主题党日记录缺少两次').first().waitFor({ state: 'visible' });
    });
  });

  void test('the command view’s link opens the year’s sheets narrowed to the town', async () => {
    const session = await apiLogin(suite.baseUrl(), 'jinsha');
    const me = await apiCall<{ assignments: { orgId: string; orgName: string; orgLevel: string }[] }>(
      suite.baseUrl(),
      session,
      'GET',
      '/api/auth/me',
    );
    const town = me.assignments.find((a) => a.orgLevel === 'town');
    assert.ok(town, 'the town account is assigned to its town');
    // The district's organisation department follows the link of the town's row.
    const year = await thisYear();
    await suite.as('town-link', 'zzb', DESKTOP, async (page) => {
      await page.goto(`${suite.baseUrl()}/assessment?orgId=${encodeURIComponent(town.orgId)}&year=${year}`);
      const filter = page.getByTestId('filter-town');
      await filter.filter({ hasText: town.orgName }).waitFor({ state: 'visible' });
      assert.equal(new URL(page.url()).pathname, `/assessment/cycles/${year}`);
      assert.equal(new URL(page.url()).searchParams.get('orgId'), town.orgId);
      // Clearing the filter clears the address too.
      await filter.hover();
      await filter.locator('.ant-select-clear').click();
      await page.waitForURL((url) => !url.searchParams.has('orgId'));
    });
  });

  void test(
    'the people in charge ranked by post, the town sees its own villages',
    { timeout: 300_000 },
    async () => {
      const year = await thisYear();
      const leaders = async (username: string, post: string) =>
        apiCall<LeadersAnswer>(
          suite.baseUrl(),
          await apiLogin(suite.baseUrl(), username),
          'GET',
          `/api/assessment/cycles/${year}/leaders?post=${post}`,
        );
      const secretaries = await leaders('zzb', 'villageSecretary');
      const townLeaders = await leaders('zzb', 'townLeader');
      const ownVillages = await leaders('jinsha', 'villageSecretary');
      assert.ok(secretaries.computedAt !== null, 'the demo ranks this year');
      assert.ok(secretaries.items.length > 0 && townLeaders.items.length > 0);
      assert.ok(ownVillages.items.length > 0 && ownVillages.items.length < secretaries.items.length);
      assert.ok(ownVillages.items.every((s) => s.townName === TOWN));

      const rowsOf = (page: Page) => page.getByTestId('leader-table').locator('tbody tr.ant-table-row');
      const texts = async (page: Page, testId: string) =>
        (await rowsOf(page).getByTestId(testId).allTextContents()).map((x) => x.trim());
      const openTab = async (page: Page) => {
        await page.goto(`${suite.baseUrl()}/assessment/cycles/${year}`);
        await page.getByRole('tab', { name: '领导干部考核' }).click();
        await page.waitForURL((url) => url.searchParams.get('tab') === 'leaders');
        await page
          .getByTestId('leader-computed-at')
          .filter({ hasText: '计算于' })
          .waitFor({ state: 'visible' });
      };
      const expectCount = async (page: Page, count: number) => {
        await page
          .getByTestId('leader-count')
          .filter({ hasText: `共 ${count} 个考核对象` })
          .waitFor({ state: 'visible' });
        assert.equal(await rowsOf(page).count(), Math.min(count, 20));
      };

      await suite.as('leaders-district', 'zzb', DESKTOP, async (page) => {
        await openTab(page);
        await expectCount(page, secretaries.items.length);
        // Best ranked first, as the server ranks them; every village with data carries a rank and a rank in its town.
        const first = secretaries.items[0]!;
        assert.equal((await texts(page, 'leader-unit'))[0], first.unitName);
        assert.equal((await texts(page, 'leader-rank'))[0], String(first.rank));
        assert.equal((await texts(page, 'leader-town-rank')).length, Math.min(secretaries.items.length, 20));
        assert.ok((await texts(page, 'leader-rank')).some((r) => /^\d+$/.test(r)));
        assert.equal(await page.getByTestId('leader-recompute').count(), 1);
        // The export downloads the post's sheets as a spreadsheet.
        const href = await page.getByTestId('leader-export').getAttribute('href');
        assert.equal(href, `/api/assessment/cycles/${year}/leaders.xlsx?post=villageSecretary`);
        const sheet = await fetch(`${suite.baseUrl()}${href}`, {
          headers: { cookie: (await apiLogin(suite.baseUrl(), 'zzb')).cookie },
        });
        assert.equal(sheet.status, 200);
        assert.match(sheet.headers.get('content-type') ?? '', /spreadsheetml/);
        assert.ok((await sheet.arrayBuffer()).byteLength > 0);

        await page.getByTestId('leader-post').click();
        await page.locator('.ant-select-item-option').filter({ hasText: '镇（街道）平台分管领导' }).click();
        await expectCount(page, townLeaders.items.length);
        const platforms = await texts(page, 'leader-platform');
        assert.ok(platforms.length > 0 && platforms.every((p) => p !== '' && p !== '—'));
        assert.equal(await rowsOf(page).getByTestId('leader-town-rank').count(), 0);
      });

      await suite.as('leaders-town', 'jinsha', DESKTOP, async (page) => {
        await openTab(page);
        await expectCount(page, ownVillages.items.length);
        const towns = await texts(page, 'leader-town');
        assert.ok(towns.length > 0 && towns.every((x) => x === TOWN));
        assert.equal(await page.getByTestId('leader-recompute').count(), 0);
      });
    },
  );

  void test(
    'district approval, the public notice, an objection on a phone and the answer it gets',
    { timeout: 300_000 },
    async () => {
      const year = await thisYear();
      const title = `${year} 年度五星创建结果公示（测试）`;
      const objectionText = '组织生活会次数与实际不符，联系电话13912345678';
      const answerText = '经核实，主题党日记录不全，调整该项分值';
      let noticePath = '';

      await suite.as('district-approves', 'zzb', DESKTOP, async (page) => {
        await openSheet(page);
        await expectStatus(page, '镇已审核');
        await confirm(page, 'approve');
        await expectStatus(page, '区已审定');
        await page.goto(`${suite.baseUrl()}/assessment/cycles/${year}?tab=notices`);
        await page.getByTestId('publish-title').fill(title);
        await page.getByTestId('publish-notice').click();
        const card = page.getByTestId('notice-card').filter({ hasText: title });
        await card.waitFor({ state: 'visible' });
        noticePath = (await card.getByTestId('notice-public-link').getAttribute('href')) ?? '';
      });
      const noticeId = decodeURIComponent(noticePath.replace(/^\/notice\//, ''));
      const readNotice = () =>
        fetch(`${suite.baseUrl()}/api/public/assessment/notices/${encodeURIComponent(noticeId)}`).then(
          async (r) => {
            assert.equal(r.status, 200);
            return (await r.json()) as PublicNotice;
          },
        );
      const before = await readNotice();
      assert.equal(before.item.title, title);
      const village = before.villages.find((v) => v.orgName === VILLAGE);
      assert.ok(village !== undefined, 'the approved sheet is in the notice');
      const line = before.lines.find((l) => l.code === LINE);
      assert.ok(line !== undefined && line.star !== null);
      const starName = before.stars.find((s) => s.code === line.star)?.name.zh ?? '';
      const lineLabel = `${starName} · ${line.name.zh}`;

      const code = await suite.as('resident-objects', null, PHONE, async (page) => {
        await page.goto(`${suite.baseUrl()}/notice`);
        await page.getByTestId('public-notice-link').filter({ hasText: title }).click();
        await page
          .getByTestId('public-notice-title')
          .filter({ hasText: title })
          .waitFor({ state: 'visible' });
        const search = page.getByRole('searchbox', { name: '按村（社区）名称查找' });
        await search.fill(VILLAGE);
        await search.press('Enter');
        const card = page.getByTestId('public-village').filter({ hasText: VILLAGE });
        await card.waitFor({ state: 'visible' });
        assert.equal(await page.getByTestId('public-village').count(), 1);
        assert.equal(
          (await card.getByTestId('public-village-total').textContent())?.trim(),
          `总分 ${village.total}`,
        );
        await card.getByTestId('public-object').click();
        const lineSelect = page.getByTestId('public-object-line');
        await lineSelect.click();
        await page.keyboard.type(line.name.zh);
        await pickOption(page, lineSelect, lineLabel);
        await page.getByTestId('public-object-body').fill(objectionText);
        await page.getByTestId('public-object-send').click();
        const shown = page.getByTestId('public-objection-code');
        await shown.waitFor({ state: 'visible' });
        const given = (await shown.textContent())?.trim() ?? '';
        assert.match(given, /^[A-Za-z0-9_-]{6,40}$/);
        await page.getByTestId('public-objection-follow').click();
        await page
          .getByTestId('public-objection-status')
          .filter({ hasText: '待答复' })
          .waitFor({ state: 'visible' });
        return given;
      });

      await suite.as('district-answers', 'zzb', DESKTOP, async (page) => {
        await page.goto(`${suite.baseUrl()}/assessment/cycles/${year}?tab=notices`);
        const row = page
          .getByTestId('objection-table')
          .locator('tbody tr.ant-table-row')
          .filter({ hasText: '组织生活会次数与实际不符' });
        await row.waitFor({ state: 'visible' });
        // The phone number the resident typed was masked before it was kept.
        assert.ok(!((await row.textContent()) ?? '').includes('13912345678'));
        await row.getByTestId('objection-answer').click();
        await page.getByTestId('answer-text').fill(answerText);
        await page.getByTestId('answer-points').fill('10');
        await page.getByTestId('answer-save').click();
        await row.filter({ hasText: answerText }).waitFor({ state: 'visible' });
      });

      const after = await readNotice();
      const changed = after.villages.find((v) => v.orgName === VILLAGE);
      assert.ok(changed !== undefined);
      assert.ok(
        changed.total < village.total,
        `the answer lowered the total (${village.total} → ${changed.total})`,
      );

      await suite.as('resident-reads', null, PHONE, async (page) => {
        await page.goto(`${suite.baseUrl()}/notice/objection/${encodeURIComponent(code)}`);
        await page
          .getByTestId('public-objection-status')
          .filter({ hasText: '已答复' })
          .waitFor({ state: 'visible' });
        assert.equal((await page.getByTestId('public-objection-reply').textContent())?.trim(), answerText);
        await page.goto(`${suite.baseUrl()}${noticePath}`);
        const search = page.getByRole('searchbox', { name: '按村（社区）名称查找' });
        await search.fill(VILLAGE);
        await search.press('Enter');
        const card = page.getByTestId('public-village').filter({ hasText: VILLAGE });
        await card
          .getByTestId('public-objection-answer')
          .filter({ hasText: answerText })
          .waitFor({ state: 'visible' });
        assert.equal(
          (await card.getByTestId('public-village-total').textContent())?.trim(),
          `总分 ${changed.total}`,
        );
      });
    },
  );
});
