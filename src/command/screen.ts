// One screen per scope: the unit (district, town, village or grid) inside the caller's scope, its trail from the
// scope's root, its children for the drill-down, and the answer of every registered tile the caller's role may read.
// A live tile is counted now; a stored tile's answer is used while younger than its freshness, else counted and kept.
import { roleMay, scopeOf, type Scope, type UserActor } from '../access/index.js';
import { gridDirectory } from '../grids/index.js';
import { orgDirectory, type OrgRow } from '../orgs/index.js';
import type { Database } from '../platform/db/database.js';
import { fromDbJson, toDbJson } from '../platform/db/database.js';
import { notFound } from '../platform/errors.js';
import type { Logger } from 'pino';
import { msg } from '../platform/i18n.js';
import { commandRepository } from './repository.js';
import {
  registeredTiles,
  type CommandTile,
  type ScreenChild,
  type ScreenLevel,
  type ScreenUnit,
  type TileAnswer,
  type TileContext,
  yieldTurn,
} from './tiles.js';

const SCREEN_LEVELS: readonly ScreenLevel[] = ['district', 'town', 'village'];
const isScreenLevel = (level: string): level is ScreenLevel =>
  (SCREEN_LEVELS as readonly string[]).includes(level);

export type TileResult = { tile: CommandTile; answer: TileAnswer; asOf: number; failed: boolean };

export type Screen = {
  unit: ScreenUnit;
  trail: { id: string; name: string; level: ScreenLevel }[];
  children: ScreenChild[];
  tiles: TileResult[];
};

/**
 * The unit a screen shows for an id: an organisation of a screen level in scope, else the nearest such ancestor in
 * scope (a branch's secretary sees the village); a grid in scope. Anything else in or out of scope is not found.
 */
export async function resolveScreenUnit(
  database: Database,
  actor: UserActor,
  id: string | undefined,
): Promise<{ unit: ScreenUnit; org: OrgRow | null }> {
  const scope = scopeOf(actor);
  const orgs = orgDirectory(database.db, database.dialect);
  const wanted = id ?? actor.active.orgId;
  const org = await orgs.findById(scope, wanted);
  if (org !== undefined) {
    if (isScreenLevel(org.level)) {
      return { unit: { id: org.id, name: org.name, level: org.level, path: org.path, gridId: null }, org };
    }
    const ids = org.path
      .split('/')
      .filter((s) => s !== '')
      .reverse();
    const ancestors = await orgs.byIds(ids);
    for (const a of ids.map((x) => ancestors.find((o) => o.id === x))) {
      if (a !== undefined && isScreenLevel(a.level) && a.path.startsWith(scope.path)) {
        return { unit: { id: a.id, name: a.name, level: a.level, path: a.path, gridId: null }, org: a };
      }
    }
    throw notFound();
  }
  const grid = await gridDirectory(database.db).findById(scope, wanted);
  if (grid === undefined) {
    throw notFound();
  }
  return {
    unit: {
      id: grid.id,
      name: `${grid.name}（${grid.code}）`,
      level: 'grid',
      path: grid.org_path,
      gridId: grid.id,
    },
    org: null,
  };
}

async function trailOf(database: Database, actor: UserActor, unit: ScreenUnit): Promise<Screen['trail']> {
  const scope = scopeOf(actor);
  const ids = unit.path.split('/').filter((s) => s !== '');
  const rows = await orgDirectory(database.db, database.dialect).byIds(ids);
  const trail = ids
    .map((x) => rows.find((o) => o.id === x))
    .filter((o): o is OrgRow => o !== undefined && isScreenLevel(o.level) && o.path.startsWith(scope.path))
    .map((o) => ({ id: o.id, name: o.name, level: o.level as ScreenLevel }));
  return unit.level === 'grid' ? [...trail, { id: unit.id, name: unit.name, level: 'grid' }] : trail;
}

