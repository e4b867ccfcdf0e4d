// Streams an organisation subtree to .xlsx (organisations, members with numbers masked, central households).
// Exporting personal data needs a reason and is audited. The caller must hold 'member.export'.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Scope } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { householdDirectory } from '../households/index.js';
import { memberDirectory, educationZh, genderZh, statusZh } from '../members/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { AppError, notFound } from '../platform/errors.js';
import { isOrgLevel, levelZh, orgDirectory, typeZh, type OrgRow } from '../orgs/index.js';

const PAGE = 2000;

/** Checks and audits the export; returns the writer to run once the response has started. */
export async function exportSubtree(
  database: Database,
  ctx: RequestContext,
  scope: Scope,
  input: { orgId: string; reason: string },
): Promise<{ org: OrgRow; write: (out: Writable) => Promise<void> }> {
  const reason = input.reason.trim();
  if (reason.length < 2) {
    throw new AppError('personal.reason_required');
  }
  const orgs = orgDirectory(database.db, database.dialect);
  const org = await orgs.findById(scope, input.orgId);
  if (org === undefined) {
    throw notFound();
  }
  await recordAudit(database.db, ctx, {
    action: 'member.export',
    entityType: 'org',
    entityId: org.id,
    orgPath: org.path,
    detail: { reason },
  });
  const write = async (out: Writable) => {
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: false,
      useSharedStrings: false,
    });
    const subtree = await orgs.subtree(scope, org.path);
    const byId = new Map(subtree.map((o) => [o.id, o]));
    const sheet = book.addWorksheet('组织');
    sheet.columns = [
      { header: '组织名称', width: 36 },
      { header: '层级', width: 12 },
      { header: '类型', width: 14 },
      { header: '组织代码', width: 18 },
      { header: '上级组织代码', width: 18 },
      { header: '成立日期', width: 12 },
      { header: '状态', width: 8 },
    ];
    for (const o of subtree) {
      const parent = o.parent_id === null ? undefined : byId.get(o.parent_id);
      sheet
        .addRow([
          o.name,
          isOrgLevel(o.level) ? levelZh[o.level] : o.level,
          typeZh[o.type] ?? o.type,
          o.code ?? '',
          parent?.code ?? '',
          o.founded_on ?? '',
          o.status === 'active' ? '正常' : '已撤销',
        ])
        .commit();
    }
    sheet.commit();

    const people = book.addWorksheet('党员');
    people.columns = [
      { header: '姓名', width: 10 },
      { header: '性别', width: 6 },
      { header: '民族', width: 8 },
      { header: '学历', width: 10 },
      { header: '身份证号', width: 22 },
      { header: '手机号', width: 14 },
      { header: '入党日期', width: 12 },
      { header: '党员状态', width: 10 },
      { header: '所在支部', width: 30 },
      { header: '所在支部代码', width: 18 },
      { header: '党小组', width: 16 },
    ];
    const members = memberDirectory(database.db, database.dialect);
    const label = (labels: Record<string, string>, key: string): string => labels[key] ?? key;
    let after: string | undefined;
    for (;;) {
      const page = await members.list(scope, { underPath: org.path, afterId: after, limit: PAGE });
      for (const m of page) {
        const branch = byId.get(m.branch_id);
        const group = m.group_id === null ? undefined : byId.get(m.group_id);
        people
          .addRow([
            m.name,
            label(genderZh, m.gender),
            m.ethnicity,
            label(educationZh, m.education),
            m.id_number_masked,
            m.phone_masked ?? '',
            m.joined_on,
            label(statusZh, m.status),
            branch?.name ?? '',
            branch?.code ?? '',
            group?.name ?? '',
          ])
          .commit();
      }
      if (page.length < PAGE) {
        break;
      }
      after = page.at(-1)!.id;
    }
    people.commit();

    const centrals = book.addWorksheet('党员中心户');
    centrals.columns = [
      { header: '中心户', width: 24 },
      { header: '户长（党员）', width: 12 },
      { header: '党小组', width: 20 },
      { header: '联系户数', width: 10 },
    ];
    const households = householdDirectory(database.db, database.dialect);
    let afterCentral: string | null = null;
    for (;;) {
      const page = await households.listCentral(scope, org.path, afterCentral, PAGE);
      for (const c of page) {
        centrals.addRow([c.name, c.head_name, c.group_name, c.linked ?? 0]).commit();
      }
      if (page.length < PAGE) {
        break;
      }
      afterCentral = page.at(-1)!.id;
    }
    centrals.commit();
    await book.commit();
  };
  return { org, write };
}
