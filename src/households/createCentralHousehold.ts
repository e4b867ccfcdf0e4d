// Sets up a party-member central household (党员中心户) under a party group, led by a member of that group's branch.
// The caller must hold 'household.write'.
import type { Scope } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { memberDirectory } from '../members/index.js';
import { orgDirectory, orgRollups } from '../orgs/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { AppError, notFound } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { householdRepository, type CentralHouseholdRow } from './repository.js';

export async function createCentralHousehold(
  database: Database,
  ctx: RequestContext,
  scope: Scope,
  input: { groupId: string; headMemberId: string; name: string | null },
): Promise<CentralHouseholdRow> {
  return database.db.transaction().execute(async (trx) => {
    const orgs = orgDirectory(trx, database.dialect);
    const rollups = orgRollups(trx, database.dialect);
    const households = householdRepository(trx, database.dialect);
    const group = await orgs.findById(scope, input.groupId);
    const head = await memberDirectory(trx, database.dialect).findById(scope, input.headMemberId);
    if (group === undefined || head === undefined) {
      throw notFound();
    }
    if (group.level !== 'group' || group.status !== 'active' || head.branch_id !== group.parent_id) {
      throw new AppError('request.invalid', {
        errors: [{ field: 'headMemberId', message: 'the head must be a member of the group’s branch' }],
      });
    }
    if ((await households.headedBy(head.id)) !== undefined) {
      throw new AppError('record.conflict');
    }
    const row: CentralHouseholdRow = {
      id: newId(ctx.now),
      name: input.name ?? `${head.name}党员中心户`,
      head_member_id: head.id,
      group_id: group.id,
      group_path: group.path,
      status: 'active',
      created_at: ctx.now,
      updated_at: ctx.now,
    };
    await households.insertCentralHouseholds([row]);
    await rollups.adjustRollup(group.path, 'centralHousehold', 1);
    await recordAudit(trx, ctx, {
      action: 'centralHousehold.create',
      entityType: 'centralHousehold',
      entityId: row.id,
      orgPath: group.path,
      detail: { groupId: group.id, headMemberId: head.id },
    });
    return row;
  });
}