/** The units below a unit inside a scope: towns of the district, villages of a town, grids of a village. */
export async function childrenOf(database: Database, scope: Scope, unit: ScreenUnit): Promise<ScreenChild[]> {
  if (unit.level === 'grid') {
    return [];
  }
  if (unit.level === 'village') {
    const grids = await gridDirectory(database.db).list(
      scope,
      { underPath: unit.path, status: 'active' },
      1000,
      null,
    );
    return grids.map((g) => ({ id: g.id, name: `${g.name}（${g.code}）`, level: 'grid', path: g.org_path }));
  }
  const next: ScreenLevel = unit.level === 'district' ? 'town' : 'village';
  const rows = await orgDirectory(database.db, database.dialect).children(scope, unit.id, 1000, null);
  return rows
    .filter((o) => o.level === next && o.status === 'active')
    .map((o) => ({ id: o.id, name: o.name, level: next, path: o.path }));
}

/** The tiles a role may read at a level, in registration order. */
export function tilesFor(actor: UserActor, level: ScreenLevel): CommandTile[] {
  return registeredTiles().filter((t) => t.levels.includes(level) && roleMay(actor.active.role, t.requires));
}

/** A tile's answer for a unit: counted now when live, else the stored one while fresh enough. */
export async function answerOf(
  tile: CommandTile,
  ctx: TileContext,
  log: Pick<Logger, 'error'>,
): Promise<TileResult> {
  const repo = commandRepository(ctx.db);
  const key = ctx.unit.id;
  if (tile.freshness !== 'live') {
    const stored = await repo.storedAnswer(tile.code, key);
    if (
      stored !== undefined &&
      stored.counted_at > ctx.now - tile.freshness * 60_000 &&
      stored.counted_at <= ctx.now
    ) {
      const answer = fromDbJson<TileAnswer>(stored.answer);
      if (answer !== null) {
        return { tile, answer, asOf: stored.counted_at, failed: false };
      }
    }
  }
  try {
    const answer = await tile.compute(ctx);
    if (tile.freshness !== 'live') {
      await repo.storeAnswer(tile.code, key, toDbJson(answer)!, ctx.now);
    }
    return { tile, answer, asOf: ctx.now, failed: false };
  } catch (err) {
    // One tile failing leaves the rest of the screen standing; the tile says it is unavailable.
    log.error({ err, tile: tile.code, unit: key }, 'command tile failed');
    return {
      tile,
      answer: {
        figures: [],
        byChild: null,
        items: [
          { label: msg('暂时无法统计', 'Not available just now'), detail: null, tone: 'danger', link: null },
        ],
      },
      asOf: ctx.now,
      failed: true,
    };
  }
}

export async function loadScreen(
  database: Database,
  actor: UserActor,
  orgId: string | undefined,
  now: number,
  log: Pick<Logger, 'error'>,
): Promise<Screen> {
  const { unit } = await resolveScreenUnit(database, actor, orgId);
  const [trail, children] = await Promise.all([
    trailOf(database, actor, unit),
    childrenOf(database, scopeOf(actor), unit),
  ]);
  const ctx: TileContext = { db: database.db, database, unit, children, now };
  const tiles: TileResult[] = [];
  for (const tile of tilesFor(actor, unit.level)) {
    tiles.push(await answerOf(tile, ctx, log));
  }
  return { unit, trail, children, tiles };
}

/**
 * Counts the stored tiles of some units again and keeps their answers (the standing job keeps the district's and the
 * towns' screens warm, so the busiest screens never count on a reader's time). Returns the answers stored.
 */
export async function warmStoredTiles(
  database: Database,
  units: readonly ScreenUnit[],
  now: number,
  log: Pick<Logger, 'error'>,
): Promise<number> {
  let counted = 0;
  const all: Scope = { path: '/' };
  for (const unit of units) {
    const ctx: TileContext = {
      db: database.db,
      database,
      unit,
      children: await childrenOf(database, all, unit),
      now,
    };
    for (const tile of registeredTiles().filter(
      (t) => t.freshness !== 'live' && t.levels.includes(unit.level),
    )) {
      await yieldTurn();
      const answer = await tile.compute(ctx).catch((err: unknown) => {
        log.error({ err, tile: tile.code, unit: unit.id }, 'command tile failed');
        return null;
      });
      if (answer !== null) {
        await commandRepository(database.db).storeAnswer(tile.code, unit.id, toDbJson(answer)!, now);
        counted += 1;
      }
    }
  }
  return counted;
}
