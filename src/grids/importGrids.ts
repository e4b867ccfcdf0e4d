// Imports grids from a GeoJSON FeatureCollection: every feature is checked first and reported row by row; only a
// file without errors is written, in one transaction (a bad file changes nothing). The caller holds 'grid.write'.
import Flatbush from 'flatbush';
import { recordAudit } from '../audit/index.js';
import { isInScope, scopeOf } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { msg, pick, type Message } from '../platform/i18n.js';
import { newId } from '../platform/ids.js';
import { orgDirectory, type OrgRow, orgRollups } from '../orgs/index.js';
import {
  areaM2,
  bboxesTouch,
  bboxOf,
  intersect,
  NOISE_AREA_M2,
  roundGeometry,
  type BBox,
  type GridGeometry,
} from './geometry.js';
import { geometryColumns, rebuildIndex, townIdOf, writeVersion } from './gridChange.js';
import { markGridsChanged } from './indexService.js';
import { gridRepository, type GridRow } from './repository.js';
import { validateGeometry } from './validateGeometry.js';
import {
  GRID_CODE,
  GRID_METRIC,
  gridSubTypes,
  isGridSubType,
  isNet,
  nets as allNets,
  type Net,
} from './vocabulary.js';

export type ImportRow = {
  index: number;
  code: string | null;
  action: 'create' | 'update' | null;
  errors: string[];
};
export type ImportReport = { created: number; updated: number; rows: ImportRow[]; dryRun: boolean };

type Parsed = {
  index: number;
  code: string;
  village: OrgRow;
  name: string | null;
  type: 'basic' | 'dedicated';
  subType: string | null;
  nets: Net[];
  geometry: GridGeometry;
  box: BBox;
  existing: GridRow | undefined;
};

const M = {
  notFeature: msg('不是 GeoJSON Feature', 'Not a GeoJSON Feature'),
  badCode: msg(
    '网格编码须为 15 位数字（12 位村居代码 + 3 位序号）',
    'The code must be 15 digits (12-digit village code + 3-digit sequence)',
  ),
  unknownVillage: msg(
    '编码中的村（社区）代码不存在或不在您的工作范围内',
    'The village code in the grid code is unknown or outside your scope',
  ),
  duplicate: msg('文件中编码重复', 'The code appears twice in the file'),
  badType: msg('类型须为 basic 或 dedicated', 'The type must be basic or dedicated'),
  badSubType: msg(
    `专属网格子类型须为 ${gridSubTypes.join('/')}`,
    `The sub-type must be one of ${gridSubTypes.join('/')}`,
  ),
  badNets: msg('网络须为五网之一', 'Each net must be one of the five nets'),
  retired: msg('该编码的网格已撤销', 'The grid with this code is retired'),
  notCollection: msg('文件须为 GeoJSON FeatureCollection', 'The file must be a GeoJSON FeatureCollection'),
};

const overlapMessage = (codes: string[]): Message =>
  msg(`与网格 ${codes.join('、')} 重叠`, `Overlaps grid ${codes.join(', ')}`);

