// Volunteering through the UI: the community has an activity coming up, the in-service member signs up for it on
// his phone and finds it among his sign-ups, and the community cadre sees his sign-up on the activity's page; and
// for an activity running now, the member signs up, signs in and out on site with its code and the phone's
// position, the cadre confirms the hours, and they appear in the member's ledger and his branch's ranking.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { apiCall, apiLogin, DESKTOP, e2eSuite, PHONE } from './harness.js';

const HOUR = 3_600_000;
/** The demo member account (registered with 东市社区; his name is read from the platform) and the cadre of 东市社区. */
const MEMBER = { username: 'zyz', name: '' };
const CADRE = 'dongshi';
const TITLE = '楼道环境整治志愿行动';
const RUNNING_TITLE = '社区文明交通劝导志愿服务';
/** Where the running activity is held: the phone is placed there. */
const PLACE = { lng: 121.1, lat: 32.093 };
const CONFIRMED_MINUTES = 90;
const RANKING_PAGE = 20;

/** Hours with one decimal, as the console shows them. */
const hoursOf = (minutes: number) => Math.round(minutes / 6) / 10;

/** The current year in the district's time zone. */
const districtYear = () =>
  Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

void describe('volunteering by in-service party members', () => {
  const suite = e2eSuite('volunteers');

  before(async () => {
    // The demo picks its member from the generated roll: ask who he is rather than assume a name.
    const member = await apiLogin(suite.baseUrl(), MEMBER.username);
    MEMBER.name = (
      await apiCall<{ name: string }>(suite.baseUrl(), member, 'GET', '/api/volunteers/my')
    ).name;
    assert.ok(MEMBER.name.length > 0, 'the demo member has a name');
  });

  void test(
    'the member signs up on his phone; the community sees the sign-up',
    { timeout: 240_000 },
    async () => {
      const baseUrl = suite.baseUrl();
      // The community schedules an activity two days ahead (the demo's own upcoming ones may be full).
      const cadre = await apiLogin(baseUrl, CADRE);
      const me = await apiCall<{ assignments: { orgId: string; orgLevel: string }[] }>(
        baseUrl,
        cadre,
        'GET',
        '/api/auth/me',
      );
      const community = me.assignments.find((a) => a.orgLevel === 'village');
      assert.ok(community, 'the cadre works in a community');
      const startsAt = Date.now() + 2 * 24 * HOUR;
      await apiCall(baseUrl, cadre, 'POST', '/api/volunteers/activities', {
        communityId: community.orgId,
        category: 'communityGovernance',
        title: TITLE,
        description: '清理楼道堆物，张贴消防提示。',
        placeName: '东市社区党群服务中心',
        lng: 121.1,
        lat: 32.093,
        radiusM: 300,
        startsAt,
        endsAt: startsAt + 2 * HOUR,
        places: 5,
        skills: [],
      });

      await suite.as('member-sign-up', MEMBER.username, PHONE, async (page) => {
        await page.goto(`${baseUrl}/my/volunteering`);
        await page
          .getByTestId('my-registration-state')
          .filter({ hasText: '已确认' })
          .waitFor({ state: 'visible' });
        const item = page.getByTestId('upcoming-activity').filter({ hasText: TITLE });
        await item.getByText('剩余 5 个名额').waitFor({ state: 'visible' });
        await item.getByTestId('signup-button').click();
        await item.getByTestId('withdraw-button').waitFor({ state: 'visible' });
        await item.getByText('剩余 4 个名额').waitFor({ state: 'visible' });
        const mine = page.getByTestId('my-signup').filter({ hasText: TITLE });
        await mine.waitFor({ state: 'visible' });
        await mine.getByTestId('checkin-open').waitFor({ state: 'visible' });
        // The phone layout: nothing wider than the screen.
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= PHONE.width, `the page fits the phone (${width} px)`);
      });

      await suite.as('cadre-sees-sign-up', CADRE, DESKTOP, async (page) => {
        await page.goto(`${baseUrl}/volunteers?tab=activities`);
        await page.getByTestId('activity-link').filter({ hasText: TITLE }).first().click();
        await page.getByTestId('activity-title').filter({ hasText: TITLE }).waitFor({ state: 'visible' });
        await page.getByTestId('signup-table').getByText(MEMBER.name).waitFor({ state: 'visible' });
        // While the activity is open its check-in code is on screen; its hours wait until it has begun.
        await page.getByTestId('activity-token').waitFor({ state: 'visible' });
        assert.equal(await page.getByTestId('activity-confirm').count(), 0);
      });
    },
  );

  void test(
    'the member signs up and checks in on site; the cadre confirms; the hours reach his ledger and ranking',
    { timeout: 300_000 },
    async () => {
      const baseUrl = suite.baseUrl();
      const cadre = await apiLogin(baseUrl, CADRE);
      const me = await apiCall<{ assignments: { orgId: string; orgLevel: string }[] }>(
        baseUrl,
        cadre,
        'GET',
        '/api/auth/me',
      );
      const community = me.assignments.find((a) => a.orgLevel === 'village');
      assert.ok(community, 'the cadre works in a community');
      // The activity began ten minutes ago and runs for two hours more: sign-in is open now.
      const startsAt = Date.now() - 10 * 60_000;
      const scheduled = await apiCall<{ item: { id: string } }>(
        baseUrl,
        cadre,
        'POST',
        '/api/volunteers/activities',
        {
          communityId: community.orgId,
          category: 'safetyPatrol',
          title: RUNNING_TITLE,
          description: '在路口劝导行人文明过马路。',
          placeName: '东市社区十字路口',
          lng: PLACE.lng,
          lat: PLACE.lat,
          radiusM: 300,
          startsAt,
          endsAt: startsAt + 2 * HOUR,
          places: 5,
          skills: [],
        },
      );
      const activityId = scheduled.item.id;
      const view = await apiCall<{ checkinToken: string | null }>(
        baseUrl,
        cadre,
        'GET',
        `/api/volunteers/activities/${activityId}`,
      );
      const code = view.checkinToken;
      assert.ok(code !== null, 'an open activity has a check-in code');

      // The member's branch and his hours in its ranking before.
      const member = await apiLogin(baseUrl, MEMBER.username);
      const my = await apiCall<{ memberId: string }>(baseUrl, member, 'GET', '/api/volunteers/my');
      const admin = await apiLogin(baseUrl, 'admin');
      const detail = await apiCall<{ item: { branch: { id: string } } }>(
        baseUrl,
        admin,
        'GET',
        `/api/members/${my.memberId}`,
      );
      const branchId = detail.item.branch.id;
      const year = districtYear();
      const rankingOf = async () =>
        apiCall<{ items: { memberId: string; minutes: number }[] }>(
          baseUrl,
          admin,
          'GET',
          `/api/points/ranking?orgId=${encodeURIComponent(branchId)}&year=${year}`,
        );
      const before = (await rankingOf()).items.find((r) => r.memberId === my.memberId)?.minutes ?? 0;

      await suite.as(
        'member-check-in',
        MEMBER.username,
        PHONE,
        async (page) => {
          await page.goto(`${baseUrl}/my/volunteering`);
          const item = page.getByTestId('upcoming-activity').filter({ hasText: RUNNING_TITLE });
          await item.getByTestId('signup-button').click();
          await item.getByTestId('signup-button').waitFor({ state: 'detached' });
          const mine = page.getByTestId('my-signup').filter({ hasText: RUNNING_TITLE });
          await mine.getByTestId('checkin-open').click();
          await page.waitForURL((url) => url.pathname.endsWith(`/check-in/${activityId}`));
          await page.getByTestId('checkin-token').fill(code);
          await page.getByTestId('checkin-locate').click();
          await page.getByText('已定位').waitFor({ state: 'visible' });
          await page.getByTestId('checkin-submit').click();
          await page
            .getByTestId('checkin-result')
            .filter({ hasText: '已签到' })
            .waitFor({ state: 'visible' });
          // Signing out at once leaves no whole quarter hour: the organiser sets the minutes when confirming.
          await page.getByText('签退', { exact: true }).click();
          await page.getByTestId('checkin-submit').click();
          await page
            .getByTestId('checkin-result')
            .filter({ hasText: '已签退' })
            .waitFor({ state: 'visible' });
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(width <= PHONE.width, `the check-in page fits the phone (${width} px)`);
        },
        PLACE,
      );

      await suite.as('cadre-confirms', CADRE, DESKTOP, async (page) => {
        await page.goto(`${baseUrl}/volunteers/activities/${activityId}`);
        const row = page.getByTestId('signup-table').locator('tr').filter({ hasText: MEMBER.name });
        await row.waitFor({ state: 'visible' });
        const minutes = page.getByLabel(`服务时长（分钟） ${MEMBER.name}`);
        await minutes.fill(String(CONFIRMED_MINUTES));
        await minutes.blur();
        await page.getByTestId('activity-confirm').click();
        await page.locator('.ant-modal-confirm .ant-btn-primary').click();
        await page.getByTestId('activity-confirm').waitFor({ state: 'detached' });
        await page.getByText('已确认时长').first().waitFor({ state: 'visible' });
      });

      await suite.as('member-ledger', MEMBER.username, PHONE, async (page) => {
        await page.goto(`${baseUrl}/my/volunteering/ledger`);
        await page
          .getByTestId('ledger-entry')
          .filter({ hasText: RUNNING_TITLE })
          .filter({ hasText: `+${CONFIRMED_MINUTES} 分钟` })
          .waitFor({ state: 'visible' });
      });

      const ranking = (await rankingOf()).items;
      const at = ranking.findIndex((r) => r.memberId === my.memberId);
      assert.ok(at >= 0, 'the member is in his branch ranking');
      const after = ranking[at]!.minutes;
      assert.equal(after, before + CONFIRMED_MINUTES, 'the ranking counts the confirmed minutes');
      await suite.as('branch-ranking', 'admin', DESKTOP, async (page) => {
        await page.goto(`${baseUrl}/volunteers?tab=numbers&branch=${encodeURIComponent(branchId)}`);
        const table = page.getByTestId('ranking-table');
        await table.locator('tbody tr').first().waitFor({ state: 'visible' });
        // The ranking shows 20 a page, in the order the server ranks them; its pager sits in the ranking's card.
        const card = page.locator('.ant-card').filter({ has: table }).last();
        for (let p = 1; p <= Math.floor(at / RANKING_PAGE); p += 1) {
          await card.locator('.ant-pagination-next').click();
          await card.locator(`.ant-pagination-item-active[title="${p + 1}"]`).waitFor({ state: 'visible' });
        }
        await table
          .locator('tr')
          .filter({ hasText: MEMBER.name })
          .filter({ hasText: String(hoursOf(after)) })
          .first()
          .waitFor({ state: 'visible' });
      });
    },
  );
});
