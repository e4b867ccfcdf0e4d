// A consultation's whole loop (有事好商量): a resident proposes a topic on the phone without an account, neighbours
// support it up to the council's threshold, the village cadre approves it in the console and schedules a meeting
// from the council's page, the meeting is held with a QR check-in on the phone and a consensus vote, the cadre
// publishes the decision's outcome from its card on the meeting's page and it opens a case, the case closes in the
// four-platform workflow (through its API; e2e/cases.e2e.ts covers its pages), the outcome follows it to done, and
// the resident rates the outcome on the public page.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import {
  apiCall,
  apiLogin,
  DESKTOP,
  districtDate,
  e2eSuite,
  motionsDone,
  PHONE,
  pickOption,
  type ApiSession,
} from './harness.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The village cadre of 东市社区 (金沙街道), its town command centre and the town's law-enforcement platform. */
const CADRE = 'dongshi';
const TOWN = 'jinsha';
const DEPARTMENT = 'jszf';
const COUNCIL = '东市社区协商议事会';
const TITLE = '东市社区三号楼楼道照明改造';
const BODY = '三号楼楼道灯坏了很久，老人晚上上下楼不方便，建议统一更换声控灯。';
const RESIDENT = { name: '陈秀英', phone: '13912340001' };
/** The last supporter supports on the page; the others through the public API. */
const PAGE_SUPPORTER = '13912340099';
const MEETING_TITLE = '东市社区楼道照明议事会议';
const PLACE = '东市社区党群服务中心二楼';
const QUESTION = '是否同意由社区统一更换三号楼楼道声控灯';
const MINUTES = '会议协商一致：由街道综合执法平台牵头，一个月内完成三号楼楼道声控灯更换。';
const OUTCOME = '更换三号楼楼道声控灯';
const OWNER = '金沙街道综合执法平台';
/** 暴露垃圾 (市容环境): the town routes it to its law-enforcement platform, as in e2e/cases.e2e.ts. */
const CATEGORY = '010101';
const CATEGORY_NAME = '暴露垃圾';
const CASE_DESCRIPTION = `【协商成果】${OUTCOME}（三号楼一至六层）`;
const HANDLED_NOTE = '已更换三号楼全部楼道声控灯';

type PublicTopic = {
  id: string;
  title: string;
  status: string;
  supportCount: number;
  supportThreshold: number;
};
type PublicCouncil = { topics: PublicTopic[]; outcomes: { id: string; title: string; status: string }[] };

