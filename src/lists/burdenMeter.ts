// The burden meter (基层减负): tasks put on each grid worker per week by kind, beside what the grid's admission list
// allows (the admitted tasks in force and their expected weekly load). Read for the caller's subtree, so a town
// sees its grids and the district all of them.
import type { Scope } from '../access/index.js';
import type { Database } from '../platform/db/database.js';
import { isAdmittedAt } from './enforce.js';
import { listRepository } from './repository.js';
import { taskKinds, type TaskKind } from './vocabulary.js';
import { weeksEnding } from './weeks.js';

export type WorkerBurden = {
  workerUserId: string | null;
  workerName: string;
  gridId: string;
  weeks: { week: string; byKind: Record<TaskKind, number>; total: number }[];
  /** Admitted tasks in force for the grid, and the weekly load their applications expected. */
  admittedTasks: number;
  admittedWeeklyLoad: number;
  /** Tasks in the latest week above the admitted weekly load. */
  isOverLoad: boolean;
};

const zero = (): Record<TaskKind, number> =>
  Object.fromEntries(taskKinds.map((k) => [k, 0])) as Record<TaskKind, number>;

export async function burdenMeter(
  database: Database,
  scope: Scope,
  now: number,
  weekCount: number,
): Promise<{ weeks: string[]; workers: WorkerBurden[] }> {
  const repo = listRepository(database.db, database.dialect);
  const weeks = weeksEnding(now, weekCount);
  const rows = await repo.burden(scope, weeks[0]!, weeks[weeks.length - 1]!);
  const byWorker = new Map<string, WorkerBurden & { orgPath: string }>();
  for (const r of rows) {
    const key = `${r.grid_id}\u0000${r.worker_user_id ?? r.worker_name}`;
    let w = byWorker.get(key);
    if (w === undefined) {
      w = {
        workerUserId: r.worker_user_id,
        workerName: r.worker_name,
        gridId: r.grid_id,
        orgPath: r.org_path,
        weeks: weeks.map((week) => ({ week, byKind: zero(), total: 0 })),
        admittedTasks: 0,
        admittedWeeklyLoad: 0,
        isOverLoad: false,
      };
      byWorker.set(key, w);
    }
    const slot = w.weeks.find((x) => x.week === r.week);
    if (slot !== undefined && (taskKinds as readonly string[]).includes(r.task_kind)) {
      slot.byKind[r.task_kind as TaskKind] += Number(r.n);
      slot.total += Number(r.n);
    }
  }
  const admittedByPath = new Map<string, { n: number; load: number }>();
  for (const w of byWorker.values()) {
    let a = admittedByPath.get(w.orgPath);
    if (a === undefined) {
      const items = (await repo.admittedFor(w.orgPath)).filter((i) => isAdmittedAt(i, now));
      a = { n: items.length, load: items.reduce((s, i) => s + i.weekly_load, 0) };
      admittedByPath.set(w.orgPath, a);
    }
    w.admittedTasks = a.n;
    w.admittedWeeklyLoad = a.load;
    w.isOverLoad = a.load > 0 && (w.weeks[w.weeks.length - 1]?.total ?? 0) > a.load;
  }
  return {
    weeks,
    workers: [...byWorker.values()].map((w) => ({
      workerUserId: w.workerUserId,
      workerName: w.workerName,
      gridId: w.gridId,
      weeks: w.weeks,
      admittedTasks: w.admittedTasks,
      admittedWeeklyLoad: w.admittedWeeklyLoad,
      isOverLoad: w.isOverLoad,
    })),
  };
}
