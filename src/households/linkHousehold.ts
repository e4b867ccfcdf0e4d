// Links a household to a central household of its own village (or moves the link); the linked count follows.
// The caller must hold 'household.write'.
import type { Scope } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { orgRollups } from '../orgs/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { AppError, notFound } from '../platform/errors.js';
import { householdRepository } from './repository.js';

export async function linkHousehold(
  database: Database,
  ctx: RequestContext,
  scope: Scope,
  input: { householdId: string; centralHouseholdId: string },
): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    const households = householdRepository(trx, database.dialect);
    const household = await households.findHousehold(scope, input.householdId);
    const central = await households.findCentral(scope, input.centralHouseholdId);
    if (household === undefined || central === undefined) {
      throw notFound();
    }
    if (central.status !== 'active' || !central.group_path.startsWith(household.village_path)) {
      throw new AppError('household.invalid_link');
    }
    if (household.central_household_id === central.id) {
      return;
    }
    await households.setLink(household.id, central.id, central.group_path, ctx.now);
    const orgs = orgRollups(trx, database.dialect);
    await orgs.adjustRollup(household.org_path, 'household', -1);
    await orgs.adjustRollup(central.group_path, 'household', 1);
    await recordAudit(trx, ctx, {
      action: 'household.link',
      entityType: 'household',
      entityId: household.id,
      orgPath: central.group_path,
      detail: { from: household.central_household_id, to: central.id },
    });
  });
}
