// Appends track points and notes to the caller's running patrol; coordinates may be GCJ-02 and are stored as WGS-84.
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { toWgs84, type Crs } from '../grids/index.js';
import { haversineM, requireOwnActivePatrol } from './ownPatrol.js';
import { patrolRepository, type PatrolRow } from './repository.js';

export type PatrolPointInput = {
  at?: number;
  lng: number;
  lat: number;
  accuracyM?: number | null;
  note?: string | null;
};

export async function addPatrolPoints(
  database: Database,
  ctx: RequestContext,
  input: { patrolId: string; crs: Crs; points: PatrolPointInput[] },
): Promise<PatrolRow> {
  const patrol = await requireOwnActivePatrol(database, ctx, input.patrolId);
  const rows = input.points
    .map((p) => {
      const [lng, lat] = toWgs84(p.lng, p.lat, input.crs);
      return {
        patrol_id: patrol.id,
        // A phone's clock is trusted only within the patrol's span.
        at: Math.min(ctx.now, Math.max(patrol.started_at, p.at ?? ctx.now)),
        lng,
        lat,
        accuracy_m: p.accuracyM ?? null,
        note: p.note?.trim() || null,
        case_id: null,
      };
    })
    .sort((a, b) => a.at - b.at);
  return database.db.transaction().execute(async (trx) => {
    const repo = patrolRepository(trx);
    let last = await repo.lastPoint(patrol.id);
    let distance = 0;
    for (const r of rows) {
      if (last !== undefined) {
        distance += haversineM(last, r);
      }
      last = r;
    }
    await repo.insertPoints(rows);
    const next = {
      point_count: patrol.point_count + rows.length,
      distance_m: Math.round((patrol.distance_m + distance) * 10) / 10,
    };
    await repo.update(patrol.id, next);
    return { ...patrol, ...next };
  });
}
