// The talent pool through the UI: the community secretary finds the retired judge by a skill, sees the phone masked
// and shows it with a reason (in the audit log), files a new talent (the server's refusal marked on the field),
// confirms a profile not confirmed for a year, and from the property-dispute demand's ranked suggestions puts the
// judge to work, then completes the assignment with an evaluation.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { apiCall, apiLogin, DESKTOP, e2eSuite, pickOption, rate, type ApiSession } from './harness.js';

/** The 东市社区 secretary: talent.read, talent.write and talent.reveal. */
const CADRE = 'dongshi';
const COMMUNITY = '东市社区';
/** A fixed demo profile of 东市社区 (src/talent/demo.ts), agreed to be contacted, with 法律咨询 among the skills. */
const JUDGE = '施建华';
const DEMAND = '物业纠纷法律咨询';
const NEWCOMER = { name: '黄志强', skill: '葡萄种植', phone: '19900001111', masked: '199****1111' };
const MASKED = /^1\d{2}\*{4}\d{4}$/;

type Profile = {
  id: string;
  name: string;
  kind: string;
  skills: string[];
  phoneMasked: string | null;
  stale: boolean;
  confirmedAt: number;
};
type Assignment = {
  id: string;
  targetKind: string;
  targetId: string | null;
  status: string;
  rating: number | null;
};
type Detail = { item: Profile; assignments: Assignment[] };

