// The head reveals the full address of one of his linked households, giving a reason; the reveal is audited.
// The caller holds 'linkage.serve'; the head seat and the link are checked here.
import { recordAudit } from '../audit/index.js';
import type { UserActor } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { linkedHousehold } from './linkedHousehold.js';
import { requireHeadSeat } from './seat.js';

export async function revealAddress(
  database: Database,
  ctx: RequestContext,
  actor: UserActor,
  input: { householdId: string; reason: string },
): Promise<string> {
  const seat = await requireHeadSeat(database.db, database.dialect, actor);
  const household = await linkedHousehold(database.db, database.dialect, seat, input.householdId);
  await recordAudit(database.db, ctx, {
    action: 'linkage.household.reveal',
    entityType: 'household',
    entityId: household.id,
    orgPath: seat.central.group_path,
    detail: { field: 'address', reason: input.reason.trim() },
  });
  return household.address;
}
