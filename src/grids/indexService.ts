// The point → grid index of this instance, per database: loaded on first use, rebuilt after every grid change
// here, and refreshed when another instance bumps the shared version (checked at most every few seconds).
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';
import { getSetting, putSetting } from '../platform/settings.js';
import type { GridGeometry } from './geometry.js';
import { buildGridIndex, type GridIndex, type GridLocation } from './gridIndex.js';
import { gridRepository } from './repository.js';

const VERSION_KEY = 'grids.version';
const CHECK_INTERVAL_MS = 3000;

export type GridIndexService = {
  /** The grid of a WGS-84 point in the index as last loaded; synchronous. */
  locate(lng: number, lat: number): GridLocation | null;
  readonly size: number;
  /** Loads the index if it never was, and reloads it when the shared version moved (checked at most every 3 s). */
  refresh(now?: number): Promise<void>;
  /** Rebuilds now: call after a grid change has committed. */
  reload(): Promise<void>;
};

/** Call inside the transaction of every grid change, so other instances notice it. */
export async function markGridsChanged(db: Kysely<DB>, now: number): Promise<void> {
  await putSetting(db, VERSION_KEY, newId(now), now);
}

function createService(database: Database): GridIndexService {
  let index: GridIndex | null = null;
  let version: string | null = null;
  let checkedAt = 0;
  let loading: Promise<void> | null = null;

  const load = async () => {
    const seen = await getSetting(database.db, VERSION_KEY);
    const rows = await gridRepository(database.db).forIndex();
    index = buildGridIndex(
      rows.map((r) => ({
        gridId: r.id,
        villageId: r.village_id,
        townId: r.town_id,
        code: r.code,
        geometry: JSON.parse(r.geometry) as GridGeometry,
      })),
    );
    version = seen;
  };
  const reload = (): Promise<void> => {
    // Concurrent callers share one load.
    loading ??= load().finally(() => {
      loading = null;
    });
    return loading;
  };

  return {
    locate: (lng, lat) => (index === null ? null : index.locate(lng, lat)),
    get size() {
      return index?.size ?? 0;
    },
    async refresh(now = performance.now()) {
      if (index === null) {
        checkedAt = now;
        await reload();
        return;
      }
      if (now - checkedAt < CHECK_INTERVAL_MS) {
        return;
      }
      checkedAt = now;
      if ((await getSetting(database.db, VERSION_KEY)) !== version) {
        await reload();
      }
    },
    reload,
  };
}

const services = new WeakMap<Database, GridIndexService>();

/** The index service of this database, loaded and fresh; then call .locate(lng, lat) synchronously. */
export async function getGridIndex(database: Database): Promise<GridIndexService> {
  let service = services.get(database);
  if (service === undefined) {
    service = createService(database);
    services.set(database, service);
  }
  await service.refresh();
  return service;
}