void describe('consultations: propose, support, approve, meet, vote, outcome, case, rating', () => {
  const suite = e2eSuite('consultations');

  async function fitsPhone(page: Page, what: string): Promise<void> {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `${what} fits the phone (${width} px)`);
  }

  /**
   * Picks a category of the tree select by its name, searched for as a person would type it, and checks the select
   * shows it; a click lost while the filtered tree still moves is tried again, a bounded number of times.
   */
  async function pickCategory(page: Page, select: Locator, name: string): Promise<void> {
    const dropdown = page.locator('.ant-select-dropdown:visible');
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await motionsDone(page);
      if ((await dropdown.count()) === 0) {
        await select.click();
        await page.keyboard.type(name);
      }
      const node = dropdown.locator('.ant-select-tree-title').filter({ hasText: new RegExp(`^${name}$`) });
      try {
        await node.first().waitFor({ state: 'visible', timeout: 5_000 });
        await motionsDone(page);
        await node.first().click({ timeout: 5_000 });
      } catch {
        continue;
      }
      await motionsDone(page);
      if ((await select.textContent())?.includes(name) === true) {
        return;
      }
    }
    throw new Error(`the category ${name} could not be picked`);
  }

  /** The dialog open on the page (antd keeps closed ones in the DOM, hidden, which the role query skips). */
  const dialogOf = (page: Page) => page.getByRole('dialog');

  void test(
    'a resident’s topic goes through the council to a case and back to the resident’s rating',
    { timeout: 480_000 },
    async () => {
      const baseUrl = suite.baseUrl();

      // 1. The resident finds the council on the phone and proposes a topic, without an account.
      const councilId = await suite.as('resident-propose', null, PHONE, async (page) => {
        await page.goto(`${baseUrl}/consult`);
        const search = page.getByPlaceholder('如：金沙、东社');
        await search.fill('东市');
        await search.press('Enter');
        await page.getByRole('link', { name: COUNCIL, exact: true }).click();
        await page
          .getByTestId('public-council-name')
          .filter({ hasText: COUNCIL })
          .waitFor({ state: 'visible' });
        const id = decodeURIComponent(new URL(page.url()).pathname.split('/')[2] ?? '');
        assert.ok(id !== '', 'the council page has the council in its address');
        await fitsPhone(page, 'the council page');
        await page.getByTestId('public-propose').click();
        await page.getByTestId('propose-title').fill(TITLE);
        await page.getByTestId('propose-body').fill(BODY);
        await page.getByLabel('您的姓名（可不填）').fill(RESIDENT.name);
        await page.getByTestId('propose-submit').click();
        const done = page.getByTestId('propose-done');
        await done.getByText('议题已提交').waitFor({ state: 'visible' });
        await done.getByText(TITLE).waitFor({ state: 'visible' });
        await done.getByText(/前获得 \d+ 人支持，议题将提交党组织审核/).waitFor({ state: 'visible' });
        await fitsPhone(page, 'the proposal page');
        return id;
      });

      // The cadre's council is the one the resident found.
      const cadre = await apiLogin(baseUrl, CADRE);
      const councils = await apiCall<{ items: { id: string; name: string }[] }>(
        baseUrl,
        cadre,
        'GET',
        '/api/councils',
      );
      assert.deepEqual(
        councils.items.map((c) => [c.id, c.name]),
        [[councilId, COUNCIL]],
      );
      const publicView = () =>
        apiCall<PublicCouncil>(baseUrl, null, 'GET', `/api/public/councils/${encodeURIComponent(councilId)}`);
      const proposed = (await publicView()).topics.find((t) => t.title === TITLE);
      assert.ok(proposed, 'the topic is on the public page');
      assert.equal(proposed.status, 'collecting');
      assert.equal(proposed.supportCount, 0);
      const threshold = proposed.supportThreshold;
      assert.ok(threshold >= 2, `the council asks for support (threshold ${threshold})`);

      // 2. Neighbours support it, each with their own phone: all but one through the public API (the page's own
      // call), the last on the page, which reaches the threshold and sends the topic to the branch.
      for (let i = 1; i < threshold; i += 1) {
        const answer: { item: PublicTopic } = await apiCall(
          baseUrl,
          null,
          'POST',
          `/api/public/topics/${encodeURIComponent(proposed.id)}/support`,
          { phone: `139123401${String(i).padStart(2, '0')}` },
        );
        assert.equal(answer.item.supportCount, i);
        assert.equal(answer.item.status, 'collecting');
      }
      await suite.as('neighbour-support', null, PHONE, async (page) => {
        await page.goto(`${baseUrl}/consult/${encodeURIComponent(councilId)}`);
        const item = page.getByTestId('public-topic').filter({ hasText: TITLE });
        await item.getByText(`${threshold - 1} / ${threshold} 人支持`).waitFor({ state: 'visible' });
        await item.getByTestId('public-support').click();
        const dialog = dialogOf(page);
        await dialog.getByText(`支持议题：${TITLE}`).waitFor({ state: 'visible' });
        await dialog.getByTestId('public-phone').fill(PAGE_SUPPORTER);
        await dialog.locator('.ant-btn-primary').click();
        await page
          .getByText(`感谢支持！当前 ${threshold} 人支持`, { exact: true })
          .waitFor({ state: 'visible' });
        // It has left the topics collecting support and waits for the branch.
        await page
          .locator('.ant-list-item')
          .filter({ hasText: TITLE })
          .filter({ hasText: '待党组织审核' })
          .waitFor({ state: 'visible' });
        assert.equal(await page.getByTestId('public-topic').filter({ hasText: TITLE }).count(), 0);
        await fitsPhone(page, 'the council page');
      });

      // 3. The cadre approves the topic in the console.
      await suite.as('cadre-approve', CADRE, DESKTOP, async (page) => {
        await page.goto(`${baseUrl}/consultations/councils/${encodeURIComponent(councilId)}`);
        await page.getByTestId('topic-table').getByRole('link', { name: TITLE }).click();
        await page.getByRole('heading', { name: TITLE }).waitFor({ state: 'visible' });
        await page.getByText('待党组织审核').first().waitFor({ state: 'visible' });
        await page.getByText(`${threshold} / ${threshold}`, { exact: true }).waitFor({ state: 'visible' });
        await page.getByText('居民提议', { exact: true }).waitFor({ state: 'visible' });
        await page.getByTestId('topic-approve').click();
        const dialog = dialogOf(page);
        await dialog.getByText('审核议题 · 通过').waitFor({ state: 'visible' });
        await dialog.getByTestId('review-reason').fill('居民反映集中，列入近期议事会议。');
        await dialog.locator('.ant-btn-primary').click();
        await page.getByText('已提交审核结果', { exact: true }).waitFor({ state: 'visible' });
        await page.locator('.ant-tag').filter({ hasText: '已通过' }).first().waitFor({ state: 'visible' });
        await page.getByTestId('topic-approve').waitFor({ state: 'detached' });
      });

      // The cadre schedules a meeting from the council's page, with the topic on its agenda and one present enough
      // for its decisions to stand. It starts at ten the next morning (the district's clock), safely after now.
      const meetingDay = districtDate(Date.now() + DAY);
      const startsAt = Date.parse(`${meetingDay}T10:00:00+08:00`);
      const meetingId = await suite.as('cadre-schedule', CADRE, DESKTOP, async (page) => {
        await page.goto(`${baseUrl}/consultations/councils/${encodeURIComponent(councilId)}`);
        await page.getByRole('heading', { name: COUNCIL }).waitFor({ state: 'visible' });
        await page.getByTestId('council-schedule').click();
        const dialog = dialogOf(page);
        await dialog.getByTestId('schedule-title').waitFor({ state: 'visible' });
        await motionsDone(page);
        await dialog.getByText('议事会议', { exact: true }).click();
        assert.equal(await dialog.getByRole('radio', { name: '议事会议' }).isChecked(), true);
        await dialog.getByTestId('schedule-title').fill(MEETING_TITLE);
        // Typed as the district reads it and taken with Enter, as a clerk might.
        const when = dialog.getByTestId('schedule-starts-at');
        await when.click();
        await when.fill(`${meetingDay} 10:00`);
        await when.press('Enter');
        await page.locator('.ant-picker-dropdown:visible').waitFor({ state: 'hidden' });
        assert.equal(await when.inputValue(), `${meetingDay} 10:00`);
        await dialog.getByTestId('schedule-quorum').fill('1');
        // The council's own room is offered; this meeting is on the second floor.
        const place = dialog.getByTestId('schedule-place');
        assert.notEqual(await place.inputValue(), '', 'the council’s room is offered');
        await place.fill(PLACE);
        await pickOption(page, dialog.getByTestId('schedule-topics'), TITLE);
        // Closes the agenda's list (a multiple select stays open after a pick).
        await dialog.getByText('会议名称', { exact: true }).click();
        await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
        const scheduled = page.waitForResponse(
          (r) =>
            r.request().method() === 'POST' &&
            r.url().endsWith(`/api/councils/${encodeURIComponent(councilId)}/meetings`),
        );
        await dialog.getByTestId('schedule-submit').click();
        const response = await scheduled;
        assert.equal(response.status(), 200, await response.text());
        const sent = response.request().postDataJSON() as {
          kind: string;
          startsAt: number;
          place: string;
          quorum: number;
          topicIds: string[];
        };
        assert.deepEqual(
          [sent.kind, sent.startsAt, sent.place, sent.quorum, sent.topicIds],
          ['council', startsAt, PLACE, 1, [proposed.id]],
        );
        const id = ((await response.json()) as { item: { id: string } }).item.id;
        // The meeting's page opens.
        await page.getByText('会议已安排', { exact: true }).waitFor({ state: 'visible' });
        await page.waitForURL((url) => url.pathname === `/consultations/meetings/${encodeURIComponent(id)}`);
        await page.getByRole('heading', { name: MEETING_TITLE }).waitFor({ state: 'visible' });
        await page.getByText(TITLE).first().waitFor({ state: 'visible' });
        // Put back half an hour: the dialog shows the time as the district reads it, and sends only the change.
        await page.getByTestId('meeting-edit').click();
        const change = dialogOf(page);
        const changeWhen = change.getByTestId('change-starts-at');
        await changeWhen.waitFor({ state: 'visible' });
        await motionsDone(page);
        assert.equal(await changeWhen.inputValue(), `${meetingDay} 10:00`);
        assert.equal(await change.getByTestId('change-place').inputValue(), PLACE);
        await changeWhen.click();
        await changeWhen.fill(`${meetingDay} 10:30`);
        await changeWhen.press('Enter');
        await page.locator('.ant-picker-dropdown:visible').waitFor({ state: 'hidden' });
        const changed = page.waitForResponse(
          (r) =>
            r.request().method() === 'PATCH' && r.url().endsWith(`/api/meetings/${encodeURIComponent(id)}`),
        );
        await change.getByTestId('change-submit').click();
        const changeResponse = await changed;
        assert.equal(changeResponse.status(), 200, await changeResponse.text());
        assert.deepEqual(changeResponse.request().postDataJSON(), { startsAt: startsAt + 30 * 60_000 });
        await page.getByText('会议已修改，已通知参会人员', { exact: true }).waitFor({ state: 'visible' });
        // The council's page lists it among the meetings to come, with its time and place.
        await page.goto(`${baseUrl}/consultations/councils/${encodeURIComponent(councilId)}`);
        await page.getByRole('tab', { name: /^会议/ }).click();
        await page
          .locator('.ant-list-item')
          .filter({ has: page.getByRole('link', { name: MEETING_TITLE, exact: true }) })
          .filter({ hasText: `10:30 · ${PLACE}` })
          .waitFor({ state: 'visible' });
        return id;
      });

      // The resident registers for the meeting on the council's public page.
      await suite.as('resident-register', null, PHONE, async (page) => {
        await page.goto(`${baseUrl}/consult/${encodeURIComponent(councilId)}`);
        const item = page.locator('.ant-list-item').filter({ hasText: MEETING_TITLE });
        await item.getByText(PLACE).waitFor({ state: 'visible' });
        await item.getByRole('button', { name: '报名参加' }).click();
        const dialog = dialogOf(page);
        await dialog.getByText(`报名参加：${MEETING_TITLE}`).waitFor({ state: 'visible' });
        await dialog.getByLabel('姓名').fill(RESIDENT.name);
        await dialog.getByTestId('public-phone').fill(RESIDENT.phone);
        await dialog.locator('.ant-btn-primary').click();
        await page.getByText('报名成功，请准时到会并扫码签到', { exact: true }).waitFor({ state: 'visible' });
      });

      // The room screen shows the meeting's QR code and its link.
      const checkInLink = await suite.as('cadre-room-screen', CADRE, DESKTOP, async (page) => {
        await page.goto(`${baseUrl}/consultations/meetings/${encodeURIComponent(meetingId)}`);
        await page.getByRole('heading', { name: MEETING_TITLE }).waitFor({ state: 'visible' });
        await page.getByText(TITLE).first().waitFor({ state: 'visible' });
        await page.getByTestId('checkin-qr').waitFor({ state: 'visible' });
        const token = (await page.getByTestId('checkin-token').innerText()).trim();
        assert.ok(token.length > 0, 'the room screen shows the check-in code');
        const href = await page.locator('a[href*="/check-in?token="]').first().getAttribute('href');
        assert.ok(href !== null, 'the room screen shows the check-in link');
        const link = new URL(href);
        assert.equal(link.origin, baseUrl);
        assert.equal(link.searchParams.get('token'), token);
        const participants = page.getByTestId('participant-table');
        await participants.locator('tr').filter({ hasText: RESIDENT.name }).waitFor({ state: 'visible' });
        await page
          .getByTestId('quorum-tag')
          .filter({ hasText: '未达法定人数' })
          .waitFor({ state: 'visible' });
        return href;
      });

      // The resident scans the code in the room: the link opens the check-in page on the phone.
      await suite.as('resident-check-in', null, PHONE, async (page) => {
        await page.goto(checkInLink);
        await page.getByText(MEETING_TITLE).first().waitFor({ state: 'visible' });
        await page.getByText('请输入受邀或报名时登记的手机号。').waitFor({ state: 'visible' });
        await page.getByTestId('public-phone').fill(RESIDENT.phone);
        await page.getByTestId('checkin-submit').click();
        await page.getByTestId('checkin-done').getByText('签到成功').waitFor({ state: 'visible' });
        await fitsPhone(page, 'the check-in page');
      });

      // The cadre sees the check-in, holds a consensus vote, attaches the minutes and closes the meeting.
      const decisionId = await suite.as('cadre-meeting', CADRE, DESKTOP, async (page) => {
        await page.goto(`${baseUrl}/consultations/meetings/${encodeURIComponent(meetingId)}`);
        await page.getByRole('heading', { name: MEETING_TITLE }).waitFor({ state: 'visible' });
        await page
          .getByTestId('participant-table')
          .locator('tr')
          .filter({ hasText: RESIDENT.name })
          .filter({ hasText: '扫码' })
          .waitFor({ state: 'visible' });
        await page
          .getByTestId('quorum-tag')
          .filter({ hasText: '已达法定人数' })
          .waitFor({ state: 'visible' });

        await page.getByTestId('vote-open').click();
        const openDialog = dialogOf(page);
        await openDialog.getByText('发起表决').first().waitFor({ state: 'visible' });
        // Chosen by keyboard, as a clerk might: the list's active option moves down to 协商一致 and Enter takes it
        // (a pointer click on an option that is still animating open is sometimes lost). Bounded: seven types.
        await openDialog.getByTestId('vote-type').click();
        const active = page.locator('.ant-select-dropdown:visible .ant-select-item-option-active');
        await active.waitFor({ state: 'visible' });
        for (let i = 0; i < 10 && (await active.getAttribute('title')) !== '协商一致'; i++) {
          await page.keyboard.press('ArrowDown');
        }
        assert.equal(await active.getAttribute('title'), '协商一致');
        await page.keyboard.press('Enter');
        await openDialog.getByTestId('vote-question').fill(QUESTION);
        // The topic on the agenda is chosen already.
        await openDialog.getByText(TITLE).waitFor({ state: 'visible' });
        const opened = page.waitForResponse(
          (r) => r.request().method() === 'POST' && r.url().endsWith(`/api/meetings/${meetingId}/decisions`),
        );
        await openDialog.locator('.ant-btn-primary').click();
        const openedBody = (await (await opened).json()) as { item: { id: string; type: string } };
        assert.equal(openedBody.item.type, 'consensus', 'the vote opened is a consensus');
        await page.getByText('表决已发起', { exact: true }).waitFor({ state: 'visible' });
        const card = page.getByTestId('decision-card').filter({ hasText: QUESTION });
        await card.getByText('表决中').waitFor({ state: 'visible' });
        await card.getByText('结果在表决结束后公布', { exact: false }).waitFor({ state: 'visible' });

        await card.getByTestId('decision-close').click();
        const closeDialog = dialogOf(page);
        await closeDialog.getByText('结束表决并记录结果').waitFor({ state: 'visible' });
        // The chair records that the room agreed (the switch starts on).
        assert.equal(await closeDialog.getByRole('switch', { name: '会议达成一致' }).isChecked(), true);
        await closeDialog.locator('.ant-btn-primary').click();
        const result = card.getByTestId('decision-result');
        await result.getByText('通过', { exact: true }).waitFor({ state: 'visible' });
        await result.getByText('结果：达成一致').waitFor({ state: 'visible' });
        await card.getByText('已结束').waitFor({ state: 'visible' });

        await page.getByText('尚未上传纪要；会议结束前必须提交纪要。').waitFor({ state: 'visible' });
        await page.getByTestId('minutes-edit').click();
        const minutesDialog = dialogOf(page);
        await minutesDialog.getByTestId('minutes-text').fill(MINUTES);
        await minutesDialog.locator('.ant-btn-primary').click();
        await page.getByText('纪要已保存', { exact: true }).waitFor({ state: 'visible' });
        await minutesDialog.waitFor({ state: 'hidden' });
        // The minutes card shows them (the closed dialog keeps its text area in the page, hidden).
        await page.locator('div.ant-typography', { hasText: MINUTES }).waitFor({ state: 'visible' });

        await page.getByTestId('meeting-close').click();
        await page.locator('.ant-modal-confirm .ant-btn-primary').click();
        await page.getByText('会议已结束', { exact: true }).waitFor({ state: 'visible' });
        await page.getByTestId('meeting-close').waitFor({ state: 'detached' });
        // A closed meeting shows no check-in code any more.
        await page.getByTestId('checkin-qr').waitFor({ state: 'detached' });
        return openedBody.item.id;
      });

      // The cadre publishes the decision's outcome from its card on the meeting's page; it is government work, so
      // it opens a case in the four-platform workflow.
      const deadline = districtDate(Date.now() + 30 * DAY);
      const outcomeId = await suite.as('cadre-publish', CADRE, DESKTOP, async (page) => {
        await page.goto(`${baseUrl}/consultations/meetings/${encodeURIComponent(meetingId)}`);
        await page.getByRole('heading', { name: MEETING_TITLE }).waitFor({ state: 'visible' });
        await page
          .getByTestId('decision-card')
          .filter({ hasText: QUESTION })
          .getByTestId('decision-publish')
          .click();
        const dialog = dialogOf(page);
        await dialog.getByTestId('publish-title').waitFor({ state: 'visible' });
        await motionsDone(page);
        // It comes from the decision and the decision's topic.
        await dialog
          .locator('.ant-descriptions-item')
          .filter({ hasText: '对应表决' })
          .filter({ hasText: QUESTION })
          .waitFor({ state: 'visible' });
        await dialog
          .locator('.ant-descriptions-item')
          .filter({ hasText: '对应议题' })
          .filter({ hasText: TITLE })
          .waitFor({ state: 'visible' });
        await dialog.getByTestId('publish-title').fill(OUTCOME);
        await dialog.getByTestId('publish-owner').fill(OWNER);
        const by = dialog.getByTestId('publish-deadline');
        await by.click();
        await by.fill(deadline);
        await by.press('Enter');
        await page.locator('.ant-picker-dropdown:visible').waitFor({ state: 'hidden' });
        assert.equal(await by.inputValue(), deadline);
        await dialog.getByTestId('publish-opens-case').click();
        assert.equal(await dialog.getByTestId('publish-opens-case').isChecked(), true);
        await pickCategory(page, dialog.getByTestId('publish-category'), CATEGORY_NAME);
        await dialog.getByTestId('publish-case-description').fill(CASE_DESCRIPTION);
        const published = page.waitForResponse(
          (r) =>
            r.request().method() === 'POST' &&
            r.url().endsWith(`/api/councils/${encodeURIComponent(councilId)}/outcomes`),
        );
        await dialog.getByTestId('publish-submit').click();
        const response = await published;
        assert.equal(response.status(), 200, await response.text());
        const sent = response.request().postDataJSON() as {
          title: string;
          ownerUnit: string;
          deadline: string;
          topicId: string;
          decisionId: string;
          case: { categoryCode: string; description: string } | null;
        };
        assert.deepEqual(sent.case, { categoryCode: CATEGORY, description: CASE_DESCRIPTION });
        assert.deepEqual(
          [sent.title, sent.ownerUnit, sent.deadline, sent.topicId, sent.decisionId],
          [OUTCOME, OWNER, deadline, proposed.id, decisionId],
        );
        const answer = (await response.json()) as {
          item: { id: string; status: string; hasCase: boolean; caseState: string };
        };
        assert.equal(answer.item.hasCase, true);
        assert.equal(answer.item.status, 'inProgress');
        assert.equal(answer.item.caseState, 'reported');
        // The outcome's page opens: in progress, with its case waiting to be accepted.
        await page.getByText('协商成果已发布', { exact: true }).waitFor({ state: 'visible' });
        await page.waitForURL(
          (url) => url.pathname === `/consultations/outcomes/${encodeURIComponent(answer.item.id)}`,
        );
        await page.getByRole('heading', { name: OUTCOME }).waitFor({ state: 'visible' });
        await page.locator('.ant-tag').filter({ hasText: '落实中' }).first().waitFor({ state: 'visible' });
        await page.getByText('事件状态：待受理').waitFor({ state: 'visible' });
        await page.getByText(OWNER, { exact: true }).waitFor({ state: 'visible' });
        return answer.item.id;
      });

      // 4. The case runs through the workflow API with the town's command centre and the department (the case
      // pages themselves are covered by e2e/cases.e2e.ts).
      const town = await apiLogin(baseUrl, TOWN);
      const found = await apiCall<{ items: { id: string; description: string; state: string }[] }>(
        baseUrl,
        town,
        'GET',
        '/api/cases?source=council&limit=200',
      );
      const caseFile = found.items.find((c) => c.description.includes(`【协商成果】${OUTCOME}`));
      assert.ok(caseFile, 'the town sees the case the outcome opened');
      assert.equal(caseFile.state, 'reported');
      const caseId = encodeURIComponent(caseFile.id);
      const act = (session: ApiSession, body: Record<string, unknown>) =>
        apiCall<{ item: { state: string } }>(baseUrl, session, 'POST', `/api/cases/${caseId}/actions`, body);
      assert.equal((await act(town, { action: 'accept' })).item.state, 'accepted');
      assert.equal((await act(town, { action: 'register' })).item.state, 'registered');
      const detail = await apiCall<{ suggestedDepartmentId: string | null; names: Record<string, string> }>(
        baseUrl,
        town,
        'GET',
        `/api/cases/${caseId}`,
      );
      assert.ok(detail.suggestedDepartmentId !== null, 'the case has a routed department');
      assert.match(detail.names[detail.suggestedDepartmentId] ?? '', /^金沙街道综合执法平台/);
      assert.equal(
        (await act(town, { action: 'dispatch', departmentId: detail.suggestedDepartmentId })).item.state,
        'dispatched',
      );
      const department = await apiLogin(baseUrl, DEPARTMENT);
      assert.equal((await act(department, { action: 'sign' })).item.state, 'handling');
      assert.equal(
        (await act(department, { action: 'markHandled', comment: HANDLED_NOTE, isPublic: true })).item.state,
        'handled',
      );
      assert.equal((await act(town, { action: 'sendToCheck' })).item.state, 'checking');
      assert.equal((await act(town, { action: 'checkPass' })).item.state, 'checked');
      assert.equal((await act(town, { action: 'close' })).item.state, 'closed');

      // The outcome follows its case: the cadre sees it done.
      await suite.as('cadre-outcome-done', CADRE, DESKTOP, async (page) => {
        await page.goto(`${baseUrl}/consultations/outcomes/${encodeURIComponent(outcomeId)}`);
        await page.getByRole('heading', { name: OUTCOME }).waitFor({ state: 'visible' });
        await page.locator('.ant-tag').filter({ hasText: '已完成' }).first().waitFor({ state: 'visible' });
        await page.getByText('事件状态：已结案').waitFor({ state: 'visible' });
        await page.getByText('事件办结 · 100%').waitFor({ state: 'visible' });
        await page.getByText('转为事件办理 · 0%').waitFor({ state: 'visible' });
        await page.getByTestId('outcome-report').waitFor({ state: 'detached' });
      });

      // 5. The resident finds the outcome done on the council's public page and rates it.
      await suite.as('resident-rate', null, PHONE, async (page) => {
        await page.goto(`${baseUrl}/consult/${encodeURIComponent(councilId)}`);
        await page
          .getByTestId('public-council-name')
          .filter({ hasText: COUNCIL })
          .waitFor({ state: 'visible' });
        // The decision is public, and the topic shows as consulted.
        await page
          .locator('.ant-list-item')
          .filter({ hasText: QUESTION })
          .getByText('结果：达成一致')
          .waitFor({ state: 'visible' });
        await page
          .locator('.ant-list-item')
          .filter({ hasText: TITLE })
          .filter({ hasText: '已协商' })
          .waitFor({ state: 'visible' });
        // The outcome list shows ten a page, soonest deadline first: page on until the outcome appears.
        const section = page
          .locator('.ant-card')
          .filter({ has: page.getByText('协商成果清单', { exact: true }) });
        const item = section.getByTestId('public-outcome').filter({ hasText: OUTCOME });
        for (let p = 0; p < 60 && (await item.count()) === 0; p += 1) {
          await section.locator('.ant-pagination-next').click();
        }
        await item.getByText('已完成').waitFor({ state: 'visible' });
        await item
          .getByText('责任单位：金沙街道综合执法平台', { exact: false })
          .waitFor({ state: 'visible' });
        await item.getByRole('link', { name: '评价' }).click();
        await page.getByText('评价落实情况').waitFor({ state: 'visible' });
        await page.getByRole('heading', { name: OUTCOME }).waitFor({ state: 'visible' });
        await page.getByText('这项成果已完成，请告诉我们您是否满意。').waitFor({ state: 'visible' });
        await page.getByRole('radio', { name: '非常满意' }).check();
        await page.getByLabel('意见建议（可不填）').fill('灯亮了，晚上出门放心多了');
        await page.getByTestId('public-phone').fill(RESIDENT.phone);
        await page.getByTestId('rate-submit').click();
        await page.getByTestId('rate-done').getByText('感谢评价！').waitFor({ state: 'visible' });
        await fitsPhone(page, 'the rating page');
      });

      // The rating counts and leaves the outcome done; the cadre sees it among the residents' ratings.
      const rated = await apiCall<{ item: { status: string; ratings: Record<string, number> } }>(
        baseUrl,
        cadre,
        'GET',
        `/api/outcomes/${encodeURIComponent(outcomeId)}`,
      );
      assert.equal(rated.item.status, 'done');
      assert.deepEqual(rated.item.ratings, { verySatisfied: 1 });
      await suite.as('cadre-sees-rating', CADRE, DESKTOP, async (page) => {
        await page.goto(`${baseUrl}/consultations/outcomes/${encodeURIComponent(outcomeId)}`);
        await page.getByRole('heading', { name: OUTCOME }).waitFor({ state: 'visible' });
        await page
          .getByTestId('outcome-ratings')
          .locator('div')
          .filter({ hasText: /^非常满意/ })
          .filter({ hasText: /1$/ })
          .first()
          .waitFor({ state: 'visible' });
      });
    },
  );
});
