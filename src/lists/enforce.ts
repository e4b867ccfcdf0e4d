// Enforcement of the negative list and of grid task admission: what may not be given to a level, and which tasks may
// be put on a grid worker. A refusal names the list it comes from; the attempt is counted once the refused
// transaction has rolled back (CaseGuardRefusal.record).
import type { Kysely } from 'kysely';
import { CaseGuardRefusal, type CaseGuard, type CatalogueListener } from '../cases/index.js';
import { gridDirectory, gridWorkerOf, type GridRow } from '../grids/index.js';
import { orgDirectory, type OrgRow } from '../orgs/index.js';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { msg } from '../platform/i18n.js';
import { newId } from '../platform/ids.js';
import { effectiveStatus } from './composeList.js';
import { listRepository, pathChain, type AdmissionItemRow, type ListItemRow } from './repository.js';
import { snapshotList } from './snapshotList.js';
import { caseStepTasks, levelNames, type ListLevel } from './vocabulary.js';
import { weekOf } from './weeks.js';

export type Place = { level: ListLevel; path: string; name: string };

/** Whether an admitted task is in force at `now`: started, and not past its expiry (an emergency one runs out). */
export const isAdmittedAt = (a: Pick<AdmissionItemRow, 'status' | 'starts_at' | 'expires_at'>, now: number) =>
  a.status === 'admitted' && (a.starts_at ?? 0) <= now && (a.expires_at === null || a.expires_at > now);

const refusalRecord =
  (row: Omit<DB['list_refusal'], 'id'>) =>
  async (db: Kysely<DB>): Promise<void> => {
    await db
      .insertInto('list_refusal')
      .values({ id: newId(row.at), ...row })
      .execute();
  };

async function ownerName(db: Kysely<DB>, dialect: Dialect, ownerOrgId: string): Promise<string> {
  // Unscoped: the name of the organisation that published a list, shown in a refusal.
  return (await orgDirectory(db, dialect).findByIdUnscoped(ownerOrgId))?.name ?? '';
}

/** The negative-list item barring this category (or task) at the place, if any. */
export async function negativeItemFor(
  db: Kysely<DB>,
  dialect: Dialect,
  place: Place,
  what: { categoryCode?: string; taskCode?: string },
  now: number,
): Promise<ListItemRow | undefined> {
  const items = await listRepository(db, dialect).negativeItems(pathChain(place.path), place.level);
  return items.find(
    (i) =>
      effectiveStatus(i, now) !== 'expired' &&
      ((what.categoryCode !== undefined &&
        i.category_code !== null &&
        what.categoryCode.startsWith(i.category_code)) ||
        (what.taskCode !== undefined && i.task_code === what.taskCode)),
  );
}

export async function refuseIfNegative(
  db: Kysely<DB>,
  dialect: Dialect,
  place: Place,
  what: { categoryCode?: string; taskCode?: string; caseId?: string },
  actorUserId: string | null,
  now: number,
): Promise<void> {
  const item = await negativeItemFor(db, dialect, place, what, now);
  if (item === undefined) {
    return;
  }
  const owner = await ownerName(db, dialect, item.owner_org_id);
  const level = levelNames[place.level];
  throw new CaseGuardRefusal(
    'list.negative_listed',
    {
      detail: msg(
        `“${item.title}”列入${owner}${level.zh}负面清单（${item.code}），不能交由${place.name}办理`,
        `“${item.title}” is on the ${level.en} negative list of ${owner} (${item.code}); it cannot go to ${place.name}`,
      ),
      extra: { listItemId: item.id, listOwnerOrgId: item.owner_org_id, listLevel: place.level },
    },
    refusalRecord({
      kind: 'negative',
      item_id: item.id,
      level: place.level,
      org_path: place.path,
      case_id: what.caseId ?? null,
      category_code: what.categoryCode ?? null,
      task_code: what.taskCode ?? null,
      actor_user_id: actorUserId,
      at: now,
    }),
  );
}

/**
 * The admitted item that lets this task go to the grid, or a refusal naming the grid's admission list. Until any
 * admission list covers the grid, `enforceWithoutList` decides: case steps then pass (an installation that has not
 * yet published its list keeps working), explicit task assignments do not.
 */
export async function admittedOrRefuse(
  db: Kysely<DB>,
  dialect: Dialect,
  grid: GridRow,
  taskCode: string,
  now: number,
  actorUserId: string | null,
  enforceWithoutList: boolean,
  caseId: string | null,
): Promise<AdmissionItemRow | null> {
  const repo = listRepository(db, dialect);
  const all = await repo.admittedFor(grid.org_path);
  if (all.length === 0 && !enforceWithoutList) {
    return null;
  }
  const found = all.find((a) => a.task_code === taskCode && isAdmittedAt(a, now));
  if (found !== undefined) {
    return found;
  }
  const deepest = [...all].sort((a, b) => b.owner_path.length - a.owner_path.length)[0];
  const owner = deepest === undefined ? '' : await ownerName(db, dialect, deepest.owner_org_id);
  const expired = all.find((a) => a.task_code === taskCode);
  throw new CaseGuardRefusal(
    'list.task_not_admitted',
    {
      detail: msg(
        expired === undefined
          ? `任务“${taskCode}”不在${owner}网格事项准入清单内，不能派给${grid.name}的网格员`
          : `任务“${expired.title}”在${owner}网格事项准入清单中的准入期已过，不能派给${grid.name}的网格员`,
        expired === undefined
          ? `Task “${taskCode}” is not on the grid task admission list of ${owner}; it cannot go to the worker of ${grid.name}`
          : `Task “${expired.title}” is past its admission on the grid task admission list of ${owner}`,
      ),
      extra: { taskCode, gridId: grid.id, listOwnerOrgId: deepest?.owner_org_id ?? null },
    },
    refusalRecord({
      kind: 'admission',
      item_id: expired?.id ?? null,
      level: 'grid',
      org_path: grid.org_path,
      case_id: caseId,
      category_code: null,
      task_code: taskCode,
      actor_user_id: actorUserId,
      at: now,
    }),
  );
}

