// A central-household head logs a visit (走访) to one of his linked households; a position given is checked against
// the household's grid. The caller holds 'linkage.serve'; the head seat and the link are checked here.
import { maskPersonalText } from '../cases/index.js';
import { recordAudit } from '../audit/index.js';
import { locatePoint } from '../grids/index.js';
import type { UserActor } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { msg } from '../platform/i18n.js';
import { newId } from '../platform/ids.js';
import { instantOfLocalDate, localDate } from '../platform/time.js';
import type { VisitKind } from './chain.js';
import { linkedHousehold } from './linkedHousehold.js';
import { linkageRepository, type VisitRow } from './repository.js';
import { requireHeadSeat } from './seat.js';

/** A position within this distance of the household's own point counts as at the household (GPS on a phone). */
export const VISIT_RADIUS_M = 300;

export type VisitInput = {
  householdId: string;
  visitedOn: string;
  kind: VisitKind;
  heard: string;
  lng?: number;
  lat?: number;
};

export function metresBetween(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
}

export async function recordVisit(
  database: Database,
  ctx: RequestContext,
  actor: UserActor,
  input: VisitInput,
): Promise<VisitRow> {
  const { db, dialect } = database;
  const seat = await requireHeadSeat(db, dialect, actor);
  const household = await linkedHousehold(db, dialect, seat, input.householdId);
  if (input.visitedOn > localDate(ctx.now)) {
    throw new AppError('request.invalid', {
      errors: [{ field: 'visitedOn', message: 'a visit cannot lie in the future' }],
      detail: msg('走访日期不能晚于今天', 'A visit cannot lie in the future'),
    });
  }
  let lng: number | null = null;
  let lat: number | null = null;
  if (input.lng !== undefined && input.lat !== undefined) {
    lng = input.lng;
    lat = input.lat;
    const hit = await locatePoint(database, lng, lat);
    const isInGrid = household.grid_id !== null && hit?.gridId === household.grid_id;
    const isNear =
      household.lng !== null &&
      household.lat !== null &&
      metresBetween(lng, lat, household.lng, household.lat) <= VISIT_RADIUS_M;
    const isUnplaced = household.grid_id === null && (household.lng === null || household.lat === null);
    if (!isInGrid && !isNear && !isUnplaced) {
      throw new AppError('linkage.visit_far', {
        detail: msg(
          `走访位置不在该户所在网格内，且距该户超过 ${VISIT_RADIUS_M} 米`,
          `The position is outside the household's grid and more than ${VISIT_RADIUS_M} m from the household`,
        ),
      });
    }
  }
  const row: VisitRow = {
    id: newId(ctx.now),
    household_id: household.id,
    central_household_id: seat.central.id,
    org_path: seat.central.group_path,
    visited_at: instantOfLocalDate(input.visitedOn),
    kind: input.kind,
    heard: maskPersonalText(input.heard.trim()),
    lng,
    lat,
    recorded_by: actor.userId,
    created_at: ctx.now,
  };
  await db.transaction().execute(async (trx) => {
    await linkageRepository(trx, dialect).insertVisits([row]);
    await recordAudit(trx, ctx, {
      action: 'linkage.visit',
      entityType: 'household',
      entityId: household.id,
      orgPath: seat.central.group_path,
      detail: { kind: input.kind, visitedOn: input.visitedOn },
    });
  });
  return row;
}
