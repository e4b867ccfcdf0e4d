// Records an ordinary household (群众户) of a village the caller can see. The caller must hold 'household.write'.
import type { Scope } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { orgDirectory, orgRollups } from '../orgs/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { AppError, notFound } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { householdRepository, type HouseholdRow } from './repository.js';

export async function createHousehold(
  database: Database,
  ctx: RequestContext,
  scope: Scope,
  input: { villageId: string; headName: string; address: string; size: number },
): Promise<HouseholdRow> {
  return database.db.transaction().execute(async (trx) => {
    const orgs = orgDirectory(trx, database.dialect);
    const rollups = orgRollups(trx, database.dialect);
    const village = await orgs.findById(scope, input.villageId);
    if (village === undefined) {
      throw notFound();
    }
    if (village.level !== 'village' || village.status !== 'active') {
      throw new AppError('request.invalid', { errors: [{ field: 'villageId', message: 'not a village' }] });
    }
    const row: HouseholdRow = {
      id: newId(ctx.now),
      head_name: input.headName.trim(),
      address: input.address.trim(),
      size: input.size,
      village_id: village.id,
      village_path: village.path,
      central_household_id: null,
      org_path: village.path,
      grid_id: null,
      lng: null,
      lat: null,
      created_at: ctx.now,
      updated_at: ctx.now,
    };
    await householdRepository(trx, database.dialect).insertHouseholds([row]);
    await rollups.adjustRollup(village.path, 'household', 1);
    await recordAudit(trx, ctx, {
      action: 'household.create',
      entityType: 'household',
      entityId: row.id,
      orgPath: village.path,
      detail: null,
    });
    return row;
  });
}
