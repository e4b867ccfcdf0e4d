// Ends the caller's running patrol with an optional summary note.
import { recordAudit } from '../audit/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { requireOwnActivePatrol } from './ownPatrol.js';
import { patrolRepository, type PatrolRow } from './repository.js';

export async function endPatrol(
  database: Database,
  ctx: RequestContext,
  input: { patrolId: string; note: string | null },
): Promise<PatrolRow> {
  const patrol = await requireOwnActivePatrol(database, ctx, input.patrolId);
  const patch = { status: 'ended', ended_at: ctx.now, note: input.note?.trim() || null };
  await database.db.transaction().execute(async (trx) => {
    await patrolRepository(trx).update(patrol.id, patch);
    await recordAudit(trx, ctx, {
      action: 'patrol.end',
      entityType: 'patrol',
      entityId: patrol.id,
      orgPath: patrol.org_path,
      detail: { points: patrol.point_count, distanceM: patrol.distance_m },
    });
  });
  return { ...patrol, ...patch };
}
