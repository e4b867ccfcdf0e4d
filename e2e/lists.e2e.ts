// Grid task admission through the UI: a department applies to put a task on grid workers, the district approves it,
// the town assigns it to the demo grid worker's grid, and the grid worker finds it among his tasks on the phone.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { DESKTOP, e2eSuite, PHONE } from './harness.js';

const TASK = { code: 'survey.elevator', title: '老旧小区加装电梯意愿摸排' };
/** The grid the demo grid worker 'wangge' serves. */
const GRID = '东市社区第001网格';

void describe('grid task admission', () => {
  const suite = e2eSuite('lists');

  async function openAdmission(page: Page): Promise<void> {
    await page.goto(`${suite.baseUrl()}/lists/admission`);
    await page.getByTestId('admissions').waitFor({ state: 'visible' });
  }

  /** The row of the test's task in the admission table, once it shows. */
  async function taskRow(page: Page): Promise<Locator> {
    const row = page.getByTestId('admissions').locator('tr').filter({ hasText: TASK.title });
    await row.first().waitFor({ state: 'visible' });
    return row.first();
  }

  async function expectStatus(row: Locator, label: string): Promise<void> {
    await row.getByTestId('admission-status').filter({ hasText: label }).waitFor({ state: 'visible' });
  }

  void test('apply, approve, assign to a grid, the grid worker sees it', { timeout: 300_000 }, async () => {
    await suite.as('department-apply', 'cgj', DESKTOP, async (page) => {
      await openAdmission(page);
      // A department applies; deciding is the district's.
      assert.equal(await page.getByTestId('admission-approve').count(), 0);
      await page.getByTestId('apply-open').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('任务编码').fill(TASK.code);
      await dialog.getByLabel('事项名称').fill(TASK.title);
      await dialog.getByLabel('申请理由').fill('既有住宅加装电梯需逐户了解意愿，社区网格员最熟悉住户情况');
      await dialog.getByLabel('预计每周工作量（次）').fill('2');
      await page.getByTestId('apply-submit').click();
      await dialog.waitFor({ state: 'hidden' });
      await expectStatus(await taskRow(page), '待审批');
    });

    await suite.as('district-approve', 'qzh', DESKTOP, async (page) => {
      await openAdmission(page);
      const row = await taskRow(page);
      await expectStatus(row, '待审批');
      await row.getByTestId('admission-approve').click();
      await page.getByTestId('decide-note').fill('同意准入，请控制入户频次');
      await page.getByTestId('decide-confirm').click();
      await expectStatus(await taskRow(page), '已准入');
    });

    await suite.as('town-assign', 'jinsha', DESKTOP, async (page) => {
      await openAdmission(page);
      const row = await taskRow(page);
      await expectStatus(row, '已准入');
      await row.getByTestId('admission-assign').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('assign-grid').click();
      await dialog.getByTestId('assign-grid').locator('input').fill(GRID);
      await page.locator('.ant-select-item-option').filter({ hasText: GRID }).first().click();
      await page.getByTestId('assign-submit').click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText(`：${TASK.title}`).first().waitFor({ state: 'visible' });
    });

    await suite.as('grid-worker-tasks', 'wangge', PHONE, async (page) => {
      // A grid worker's lists page opens on his own tasks.
      await page.goto(`${suite.baseUrl()}/lists`);
      const task = page.getByTestId('my-task').filter({ hasText: TASK.title });
      await task.first().waitFor({ state: 'visible' });
      await task.first().getByText(GRID).waitFor({ state: 'visible' });
      // A grid worker neither applies, decides nor assigns.
      await page.goto(`${suite.baseUrl()}/lists/admission`);
      await page.getByTestId('admissions').waitFor({ state: 'visible' });
      assert.equal(await page.getByTestId('apply-open').count(), 0);
      assert.equal(await page.getByTestId('assign-open').count(), 0);
    });
  });
});