void describe('the talent pool', () => {
  const suite = e2eSuite('talent');
  let cadre: ApiSession;
  const api = <T>(method: string, path: string, body?: unknown) =>
    apiCall<T>(suite.baseUrl(), cadre, method, path, body);

  before(async () => {
    cadre = await apiLogin(suite.baseUrl(), CADRE);
  });

  /** The pool page, its numbers loaded. */
  async function openPool(page: Page): Promise<void> {
    await page.goto(`${suite.baseUrl()}/talent`);
    await page.getByTestId('talent-number-total').waitFor({ state: 'visible' });
  }

  async function searchSkill(page: Page, skill: string): Promise<Locator> {
    const box = page.getByTestId('talent-search').locator('input');
    await box.fill(skill);
    await box.press('Enter');
    return page.getByTestId('talent-row');
  }

  function drawerOf(page: Page): Locator {
    return page.getByTestId('profile-drawer');
  }

  void test('search, reveal by reason, file, confirm', { timeout: 300_000 }, async () => {
    const numbers = await api<{ numbers: { total: number; stale: number } }>('GET', '/api/talents/numbers');
    const [staleOne] = (await api<{ items: Profile[] }>('GET', '/api/talents?stale=true')).items;
    assert.ok(staleOne !== undefined, 'the community has a profile not confirmed for a year');

    await suite.as('search-and-reveal', CADRE, DESKTOP, async (page) => {
      await openPool(page);
      await page
        .getByTestId('talent-number-total')
        .filter({ hasText: String(numbers.numbers.total) })
        .waitFor();

      const rows = await searchSkill(page, '法律');
      const judgeRow = rows.filter({ hasText: JUDGE });
      await judgeRow.waitFor({ state: 'visible' });
      // Every talent listed holds a skill beginning with the words searched.
      for (const row of await rows.all()) {
        assert.match(await row.innerText(), /法律/);
      }
      const listed = (await judgeRow.getByTestId('talent-phone').innerText()).trim();
      assert.match(listed, MASKED, 'the list shows the phone masked');

      await judgeRow.getByTestId('talent-name').click();
      const drawer = drawerOf(page);
      await drawer.getByTestId('profile-name-title').filter({ hasText: JUDGE }).waitFor();
      await drawer.getByTestId('profile-skills-list').getByText('法律咨询').waitFor();
      await drawer.getByTestId('profile-consent').filter({ hasText: '同意联系' }).waitFor();
      const phone = drawer.getByTestId('profile-phone');
      assert.equal(await phone.getAttribute('data-revealed'), 'false');
      assert.equal((await phone.innerText()).trim(), listed);

      await drawer.getByTestId('profile-reveal').click();
      const dialog = page.getByRole('dialog').filter({ hasText: '查看完整联系电话' });
      // No reason, no number.
      await dialog.getByRole('button', { name: /确\s*定/ }).click();
      await dialog.getByText('请填写理由').waitFor();
      await dialog.getByTestId('reveal-reason').fill('联系其到新村社区为物业纠纷居民答疑');
      await dialog.getByRole('button', { name: /确\s*定/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      await drawer.locator('[data-testid="profile-phone"][data-revealed="true"]').waitFor();
      const full = (await phone.innerText()).trim();
      assert.match(full, /^1\d{10}$/, 'the full number is shown');
      assert.equal(`${full.slice(0, 3)}****${full.slice(-4)}`, listed, 'it is the number masked before');
      await drawer.getByText('本次查看已记入审计日志').waitFor();
    });

    // The reveal is in the audit log with its reason.
    const admin = await apiLogin(suite.baseUrl(), 'admin');
    const judge = (
      await api<{ items: Profile[] }>('GET', `/api/talents?skill=${encodeURIComponent('法律')}`)
    ).items.find((p) => p.name === JUDGE);
    assert.ok(judge !== undefined);
    const audit = await apiCall<{ items: { action: string; entityId: string }[] }>(
      suite.baseUrl(),
      admin,
      'GET',
      `/api/audit?action=talent.reveal&entityId=${judge.id}`,
    );
    assert.equal(audit.items.length, 1, 'one reveal of the judge is logged');

    await suite.as('file-a-talent', CADRE, DESKTOP, async (page) => {
      await openPool(page);
      await page.getByTestId('talent-file').click();
      const dialog = page.getByRole('dialog').filter({ hasText: '新增人才' });
      await dialog.getByTestId('profile-place').click();
      await page.locator('.ant-select-tree-title').filter({ hasText: COMMUNITY }).first().click();
      await dialog.getByTestId('profile-name').fill(NEWCOMER.name);
      await pickOption(page, dialog.getByTestId('profile-kind'), '田秀才、土专家');
      const skills = dialog.getByTestId('profile-skills').locator('input');
      await skills.fill(NEWCOMER.skill);
      await skills.press('Enter');
      // A number typed into a skill is refused by the server, and the refusal is marked on the skills field.
      await skills.fill('联系13912345678');
      await skills.press('Enter');
      await dialog.getByTestId('profile-summary').fill('种植葡萄二十年，带动本村十余户发展葡萄产业。');
      await dialog.getByTestId('profile-availability').fill('农闲时节');
      await dialog.getByTestId('profile-weekdays').check();
      await dialog.getByTestId('profile-phone').fill(NEWCOMER.phone);
      await page.getByTestId('profile-submit').click();
      const skillsItem = dialog.locator('.ant-form-item').filter({ has: page.getByTestId('profile-skills') });
      await skillsItem.getByText('技能中不能填写手机号或身份证号').waitFor();
      await dialog.getByRole('alert').waitFor();
      // Take the bad tag away and file again.
      await skills.press('Backspace');
      await page.getByTestId('profile-submit').click();
      await dialog.waitFor({ state: 'hidden' });
      // The new profile opens in the drawer, phone masked.
      const drawer = drawerOf(page);
      await drawer.getByTestId('profile-name-title').filter({ hasText: NEWCOMER.name }).waitFor();
      await drawer.getByTestId('profile-phone').filter({ hasText: NEWCOMER.masked }).waitFor();
      await page.locator('.ant-drawer-close').click();
      const rows = await searchSkill(page, '葡萄');
      await rows
        .filter({ hasText: NEWCOMER.name })
        .getByTestId('talent-phone')
        .filter({ hasText: NEWCOMER.masked })
        .waitFor();
    });

    const filed = (
      await api<{ items: Profile[] }>('GET', `/api/talents?skill=${encodeURIComponent(NEWCOMER.skill)}`)
    ).items.find((p) => p.name === NEWCOMER.name);
    assert.ok(filed !== undefined, 'the new talent is in the pool');
    assert.equal(filed.kind, 'localExpert');
    assert.deepEqual(filed.skills, [NEWCOMER.skill]);
    assert.equal(filed.phoneMasked, NEWCOMER.masked);
    assert.equal(filed.stale, false);

    await suite.as('confirm-a-stale-profile', CADRE, DESKTOP, async (page) => {
      await openPool(page);
      await page.getByTestId('talent-stale-filter').click();
      await page.locator('.ant-select-item-option[title="逾期未确认"]:visible').first().click();
      const row = page.getByTestId('talent-row').filter({ hasText: staleOne.name });
      await row.getByTestId('talent-stale').waitFor();
      await row.getByTestId('talent-name').click();
      const drawer = drawerOf(page);
      await drawer.getByTestId('profile-stale').waitFor();
      await drawer.getByTestId('profile-confirm').click();
      await page.getByTestId('profile-confirm-ok').click();
      await drawer.getByTestId('profile-stale').waitFor({ state: 'detached' });
      await page
        .getByTestId('talent-number-stale')
        .filter({ hasText: String(numbers.numbers.stale - 1) })
        .waitFor();
    });

    const confirmed = await api<Detail>('GET', `/api/talents/${staleOne.id}`);
    assert.equal(confirmed.item.stale, false, 'the profile is current again');
    assert.ok(confirmed.item.confirmedAt > staleOne.confirmedAt);
  });

  void test('a demand’s suggestions put a talent to work', { timeout: 240_000 }, async () => {
    const need = (
      await api<{ items: { kind: string; id: string; title: string }[] }>(
        'GET',
        '/api/talents/needs?kind=demand',
      )
    ).items.find((n) => n.title === DEMAND);
    assert.ok(need !== undefined, 'the demand is open and in view');

    await suite.as('assign-from-suggestions', CADRE, DESKTOP, async (page) => {
      await page.goto(`${suite.baseUrl()}/talent?tab=needs`);
      await page.getByTestId('need-row').filter({ hasText: DEMAND }).click();
      await page.getByTestId('need-title').filter({ hasText: DEMAND }).waitFor();
      const suggestion = page.getByTestId('suggestion').filter({ hasText: JUDGE });
      await suggestion.waitFor({ state: 'visible' });
      await suggestion.getByTestId('suggestion-reason').filter({ hasText: '技能匹配' }).waitFor();
      await suggestion.getByTestId('suggestion-skills').filter({ hasText: '法律咨询' }).waitFor();
      assert.match(await suggestion.innerText(), /1\d{2}\*{4}\d{4}/, 'the phone stays masked');
      await suggestion.getByTestId('suggestion-assign').click();
      const dialog = page.getByRole('dialog').filter({ hasText: '安排任用' });
      await dialog.getByText(`对接：${DEMAND}`).waitFor();
      await dialog.getByTestId('assign-record').fill('到新村社区现场答疑，与社区书记对接');
      await page.getByTestId('assign-submit').click();
      await dialog.waitFor({ state: 'hidden' });
      // Put to the need, the judge leaves the suggestions for the list of talents on it.
      await page.getByTestId('need-assignment').filter({ hasText: JUDGE }).waitFor();
      await suggestion.waitFor({ state: 'detached' });

      // The profile shows the assignment; completing it records the outcome and the evaluation.
      await page.getByTestId('need-assignment').filter({ hasText: JUDGE }).getByText(JUDGE).click();
      const drawer = drawerOf(page);
      const card = drawer.getByTestId('assignment').filter({ hasText: DEMAND });
      await card.getByTestId('assignment-status').filter({ hasText: '进行中' }).waitFor();
      await card.getByTestId('assignment-complete').click();
      const complete = page.getByRole('dialog').filter({ hasText: '办结任用' });
      await complete.getByTestId('complete-outcome').fill('现场接待居民 30 余人，调解意见被双方接受');
      await rate(complete.locator('.ant-rate'), 5);
      await page.getByTestId('complete-submit').click();
      await complete.waitFor({ state: 'hidden' });
      await card.getByTestId('assignment-status').filter({ hasText: '已办结' }).waitFor();
      assert.equal(await card.getByTestId('assignment-rating').getAttribute('data-rating'), '5');
    });

    const view = await api<{ assignments: { profileName: string; assignment: Assignment }[] }>(
      'GET',
      `/api/talents/suggestions?need=demand&id=${need.id}`,
    );
    const onNeed = view.assignments.find((a) => a.profileName === JUDGE);
    assert.ok(onNeed !== undefined, 'the assignment is recorded on the demand');
    assert.equal(onNeed.assignment.targetKind, 'demand');
    assert.equal(onNeed.assignment.targetId, need.id);
    assert.equal(onNeed.assignment.status, 'completed');
    assert.equal(onNeed.assignment.rating, 5);
  });
});
