// 组织关系转接: moves a member the caller can see to another active branch (anywhere in the district), with a history row.
// The caller must hold 'member.write'.
import type { Scope } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { orgDirectory, orgRollups } from '../orgs/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { notFound } from '../platform/errors.js';
import { placementOf } from './placement.js';
import { memberRepository } from './repository.js';

export async function transferMember(
  database: Database,
  ctx: RequestContext,
  scope: Scope,
  input: { memberId: string; branchId: string; groupId: string | null; reason: string },
): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    const orgs = orgDirectory(trx, database.dialect);
    const rollups = orgRollups(trx, database.dialect);
    const members = memberRepository(trx, database.dialect);
    const member = await members.findById(scope, input.memberId);
    if (member === undefined) {
      throw notFound();
    }
    const branch = await orgs.findByIdUnscoped(input.branchId);
    const group = input.groupId === null ? null : await orgs.findByIdUnscoped(input.groupId);
    const place = placementOf(branch, group);
    if (place.orgPath === member.org_path) {
      return;
    }
    await members.placeInBranch(member.id, { ...place, now: ctx.now });
    await members.insertTransfer({
      member_id: member.id,
      kind: place.branchId === member.branch_id ? 'regroup' : 'transfer',
      from_branch_id: member.branch_id,
      to_branch_id: place.branchId,
      at: ctx.now,
      actor_id: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      reason: input.reason,
    });
    await rollups.adjustRollup(member.org_path, 'member', -1);
    await rollups.adjustRollup(place.orgPath, 'member', 1);
    await recordAudit(trx, ctx, {
      action: 'member.transfer',
      entityType: 'member',
      entityId: member.id,
      orgPath: member.org_path,
      detail: { fromBranchId: member.branch_id, toBranchId: place.branchId, reason: input.reason },
    });
  });
}
