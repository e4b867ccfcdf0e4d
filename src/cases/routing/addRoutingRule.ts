// Adds or retires a routing rule (an entry of the duty list: category and/or area → department, optional limit), for
// the catalogue page and the published duty list alike. The caller holds catalogue.write and runs it in a transaction.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../audit/index.js';
import type { Limit } from '../../calendar/index.js';
import { orgDirectory } from '../../orgs/index.js';
import type { RequestContext } from '../../platform/context.js';
import type { Dialect } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Platform } from '../catalogue/defaultCatalogue.js';
import { catalogueRepository } from '../catalogue/repository.js';
import { tellCatalogueSaved } from '../hooks.js';
import { routingRepository } from './repository.js';

export type RoutingRuleInput = {
  categoryCode?: string;
  areaOrgId?: string;
  gridId?: string;
  platform?: Platform;
  departmentId: string;
  limit?: Limit;
  note?: string;
};

export async function addRoutingRule(
  trx: Kysely<DB>,
  dialect: Dialect,
  ctx: RequestContext,
  b: RoutingRuleInput,
): Promise<string> {
  // Unscoped: district departments and any town or village are named on purpose by the district admin.
  const orgs = orgDirectory(trx, dialect);
  const dept = await orgs.findByIdUnscoped(b.departmentId);
  if (dept?.level !== 'department') {
    throw new AppError('request.invalid', {
      errors: [{ field: 'departmentId', message: 'not a department' }],
    });
  }
  const area = b.areaOrgId === undefined ? undefined : await orgs.findByIdUnscoped(b.areaOrgId);
  if (b.areaOrgId !== undefined && (area === undefined || !['town', 'village'].includes(area.level))) {
    throw new AppError('request.invalid', {
      errors: [{ field: 'areaOrgId', message: 'must be a town or village' }],
    });
  }
  if (b.categoryCode !== undefined && (await catalogueRepository(trx).find(b.categoryCode)) === undefined) {
    throw new AppError('request.invalid', {
      errors: [{ field: 'categoryCode', message: 'unknown category' }],
    });
  }
  const id = newId(ctx.now);
  await routingRepository(trx).insertMany([
    {
      id,
      category_code: b.categoryCode ?? null,
      area_org_id: area?.id ?? null,
      area_path: area?.path ?? null,
      grid_id: b.gridId ?? null,
      platform: b.platform ?? null,
      department_id: dept.id,
      limit_json: b.limit === undefined ? null : JSON.stringify(b.limit),
      active: 1,
      note: b.note ?? null,
      created_at: ctx.now,
    },
  ]);
  await recordAudit(trx, ctx, {
    action: 'routing.create',
    entityType: 'routingRule',
    entityId: id,
    orgPath: null,
    detail: { ...b },
  });
  await tellCatalogueSaved(trx, dialect, {
    what: 'routingRule',
    version: await catalogueRepository(trx).currentVersion(),
    areaOrgId: area?.id ?? null,
    actorUserId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    now: ctx.now,
  });
  return id;
}

export async function retireRoutingRule(
  trx: Kysely<DB>,
  dialect: Dialect,
  ctx: RequestContext,
  id: string,
): Promise<void> {
  const rule = await routingRepository(trx).find(id);
  if (rule === undefined || !(await routingRepository(trx).deactivate(id))) {
    throw notFound();
  }
  await recordAudit(trx, ctx, {
    action: 'routing.retire',
    entityType: 'routingRule',
    entityId: id,
    orgPath: null,
  });
  await tellCatalogueSaved(trx, dialect, {
    what: 'routingRule',
    version: await catalogueRepository(trx).currentVersion(),
    areaOrgId: rule.area_org_id,
    actorUserId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    now: ctx.now,
  });
}