export async function importGrids(
  database: Database,
  ctx: RequestContext,
  input: { file: unknown; dryRun: boolean },
): Promise<ImportReport> {
  if (ctx.actor.kind !== 'user') {
    throw new AppError('auth.required');
  }
  const scope = scopeOf(ctx.actor);
  const t = (m: Message) => pick(m, ctx.locale);
  const file = input.file as { type?: unknown; features?: unknown } | null;
  if (
    typeof file !== 'object' ||
    file === null ||
    file.type !== 'FeatureCollection' ||
    !Array.isArray(file.features)
  ) {
    throw new AppError('import.invalid_file', { detail: M.notCollection, extra: { rows: [] } });
  }
  const features = file.features as unknown[];
  const orgs = orgDirectory(database.db, database.dialect);
  const repo = gridRepository(database.db);
  const villageCache = new Map<string, OrgRow | null>();
  const villageOf = async (code: string): Promise<OrgRow | null> => {
    if (!villageCache.has(code)) {
      const org = await orgs.findByCode(code);
      villageCache.set(code, org?.level === 'village' && isInScope(scope, org.path) ? org : null);
    }
    return villageCache.get(code) ?? null;
  };
  const codes = features.map((f) => {
    const c = (f as { properties?: { code?: unknown } } | null)?.properties?.code;
    return typeof c === 'string' ? c : null;
  });
  const existingByCode = new Map(
    (await repo.findByCodes(codes.filter((c): c is string => c !== null && GRID_CODE.test(c)))).map((g) => [
      g.code,
      g,
    ]),
  );
  const seen = new Set<string>();
  const rows: ImportRow[] = [];
  const parsed: Parsed[] = [];
  for (let index = 0; index < features.length; index++) {
    const f = features[index] as {
      type?: unknown;
      properties?: Record<string, unknown> | null;
      geometry?: unknown;
    } | null;
    const code = codes[index] ?? null;
    const errors: string[] = [];
    if (typeof f !== 'object' || f === null || f.type !== 'Feature') {
      rows.push({ index, code, action: null, errors: [t(M.notFeature)] });
      continue;
    }
    const props = f.properties ?? {};
    let village: OrgRow | null = null;
    if (code === null || !GRID_CODE.test(code)) {
      errors.push(t(M.badCode));
    } else {
      village = await villageOf(code.slice(0, 12));
      if (village === null) {
        errors.push(t(M.unknownVillage));
      }
      if (seen.has(code)) {
        errors.push(t(M.duplicate));
      }
      seen.add(code);
    }
    const type = props.type ?? 'basic';
    if (type !== 'basic' && type !== 'dedicated') {
      errors.push(t(M.badType));
    }
    const subType = typeof props.subType === 'string' ? props.subType : null;
    if (type === 'dedicated' && (subType === null || !isGridSubType(subType))) {
      errors.push(t(M.badSubType));
    }
    const netsValue = props.nets ?? [...allNets];
    const nets =
      Array.isArray(netsValue) && netsValue.every((n) => typeof n === 'string' && isNet(n))
        ? netsValue
        : null;
    if (nets === null) {
      errors.push(t(M.badNets));
    }
    const checked = validateGeometry(f.geometry);
    errors.push(...checked.problems.map((p) => t(p.message)));
    const existing = code === null ? undefined : existingByCode.get(code);
    if (existing !== undefined && existing.status !== 'active') {
      errors.push(t(M.retired));
    }
    rows.push({ index, code, action: existing === undefined ? 'create' : 'update', errors });
    if (
      errors.length === 0 &&
      checked.geometry !== null &&
      village !== null &&
      code !== null &&
      nets !== null
    ) {
      const geometry = roundGeometry(checked.geometry);
      parsed.push({
        index,
        code,
        village,
        name: typeof props.name === 'string' && props.name.trim() !== '' ? props.name.trim() : null,
        type: type === 'dedicated' ? 'dedicated' : 'basic',
        subType: type === 'dedicated' ? subType : null,
        nets,
        geometry,
        box: bboxOf(geometry),
        existing,
      });
    }
  }

  // Overlaps: against the other features of the file, and against stored grids the file does not replace.
  const replaced = new Set(parsed.flatMap((p) => (p.existing === undefined ? [] : [p.existing.id])));
  const stored = (await repo.forIndex()).filter((g) => !replaced.has(g.id));
  const storedGeo = stored.map((g) => JSON.parse(g.geometry) as GridGeometry);
  const everything = [
    ...parsed.map((p) => ({ code: p.code, geometry: p.geometry, box: p.box, row: p.index })),
    ...stored.map((g, i) => ({ code: g.code, geometry: storedGeo[i]!, box: bboxOf(storedGeo[i]!), row: -1 })),
  ];
  if (everything.length > 0 && parsed.length > 0) {
    const tree = new Flatbush(everything.length);
    for (const e of everything) {
      tree.add(e.box.minLng, e.box.minLat, e.box.maxLng, e.box.maxLat);
    }
    tree.finish();
    parsed.forEach((p, i) => {
      const hits = tree
        .search(p.box.minLng, p.box.minLat, p.box.maxLng, p.box.maxLat)
        .filter((j) => j !== i && bboxesTouch(p.box, everything[j]!.box))
        .filter((j) => areaM2(intersect(p.geometry, everything[j]!.geometry)) > NOISE_AREA_M2)
        .map((j) => everything[j]!.code);
      if (hits.length > 0) {
        rows[p.index]!.errors.push(t(overlapMessage(hits.sort())));
      }
    });
  }

  const hasErrors = rows.some((r) => r.errors.length > 0);
  if (hasErrors) {
    throw new AppError('import.invalid_file', {
      detail: msg(
        `${rows.filter((r) => r.errors.length > 0).length} 个要素有误，未导入任何网格`,
        `${rows.filter((r) => r.errors.length > 0).length} features have errors; nothing was imported`,
      ),
      extra: { rows },
    });
  }
  const created = parsed.filter((p) => p.existing === undefined).length;
  const report: ImportReport = { created, updated: parsed.length - created, rows, dryRun: input.dryRun };
  if (input.dryRun || parsed.length === 0) {
    return report;
  }
  await database.db.transaction().execute(async (trx) => {
    const grids = gridRepository(trx);
    const orgsTrx = orgRollups(trx, database.dialect);
    for (const p of parsed) {
      if (p.existing === undefined) {
        const row: GridRow = {
          id: newId(ctx.now),
          code: p.code,
          name: p.name ?? `${p.village.name}第${p.code.slice(12)}网格`,
          type: p.type,
          sub_type: p.subType,
          village_id: p.village.id,
          town_id: townIdOf(p.village.path),
          org_path: p.village.path,
          ...geometryColumns(p.geometry),
          nets: JSON.stringify(p.nets),
          party_org_kind: null,
          party_org_id: null,
          central_household_id: null,
          household_count: 0,
          status: 'active',
          version: 1,
          created_at: ctx.now,
          updated_at: ctx.now,
          retired_at: null,
        };
        await grids.insert(row);
        await writeVersion(trx, ctx, row, 'import');
        await orgsTrx.adjustRollup(row.org_path, GRID_METRIC, 1);
      } else {
        const next: GridRow = {
          ...p.existing,
          ...geometryColumns(p.geometry),
          name: p.name ?? p.existing.name,
          type: p.type,
          sub_type: p.subType,
          nets: JSON.stringify(p.nets),
          version: p.existing.version + 1,
          updated_at: ctx.now,
        };
        await grids.update(p.existing.id, {
          geometry: next.geometry,
          min_lng: next.min_lng,
          min_lat: next.min_lat,
          max_lng: next.max_lng,
          max_lat: next.max_lat,
          area_m2: next.area_m2,
          name: next.name,
          type: next.type,
          sub_type: next.sub_type,
          nets: next.nets,
          version: next.version,
          updated_at: next.updated_at,
        });
        await writeVersion(trx, ctx, next, 'import');
      }
    }
    await recordAudit(trx, ctx, {
      action: 'grid.import',
      entityType: 'grid',
      entityId: null,
      orgPath: scope.path,
      detail: { created: report.created, updated: report.updated },
    });
    await markGridsChanged(trx, ctx.now);
  });
  await rebuildIndex(database);
  return report;
}
