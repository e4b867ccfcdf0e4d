// The linkage chain (联动) on the phone: the demo central-household head of 东市社区 sees his linked households with
// the addresses masked, logs a visit (a phone number heard is masked once saved) and records an appeal for a
// household; the party group leader passes it up with a reason, the branch secretary settles it, and the household,
// without an account, confirms the settlement on the public tracking page, which names nobody. The steps and the
// branch's indicators then show the appeal settled at the branch.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import {
  apiCall,
  apiLogin,
  districtDate,
  e2eSuite,
  login,
  PHONE,
  pickOption,
  type ApiSession,
} from './harness.js';

/** The demo head of the first central household of 东市社区 (src/linkage/demo.ts). */
const HEAD = 'zxh';
/** The 东市社区 cadre, who reads the whole village's appeals. */
const CADRE = 'dongshi';
const LEADER = { username: 'e2e.zuzhang', displayName: '联动测试组长' };
const SECRETARY = { username: 'e2e.shuji', displayName: '联动测试书记' };
/** The password the two new accounts choose at their first sign-in (the policy refuses the demo one). */
const NEW_PASSWORD = 'Tongzhou-Chain-2027';
const PHONE_HEARD = '13912345678';
const HEARD = `反映楼道灯坏了，老人夜里出门不便，留了电话${PHONE_HEARD}方便回访`;
const APPEAL = '三号楼楼道灯坏了一个多月，老人夜里上下楼不安全，盼尽快修好';
const PASS_UP_REASON = '楼道照明需支部协调物业维修';
const OUTCOME = '支部已协调物业更换三号楼楼道灯';

type Me = { user: { displayName: string }; assignments: { orgId: string; orgLevel: string }[] };
type LinkedHousehold = { id: string; headName: string; address: string };
type CentralHousehold = { id: string; head: { id: string; name: string } };
type Officer = { role: string; memberId: string; name: string };
type Member = { id: string; name: string };
type LevelCounts = Record<string, number>;
type Indicators = { unit: { indicators: { received: number; settledAt: LevelCounts } } };
type HouseholdRecord = {
  cases: { trackingCode: string; link: string }[];
  topics: { title: string; link: string | null }[];
  relief: { pairings: { helperName: string }[]; help: { help: string | null }[] };
};
type OverdueVisit = { household: { id: string }; plan: { isInNeed: boolean } };
type AppealDetail = {
  item: { id: string; status: string; level: string; concludedLevel: string | null; outcome: string | null };
  steps: {
    action: string;
    fromLevel: string | null;
    toLevel: string;
    toStatus: string;
    reason: string | null;
  }[];
};

