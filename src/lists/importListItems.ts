// Imports the items of one list (owner, level) from .xlsx or .csv in the usual official layout: a dry run reports
// every row; a commit adds or replaces the items by their code, all rows or none, and records one new version.
// The caller holds list.write; the owner lies in the caller's subtree.
import { recordAudit } from '../audit/index.js';
import { findCategory } from '../cases/index.js';
import type { Limit } from '../calendar/index.js';
import type { Scope, UserActor } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { newId } from '../platform/ids.js';
import { instantOfLocalDate } from '../platform/time.js';
import {
  IssueList,
  isDate,
  mapColumns,
  normaliseDate,
  readTable,
  reportOf,
  TableError,
  tableErrorMessage,
  type ColumnSpec,
  type ImportReport,
  type Table,
} from '../platform/spreadsheet/index.js';
import { writableOwnerOrThrow } from './places.js';
import { listRepository, type ListItemRow } from './repository.js';
import { snapshotList } from './snapshotList.js';
import type { ListLevel } from './vocabulary.js';

type Key =
  | 'kind'
  | 'code'
  | 'title'
  | 'basis'
  | 'steps'
  | 'documents'
  | 'limit'
  | 'responsible'
  | 'governance'
  | 'status'
  | 'expires'
  | 'category';

export const LIST_COLUMNS: readonly ColumnSpec<Key>[] = [
  { key: 'kind', zh: '清单类别', en: 'List', isRequired: true },
  { key: 'code', zh: '事项编号', en: 'Code', isRequired: true },
  { key: 'title', zh: '事项名称', en: 'Title', isRequired: true },
  { key: 'basis', zh: '设定依据', en: 'Basis', isRequired: false },
  { key: 'steps', zh: '办理流程', en: 'Steps', isRequired: false },
  { key: 'documents', zh: '申请材料', en: 'Documents', isRequired: false },
  { key: 'limit', zh: '办理时限', en: 'Time limit', isRequired: false },
  { key: 'responsible', zh: '责任主体', en: 'Responsible', isRequired: true },
  { key: 'governance', zh: '事项性质', en: 'Nature', isRequired: false },
  { key: 'status', zh: '状态', en: 'Status', isRequired: false },
  { key: 'expires', zh: '有效期至', en: 'Expires', isRequired: false },
  { key: 'category', zh: '事件类别编码', en: 'Category code', isRequired: false },
];

const KINDS: Record<string, string> = {
  权力清单: 'power',
  权力: 'power',
  power: 'power',
  责任清单: 'duty',
  责任: 'duty',
  duty: 'duty',
  服务清单: 'service',
  服务: 'service',
  service: 'service',
  负面清单: 'negative',
  负面: 'negative',
  negative: 'negative',
};
const GOVERNANCE: Record<string, string> = {
  行政事务: 'administrative',
  行政: 'administrative',
  administrative: 'administrative',
  自治事务: 'selfGovernance',
  自治: 'selfGovernance',
  selfGovernance: 'selfGovernance',
};
const STATUS: Record<string, string> = {
  在用: 'inForce',
  有效: 'inForce',
  inForce: 'inForce',
  临时: 'temporary',
  temporary: 'temporary',
  废止: 'withdrawn',
  withdrawn: 'withdrawn',
};
const UNITS: [RegExp, Limit['unit']][] = [
  [/^(\d+(?:\.\d+)?)\s*个?工作日$/, 'workDays'],
  [/^(\d+(?:\.\d+)?)\s*个?工作小时$/, 'workHours'],
  [/^(\d+(?:\.\d+)?)\s*个?(?:自然日|日|天)$/, 'days'],
  [/^(\d+(?:\.\d+)?)\s*个?小时$/, 'hours'],
  [/^(\d+(?:\.\d+)?)\s*分钟$/, 'minutes'],
];

/** "5个工作日", "2小时", "30分钟" → a limit; '' → null; anything else → undefined (an issue). */
export function parseLimit(text: string): Limit | null | undefined {
  if (text === '') {
    return null;
  }
  for (const [re, unit] of UNITS) {
    const m = re.exec(text);
    if (m !== null) {
      return { amount: Number(m[1]), unit };
    }
  }
  return undefined;
}

