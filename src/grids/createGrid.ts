// Creates a grid in a village. The caller holds 'grid.write'; the village's scope and the overlap rule are checked here.
import { recordAudit } from '../audit/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { newId } from '../platform/ids.js';
import { orgRollups } from '../orgs/index.js';
import {
  enforceNoOverlap,
  geometryColumns,
  nextGridCode,
  rebuildIndex,
  requireGeometry,
  requireVillage,
  townIdOf,
  writeVersion,
} from './gridChange.js';
import { markGridsChanged } from './indexService.js';
import { checkPartyOrg, type PartyOrgInput } from './partyOrg.js';
import { gridRepository, type GridRow } from './repository.js';
import { GRID_METRIC, type GridSubType, type GridType, type Net } from './vocabulary.js';

export type CreateGridInput = {
  villageId: string;
  name?: string;
  type: GridType;
  subType?: GridSubType | null;
  nets: Net[];
  geometry: unknown;
  partyOrg?: PartyOrgInput | null;
  overrideReason?: string | null;
};

export async function createGrid(
  database: Database,
  ctx: RequestContext,
  input: CreateGridInput,
): Promise<GridRow> {
  const village = await requireVillage(database, ctx, input.villageId);
  const geometry = requireGeometry(ctx, input.geometry);
  const partyOrg = await checkPartyOrg(database, village, input.partyOrg ?? null);
  const row = await database.db.transaction().execute(async (trx) => {
    const allowed = await enforceNoOverlap(trx, ctx, geometry, [], input.overrideReason);
    const code = await nextGridCode(trx, village.code ?? '');
    const row: GridRow = {
      id: newId(ctx.now),
      code,
      name: input.name?.trim() || `${village.name}第${code.slice(12)}网格`,
      type: input.type,
      sub_type: input.type === 'dedicated' ? (input.subType ?? null) : null,
      village_id: village.id,
      town_id: townIdOf(village.path),
      org_path: village.path,
      ...geometryColumns(geometry),
      nets: JSON.stringify(input.nets),
      party_org_kind: partyOrg.kind,
      party_org_id: partyOrg.orgId,
      central_household_id: partyOrg.centralHouseholdId,
      household_count: 0,
      status: 'active',
      version: 1,
      created_at: ctx.now,
      updated_at: ctx.now,
      retired_at: null,
    };
    await gridRepository(trx).insert(row);
    await writeVersion(trx, ctx, row, 'create', {
      reason: allowed.length > 0 ? (input.overrideReason ?? null) : null,
    });
    await orgRollups(trx, database.dialect).adjustRollup(village.path, GRID_METRIC, 1);
    await recordAudit(trx, ctx, {
      action: 'grid.create',
      entityType: 'grid',
      entityId: row.id,
      orgPath: row.org_path,
      detail: {
        code,
        ...(allowed.length > 0
          ? { overlapOverridden: allowed.map((o) => o.code), reason: input.overrideReason }
          : {}),
      },
    });
    await markGridsChanged(trx, ctx.now);
    return row;
  });
  await rebuildIndex(database);
  return row;
}