void describe('the linkage chain on the phone', () => {
  const suite = e2eSuite('linkage');
  let admin: ApiSession;
  const asAdmin = <T>(method: string, path: string, body?: unknown) =>
    apiCall<T>(suite.baseUrl(), admin, method, path, body);

  before(async () => {
    admin = await apiLogin(suite.baseUrl(), 'admin');
  });

  /** Sign in through the API with a password of one's own. */
  async function signIn(username: string, password: string): Promise<ApiSession & { mustChange: boolean }> {
    const response = await fetch(`${suite.baseUrl()}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    assert.equal(response.status, 200, `${username} signs in`);
    const body = (await response.json()) as { csrfToken: string; mustChangePassword: boolean };
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    return { cookie, csrfToken: body.csrfToken, mustChange: body.mustChangePassword };
  }

  /**
   * An account for a party member, acting at `orgId` as a party member and linked to the member; its one-time
   * password is changed once at its first sign-in, as the console forces a new person to.
   */
  async function accountFor(
    person: { username: string; displayName: string },
    orgId: string,
    memberId: string,
  ): Promise<void> {
    const response = await fetch(`${suite.baseUrl()}/api/admin/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
      body: JSON.stringify({ ...person, orgId, roles: [{ role: 'partyMember', orgId }] }),
    });
    const text = await response.text();
    assert.equal(response.status, 201, `the account ${person.username} is created: ${text}`);
    const made = JSON.parse(text) as { item: { id: string }; oneTimePassword: string };
    await asAdmin('PUT', `/api/admin/users/${made.item.id}/member`, { memberId });
    const first = await signIn(person.username, made.oneTimePassword);
    assert.equal(first.mustChange, true, 'a new account must change its one-time password');
    await apiCall(suite.baseUrl(), first, 'PUT', '/api/auth/password', {
      currentPassword: made.oneTimePassword,
      newPassword: NEW_PASSWORD,
    });
  }

  /** The linkage page, signed in through the form as a new account. */
  async function signInOnPage(page: Page, username: string): Promise<void> {
    await login(page, suite.baseUrl(), username, NEW_PASSWORD);
  }

  /** The appeal drawer open on the page (closed ones stay in the page, hidden). */
  const drawerOf = (page: Page): Locator => page.locator('[data-testid="appeal-drawer"]:visible');

  /** On the chain queue (待本级办理), opens the appeal of `code` in its drawer. */
  async function openFromQueue(page: Page, code: string): Promise<Locator> {
    await page.goto(`${suite.baseUrl()}/linkage`);
    await page.getByRole('tab', { name: '诉求办理' }).click();
    await page.getByText('待本级办理').waitFor({ state: 'visible' });
    const row = page.getByTestId('queue-appeal').filter({ hasText: code });
    await row.getByText('办理中').waitFor({ state: 'visible' });
    await row.click();
    const drawer = drawerOf(page);
    await drawer.getByTestId('appeal-code').filter({ hasText: code }).waitFor({ state: 'visible' });
    return drawer;
  }

  async function fitsPhone(page: Page, what: string): Promise<void> {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `${what} fits the phone (${width} px)`);
  }

  void test(
    'a household’s appeal goes up from the group, is settled at the branch and confirmed by the household',
    { timeout: 360_000 },
    async () => {
      const baseUrl = suite.baseUrl();

      // 1. Set-up: the head's central household, its group and branch, and accounts for the group leader and the
      // branch secretary.
      const head = await apiLogin(baseUrl, HEAD);
      const me = await apiCall<Me>(baseUrl, head, 'GET', '/api/auth/me');
      const groupId = me.assignments.find((a) => a.orgLevel === 'group')?.orgId;
      assert.ok(groupId !== undefined, 'the head acts in his party group');
      const mine = (
        await apiCall<{ items: LinkedHousehold[] }>(baseUrl, head, 'GET', '/api/linkage/my/households')
      ).items;
      assert.ok(mine.length > 0, 'the head has linked households');
      const centrals = (
        await asAdmin<{ items: CentralHousehold[] }>('GET', `/api/central-households?orgId=${groupId}`)
      ).items;
      let found: CentralHousehold | undefined;
      for (const c of centrals) {
        const served = await asAdmin<{ households: { id: string }[] }>(
          'GET',
          `/api/central-households/${c.id}`,
        );
        if (served.households.some((h) => h.id === mine[0]!.id)) {
          found = c;
        }
      }
      assert.ok(found !== undefined, 'the head’s central household is in his group');
      const headsCentral = found;
      const group = await asAdmin<{ item: { parentId: string } }>('GET', `/api/orgs/${groupId}`);
      const branchId = group.item.parentId;
      const branchOfficers = (await asAdmin<{ items: Officer[] }>('GET', `/api/orgs/${branchId}/officers`))
        .items;
      const secretary = branchOfficers.find((o) => o.role === 'secretary');
      assert.ok(secretary !== undefined, 'the branch has a secretary');
      // In the demo the branch secretary leads the group as well; one person holds one account, so the group gets
      // a leader of its own: a member of the group who heads no central household, and the secretary hands the
      // group over.
      const groupOfficers = (await asAdmin<{ items: Officer[] }>('GET', `/api/orgs/${groupId}/officers`))
        .items;
      let chosen = groupOfficers.find((o) => o.role === 'groupLeader' && o.memberId !== secretary.memberId);
      if (chosen === undefined) {
        const heads = new Set(centrals.map((c) => c.head.id));
        const candidate = (
          await asAdmin<{ items: Member[] }>('GET', `/api/members?orgId=${groupId}&limit=50`)
        ).items.find((m) => m.id !== secretary.memberId && !heads.has(m.id));
        assert.ok(candidate !== undefined, 'the group has a member to lead it');
        await asAdmin('PUT', `/api/orgs/${groupId}/officers`, {
          memberId: candidate.id,
          role: 'groupLeader',
          isAppointed: true,
        });
        for (const o of groupOfficers.filter((x) => x.role === 'groupLeader')) {
          await asAdmin('PUT', `/api/orgs/${groupId}/officers`, {
            memberId: o.memberId,
            role: 'groupLeader',
            isAppointed: false,
          });
        }
        chosen = { role: 'groupLeader', memberId: candidate.id, name: candidate.name };
      }
      const leader = chosen;
      await accountFor(LEADER, groupId, leader.memberId);
      await accountFor(SECRETARY, branchId, secretary.memberId);

      const cadre = await apiLogin(baseUrl, CADRE);
      const indicators = () =>
        apiCall<Indicators>(baseUrl, cadre, 'GET', `/api/linkage/indicators?orgId=${branchId}`);
      const before = (await indicators()).unit.indicators;

      // 2. The head on his phone: his households, masked; a visit to one, then an appeal for it.
      const household = mine[0]!;
      const { code, appealId } = await suite.as('head', HEAD, PHONE, async (page) => {
        await page.goto(`${baseUrl}/linkage`);
        const rows = page.getByTestId('linked-household');
        await rows.first().waitFor({ state: 'visible' });
        assert.equal(await rows.count(), mine.length, 'the page lists every linked household');
        for (const row of await rows.all()) {
          const line = await row.locator('.ant-list-item-meta-description').innerText();
          const address = line.split(' · ')[0]!;
          assert.ok(address.includes('*') && !/\d/.test(address), `the address is masked: ${address}`);
        }
        await rows.filter({ hasText: household.headName }).first().click();
        const card = page.getByTestId('household-card');
        await card.getByText(household.headName).waitFor({ state: 'visible' });
        const address = await page.getByTestId('household-address').innerText();
        assert.ok(!/\d/.test(address), `no house number on the household’s page: ${address}`);

        const today = districtDate(Date.now());
        // The visit: today by default, by phone, the position left off (the head is not at the door).
        assert.equal(await page.getByTestId('visit-date').inputValue(), today, 'the visit is dated today');
        await pickOption(page, page.getByTestId('visit-kind'), '电话联系');
        await page.getByTestId('visit-heard').fill(HEARD);
        await page.getByTestId('visit-position').uncheck();
        const visited = page.waitForResponse(
          (r) =>
            r.request().method() === 'POST' &&
            r.url().endsWith(`/api/linkage/my/households/${household.id}/visits`),
        );
        await page.getByTestId('visit-save').click();
        assert.equal((await visited).status(), 200);
        await page.getByText('走访已记录', { exact: true }).waitFor({ state: 'visible' });
        const visit = page
          .getByTestId('household-visit')
          .filter({ hasText: `${today} · 电话联系` })
          .filter({ hasText: '139****5678' });
        await visit.waitFor({ state: 'visible' });
        assert.ok(
          !(await page.locator('body').innerText()).includes(PHONE_HEARD),
          'the number is shown masked',
        );

        // The appeal, passed to the party group.
        await page.getByTestId('appeal-text').fill(APPEAL);
        const recorded = page.waitForResponse(
          (r) =>
            r.request().method() === 'POST' &&
            r.url().endsWith(`/api/linkage/my/households/${household.id}/appeals`),
        );
        await page.getByTestId('appeal-save').click();
        const answer = (await (await recorded).json()) as { item: { id: string; trackingCode: string } };
        const toast = page.locator('.ant-message').getByText(/诉求已登记，查询码/);
        await toast.waitFor({ state: 'visible' });
        const shown = /查询码\s*(\S+)/.exec(await toast.innerText())?.[1];
        assert.equal(shown, answer.item.trackingCode, 'the page shows the appeal’s tracking code');
        const entry = page.getByTestId('household-appeal').filter({ hasText: APPEAL });
        await entry.getByText('办理中').waitFor({ state: 'visible' });
        await entry.getByText('党小组').waitFor({ state: 'visible' });
        await entry.click();
        const drawer = drawerOf(page);
        await drawer.getByTestId('appeal-code').filter({ hasText: shown }).waitFor({ state: 'visible' });
        await drawer.getByTestId('appeal-level').getByText('党小组').waitFor({ state: 'visible' });
        await drawer.getByTestId('appeal-steps').getByText('登记诉求', { exact: false }).waitFor();
        await fitsPhone(page, 'the appeal on the head’s page');
        return { code: shown, appealId: answer.item.id };
      });

      // 3. The group leader passes it up with a reason.
      await suite.as('leader', null, PHONE, async (page) => {
        await signInOnPage(page, LEADER.username);
        const drawer = await openFromQueue(page, code);
        await drawer.getByTestId('appeal-level').getByText('党小组').waitFor({ state: 'visible' });
        await drawer.getByText(APPEAL).waitFor({ state: 'visible' });
        await drawer.getByTestId('appeal-act-text').fill(PASS_UP_REASON);
        await drawer.getByTestId('appeal-pass-up').click();
        await page.getByText('已办理', { exact: true }).waitFor({ state: 'visible' });
        await drawer.getByTestId('appeal-level').getByText('党支部').waitFor({ state: 'visible' });
        // No longer the group's to act on: the actions are gone, and it has left the group's queue.
        await drawer.getByTestId('appeal-pass-up').waitFor({ state: 'detached' });
        await drawer.getByTestId('appeal-steps').getByText(PASS_UP_REASON).waitFor({ state: 'visible' });
        await page.getByTestId('queue-appeal').filter({ hasText: code }).waitFor({ state: 'detached' });
      });

      // 4. The branch secretary settles it.
      await suite.as('secretary', null, PHONE, async (page) => {
        await signInOnPage(page, SECRETARY.username);
        const drawer = await openFromQueue(page, code);
        await drawer.getByTestId('appeal-level').getByText('党支部').waitFor({ state: 'visible' });
        await drawer.getByTestId('appeal-act-text').fill(OUTCOME);
        await drawer.getByTestId('appeal-settle').click();
        await page.getByText('已办理', { exact: true }).waitFor({ state: 'visible' });
        await drawer.getByTestId('appeal-status').getByText('待群众确认').waitFor({ state: 'visible' });
        await drawer.getByText(OUTCOME).first().waitFor({ state: 'visible' });
        await fitsPhone(page, 'the appeal on the secretary’s page');
      });

      // 5. The household, without an account, confirms the settlement on the tracking page.
      await suite.as('household', null, PHONE, async (page) => {
        await page.goto(`${baseUrl}/appeal/${encodeURIComponent(code)}`);
        await page.getByTestId('track-status').getByText('待群众确认').waitFor({ state: 'visible' });
        await page.getByTestId('track-outcome').filter({ hasText: OUTCOME }).waitFor({ state: 'visible' });
        await page.getByTestId('track-level').getByText('党支部').waitFor({ state: 'visible' });
        await page.getByTestId('track-confirm').click();
        await page.getByTestId('track-status').getByText('已化解').waitFor({ state: 'visible' });
        await page.getByTestId('track-confirm').waitFor({ state: 'detached' });
        await page.getByTestId('track-steps').getByText('群众确认化解', { exact: false }).waitFor();
        await fitsPhone(page, 'the tracking page');
        const seen = await page.locator('body').innerText();
        const names = [
          household.headName,
          headsCentral.head.name,
          me.user.displayName,
          leader.name,
          secretary.name,
          LEADER.displayName,
          SECRETARY.displayName,
        ];
        for (const name of names) {
          assert.ok(!seen.includes(name), `the public page does not name ${name}`);
        }
      });

      // 6. The record: passed up at the group, settled at the branch, confirmed by the household; one more appeal
      // settled at the branch.
      const detail = await apiCall<AppealDetail>(baseUrl, cadre, 'GET', `/api/linkage/appeals/${appealId}`);
      assert.deepEqual(
        detail.steps.map((s) => [s.action, s.fromLevel, s.toLevel, s.toStatus]),
        [
          ['record', null, 'group', 'open'],
          ['passUp', 'group', 'branch', 'open'],
          ['settle', 'branch', 'branch', 'awaitingConfirmation'],
          ['confirm', 'branch', 'branch', 'settled'],
        ],
      );
      assert.equal(detail.steps[1]!.reason, PASS_UP_REASON);
      assert.deepEqual(
        [detail.item.status, detail.item.level, detail.item.concludedLevel, detail.item.outcome],
        ['settled', 'branch', 'branch', OUTCOME],
      );
      const after = (await indicators()).unit.indicators;
      assert.equal(
        after.settledAt.branch,
        (before.settledAt.branch ?? 0) + 1,
        'one more settled at the branch',
      );
      assert.equal(after.received, before.received + 1, 'one more appeal received');
    },
  );

  void test(
    'a household’s record shows its case, topic and relief pairing, each opening its page; the plan marks those in need',
    { timeout: 240_000 },
    async () => {
      const baseUrl = suite.baseUrl();
      const head = await apiLogin(baseUrl, HEAD);
      const mine = (
        await apiCall<{ items: LinkedHousehold[] }>(baseUrl, head, 'GET', '/api/linkage/my/households')
      ).items;
      const records = new Map<string, HouseholdRecord>();
      for (const h of mine) {
        records.set(
          h.id,
          await apiCall<HouseholdRecord>(baseUrl, head, 'GET', `/api/linkage/my/households/${h.id}`),
        );
      }
      const withCase = mine.find((h) => records.get(h.id)!.cases.length > 0);
      const withTopic = mine.find((h) => records.get(h.id)!.topics.length > 0);
      const withRelief = mine.find((h) => records.get(h.id)!.relief.pairings.length > 0);
      assert.ok(
        withCase && withTopic && withRelief,
        'the demo head’s households have a case, a topic and relief',
      );

      await suite.as('record', HEAD, PHONE, async (page) => {
        const open = async (h: LinkedHousehold) => {
          await page.goto(`${baseUrl}/linkage`);
          await page.getByTestId('linked-household').filter({ hasText: h.headName }).first().click();
          await page.getByTestId('household-card').getByText(h.headName).waitFor({ state: 'visible' });
          await page.getByTestId('household-plan').waitFor({ state: 'visible' });
        };
        await open(withRelief);
        const pairing = records.get(withRelief.id)!.relief.pairings[0]!;
        await page
          .getByTestId('household-relief')
          .filter({ hasText: pairing.helperName })
          .waitFor({ state: 'visible' });
        assert.ok((await page.getByTestId('household-help').count()) >= 1, 'the help received is listed');
        // A household paired for relief is visited monthly.
        await page.getByTestId('household-plan').getByText('每月走访一次').waitFor({ state: 'visible' });
        await fitsPhone(page, 'the household’s record');

        await open(withTopic);
        const topic = records.get(withTopic.id)!.topics[0]!;
        await page
          .getByTestId('household-topic')
          .filter({ hasText: topic.title })
          .waitFor({ state: 'visible' });

        await open(withCase);
        const c = records.get(withCase.id)!.cases[0]!;
        const entry = page.getByTestId('household-case').filter({ hasText: c.trackingCode });
        await entry.getByRole('link', { name: '查看' }).click();
        await page.waitForURL((url) => url.pathname === c.link);
        await page.getByTestId('public-state').waitFor({ state: 'visible' });
        await page.getByText(c.trackingCode).first().waitFor({ state: 'visible' });
      });

      // The village's visit plan: the households due a visit, those in need first and tagged.
      const cadre = await apiLogin(baseUrl, CADRE);
      const due = (
        await apiCall<{ items: OverdueVisit[] }>(baseUrl, cadre, 'GET', '/api/linkage/overdue-visits')
      ).items;
      const inNeed = due.filter((o) => o.plan.isInNeed).length;
      assert.ok(inNeed >= 1, 'some households in need are due a visit');
      await suite.as('plan', CADRE, PHONE, async (page) => {
        await page.goto(`${baseUrl}/linkage`);
        await page.getByRole('tab', { name: '走访计划' }).click();
        const rows = page.getByTestId('overdue-visit');
        await rows.first().waitFor({ state: 'visible' });
        await rows.first().getByTestId('in-need').waitFor({ state: 'visible' });
        assert.equal(await page.getByTestId('in-need').count(), inNeed, 'each household in need is tagged');
      });
    },
  );
});