/** Records a task put on the grid's worker, for the burden meter. */
export async function recordAssignment(
  db: Kysely<DB>,
  dialect: Dialect,
  grid: Pick<GridRow, 'id' | 'org_path'>,
  task: { kind: string; code: string; title: string; itemId: string | null; caseId: string | null },
  by: string | null,
  now: number,
): Promise<{ id: string; workerName: string }> {
  const worker = await gridWorkerOf(db, grid.id);
  const id = newId(now);
  await listRepository(db, dialect).insertAssignment({
    id,
    item_id: task.itemId,
    task_kind: task.kind,
    task_code: task.code,
    title: task.title,
    grid_id: grid.id,
    org_path: grid.org_path,
    worker_user_id: worker?.userId ?? null,
    worker_name: worker?.name ?? '',
    case_id: task.caseId,
    assigned_by: by,
    assigned_at: now,
    week: weekOf(now),
  });
  return { id, workerName: worker?.name ?? '' };
}

async function placeOfOrg(org: OrgRow | undefined, level: ListLevel): Promise<Place | null> {
  return org === undefined ? null : { level, path: org.path, name: org.name };
}

/** Case guard: a case may not be dispatched, escalated or settled at a level whose negative list bars its category,
 * and a verify or check step goes to the grid worker only when the grid's admission list holds it. */
export const listCaseGuard: CaseGuard = async (trx, dialect, m) => {
  const task = caseStepTasks[m.action];
  // Most actions (accept, sign, handle, comment…) place nothing at a level: nothing to read for them.
  if (task === undefined && m.action !== 'dispatch' && m.action !== 'escalate' && m.action !== 'selfHandle') {
    return;
  }
  const orgs = orgDirectory(trx, dialect);
  // Unscoped reads throughout: the case's own places, whoever acts on it.
  const grid = m.gridId === null ? undefined : await gridDirectory(trx).findByIdUnscoped(m.gridId);
  const levelPlace = async (level: ListLevel): Promise<Place | null> => {
    switch (level) {
      case 'district':
        return placeOfOrg(await orgs.findRoot(), 'district');
      case 'town':
        return m.townId === null ? null : placeOfOrg(await orgs.findByIdUnscoped(m.townId), 'town');
      case 'village':
        return m.villageId === null ? null : placeOfOrg(await orgs.findByIdUnscoped(m.villageId), 'village');
      case 'grid':
        return grid === undefined ? null : { level: 'grid', path: grid.org_path, name: grid.name };
    }
  };
  let target: Place | null = null;
  if (m.action === 'dispatch' && m.departmentId !== null) {
    const dept = await orgs.findByIdUnscoped(m.departmentId);
    const parent =
      dept?.parent_id === null || dept === undefined
        ? undefined
        : await orgs.findByIdUnscoped(dept.parent_id);
    if (parent !== undefined && (parent.level === 'district' || parent.level === 'town')) {
      target = { level: parent.level, path: parent.path, name: dept?.name ?? parent.name };
    }
  } else if (m.action === 'escalate') {
    target = await levelPlace(m.toLevel);
  } else if (m.action === 'selfHandle') {
    target = await levelPlace(m.fromLevel);
  } else if (task !== undefined) {
    target = await levelPlace('grid');
  }
  if (target !== null) {
    await refuseIfNegative(
      trx,
      dialect,
      target,
      { categoryCode: m.categoryCode, caseId: m.caseId },
      m.actorUserId,
      m.now,
    );
  }
  if (task !== undefined && grid !== undefined) {
    await refuseIfNegative(
      trx,
      dialect,
      { level: 'grid', path: grid.org_path, name: grid.name },
      { taskCode: task, caseId: m.caseId },
      m.actorUserId,
      m.now,
    );
    const admitted = await admittedOrRefuse(trx, dialect, grid, task, m.now, m.actorUserId, false, m.caseId);
    await recordAssignment(
      trx,
      dialect,
      grid,
      {
        kind: 'caseStep',
        code: task,
        title: admitted?.title ?? task,
        itemId: admitted?.id ?? null,
        caseId: m.caseId,
      },
      m.actorUserId,
      m.now,
    );
  }
};

/** Catalogue listener: a catalogue or routing change is a new version of the list it shows in. */
export const listCatalogueListener: CatalogueListener = async (trx, dialect, e) => {
  const orgs = orgDirectory(trx, dialect);
  const root = await orgs.findRoot();
  if (root === undefined) {
    return;
  }
  if (e.what === 'category') {
    await snapshotList(
      trx,
      dialect,
      root,
      'district',
      `事件目录第 ${e.version} 版（${e.code}）`,
      e.actorUserId,
      e.now,
    );
    return;
  }
  // Unscoped: the area a routing rule names.
  const area = e.areaOrgId === null ? root : await orgs.findByIdUnscoped(e.areaOrgId);
  if (
    area !== undefined &&
    (area.level === 'district' || area.level === 'town' || area.level === 'village')
  ) {
    await snapshotList(trx, dialect, area, area.level, '责任清单（派遣规则）变更', e.actorUserId, e.now);
  }
};
