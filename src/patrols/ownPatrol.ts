// The caller's own running patrol, for the use cases that add to it or end it.
import { scopeOf } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { AppError, notFound } from '../platform/errors.js';
import { patrolRepository, type PatrolRow } from './repository.js';

export async function requireOwnActivePatrol(
  database: Database,
  ctx: RequestContext,
  id: string,
): Promise<PatrolRow> {
  if (ctx.actor.kind !== 'user') {
    throw new AppError('auth.required');
  }
  const patrol = await patrolRepository(database.db).findById(scopeOf(ctx.actor), id);
  if (patrol?.user_id !== ctx.actor.userId) {
    throw notFound();
  }
  if (patrol.status !== 'active') {
    throw new AppError('workflow.transition_not_allowed');
  }
  return patrol;
}

/** Great-circle distance in metres. */
export function haversineM(a: { lng: number; lat: number }, b: { lng: number; lat: number }): number {
  const r = 6371008.8;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * r * Math.asin(Math.min(1, Math.sqrt(h)));
}
