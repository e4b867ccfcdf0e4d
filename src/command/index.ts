// The door of the command view (驾驶舱): its routes and jobs, the tile registry other modules contribute to, and the
// org hooks of its rules and alerts. It reads cases, consultations, linkage, grids and orgs through their doors and
// none of them imports it, except for the tile contract's types and helpers (tiles.ts).
import type { OrgHook, OrgMerge, OrgRepath } from '../orgs/index.js';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { commandRepository } from './repository.js';
import { ensureWarmJob, ensureWarningJob } from './warnings.js';

export { commandRoutes } from './routes.js';
export { coreCommandTiles } from './coreTiles.js';
export { commandJobHandlers, runWarnings, WARM_JOB, WARNING_JOB } from './warnings.js';
export {
  caseListOf,
  consolePath,
  registerCommandTiles,
  registeredTiles,
  type CommandTile,
  type FigureFormat,
  type ScreenChild,
  type ScreenLevel,
  type ScreenUnit,
  type TileAnswer,
  type TileContext,
  type TileFigure,
  type TileItem,
  type Tone,
  perChild,
  yearNumbersTile,
  yearToDate,
  yieldTurn,
} from './tiles.js';
export { seedCommandDemo } from './demo.js';

/** The standing jobs: the early-warning run every 15 minutes and the warming of the busiest screens. */
export async function ensureCommandJobs(db: Kysely<DB>, now: number): Promise<void> {
  await ensureWarningJob(db, now);
  await ensureWarmJob(db, now);
}

/** Org hook: rules and alerts follow a moved subtree. */
export const repathCommand: OrgHook<OrgRepath> = (db, _dialect, e) =>
  commandRepository(db).repath(e.oldPrefix, e.newPrefix);

/** Org hook: a merged org's rules and alerts go to the org it merged into. */
export const reassignCommand: OrgHook<OrgMerge> = (db, _dialect, e) =>
  commandRepository(db).reassign(e.from, e.to);
