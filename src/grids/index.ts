// What other modules may use of the grid module.
export { getGridIndex, markGridsChanged, type GridIndexService } from './indexService.js';
export type { GridLocation } from './gridIndex.js';
export { toWgs84, fromWgs84, crsList, type Crs } from './crs.js';
export { nets, type Net } from './vocabulary.js';

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

import type { Scope } from '../identity/actor.js';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { gridRepository } from './repository.js';

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
