// Ends a household's link to its central household; it stays in its village. The caller must hold 'household.write'.
import type { Scope } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { orgRollups } from '../orgs/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { notFound } from '../platform/errors.js';
import { householdRepository } from './repository.js';

export async function unlinkHousehold(
  database: Database,
  ctx: RequestContext,
  scope: Scope,
  input: { householdId: string },
): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    const households = householdRepository(trx, database.dialect);
    const household = await households.findHousehold(scope, input.householdId);
    if (household === undefined) {
      throw notFound();
    }
    if (household.central_household_id === null) {
      return;
    }
    await households.setLink(household.id, null, household.village_path, ctx.now);
    const orgs = orgRollups(trx, database.dialect);
    await orgs.adjustRollup(household.org_path, 'household', -1);
    await orgs.adjustRollup(household.village_path, 'household', 1);
    await recordAudit(trx, ctx, {
      action: 'household.unlink',
      entityType: 'household',
      entityId: household.id,
      orgPath: household.village_path,
      detail: { from: household.central_household_id },
    });
  });
}
