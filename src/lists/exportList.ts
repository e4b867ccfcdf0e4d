// One list as an .xlsx in the layout the import reads (清单类别, 事项编号, …), so an office can export, edit and import
// again. The catalogue's services are exported with their category code (re-imported, they become the detail of
// that category); the duties shown from routing rules are not (they change as routing rules).
import ExcelJS from 'exceljs';
import type { Limit } from '../calendar/index.js';
import type { OrgRow } from '../orgs/index.js';
import type { Database } from '../platform/db/database.js';
import { localDate } from '../platform/time.js';
import { composeList } from './composeList.js';
import { LIST_COLUMNS } from './importListItems.js';
import { kindNames, levelNames, type ListLevel } from './vocabulary.js';

const unitZh: Record<Limit['unit'], string> = {
  minutes: '分钟',
  hours: '小时',
  days: '天',
  workHours: '个工作小时',
  workDays: '个工作日',
};
const governanceZh: Record<string, string> = { administrative: '行政事务', selfGovernance: '自治事务' };
const statusZh: Record<string, string> = {
  inForce: '在用',
  temporary: '临时',
  expired: '临时',
  withdrawn: '废止',
};

export const limitText = (l: Limit | null) => (l === null ? '' : `${l.amount}${unitZh[l.unit]}`);

export async function exportList(
  database: Database,
  owner: OrgRow,
  level: ListLevel,
  now: number,
): Promise<{ filename: string; bytes: Buffer }> {
  // The duties shown from routing rules are edited as routing rules, so they are not exported for re-import.
  const items = (await composeList(database.db, database.dialect, owner, level, now)).filter(
    (i) => i.source !== 'routing',
  );
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(levelNames[level].zh);
  sheet.addRow(LIST_COLUMNS.map((c) => c.zh));
  sheet.getRow(1).font = { bold: true };
  for (const i of items) {
    const cells: Record<(typeof LIST_COLUMNS)[number]['key'], string> = {
      kind: kindNames[i.kind].zh,
      code: i.code,
      title: i.title,
      basis: i.basis,
      steps: i.steps.join('→'),
      documents: i.documents.join('；'),
      limit: limitText(i.timeLimit),
      responsible: i.responsible,
      governance: governanceZh[i.governance] ?? '',
      status: statusZh[i.status] ?? '',
      expires: i.expiresAt === null ? '' : localDate(i.expiresAt),
      category: i.categoryCode ?? '',
    };
    sheet.addRow(LIST_COLUMNS.map((c) => cells[c.key]));
  }
  sheet.columns.forEach((c) => {
    c.width = 18;
  });
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  return { filename: `${owner.name}${levelNames[level].zh}.xlsx`, bytes };
}
