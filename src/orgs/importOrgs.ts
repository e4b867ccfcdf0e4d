// Imports organisations from a table: each row names its parent by code (an existing org or another row of the file).
// Checks everything first; commits all rows in one transaction or none. The caller must hold 'org.write'.
import type { Scope } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import {
  IssueList,
  isDate,
  mapColumns,
  normaliseDate,
  reportOf,
  tableErrorMessage,
  type ColumnSpec,
  type ImportReport,
  readTable,
  TableError,
  type Table,
} from '../platform/spreadsheet/index.js';
import { isOrgLevel, mayParent, orgMetric, orgTypes, type OrgLevel } from './levels.js';
import { orgRepository, type OrgRow } from './repository.js';
import { RollupDeltas } from './rollupDeltas.js';
import { levelFrom, typeFrom } from './vocabulary.js';

export const ORG_COLUMNS = [
  { key: 'name', zh: '组织名称', en: 'name', isRequired: true },
  { key: 'level', zh: '层级', en: 'level', isRequired: true },
  { key: 'type', zh: '类型', en: 'type', isRequired: true },
  { key: 'code', zh: '组织代码', en: 'code', isRequired: true },
  { key: 'parentCode', zh: '上级组织代码', en: 'parentCode', isRequired: true },
  { key: 'foundedOn', zh: '成立日期', en: 'foundedOn', isRequired: false },
] as const satisfies readonly ColumnSpec<string>[];
type Key = (typeof ORG_COLUMNS)[number]['key'];

type Parsed = {
  row: number;
  name: string;
  level: OrgLevel;
  type: string;
  code: string;
  parentCode: string;
  foundedOn: string | null;
};

