// The handling side of the demo district: district departments, each town's four platform offices, the default
// responsibility list (routing rules) and one handler account per department seat that the demo uses.
import type { Database } from '../platform/db/database.js';
import { hashPassword, seedUser } from '../identity/index.js';
import {
  orgDirectory,
  orgMetric,
  orgRollups,
  orgSeeding,
  RollupDeltas,
  type OrgSeeding,
} from '../orgs/index.js';
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
    const orgs = orgDirectory(trx, database.dialect);
    const seeding = orgSeeding(trx, database.dialect);
    const district = await orgs.findRoot();
    if (district === undefined) {
      throw new Error('the district spine must exist before departments');
    }
    const rules: RoutingRuleRow[] = [];
    const byCode = new Map<string, string>();
    // Every department inserted here counts in org.department at its parent and above: district departments at the
    // district, a town's platform offices at the town and the district. Summed first, written once at the end.
    const rollups = new RollupDeltas();
    const department = async (input: Omit<Parameters<OrgSeeding['insert']>[0], 'level' | 'now'>) => {
      const existing = input.code === null ? undefined : await orgs.findByCode(input.code);
      if (existing !== undefined) {
        return existing;
      }
      const row = await seeding.insert({ ...input, level: 'department', now });
      rollups.add(row.path, orgMetric('department'), 1);
      return row;
    };
    for (const d of districtDepartments) {
      const row = await department({
        parent: district,
        type: 'districtDepartment',
        name: d.name,
        code: d.code,
        attrs: JSON.stringify({ platform: d.platform }),
      });
      byCode.set(d.code, row.id);
    }
    const towns = await orgs.children({ path: district.path }, district.id, 100, null);
    for (const town of towns.filter((t) => t.level === 'town')) {
      for (const office of townPlatformOffices) {
        const code = platformOfficeCode(town.code ?? town.id, office.platform);
        const row = await department({
          parent: town,
          type: 'platformOffice',
          name: `${town.name}${office.suffix}`,
          code,
          attrs: JSON.stringify({ platform: office.platform }),
        });
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
    await orgRollups(trx, database.dialect).addRollups(rollups.values);

    for (const h of demoHandlers) {
      const orgId = byCode.get(h.department);
      if (orgId === undefined) {
        continue;
      }
      await seedUser(trx, {
        username: h.username,
        displayName: h.displayName,
        passwordHash,
        roles: [{ role: 'departmentHandler', orgId }],
        now,
      });
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
