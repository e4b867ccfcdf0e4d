// Imports party members from a table: each row names its branch (and optionally party group and 双报到 community) by code.
// Checks every row first (ID checksum, duplicates in the file and in the database, codes); commits all or nothing.
// The caller must hold 'member.write'.
import type { Scope } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
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
import { orgDirectory, type OrgRow, RollupDeltas, orgRollups } from '../orgs/index.js';
import type { RequestContext } from '../platform/context.js';
import type { FieldCipher } from '../platform/crypto.js';
import type { Database } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { memberRowOf } from './createMember.js';
import { isValidPhone, maskIdNumber, maskPhone, normaliseIdNumber, parseIdNumber } from './idNumber.js';
import { memberRepository, type MemberRow } from './repository.js';
import { educationZh, fromZh, genderZh, statusZh } from './vocabulary.js';

export const MEMBER_COLUMNS = [
  { key: 'name', zh: '姓名', en: 'name', isRequired: true },
  { key: 'gender', zh: '性别', en: 'gender', isRequired: false },
  { key: 'ethnicity', zh: '民族', en: 'ethnicity', isRequired: true },
  { key: 'education', zh: '学历', en: 'education', isRequired: true },
  { key: 'idNumber', zh: '身份证号', en: 'idNumber', isRequired: true },
  { key: 'phone', zh: '手机号', en: 'phone', isRequired: false },
  { key: 'joinedOn', zh: '入党日期', en: 'joinedOn', isRequired: true },
  { key: 'status', zh: '党员状态', en: 'status', isRequired: true },
  { key: 'branchCode', zh: '所在支部代码', en: 'branchCode', isRequired: true },
  { key: 'groupCode', zh: '党小组代码', en: 'groupCode', isRequired: false },
  { key: 'communityCode', zh: '报到社区代码', en: 'communityCode', isRequired: false },
] as const satisfies readonly ColumnSpec<string>[];
type Key = (typeof MEMBER_COLUMNS)[number]['key'];

