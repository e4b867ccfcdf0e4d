// Imports accounts from a table, e.g. every grid worker of a town with their grids: one row per role assignment (a
// username repeated on several rows gets several assignments). Every row is checked first (username free, role the
// caller may grant, organisation and grids in the caller's scope); then all accounts are created in one transaction,
// each with a one-time password returned once, or none is. The caller holds 'admin.users'.
import { recordAudit } from '../audit/index.js';
import { gridStaffLinks, staffRow, type GridRow } from '../grids/index.js';
import { orgDirectory, type OrgRow } from '../orgs/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import {
  IssueList,
  mapColumns,
  readTable,
  reportOf,
  TableError,
  tableErrorMessage,
  type ColumnSpec,
  type ImportReport,
  type Table,
} from '../platform/spreadsheet/index.js';
import { isInScope, scopeOf, type UserActor } from '../access/index.js';
import { hashPassword } from './passwords.js';
import { oneTimePassword } from './passwordPolicy.js';
import type { Role } from '../access/index.js';
import { identityRepository } from './repository.js';
import { mayGrant, roleFrom, roleOrgLevels } from './roleRules.js';
import { userRepository } from './userRepository.js';

export const USER_COLUMNS = [
  { key: 'username', zh: '用户名', en: 'username', isRequired: true },
  { key: 'displayName', zh: '姓名', en: 'displayName', isRequired: true },
  { key: 'role', zh: '角色', en: 'role', isRequired: true },
  { key: 'orgCode', zh: '组织代码', en: 'orgCode', isRequired: true },
  { key: 'gridCodes', zh: '网格编码', en: 'gridCodes', isRequired: false },
  { key: 'homeOrgCode', zh: '所属组织代码', en: 'homeOrgCode', isRequired: false },
] as const satisfies readonly ColumnSpec<string>[];
type Key = (typeof USER_COLUMNS)[number]['key'];

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{2,31}$/;

export type ImportedCredential = { username: string; displayName: string; oneTimePassword: string };

export type UserImportReport = ImportReport & { credentials: ImportedCredential[] };

type PlannedUser = {
  username: string;
  displayName: string;
  home: OrgRow;
  grants: { role: Role; org: OrgRow }[];
  grids: GridRow[];
};

