// Splits a grid into parts that cover it exactly: the first part keeps the grid, the others become new grids with
// the village's next codes. The caller holds 'grid.write'; scope is checked here.
import { recordAudit } from '../audit/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { orgDirectory, orgRollups } from '../orgs/index.js';
import { areaM2, intersect, NOISE_AREA_M2, subtract, unionAll, type GridGeometry } from './geometry.js';
import {
  geometryColumns,
  nextGridCode,
  rebuildIndex,
  requireActive,
  requireGeometry,
  requireGrid,
  writeVersion,
} from './gridChange.js';
import { markGridsChanged } from './indexService.js';
import { gridRepository, type GridRow } from './repository.js';
import { GRID_METRIC } from './vocabulary.js';

export async function splitGrid(
  database: Database,
  ctx: RequestContext,
  input: { gridId: string; parts: unknown[]; reason?: string | null },
): Promise<GridRow[]> {
  const grid = await requireGrid(database.db, ctx, input.gridId);
  requireActive(grid);
  const parts = input.parts.map((p, i) => requireGeometry(ctx, p, `parts.${i}`));
  const original = JSON.parse(grid.geometry) as GridGeometry;
  const union = unionAll(parts);
  const uncovered = areaM2(subtract(original, union));
  const outside = union === null ? 0 : areaM2(subtract(union, original));
  let overlapping = 0;
  for (let i = 0; i < parts.length; i++) {
    for (let j = i + 1; j < parts.length; j++) {
      overlapping += areaM2(intersect(parts[i]!, parts[j]!));
    }
  }
  if (
    parts.length < 2 ||
    uncovered > NOISE_AREA_M2 ||
    outside > NOISE_AREA_M2 ||
    overlapping > NOISE_AREA_M2
  ) {
    throw new AppError('grid.invalid_split', {
      extra: { uncoveredM2: uncovered, outsideM2: outside, overlapM2: overlapping },
    });
  }
  const village = await orgDirectory(database.db, database.dialect).findByIdUnscoped(grid.village_id);
  const result = await database.db.transaction().execute(async (trx) => {
    const repo = gridRepository(trx);
    const [first, ...rest] = parts as [GridGeometry, ...GridGeometry[]];
    const kept: GridRow = {
      ...grid,
      ...geometryColumns(first),
      version: grid.version + 1,
      updated_at: ctx.now,
    };
    await repo.update(grid.id, { ...geometryColumns(first), version: kept.version, updated_at: ctx.now });
    const created: GridRow[] = [];
    for (const part of rest) {
      const code = await nextGridCode(trx, village?.code ?? grid.code.slice(0, 12));
      const row: GridRow = {
        ...grid,
        id: newId(ctx.now),
        code,
        name: `${grid.name}（${code.slice(12)}）`,
        ...geometryColumns(part),
        household_count: 0,
        version: 1,
        created_at: ctx.now,
        updated_at: ctx.now,
      };
      await repo.insert(row);
      created.push(row);
    }
    const related = created.map((c) => c.id);
    await writeVersion(trx, ctx, kept, 'split', { related, reason: input.reason ?? null });
    for (const c of created) {
      await writeVersion(trx, ctx, c, 'split', { related: [grid.id], reason: input.reason ?? null });
    }
    await orgRollups(trx, database.dialect).adjustRollup(grid.org_path, GRID_METRIC, created.length);
    await recordAudit(trx, ctx, {
      action: 'grid.split',
      entityType: 'grid',
      entityId: grid.id,
      orgPath: grid.org_path,
      detail: { code: grid.code, into: created.map((c) => c.code), reason: input.reason ?? null },
    });
    await markGridsChanged(trx, ctx.now);
    return [kept, ...created];
  });
  await rebuildIndex(database);
  return result;
}