const split = (text: string) =>
  text
    .split(/\s*(?:→|->|；|;|\n)\s*/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

export async function importListItems(
  database: Database,
  ctx: RequestContext,
  actor: UserActor,
  scope: Scope,
  input: { ownerOrgId: string; level: ListLevel; bytes: Buffer; dryRun: boolean },
): Promise<ImportReport> {
  const owner = await writableOwnerOrThrow(
    database.db,
    database.dialect,
    scope,
    input.ownerOrgId,
    input.level,
  );
  const issues = new IssueList(ctx.locale);
  let table: Table;
  try {
    table = await readTable(input.bytes);
  } catch (error) {
    if (!(error instanceof TableError)) {
      throw error;
    }
    issues.add(1, '', tableErrorMessage(error));
    return reportOf('lists', input.dryRun, false, null, issues, LIST_COLUMNS, new Map());
  }
  const cols = mapColumns<Key>(table, LIST_COLUMNS, issues);
  const cell = (cells: string[], key: Key) => {
    const i = cols.get(key);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const rows: ListItemRow[] = [];
  const codes = new Set<string>();
  for (const { row, cells } of table.rows) {
    const kind = KINDS[cell(cells, 'kind')];
    const code = cell(cells, 'code');
    const title = cell(cells, 'title');
    const responsible = cell(cells, 'responsible');
    const governance = GOVERNANCE[cell(cells, 'governance') || '行政事务'];
    const status = STATUS[cell(cells, 'status') || '在用'];
    const limit = parseLimit(cell(cells, 'limit'));
    const expiresText = normaliseDate(cell(cells, 'expires'));
    const categoryCode = cell(cells, 'category');
    if (kind === undefined) {
      issues.add(row, '清单类别', {
        zh: '应为权力、责任、服务或负面清单',
        en: 'power, duty, service or negative',
      });
    }
    if (code === '') {
      issues.add(row, '事项编号', { zh: '必填', en: 'Required' });
    } else if (codes.has(`${kind ?? ''}:${code}`)) {
      issues.add(row, '事项编号', { zh: '编号重复', en: 'Duplicate code' });
    }
    codes.add(`${kind ?? ''}:${code}`);
    if (title === '') {
      issues.add(row, '事项名称', { zh: '必填', en: 'Required' });
    }
    if (responsible === '') {
      issues.add(row, '责任主体', { zh: '必填', en: 'Required' });
    }
    if (governance === undefined) {
      issues.add(row, '事项性质', { zh: '应为行政事务或自治事务', en: 'administrative or self-governance' });
    }
    if (status === undefined) {
      issues.add(row, '状态', { zh: '应为在用、临时或废止', en: 'in force, temporary or withdrawn' });
    }
    if (limit === undefined) {
      issues.add(row, '办理时限', {
        zh: '无法识别的时限（如：5个工作日、2小时）',
        en: 'Unreadable limit (e.g. 5个工作日, 2小时)',
      });
    }
    if (expiresText !== '' && !isDate(expiresText)) {
      issues.add(row, '有效期至', { zh: '日期无效', en: 'Invalid date' });
    }
    if (status === 'temporary' && expiresText === '') {
      issues.add(row, '有效期至', { zh: '临时事项须填写有效期', en: 'A temporary item needs its expiry' });
    }
    if (categoryCode !== '' && (await findCategory(database.db, categoryCode)) === undefined) {
      issues.add(row, '事件类别编码', { zh: '事件目录中没有该类别', en: 'No such catalogue category' });
    }
    rows.push({
      id: newId(ctx.now),
      owner_org_id: owner.id,
      owner_path: owner.path,
      level: input.level,
      kind: kind ?? '',
      code,
      title,
      basis: cell(cells, 'basis'),
      steps: JSON.stringify(split(cell(cells, 'steps'))),
      documents: JSON.stringify(split(cell(cells, 'documents'))),
      time_limit: limit === null || limit === undefined ? null : JSON.stringify(limit),
      responsible,
      governance: governance ?? '',
      status: status ?? '',
      expires_at: status === 'temporary' && isDate(expiresText) ? instantOfLocalDate(expiresText) : null,
      category_code: categoryCode === '' ? null : categoryCode,
      task_code: null,
      created_at: ctx.now,
      updated_at: ctx.now,
    });
  }
  const isClean = issues.items.length === 0;
  const commit = !input.dryRun && isClean;
  if (commit) {
    await database.db.transaction().execute(async (trx) => {
      const repo = listRepository(trx, database.dialect);
      const existing = new Map(
        (await repo.itemsOfList(owner.path, input.level)).map((r) => [`${r.kind}:${r.code}`, r]),
      );
      for (const r of rows) {
        const before = existing.get(`${r.kind}:${r.code}`);
        if (before === undefined) {
          await repo.insertItems([r]);
        } else {
          await repo.updateItem(before.id, { ...r, id: before.id, created_at: before.created_at });
        }
      }
      const version = await snapshotList(
        trx,
        database.dialect,
        owner,
        input.level,
        `导入 ${rows.length} 项 import`,
        actor.userId,
        ctx.now,
      );
      await recordAudit(trx, ctx, {
        action: 'list.import',
        entityType: 'list',
        entityId: `${owner.id}:${input.level}`,
        orgPath: owner.path,
        detail: { rows: rows.length, version },
      });
    });
  }
  return reportOf('lists', input.dryRun, commit, table, issues, LIST_COLUMNS, cols);
}
