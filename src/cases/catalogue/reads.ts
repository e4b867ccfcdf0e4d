// The catalogue's read models for the district admin: every category with both languages of each field (so an
// editor saves without losing either), and the routing rules (the responsibility list) with the names they point to.
import type { Kysely } from 'kysely';
import type { Limit } from '../../calendar/index.js';
import { orgDirectory } from '../../orgs/index.js';
import type { Database } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import { presentCategory } from '../publicRoutes.js';
import { routingRepository } from '../routing/repository.js';
import { catalogueRepository } from './repository.js';

export async function adminCatalogue(db: Kysely<DB>, isEnglish: boolean) {
  const repo = catalogueRepository(db);
  return {
    version: await repo.currentVersion(),
    items: (await repo.all()).map((c) => ({
      ...presentCategory(c, isEnglish),
      limits: c.limits,
      department: c.department,
      active: c.active,
      nameZh: c.name.zh,
      nameEn: c.name.en,
      keywords: c.keywords,
      duplicateRadiusM: c.duplicateRadiusM,
      registrationCondition: c.registrationCondition,
      closingCondition: c.closingCondition,
      fieldDefs: c.fields,
    })),
  };
}

export async function routingRuleList(database: Database, limit: number, categoryCode: string | undefined) {
  const rules = await routingRepository(database.db).list(limit, categoryCode);
  const ids = [
    ...new Set(rules.flatMap((r) => [r.area_org_id, r.department_id]).filter((x): x is string => x !== null)),
  ];
  const names = new Map(
    (await orgDirectory(database.db, database.dialect).byIds(ids)).map((o) => [o.id, o.name]),
  );
  return {
    items: rules.map((r) => ({
      id: r.id,
      categoryCode: r.category_code,
      areaOrgId: r.area_org_id,
      areaName: r.area_org_id === null ? null : (names.get(r.area_org_id) ?? null),
      departmentName: names.get(r.department_id) ?? null,
      gridId: r.grid_id,
      platform: r.platform,
      departmentId: r.department_id,
      limit: r.limit_json === null ? null : (JSON.parse(r.limit_json) as Limit),
      note: r.note,
    })),
  };
}
