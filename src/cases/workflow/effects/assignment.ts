// Effects that name people and departments on a case: dispatch to a department, a handler signing for it, and the
// bundled responsibility (捆绑式责任) of grid worker, grid party branch and town leader.
import type { Kysely } from 'kysely';
import type { Limit } from '../../../calendar/index.js';
import { gridPartyOrgOf, gridWorkerOf } from '../../../grids/index.js';
import { accountNames, userIdsWithRole, usersWithRoleAt } from '../../../identity/index.js';
import { orgDirectory } from '../../../orgs/index.js';
import type { Dialect } from '../../../platform/db/database.js';
import type { DB } from '../../../platform/db/schema.js';
import { catalogueRepository } from '../../catalogue/repository.js';
import { deadlinesFrom } from '../../clock.js';
import { caseRepository, type CaseRow } from '../../repository.js';
import { dispatchTargetOf } from '../../routing/dispatchTargets.js';
import { resolveRoute } from '../../routing/resolveRoute.js';
import type { Effect } from './context.js';

/** 派遣: the department must be one the case's town may use; its limit comes from the route or the category. */
export const assignDepartment: Effect = async (e) => {
  const { trx, dialect, c, now } = e;
  const dept = await dispatchTargetOf(trx, dialect, c, e.input.departmentId);
  const category = await catalogueRepository(trx).find(c.category_code);
  const routed = await resolveRoute(trx, {
    categoryCode: c.category_code,
    platform: c.platform,
    townId: c.town_id,
    villageId: c.village_id,
    gridId: c.grid_id,
  });
  const fromRule = routed.route?.departmentId === dept.id ? routed.route.limit : null;
  const limit: Limit = fromRule ??
    (c.urgency === 'urgent' ? category?.limits.urgent : category?.limits.normal) ?? {
      amount: 5,
      unit: 'workDays',
    };
  const marks = deadlinesFrom(now, limit, e.cal);
  Object.assign(e.patch, {
    department_id: dept.id,
    department_path: dept.path,
    dispatched_at: now,
    limit_json: JSON.stringify(limit),
    deadline_at: marks.deadlineAt,
    yellow_at: marks.yellowAt,
    paused_at: null,
    supervision: null,
    handler_user_id: null,
  });
  Object.assign(e.data, {
    departmentId: dept.id,
    departmentName: dept.name,
    deadlineAt: marks.deadlineAt,
    limit,
    routedBy: fromRule === null ? 'category' : 'rule',
    rightFirstTime: c.return_count === 0,
  });
  const handlers = await userIdsWithRole(trx, [dept.id], ['departmentHandler']);
  await caseRepository(trx, dialect).setParty({
    case_id: c.id,
    role: 'department',
    user_id: null,
    org_id: dept.id,
    name: dept.name,
  });
  e.notices.push({ event: 'case.assigned', userIds: handlers });
};

/** 签收: the signing handler becomes the case's handler; signing within the step limit is on time. */
export const takeAsHandler: Effect = async (e) => {
  const { c, now } = e;
  const limit = e.stepLimit('dispatched') ?? 0;
  e.data.onTime = now - (c.dispatched_at ?? now) <= limit * 60_000;
  if (e.performer.kind === 'user') {
    const actor = e.performer.actor;
    e.patch.handler_user_id = actor.userId;
    await caseRepository(e.trx, e.dialect).setParty({
      case_id: c.id,
      role: 'handler',
      user_id: actor.userId,
      org_id: c.department_id,
      name: actor.displayName,
    });
  }
};

/** After registering or escalating, the case's bundled parties are named again for its (new) level. */
export const nameBundledParties: Effect = async (e) => {
  e.afterWrite.push((after) => assignBundledParties(e.trx, e.dialect, after));
};

/** 捆绑式责任: the grid worker, the grid's party branch secretary and the town leader are named on the case. */
export async function assignBundledParties(trx: Kysely<DB>, dialect: Dialect, c: CaseRow): Promise<void> {
  const repo = caseRepository(trx, dialect);
  if (c.grid_id !== null) {
    // Only a worker with an account can answer for the case; the one who verifies or checks it takes it over.
    const worker = await gridWorkerOf(trx, c.grid_id);
    const named = (await repo.parties(c.id)).find((p) => p.role === 'gridWorker' && p.user_id !== null);
    if (worker !== undefined && worker.userId !== null && named === undefined) {
      await repo.setParty({
        case_id: c.id,
        role: 'gridWorker',
        user_id: worker.userId,
        org_id: null,
        name: worker.name,
      });
    }
    const partyOrgId = await gridPartyOrgOf(trx, c.grid_id);
    if (partyOrgId !== null) {
      // Unscoped: the branch built on the case's own grid, named whoever acts.
      const branch = await orgDirectory(trx, dialect).findByIdUnscoped(partyOrgId);
      await repo.setParty({
        case_id: c.id,
        role: 'branchSecretary',
        user_id: null,
        org_id: partyOrgId,
        name: branch?.name ?? null,
      });
    }
  }
  const leader = await townLeaderOf(trx, dialect, c);
  if (leader !== undefined) {
    await repo.setParty({
      case_id: c.id,
      role: 'townLeader',
      user_id: leader.id,
      org_id: c.town_id,
      name: leader.displayName,
    });
  }
}

/**
 * 镇（街道）分管领导: the leader the town set for the case's platform, else the town command centre's longest-standing
 * account that is not also the district's (a district account acting for a town is not the town's leader).
 */
export async function townLeaderOf(
  trx: Kysely<DB>,
  dialect: Dialect,
  c: Pick<CaseRow, 'town_id' | 'district_id' | 'platform'>,
): Promise<{ id: string; displayName: string } | undefined> {
  if (c.town_id === null) {
    return undefined;
  }
  const chosen = await caseRepository(trx, dialect).townLeader(c.town_id, c.platform);
  if (chosen !== undefined) {
    const account = (await accountNames(trx, [chosen.user_id])).get(chosen.user_id);
    if (account !== undefined && account.isActive) {
      return { id: chosen.user_id, displayName: account.displayName };
    }
  }
  const district = new Set(await userIdsWithRole(trx, [c.district_id], ['districtCommand']));
  const town = await usersWithRoleAt(trx, c.town_id, ['townCommand']);
  const own = town.find((u) => !district.has(u.id));
  return own === undefined ? undefined : { id: own.id, displayName: own.displayName };
}

/** The grid worker who verifies or checks the case answers for it from then on (named with his account). */
export const nameActingGridWorker: Effect = async (e) => {
  if (e.performer.kind !== 'user' || e.performer.actor.active.role !== 'gridWorker') {
    return;
  }
  const actor = e.performer.actor;
  await caseRepository(e.trx, e.dialect).setParty({
    case_id: e.c.id,
    role: 'gridWorker',
    user_id: actor.userId,
    org_id: null,
    name: actor.displayName,
  });
};
