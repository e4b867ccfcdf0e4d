// The handling side of the demo district: district departments, each town's four platform offices, the default
// responsibility list (routing rules) and one handler account per department seat that the demo uses.
import type { Database } from '../platform/db/database.js';
import { hashPassword } from '../identity/passwords.js';
import { identityRepository } from '../identity/repository.js';
import { orgMetric } from '../orgs/levels.js';
import { orgRepository } from '../orgs/repository.js';
import { newId } from '../platform/ids.js';
import { defaultCatalogue, districtDepartments, townPlatformOffices } from './catalogue/defaultCatalogue.js';
import { routingRepository, type RoutingRuleRow } from './routing/repository.js';

export const platformOfficeCode = (townCode: string, platform: string): string => `${townCode}-${platform}`;

/** Demo handler accounts: username → department code (district) or town office code. */
export const demoHandlers: { username: string; displayName: string; department: string }[] = [
  { username: 'cgj', displayName: '区城市管理局处置员', department: 'D-CG' },
  { username: 'sthj', displayName: '区生态环境局处置员', department: 'D-STHJ' },
  {
    username: 'jszf',
    displayName: '金沙街道综合执法平台处置员',
    department: platformOfficeCode('320612001', 'lawEnforcement'),
  },
  {
    username: 'jszz',
    displayName: '金沙街道综治工作平台处置员',
    department: platformOfficeCode('320612001', 'governance'),
  },
  {
    username: 'jsbm',
    displayName: '金沙街道便民服务平台处置员',
    department: platformOfficeCode('320612001', 'publicService'),
  },
  {
    username: 'jssj',
    displayName: '金沙街道市场监管平台处置员',
    department: platformOfficeCode('320612001', 'marketSupervision'),
  },
];

export async function seedDepartments(database: Database, password: string, now: number): Promise<void> {
  const passwordHash = await hashPassword(password);
  await database.db.transaction().execute(async (trx) => {
    const orgs = orgRepository(trx, database.dialect);
    const district = await orgs.findRoot();
    if (district === undefined) {
      throw new Error('the district spine must exist before departments');
    }
    const rules: RoutingRuleRow[] = [];
    const byCode = new Map<string, string>();
    for (const d of districtDepartments) {
      const existing = await orgs.findByCode(d.code);
      const row =
        existing ??
        (await orgs.insert({
          parent: district,
          level: 'department',
          type: 'districtDepartment',
          name: d.name,
          code: d.code,
          attrs: JSON.stringify({ platform: d.platform }),
          now,
        }));
      if (existing === undefined) {
        await orgs.adjustRollup(row.path, orgMetric('department'), 1);
      }
      byCode.set(d.code, row.id);
    }
    const towns = await orgs.children({ path: district.path }, district.id, 100, null);
    for (const town of towns.filter((t) => t.level === 'town')) {
      for (const office of townPlatformOffices) {
        const code = platformOfficeCode(town.code ?? town.id, office.platform);
        const row =
          (await orgs.findByCode(code)) ??
          (await orgs.insert({
            parent: town,
            level: 'department',
            type: 'platformOffice',
            name: `${town.name}${office.suffix}`,
            code,
            attrs: JSON.stringify({ platform: office.platform }),
            now,
          }));
        byCode.set(code, row.id);
        // The town's platform office handles its platform's cases in the town unless a category rule says otherwise.
        rules.push(
          rule({
            platform: office.platform,
            areaOrgId: town.id,
            areaPath: town.path,
            departmentId: row.id,
            now,
          }),
        );
      }
    }
    for (const c of defaultCatalogue.filter((x) => x.depth === 3 && x.department !== 'town')) {
      const departmentId = byCode.get(c.department);
      if (departmentId !== undefined) {
        rules.push(rule({ categoryCode: c.code, departmentId, now }));
      }
    }
    await routingRepository(trx).insertMany(rules);

    const users = identityRepository(trx);
    for (const h of demoHandlers) {
      const orgId = byCode.get(h.department);
      if (orgId === undefined || (await users.findUserByUsername(h.username)) !== undefined) {
        continue;
      }
      const userId = await users.createUser({
        username: h.username,
        displayName: h.displayName,
        passwordHash,
        now,
      });
      await users.addRole({ userId, role: 'departmentHandler', orgId, now });
    }
  });
}

function rule(input: {
  categoryCode?: string;
  platform?: string;
  areaOrgId?: string;
  areaPath?: string;
  departmentId: string;
  now: number;
}): RoutingRuleRow {
  return {
    id: newId(input.now),
    category_code: input.categoryCode ?? null,
    area_org_id: input.areaOrgId ?? null,
    area_path: input.areaPath ?? null,
    grid_id: null,
    platform: input.platform ?? null,
    department_id: input.departmentId,
    limit_json: null,
    active: 1,
    note: null,
    created_at: input.now,
  };
}
