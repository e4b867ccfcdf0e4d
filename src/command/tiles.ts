// The command view's tiles as plug-ins: each module contributes tiles (src/modules.ts registers them), and the screen
// shows every registered tile the viewer's role may read, at the levels the tile serves. The view knows no tile:
// titles, labels and owners come with the answer, so a module that lands later adds its tiles without touching it.
import type { Kysely } from 'kysely';
import type { Action } from '../access/index.js';
import type { Database } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import type { Message } from '../platform/i18n.js';
import { DAY_MS, instantOfLocalDate, localYear, startOfLocalDay } from '../platform/time.js';

export type ScreenLevel = 'district' | 'town' | 'village' | 'grid';

/** The unit a screen shows: an organisation of the administrative tree, or a grid (below its village). */
export type ScreenUnit = {
  id: string;
  name: string;
  level: ScreenLevel;
  /** The org path of the unit (a grid: its village's path). */
  path: string;
  /** The grid's id when level is 'grid'. */
  gridId: string | null;
};

export type ScreenChild = { id: string; name: string; level: ScreenLevel; path: string };

export type FigureFormat = 'count' | 'percent' | 'hours' | 'score' | 'stars';
export type Tone = 'normal' | 'good' | 'warning' | 'danger';

export type TileFigure = {
  key: string;
  label: Message;
  value: number | null;
  format: FigureFormat;
  tone: Tone;
  /** A console path to the records behind the figure (scoped to whoever opens it), or null. */
  link: string | null;
};

export type TileItem = { label: Message; detail: Message | null; tone: Tone; link: string | null };

export type TileAnswer = {
  figures: TileFigure[];
  /** The tile's headline figure per child of the unit (the drill-down table's column), or null. */
  byChild: {
    label: Message;
    format: FigureFormat;
    items: { id: string; value: number | null; link: string | null }[];
  } | null;
  items: TileItem[];
};

export type TileContext = {
  db: Kysely<DB>;
  database: Database;
  unit: ScreenUnit;
  children: readonly ScreenChild[];
  now: number;
};

export type CommandTile = {
  /** Unique across modules, `<module>.<name>`. */
  code: string;
  module: string;
  /** The action a viewer's role needs for the tile to show. */
  requires: Action;
  title: Message;
  /** Who keeps the records behind the tile (shown on it: 数据责任). */
  owner: Message;
  /** 'live': counted at every screen from roll-ups and fact rows; minutes: a stored answer younger than this is used. */
  freshness: 'live' | number;
  levels: readonly ScreenLevel[];
  compute(ctx: TileContext): Promise<TileAnswer>;
};

const registry = new Map<string, { module: string; tiles: readonly CommandTile[] }>();

/** Registers a module's tiles (src/modules.ts, once per module; a second registration replaces the first). */
export function registerCommandTiles(module: string, tiles: readonly CommandTile[]): void {
  const codes = new Set(
    [...registry.entries()].filter(([m]) => m !== module).flatMap(([, r]) => r.tiles.map((t) => t.code)),
  );
  for (const tile of tiles) {
    if (codes.has(tile.code)) {
      throw new Error(`command tile ${tile.code} is registered twice`);
    }
    codes.add(tile.code);
  }
  registry.set(module, { module, tiles });
}

/** Every registered tile, in registration order. */
export function registeredTiles(): CommandTile[] {
  return [...registry.values()].flatMap((r) => [...r.tiles]);
}

/** A console path with its query; undefined and null values are left out. */
export function consolePath(path: string, query: Record<string, string | number | null | undefined>): string {
  const q = Object.entries(query)
    .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== null)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return q === '' ? path : `${path}?${q}`;
}

/** The case-list filter of a unit: a grid by its id, an organisation by its subtree. */
export function caseListOf(unit: { id: string; level: ScreenLevel }): Record<string, string> {
  return unit.level === 'grid' ? { gridId: unit.id } : { orgId: unit.id };
}

/** The local year up to now (a tile's 本年). */
export function yearToDate(now: number) {
  const from = instantOfLocalDate(`${localYear(now)}-01-01`);
  return { from, to: startOfLocalDay(now) + DAY_MS };
}

/**
 * Gives the event loop a turn. The embedded database answers synchronously, so a long count (the warm job, a tile
 * with a figure per child) would otherwise hold every request until it ends; between steps it lets them through.
 */
export const yieldTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** One value per child unit, counted one child at a time with a turn for other requests between them. */
export async function perChild<T>(
  children: readonly ScreenChild[],
  count: (c: ScreenChild) => Promise<T>,
): Promise<T[]> {
  const out: T[] = [];
  for (const c of children) {
    out.push(await count(c));
    await yieldTurn();
  }
  return out;
}

export type Period = ReturnType<typeof yearToDate>;

/**
 * A tile over one module's numbers for this year: the figures read the unit's numbers, the drill-down one of them
 * per child unit (not at a village, whose children are grids the numbers do not split by). `page` is the module's
 * console page, opened at the unit.
 */
export function yearNumbersTile<N>(def: {
  tile: Omit<CommandTile, 'compute'>;
  page: string;
  numbers: (db: Kysely<DB>, path: string, period: Period, now: number) => Promise<N>;
  figures: (n: N, link: string, unit: ScreenUnit) => TileFigure[];
  byChild: { label: Message; format: FigureFormat; value: (n: N) => number | null };
}): CommandTile {
  return {
    ...def.tile,
    async compute(ctx) {
      const period = yearToDate(ctx.now);
      const n = await def.numbers(ctx.db, ctx.unit.path, period, ctx.now);
      const figures = def.figures(n, consolePath(def.page, { orgId: ctx.unit.id }), ctx.unit);
      if (ctx.unit.level === 'village') {
        return { figures, byChild: null, items: [] };
      }
      const items = await perChild(ctx.children, async (c) => ({
        id: c.id,
        value: def.byChild.value(await def.numbers(ctx.db, c.path, period, ctx.now)),
        link: consolePath(def.page, { orgId: c.id }),
      }));
      return { figures, byChild: { label: def.byChild.label, format: def.byChild.format, items }, items: [] };
    },
  };
}
