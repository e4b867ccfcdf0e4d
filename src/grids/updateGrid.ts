// Changes a grid's name, type, nets or party organisation. The caller holds 'grid.write'; scope is checked here.
import { recordAudit } from '../audit/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { orgDirectory } from '../orgs/index.js';
import { notFound } from '../platform/errors.js';
import { requireActive, requireGrid } from './gridChange.js';
import { checkPartyOrg, type PartyOrgInput } from './partyOrg.js';
import { gridRepository, type GridRow } from './repository.js';
import type { GridSubType, GridType, Net } from './vocabulary.js';

export type UpdateGridInput = {
  gridId: string;
  name?: string;
  type?: GridType;
  subType?: GridSubType | null;
  nets?: Net[];
  partyOrg?: PartyOrgInput | null;
};

export async function updateGrid(
  database: Database,
  ctx: RequestContext,
  input: UpdateGridInput,
): Promise<GridRow> {
  const grid = await requireGrid(database.db, ctx, input.gridId);
  requireActive(grid);
  const patch: Partial<GridRow> = { updated_at: ctx.now };
  if (input.name !== undefined && input.name.trim() !== '') {
    patch.name = input.name.trim();
  }
  const type = input.type ?? grid.type;
  if (input.type !== undefined || input.subType !== undefined) {
    patch.type = type;
    patch.sub_type = type === 'dedicated' ? (input.subType ?? grid.sub_type) : null;
  }
  if (input.nets !== undefined) {
    patch.nets = JSON.stringify(input.nets);
  }
  if (input.partyOrg !== undefined) {
    const village = await orgDirectory(database.db, database.dialect).findByIdUnscoped(grid.village_id);
    if (village === undefined) {
      throw notFound();
    }
    const party = await checkPartyOrg(database, village, input.partyOrg);
    patch.party_org_kind = party.kind;
    patch.party_org_id = party.orgId;
    patch.central_household_id = party.centralHouseholdId;
  }
  return database.db.transaction().execute(async (trx) => {
    await gridRepository(trx).update(grid.id, patch);
    await recordAudit(trx, ctx, {
      action: 'grid.update',
      entityType: 'grid',
      entityId: grid.id,
      orgPath: grid.org_path,
      detail: { code: grid.code, changed: Object.keys(patch).filter((k) => k !== 'updated_at') },
    });
    return { ...grid, ...patch };
  });
}