export async function importMembers(
  database: Database,
  cipher: FieldCipher,
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
  const columns = mapColumns<Key>(table, MEMBER_COLUMNS, issues);
  const cell = (cells: string[], key: Key): string => {
    const i = columns.get(key);
    return i === undefined ? '' : (cells[i] ?? '');
  };
  const orgs = orgDirectory(database.db, database.dialect);
  const rows: MemberRow[] = [];
  const rowNumbers: number[] = [];
  if (issues.items.length === 0) {
    const codes = new Set<string>();
    for (const { cells } of table.rows) {
      for (const key of ['branchCode', 'groupCode', 'communityCode'] as const) {
        if (cell(cells, key) !== '') {
          codes.add(cell(cells, key));
        }
      }
    }
    const byCode = new Map<string, OrgRow>();
    for (const o of await orgs.byCodes([...codes])) {
      byCode.set(o.code ?? '', o);
    }
    const inScope = (o: OrgRow | undefined) =>
      o !== undefined && o.path.startsWith(scope.path) ? o : undefined;
    const seenIds = new Map<string, number>();
    for (const { row, cells } of table.rows) {
      const before = issues.items.length;
      const bad = (column: string, zh: string, en: string) => issues.add(row, column, { zh, en });
      const name = cell(cells, 'name');
      if (name === '' || name.length > 30) {
        bad('姓名', '姓名为空或过长', 'Name empty or too long');
      }
      const idNumber = normaliseIdNumber(cell(cells, 'idNumber'));
      const facts = parseIdNumber(idNumber);
      if (facts === null) {
        bad(
          '身份证号',
          '身份证号码无效（长度、出生日期或校验位不符）',
          'Invalid ID number (length, birth date or check digit)',
        );
      } else if (seenIds.has(idNumber)) {
        bad(
          '身份证号',
          `身份证号码与第 ${seenIds.get(idNumber)!} 行重复`,
          `ID number repeats row ${seenIds.get(idNumber)!}`,
        );
      } else {
        seenIds.set(idNumber, row);
      }
      const genderText = cell(cells, 'gender');
      if (genderText !== '' && facts !== null && fromZh(genderZh, genderText) !== facts.gender) {
        bad('性别', '性别与身份证号码不一致', 'Gender does not match the ID number');
      }
      const education = fromZh(educationZh, cell(cells, 'education'));
      if (education === undefined) {
        bad(
          '学历',
          `无法识别的学历“${cell(cells, 'education')}”`,
          `Unknown education "${cell(cells, 'education')}"`,
        );
      }
      const ethnicity = cell(cells, 'ethnicity');
      if (ethnicity === '' || ethnicity.length > 20) {
        bad('民族', '民族为空或过长', 'Ethnicity empty or too long');
      }
      const phone = cell(cells, 'phone').replace(/[\s-]/g, '');
      if (phone !== '' && !isValidPhone(phone)) {
        bad('手机号', '手机号应为 11 位数字', 'Phone must be 11 digits');
      }
      const joinedOn = normaliseDate(cell(cells, 'joinedOn'));
      if (!isDate(joinedOn)) {
        bad('入党日期', '日期格式应为 YYYY-MM-DD', 'Date must be YYYY-MM-DD');
      }
      const status = fromZh(statusZh, cell(cells, 'status'));
      if (status === undefined) {
        bad('党员状态', '党员状态应为“正式党员”或“预备党员”', 'Status must be 正式党员 or 预备党员');
      }
      const branch = inScope(byCode.get(cell(cells, 'branchCode')));
      if (branch === undefined || branch.level !== 'branch' || branch.status !== 'active') {
        bad(
          '所在支部代码',
          `找不到党支部 ${cell(cells, 'branchCode')}`,
          `No party branch ${cell(cells, 'branchCode')}`,
        );
      }
      const groupCode = cell(cells, 'groupCode');
      const group = groupCode === '' ? null : (inScope(byCode.get(groupCode)) ?? undefined);
      if (
        group === undefined ||
        (group !== null && (group.level !== 'group' || group.parent_id !== branch?.id))
      ) {
        bad(
          '党小组代码',
          `党小组 ${groupCode} 不属于该支部`,
          `Party group ${groupCode} is not in the branch`,
        );
      }
      const communityCode = cell(cells, 'communityCode');
      const community = communityCode === '' ? null : byCode.get(communityCode);
      if (community === undefined || (community !== null && community.level !== 'village')) {
        bad('报到社区代码', `找不到社区 ${communityCode}`, `No community ${communityCode}`);
      }
      if (
        issues.items.length > before ||
        branch === undefined ||
        group === undefined ||
        community === undefined
      ) {
        continue;
      }
      rows.push(
        memberRowOf(
          cipher,
          {
            name,
            ethnicity,
            education: education!,
            idNumber,
            phone: phone === '' ? null : phone,
            joinedOn,
            status: status!,
          },
          { branchId: branch.id, groupId: group?.id ?? null, orgPath: (group ?? branch).path },
          community,
          ctx.now,
          newId(ctx.now),
        ),
      );
      rowNumbers.push(row);
    }
    const taken = await memberRepository(database.db, database.dialect).existingIdIndexes(
      rows.map((r) => r.id_number_idx),
    );
    rows.forEach((r, i) => {
      if (taken.has(r.id_number_idx)) {
        issues.add(rowNumbers[i]!, '身份证号', {
          zh: '该身份证号码的党员已存在',
          en: 'A member with this ID number exists',
        });
      }
    });
  }
  if (issues.items.length > 0 || input.dryRun) {
    return finish(table, columns);
  }
  await database.db.transaction().execute(async (trx) => {
    const members = memberRepository(trx, database.dialect);
    const rollups = new RollupDeltas();
    await members.insertMany(rows);
    await members.insertTransfers(
      rows.map((r) => ({
        member_id: r.id,
        kind: 'join',
        from_branch_id: null,
        to_branch_id: r.branch_id,
        at: ctx.now,
        actor_id: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        reason: null,
      })),
    );
    for (const r of rows) {
      rollups.add(r.org_path, 'member', 1);
    }
    await orgRollups(trx, database.dialect).addRollups(rollups.values);
    await recordAudit(trx, ctx, {
      action: 'member.import',
      entityType: 'member',
      entityId: null,
      orgPath: scope.path,
      detail: { count: rows.length },
    });
  });
  return finish(table, columns, true);

  function finish(t: Table | null, cols: Map<string, number>, committed = false): ImportReport {
    const report = reportOf('members', input.dryRun, committed, t, issues, MEMBER_COLUMNS, cols, {
      idNumber: maskIdNumber,
      phone: maskPhone,
    });
    if (!input.dryRun && !committed) {
      throw new AppError('import.invalid_file', { extra: { report } });
    }
    return report;
  }
}
