// What other modules may use of the grid module: point → grid, grid reads, geometry helpers, the demo seeder's
// writes, the hooks through which grids follow org moves and merges, and the routes.
export { getGridIndex, markGridsChanged, type GridIndexService } from './indexService.js';
export type { GridLocation } from './gridIndex.js';
export { toWgs84, fromWgs84, crsList, type Crs } from './crs.js';
export { GRID_METRIC, gridSubTypes, nets, type GridSubType, type Net } from './vocabulary.js';
export type { GridRow, GridStaffRow } from './repository.js';
export { provideAccountLookup, type AccountLookup } from './accountLookup.js';
export {
  bboxOf,
  COORD_DIGITS,
  fromPolygons,
  intersect,
  polygonsOf,
  roundGeometry,
  type GridGeometry,
  type PolygonGeometry,
  type Position,
  type Ring,
} from './geometry.js';
export { compilePolygon, containsPoint, type CompiledPolygon } from './pointInGrid.js';
export { buildGridIndex, type GridIndex } from './gridIndex.js';
export { staffRow } from './addGridStaff.js';
export { geometryColumns } from './gridChange.js';
export { gridRoutes } from './routes.js';

import type { Database } from '../platform/db/database.js';
import { toWgs84 as convert, type Crs as CrsType } from './crs.js';
import type { GridLocation as Location } from './gridIndex.js';
import { getGridIndex as indexOf } from './indexService.js';

/** Point → grid for other modules (e.g. case intake): loads/refreshes the index, then locates. */
export async function locatePoint(
  database: Database,
  lng: number,
  lat: number,
  crs: CrsType = 'wgs84',
): Promise<Location | null> {
  const [x, y] = convert(lng, lat, crs);
  return (await indexOf(database)).locate(x, y);
}

import type { Scope } from '../access/index.js';
import type { Dialect } from '../platform/db/database.js';
import type { OrgHook, OrgMerge, OrgRepath } from '../orgs/index.js';
import { markGridsChanged as markChanged } from './indexService.js';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { gridRepository, type GridRepository } from './repository.js';

export type GridRef = { id: string; code: string; name: string; orgPath: string; isActive: boolean };

/** A grid inside the scope, or null. */
export async function findGridInScope(db: Kysely<DB>, scope: Scope, gridId: string): Promise<GridRef | null> {
  const row = await gridRepository(db).findById(scope, gridId);
  return row === undefined
    ? null
    : {
        id: row.id,
        code: row.code,
        name: row.name,
        orgPath: row.org_path,
        isActive: row.status === 'active',
      };
}

/** Whether the user currently serves the grid as leader or worker. */
export async function isGridStaff(db: Kysely<DB>, gridId: string, userId: string): Promise<boolean> {
  return (await gridRepository(db).gridIdsOfUser(userId)).includes(gridId);
}

/** Grid reads for other modules. findByIdUnscoped: public place names (Open311), where no actor has a scope. */
export type GridDirectory = Pick<GridRepository, 'findById' | 'findByIdUnscoped' | 'list' | 'gridIdsOfUser'>;

export function gridDirectory(db: Kysely<DB>): GridDirectory {
  return gridRepository(db);
}

/**
 * Grid-staff records linked to user accounts, for identity's user page, link API and user import ("my grids").
 * findByCodes is unscoped: the import checks each grid's path against the administrator's scope itself.
 */
export type GridStaffLinks = Pick<
  GridRepository,
  'findById' | 'findByCodes' | 'staffOf' | 'gridIdsOfUser' | 'insertStaff' | 'removeStaff'
>;

export function gridStaffLinks(db: Kysely<DB>): GridStaffLinks {
  return gridRepository(db);
}

/** For the demo seeder only: bulk writes of a generated layer, before anyone can see it. */
export type GridSeeding = Pick<
  GridRepository,
  'countActive' | 'upsertOutline' | 'insertMany' | 'insertStaff' | 'insertVersions' | 'update'
>;

export function gridSeeding(db: Kysely<DB>): GridSeeding {
  return gridRepository(db);
}

/** Org hook: grids, staff and outlines follow a moved subtree; every instance reloads its point → grid index. */
export const repathGrids: OrgHook<OrgRepath> = async (db, _dialect: Dialect, e) => {
  await gridRepository(db).repath(e.oldPrefix, e.newPrefix);
  // The grid index holds town and village ids: every instance reloads it.
  await markChanged(db, e.now);
};

/** Org hook: grids of a merged village go to the target village. */
export const reassignGrids: OrgHook<OrgMerge> = async (db, _dialect: Dialect, e) => {
  await gridRepository(db).reassign(e.from, e.to);
  await markChanged(db, e.at);
};

/**
 * The grid's current worker (网格员) who acts on a case or a task: the first with an account, else the first one (a
 * person the grid lists without an account); undefined when it has none.
 */
export async function gridWorkerOf(
  db: Kysely<DB>,
  gridId: string,
): Promise<{ userId: string | null; name: string } | undefined> {
  const workers = (await gridRepository(db).staffOf([gridId])).filter((s) => s.role === 'worker');
  const worker = workers.find((s) => s.user_id !== null) ?? workers[0];
  return worker === undefined ? undefined : { userId: worker.user_id, name: worker.name };
}

/** The party organisation built on the grid (网格党支部), or null. */
export async function gridPartyOrgOf(db: Kysely<DB>, gridId: string): Promise<string | null> {
  return (await gridRepository(db).findByIdUnscoped(gridId))?.party_org_id ?? null;
}

export type DemoGrid = Pick<
  DB['grid'],
  | 'id'
  | 'village_id'
  | 'town_id'
  | 'org_path'
  | 'geometry'
  | 'min_lng'
  | 'min_lat'
  | 'max_lng'
  | 'max_lat'
  | 'party_org_id'
> & { worker: { userId: string | null; name: string } | null };

/** For generators: every active grid by code with its geometry and first worker (one with an account preferred). */
export async function activeGridsWithWorkers(db: Kysely<DB>): Promise<DemoGrid[]> {
  const repo = gridRepository(db);
  const workerOf = new Map<string, { userId: string | null; name: string }>();
  for (const s of await repo.currentWorkers()) {
    const prev = workerOf.get(s.grid_id);
    if (prev === undefined || (prev.userId === null && s.user_id !== null)) {
      workerOf.set(s.grid_id, { userId: s.user_id, name: s.name });
    }
  }
  return (await repo.activeByCode()).map((g) => ({ ...g, worker: workerOf.get(g.id) ?? null }));
}