export async function importUsers(
  database: Database,
  ctx: RequestContext,
  actor: UserActor,
  input: { bytes: Buffer; dryRun: boolean },
): Promise<UserImportReport> {
  const issues = new IssueList(ctx.locale);
  let table: Table;
  try {
    table = await readTable(input.bytes);
  } catch (error) {
    if (!(error instanceof TableError)) {
      throw error;
    }
    issues.add(1, '', tableErrorMessage(error));
    return finish(null, new Map(), []);
  }
  const columns = mapColumns<Key>(table, USER_COLUMNS, issues);
  const cell = (cells: string[], key: Key): string => {
    const i = columns.get(key);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const splitCodes = (text: string): string[] => text.split(/[\s,，;；、]+/).filter((c) => c !== '');
  const scope = scopeOf(actor);
  const planned = new Map<string, PlannedUser>();
  if (issues.items.length === 0) {
    const orgCodes = new Set<string>();
    const gridCodes = new Set<string>();
    for (const { cells } of table.rows) {
      for (const key of ['orgCode', 'homeOrgCode'] as const) {
        if (cell(cells, key) !== '') {
          orgCodes.add(cell(cells, key));
        }
      }
      splitCodes(cell(cells, 'gridCodes')).forEach((c) => gridCodes.add(c));
    }
    const orgByCode = new Map<string, OrgRow>();
    for (const o of await orgDirectory(database.db, database.dialect).byCodes([...orgCodes])) {
      if (isInScope(scope, o.path) && o.status === 'active') {
        orgByCode.set(o.code ?? '', o);
      }
    }
    const gridByCode = new Map<string, GridRow>();
    for (const g of await gridStaffLinks(database.db).findByCodes([...gridCodes])) {
      if (isInScope(scope, g.org_path)) {
        gridByCode.set(g.code, g);
      }
    }
    const usernames = [...new Set(table.rows.map((r) => cell(r.cells, 'username')))].filter((u) => u !== '');
    const taken = await userRepository(database.db, database.dialect).takenUsernames(usernames);
    for (const { row, cells } of table.rows) {
      const before = issues.items.length;
      const bad = (column: string, zh: string, en: string) => issues.add(row, column, { zh, en });
      const username = cell(cells, 'username');
      if (!USERNAME.test(username)) {
        bad(
          '用户名',
          '用户名须为 3–32 位字母、数字、点、下划线或连字符',
          'A username is 3–32 letters, digits, dots, underscores or hyphens',
        );
      } else if (taken.has(username)) {
        bad('用户名', `用户名 ${username} 已被使用`, `The username ${username} is taken`);
      }
      const displayName = cell(cells, 'displayName');
      if (displayName === '' || displayName.length > 30) {
        bad('姓名', '姓名为空或过长', 'Name empty or too long');
      }
      const roleText = cell(cells, 'role');
      const role = roleFrom(roleText);
      if (role === undefined) {
        bad('角色', `无法识别的角色“${roleText}”`, `Unknown role "${roleText}"`);
      } else if (!mayGrant(actor.active.role, role)) {
        bad('角色', `您无权授予角色“${roleText}”`, `You may not grant the role "${roleText}"`);
      }
      const orgCode = cell(cells, 'orgCode');
      const org = orgByCode.get(orgCode);
      if (org === undefined) {
        bad('组织代码', `您的范围内没有组织 ${orgCode}`, `No organisation ${orgCode} in your scope`);
      } else if (role !== undefined && !roleOrgLevels[role].includes(org.level)) {
        bad('组织代码', '该角色不能设在这一层级的组织上', 'This role cannot be held at this level');
      }
      const homeCode = cell(cells, 'homeOrgCode');
      const home = homeCode === '' ? org : orgByCode.get(homeCode);
      if (homeCode !== '' && home === undefined) {
        bad('所属组织代码', `您的范围内没有组织 ${homeCode}`, `No organisation ${homeCode} in your scope`);
      }
      const grids: GridRow[] = [];
      for (const code of splitCodes(cell(cells, 'gridCodes'))) {
        const grid = gridByCode.get(code);
        if (grid === undefined || grid.status !== 'active') {
          bad('网格编码', `您的范围内没有有效网格 ${code}`, `No active grid ${code} in your scope`);
        } else if (org !== undefined && !isInScope({ path: org.path }, grid.org_path)) {
          bad('网格编码', `网格 ${code} 不在组织 ${orgCode} 之下`, `Grid ${code} is not under ${orgCode}`);
        } else {
          grids.push(grid);
        }
      }
      const earlier = planned.get(username);
      if (earlier !== undefined) {
        if (earlier.displayName !== displayName) {
          bad('姓名', '同一用户名的各行姓名须一致', 'Rows of one username must give the same name');
        }
        if (earlier.grants.some((g) => g.role === role && g.org.id === org?.id)) {
          bad('角色', '同一用户在同一组织的角色重复', 'The same role at the same organisation twice');
        }
      }
      if (issues.items.length > before || role === undefined || org === undefined || home === undefined) {
        continue;
      }
      if (earlier === undefined) {
        planned.set(username, { username, displayName, home, grants: [{ role, org }], grids });
      } else {
        earlier.grants.push({ role, org });
        earlier.grids.push(...grids.filter((g) => !earlier.grids.some((x) => x.id === g.id)));
      }
    }
  }
  if (issues.items.length > 0 || input.dryRun) {
    return finish(table, columns, []);
  }
  const users = [...planned.values()];
  // Hashing is the slow part (argon2id): done before the transaction, a few at a time.
  const credentials: ImportedCredential[] = users.map((u) => ({
    username: u.username,
    displayName: u.displayName,
    oneTimePassword: oneTimePassword(u.username),
  }));
  const hashes: string[] = [];
  for (let i = 0; i < credentials.length; i += 4) {
    hashes.push(
      ...(await Promise.all(credentials.slice(i, i + 4).map((c) => hashPassword(c.oneTimePassword)))),
    );
  }
  await database.db.transaction().execute(async (trx) => {
    const repo = identityRepository(trx);
    const links = gridStaffLinks(trx);
    for (const [i, u] of users.entries()) {
      const userId = await repo.createUser({
        username: u.username,
        displayName: u.displayName,
        passwordHash: hashes[i]!,
        orgId: u.home.id,
        mustChangePassword: true,
        now: ctx.now,
      });
      for (const g of u.grants) {
        await repo.addRole({ userId, role: g.role, orgId: g.org.id, now: ctx.now });
      }
      await links.insertStaff(
        u.grids.map((g) =>
          staffRow(
            null,
            { gridId: g.id, orgPath: g.org_path, name: u.displayName, phone: null, role: 'worker', userId },
            ctx.now,
          ),
        ),
      );
      await recordAudit(trx, ctx, {
        action: 'user.create',
        entityType: 'user',
        entityId: userId,
        orgPath: u.home.path,
        detail: {
          username: u.username,
          via: 'import',
          roles: u.grants.map((g) => ({ role: g.role, orgId: g.org.id })),
          grids: u.grids.map((g) => g.code),
        },
      });
    }
    await recordAudit(trx, ctx, {
      action: 'user.import',
      entityType: 'user',
      entityId: null,
      orgPath: scope.path,
      detail: { count: users.length },
    });
  });
  return finish(table, columns, credentials, true);

  function finish(
    t: Table | null,
    cols: Map<string, number>,
    creds: ImportedCredential[],
    committed = false,
  ): UserImportReport {
    const report = {
      ...reportOf('users', input.dryRun, committed, t, issues, USER_COLUMNS, cols),
      credentials: creds,
    };
    if (!input.dryRun && !committed) {
      throw new AppError('import.invalid_file', { extra: { report } });
    }
    return report;
  }
}
