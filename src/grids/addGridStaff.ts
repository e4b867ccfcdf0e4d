// Adds a grid leader or grid worker. The caller holds 'grid.write'; scope is checked here. The phone is encrypted.
import { scopeOf } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { AppError } from '../platform/errors.js';
import type { RequestContext } from '../platform/context.js';
import type { FieldCipher } from '../platform/crypto.js';
import type { Database } from '../platform/db/database.js';
import { newId } from '../platform/ids.js';
import { accountInScope } from './accountLookup.js';
import { requireActive, requireGrid } from './gridChange.js';
import { gridRepository, type GridStaffRow } from './repository.js';
import type { StaffRole } from './vocabulary.js';

/** 13812345678 → 138****5678. */
export const maskPhone = (phone: string): string =>
  phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';

export function staffRow(
  cipher: FieldCipher | null,
  input: {
    gridId: string;
    orgPath: string;
    name: string;
    phone: string | null;
    role: StaffRole;
    userId: string | null;
  },
  now: number,
): GridStaffRow {
  return {
    id: newId(now),
    grid_id: input.gridId,
    org_path: input.orgPath,
    name: input.name,
    phone_enc: input.phone === null || cipher === null ? null : cipher.encrypt(input.phone),
    phone_masked: input.phone === null ? null : maskPhone(input.phone),
    role: input.role,
    user_id: input.userId,
    created_at: now,
    removed_at: null,
  };
}

export async function addGridStaff(
  database: Database,
  cipher: FieldCipher,
  ctx: RequestContext,
  input: { gridId: string; name: string; phone: string | null; role: StaffRole; userId: string | null },
): Promise<GridStaffRow> {
  const grid = await requireGrid(database.db, ctx, input.gridId);
  requireActive(grid);
  // A linked account must be an active account the caller may see: one holding a role inside the caller's scope
  // (a town may name its own cadres as grid leaders; another town's accounts are not found).
  if (
    input.userId !== null &&
    (ctx.actor.kind !== 'user' ||
      (await accountInScope(database.db, input.userId, scopeOf(ctx.actor).path)) === undefined)
  ) {
    throw new AppError('request.invalid', {
      errors: [{ field: 'userId', message: 'no active account of that id in your scope' }],
    });
  }
  const row = staffRow(cipher, { ...input, orgPath: grid.org_path }, ctx.now);
  await database.db.transaction().execute(async (trx) => {
    await gridRepository(trx).insertStaff([row]);
    await recordAudit(trx, ctx, {
      action: 'grid.staff.add',
      entityType: 'grid',
      entityId: grid.id,
      orgPath: grid.org_path,
      detail: { code: grid.code, staffId: row.id, role: row.role },
    });
  });
  return row;
}
