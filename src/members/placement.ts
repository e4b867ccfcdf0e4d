// Where a member's organisational relation (组织关系) may point: one active branch, optionally one of its party groups.
import type { OrgRow } from '../orgs/index.js';
import { AppError } from '../platform/errors.js';

export type Placement = { branchId: string; groupId: string | null; orgPath: string };

export function placementOf(branch: OrgRow | undefined, group: OrgRow | undefined | null): Placement {
  if (branch === undefined || branch.level !== 'branch' || branch.status !== 'active') {
    throw new AppError('member.invalid_branch');
  }
  if (group === null) {
    return { branchId: branch.id, groupId: null, orgPath: branch.path };
  }
  if (
    group === undefined ||
    group.level !== 'group' ||
    group.status !== 'active' ||
    group.parent_id !== branch.id
  ) {
    throw new AppError('member.invalid_branch');
  }
  return { branchId: branch.id, groupId: group.id, orgPath: group.path };
}

/** 双报到 registers with a residential community (or village). */
export function isCommunity(org: OrgRow | undefined): org is OrgRow {
  return org !== undefined && org.level === 'village' && org.status === 'active';
}
