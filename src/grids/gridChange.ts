// Steps shared by the use cases that change grids: geometry checks, the overlap rule, codes, history, the index.
import type { Kysely } from 'kysely';
import { scopeOf, roleMay } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { AppError, notFound } from '../platform/errors.js';
import { pick } from '../platform/i18n.js';
import { orgDirectory, type OrgRow } from '../orgs/index.js';
import { areaM2, bboxOf, intersect, NOISE_AREA_M2, roundGeometry, type GridGeometry } from './geometry.js';
import { getGridIndex } from './indexService.js';
import { gridRepository, type GridRow } from './repository.js';
import { validateGeometry } from './validateGeometry.js';
import type { GridChange } from './vocabulary.js';

export type OverlapNeighbour = { id: string; code: string; name: string; areaM2: number };

/** Parses untrusted GeoJSON into a rounded grid geometry, or refuses with the problems as field errors. */
export function requireGeometry(ctx: RequestContext, value: unknown, field = 'geometry'): GridGeometry {
  const checked = validateGeometry(value);
  if (checked.geometry === null) {
    throw new AppError('grid.invalid_geometry', {
      errors: checked.problems.map((p) => ({ field, message: pick(p.message, ctx.locale) })),
    });
  }
  return roundGeometry(checked.geometry);
}

/** Active grids (other than those excluded) that share more than rounding noise of area with the geometry. */
export async function findOverlaps(
  db: Kysely<DB>,
  geometry: GridGeometry,
  excludeIds: string[],
): Promise<OverlapNeighbour[]> {
  const candidates = await gridRepository(db).touching(bboxOf(geometry), excludeIds);
  const out: OverlapNeighbour[] = [];
  for (const c of candidates) {
    const area = areaM2(intersect(geometry, JSON.parse(c.geometry) as GridGeometry));
    if (area > NOISE_AREA_M2) {
      out.push({ id: c.id, code: c.code, name: c.name, areaM2: Math.round(area * 100) / 100 });
    }
  }
  return out.sort((a, b) => (a.code < b.code ? -1 : 1));
}

/**
 * The overlap rule: a grid may not overlap its neighbours, unless the caller may override and gives a reason.
 * Returns the overlaps that were allowed (to be audited).
 */
export async function enforceNoOverlap(
  db: Kysely<DB>,
  ctx: RequestContext,
  geometry: GridGeometry,
  excludeIds: string[],
  overrideReason: string | null | undefined,
): Promise<OverlapNeighbour[]> {
  const overlaps = await findOverlaps(db, geometry, excludeIds);
  if (overlaps.length === 0) {
    return [];
  }
  const actor = ctx.actor;
  const mayOverride = actor.kind === 'user' && roleMay(actor.active.role, 'grid.overrideOverlap');
  const reason = overrideReason?.trim() ?? '';
  if (mayOverride && reason !== '') {
    return overlaps;
  }
  if (mayOverride && overrideReason !== undefined && overrideReason !== null) {
    throw new AppError('grid.override_reason_required');
  }
  throw new AppError('grid.overlap', {
    detail: {
      zh: `与以下网格重叠：${overlaps.map((o) => `${o.code} ${o.name}`).join('、')}`,
      en: `Overlaps these grids: ${overlaps.map((o) => o.code).join(', ')}`,
    },
    extra: { neighbours: overlaps },
  });
}

/** The village a grid is saved in, which must be inside the caller's scope. */
export async function requireVillage(
  database: Database,
  ctx: RequestContext,
  villageId: string,
): Promise<OrgRow> {
  if (ctx.actor.kind !== 'user') {
    throw new AppError('auth.required');
  }
  const village = await orgDirectory(database.db, database.dialect).findById(scopeOf(ctx.actor), villageId);
  if (village?.level !== 'village') {
    throw notFound();
  }
  return village;
}

/** The grid, if it is inside the caller's scope. */
export async function requireGrid(db: Kysely<DB>, ctx: RequestContext, id: string): Promise<GridRow> {
  if (ctx.actor.kind !== 'user') {
    throw new AppError('auth.required');
  }
  const grid = await gridRepository(db).findById(scopeOf(ctx.actor), id);
  if (grid === undefined) {
    throw notFound();
  }
  return grid;
}

export function requireActive(grid: GridRow): void {
  if (grid.status !== 'active') {
    throw new AppError('grid.retired');
  }
}

/** '/root/town/village/' → the town's id. */
export function townIdOf(villagePath: string): string {
  const parts = villagePath.split('/').filter((s) => s !== '');
  return parts[parts.length - 2] ?? parts[0] ?? '';
}

/** The next free code of a village: its 12-digit code and the next 3-digit sequence. */
export async function nextGridCode(db: Kysely<DB>, villageCode: string): Promise<string> {
  const max = await gridRepository(db).maxCodeOfVillage(villageCode);
  const next = max === null ? 1 : Number(max.slice(12)) + 1;
  if (next > 999) {
    throw new AppError('record.conflict');
  }
  return `${villageCode}${String(next).padStart(3, '0')}`;
}

export async function writeVersion(
  db: Kysely<DB>,
  ctx: RequestContext,
  grid: Pick<GridRow, 'id' | 'org_path' | 'version' | 'code' | 'geometry'>,
  change: GridChange,
  extra: { related?: string[]; reason?: string | null } = {},
): Promise<void> {
  await gridRepository(db).insertVersion({
    grid_id: grid.id,
    org_path: grid.org_path,
    version: grid.version,
    change,
    code: grid.code,
    geometry: grid.geometry,
    related: extra.related === undefined ? null : JSON.stringify(extra.related),
    reason: extra.reason ?? null,
    actor_id: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    at: ctx.now,
  });
}

/** After the change has committed: rebuild this instance's point index. */
export async function rebuildIndex(database: Database): Promise<void> {
  await (await getGridIndex(database)).reload();
}

export const geometryColumns = (geometry: GridGeometry) => {
  const box = bboxOf(geometry);
  return {
    geometry: JSON.stringify(geometry),
    min_lng: box.minLng,
    min_lat: box.minLat,
    max_lng: box.maxLng,
    max_lat: box.maxLat,
    area_m2: Math.round(areaM2(geometry) * 100) / 100,
  };
};