export async function importOrgs(
  database: Database,
  ctx: RequestContext,
  scope: Scope,
  input: { bytes: Buffer; dryRun: boolean },
): Promise<ImportReport> {
  const issues = new IssueList(ctx.locale);
  let table: Table;
  try {
    table = await readTable(input.bytes);
  } catch (error) {
    if (!(error instanceof TableError)) {
      throw error;
    }
    issues.add(1, '', tableErrorMessage(error));
    return finish(null, new Map());
  }
  const columns = mapColumns<Key>(table, ORG_COLUMNS, issues);
  const cell = (cells: string[], key: Key): string => {
    const i = columns.get(key);
    return i === undefined ? '' : (cells[i] ?? '');
  };

  const parsed: Parsed[] = [];
  const byCode = new Map<string, Parsed>();
  if (issues.items.length === 0) {
    for (const { row, cells } of table.rows) {
      const name = cell(cells, 'name');
      const level = levelFrom(cell(cells, 'level'));
      const code = cell(cells, 'code');
      const parentCode = cell(cells, 'parentCode');
      const founded = normaliseDate(cell(cells, 'foundedOn'));
      let ok = true;
      const bad = (column: string, zh: string, en: string) => {
        issues.add(row, column, { zh, en });
        ok = false;
      };
      if (name === '' || name.length > 100) {
        bad('组织名称', '名称为空或过长', 'Name empty or too long');
      }
      if (level === undefined || level === 'district') {
        bad('层级', `无法识别的层级“${cell(cells, 'level')}”`, `Unknown level "${cell(cells, 'level')}"`);
      }
      const type = level === undefined ? undefined : typeFrom(cell(cells, 'type'), orgTypes[level]);
      if (level !== undefined && type === undefined) {
        bad(
          '类型',
          `该层级没有类型“${cell(cells, 'type')}”`,
          `No type "${cell(cells, 'type')}" at this level`,
        );
      }
      if (code === '' || code.length > 40) {
        bad('组织代码', '组织代码为空或过长', 'Code empty or too long');
      } else if (byCode.has(code)) {
        bad(
          '组织代码',
          `组织代码 ${code} 在文件中重复（第 ${byCode.get(code)!.row} 行）`,
          `Code ${code} repeats row ${byCode.get(code)!.row}`,
        );
      }
      if (parentCode === '') {
        bad('上级组织代码', '上级组织代码为空', 'Parent code empty');
      }
      if (founded !== '' && !isDate(founded)) {
        bad('成立日期', '日期格式应为 YYYY-MM-DD', 'Date must be YYYY-MM-DD');
      }
      const p: Parsed = {
        row,
        name,
        level: level ?? 'branch',
        type: type ?? '',
        code,
        parentCode,
        foundedOn: founded === '' ? null : founded,
      };
      if (code !== '' && !byCode.has(code)) {
        byCode.set(code, p);
      }
      if (ok) {
        parsed.push(p);
      }
    }
  }

  // Parents: another row of the file, or an organisation the caller can see; codes already taken are refused.
  const repo = orgRepository(database.db, database.dialect);
  const existing = new Map(
    (await repo.byCodes([...new Set(parsed.flatMap((p) => [p.code, p.parentCode]))])).map((o) => [
      o.code ?? '',
      o,
    ]),
  );
  const visible = new Map<string, OrgRow>();
  for (const o of existing.values()) {
    if (o.path.startsWith(scope.path)) {
      visible.set(o.code ?? '', o);
    }
  }
  const good: Parsed[] = [];
  for (const p of parsed) {
    if (existing.has(p.code)) {
      issues.add(p.row, '组织代码', { zh: `组织代码 ${p.code} 已存在`, en: `Code ${p.code} already exists` });
      continue;
    }
    const inFile = byCode.get(p.parentCode);
    const outside = visible.get(p.parentCode);
    const parentLevel = inFile?.level ?? outside?.level;
    if (inFile === undefined && outside === undefined) {
      issues.add(p.row, '上级组织代码', {
        zh: `找不到上级组织 ${p.parentCode}`,
        en: `Unknown parent ${p.parentCode}`,
      });
    } else if (outside !== undefined && outside.status !== 'active') {
      issues.add(p.row, '上级组织代码', { zh: '上级组织已撤销', en: 'The parent is dissolved' });
    } else if (parentLevel === undefined || !isOrgLevel(parentLevel) || !mayParent(parentLevel, p.level)) {
      issues.add(p.row, '层级', {
        zh: '上级组织的层级不允许设立该层级的组织',
        en: 'This level may not sit under the parent’s level',
      });
    } else {
      good.push(p);
    }
  }
  // Cycles: follow each row's parent chain inside the file; a chain that returns to itself never reaches the tree.
  const order: Parsed[] = [];
  const state = new Map<string, 'visiting' | 'done' | 'cycle'>();
  const goodCodes = new Set(good.map((p) => p.code));
  const visit = (p: Parsed): boolean => {
    const s = state.get(p.code);
    if (s === 'done') {
      return true;
    }
    if (s === 'visiting' || s === 'cycle') {
      state.set(p.code, 'cycle');
      return false;
    }
    state.set(p.code, 'visiting');
    const parent = byCode.get(p.parentCode);
    const isOk = parent === undefined || (goodCodes.has(parent.code) && visit(parent));
    if (!isOk) {
      state.set(p.code, 'cycle');
      const isLoop = parent !== undefined && goodCodes.has(parent.code);
      issues.add(
        p.row,
        '上级组织代码',
        isLoop
          ? { zh: '上级关系形成循环', en: 'The parent chain forms a cycle' }
          : { zh: '上级组织所在行有错误', en: 'The parent’s row has errors' },
      );
      return false;
    }
    state.set(p.code, 'done');
    order.push(p);
    return true;
  };
  for (const p of good) {
    visit(p);
  }

  if (issues.items.length > 0 || input.dryRun) {
    return finish(table, columns);
  }
  await database.db.transaction().execute(async (trx) => {
    const orgs = orgRepository(trx, database.dialect);
    const made = new Map<string, OrgRow>();
    const rows: OrgRow[] = [];
    const rollups = new RollupDeltas();
    for (const p of order) {
      const parent = made.get(p.parentCode) ?? visible.get(p.parentCode)!;
      const id = newId(ctx.now);
      const row: OrgRow = {
        id,
        parent_id: parent.id,
        path: `${parent.path}${id}/`,
        depth: parent.depth + 1,
        level: p.level,
        type: p.type,
        name: p.name,
        code: p.code,
        status: 'active',
        founded_on: p.foundedOn,
        sort_key: p.code,
        attrs: null,
        created_at: ctx.now,
        updated_at: ctx.now,
        dissolved_at: null,
      };
      made.set(p.code, row);
      rows.push(row);
      rollups.add(row.path, orgMetric(p.level), 1);
    }
    await orgs.insertMany(rows);
    await orgs.addRollups(rollups.values);
    await orgs.insertEvents(
      rows.map((r) => ({
        orgId: r.id,
        kind: 'import',
        at: ctx.now,
        actorId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        actorName: ctx.actor.kind === 'user' ? ctx.actor.displayName : null,
        detail: null,
      })),
    );
    await recordAudit(trx, ctx, {
      action: 'org.import',
      entityType: 'org',
      entityId: null,
      orgPath: scope.path,
      detail: { count: rows.length },
    });
  });
  return finish(table, columns, true);

  function finish(t: Table | null, cols: Map<string, number>, committed = false): ImportReport {
    const report = reportOf('orgs', input.dryRun, committed, t, issues, ORG_COLUMNS, cols);
    if (!input.dryRun && !committed) {
      throw new AppError('import.invalid_file', { extra: { report } });
    }
    return report;
  }
}
