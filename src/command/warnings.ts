// Early warning (关口前移): rules as data watch the reports of a subtree and raise alerts before problems grow.
//   cluster — the same category in the same grid or village at least `threshold` times in the window;
//   trend   — this window's count of a category in a village at least `ratio` × the same weeks last year (and at
//             least `threshold`);
//   repeat  — the same reporter at least `threshold` times in the window (repeated petitions; the alert names no one);
//   surge   — at least `threshold` different reporters on one category in one village within a short window: a
//             mass-incident sign (群体性事件苗头), raised as severity 'high'.
// A rule fires once for a subject (unit and category, or reporter) per window: it fires again only after the window
// of its last alert has passed. Job 'command.warnings' runs every 15 minutes; each run schedules the next.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { findCategory, groupRecentReports, type ReportGroup } from '../cases/index.js';
import { userIdsWithRole } from '../identity/index.js';
import { notify } from '../notifications/index.js';
import { orgDirectory } from '../orgs/index.js';
import type { Database, Dialect } from '../platform/db/database.js';
import { toDbJson } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { sha256 } from '../platform/hash.js';
import { msg } from '../platform/i18n.js';
import { newId } from '../platform/ids.js';
import { ensureJob, type JobHandler } from '../platform/jobs/jobs.js';
import { DAY_MS, localDateTime } from '../platform/time.js';
import { commandRepository, type AlertRow, type RuleRow } from './repository.js';
import { warmStoredTiles } from './screen.js';

export const WARNING_JOB = 'command.warnings';
const EVERY_MS = 15 * 60_000;

export const ruleKinds = ['cluster', 'trend', 'repeat', 'surge'] as const;
export type RuleKind = (typeof ruleKinds)[number];
export const ruleAreas = ['grid', 'village'] as const;
export type RuleArea = (typeof ruleAreas)[number];
export const severities = ['normal', 'high'] as const;
export type Severity = (typeof severities)[number];
export const alertStatuses = ['open', 'acting', 'done', 'dismissed'] as const;
export type AlertStatus = (typeof alertStatuses)[number];
export const alertActions = ['topic', 'supervise', 'patrol', 'dismiss'] as const;
export type AlertActionKind = (typeof alertActions)[number];

const YEAR_MS = 364 * DAY_MS; // 52 weeks: the same weekdays last year

type Found = {
  subject: string;
  group: ReportGroup;
  count: number;
  baseline: number | null;
};

/** What a rule finds in the reports of its subtree in the window ending at `now` (pure of alerts already raised). */
export async function findByRule(db: Kysely<DB>, rule: RuleRow, now: number): Promise<Found[]> {
  const from = now - rule.window_hours * 3_600_000;
  const kind = rule.kind as RuleKind;
  const by = kind === 'repeat' ? 'reporter' : kind === 'cluster' ? (rule.area as RuleArea) : 'village';
  const groups = await groupRecentReports(db, {
    path: rule.org_path,
    from,
    to: now,
    by,
    categoryCode: rule.category_code,
    minCount: rule.threshold,
  });
  switch (kind) {
    case 'cluster':
      return groups.map((g) => ({
        subject: `${g.key}|${g.categoryCode ?? ''}`,
        group: g,
        count: g.count,
        baseline: null,
      }));
    case 'repeat':
      // The reporter's key is a keyed hash already; the alert keeps a hash of it, so it cannot be looked up again.
      return groups.map((g) => ({
        subject: `reporter:${sha256(g.key).slice(0, 24)}`,
        group: g,
        count: g.count,
        baseline: null,
      }));
    case 'surge':
      return groups
        .filter((g) => g.reporters >= rule.threshold)
        .map((g) => ({
          subject: `${g.key}|${g.categoryCode ?? ''}`,
          group: g,
          count: g.reporters,
          baseline: null,
        }));
    case 'trend': {
      const last = await groupRecentReports(db, {
        path: rule.org_path,
        from: from - YEAR_MS,
        to: now - YEAR_MS,
        by: 'village',
        categoryCode: rule.category_code,
        minCount: 1,
      });
      const before = new Map(last.map((g) => [`${g.key}|${g.categoryCode ?? ''}`, g.count]));
      const ratio = rule.ratio ?? 2;
      return groups
        .map((g) => {
          const subject = `${g.key}|${g.categoryCode ?? ''}`;
          return { subject, group: g, count: g.count, baseline: before.get(subject) ?? 0 };
        })
        .filter((f) => f.count >= ratio * Math.max(1, f.baseline));
    }
  }
}

/**
 * Runs every active rule at `now` and raises the alerts that have not fired for their window yet, telling the
 * command centres of the town (and of the district for a high-severity alert). Runs in the caller's transaction.
 */
export async function runWarnings(trx: Kysely<DB>, dialect: Dialect, now: number): Promise<AlertRow[]> {
  const repo = commandRepository(trx);
  const orgs = orgDirectory(trx, dialect);
  const raised: AlertRow[] = [];
  for (const rule of await repo.activeRules()) {
    const windowMs = rule.window_hours * 3_600_000;
    const found = await findByRule(trx, rule, now);
    if (found.length === 0) {
      continue;
    }
    const villageIds = [
      ...new Set(found.map((f) => f.group.villageId).filter((v): v is string => v !== null)),
    ];
    const villages = new Map((await orgs.byIds(villageIds)).map((o) => [o.id, o]));
    for (const f of found) {
      if ((await repo.latestAlert(rule.id, f.subject, now - windowMs)) !== undefined) {
        continue;
      }
      const village = f.group.villageId === null ? undefined : villages.get(f.group.villageId);
      const row: AlertRow = {
        id: newId(now),
        rule_id: rule.id,
        org_id: village?.id ?? rule.org_id,
        org_path: village?.path ?? rule.org_path,
        grid_id: f.group.gridId,
        category_code: f.group.categoryCode,
        subject: f.subject,
        severity: rule.severity,
        count: f.count,
        baseline: f.baseline,
        window_from: now - windowMs,
        window_to: now,
        case_ids: toDbJson(f.group.caseIds)!,
        status: 'open',
        action_kind: null,
        action_ref: null,
        action_note: null,
        acted_at: null,
        acted_by: null,
        outcome_note: null,
        finished_at: null,
        raised_at: now,
      };
      await repo.insertAlert(row);
      raised.push(row);
      await tellAlert(trx, row, rule, village?.path ?? rule.org_path);
    }
  }
  return raised;
}

async function tellAlert(trx: Kysely<DB>, alert: AlertRow, rule: RuleRow, path: string): Promise<void> {
  const ids = path.split('/').filter((s) => s !== '');
  // The town is the second id of a path (/district/town/…); the district the first.
  const orgIds = [ids[1], alert.severity === 'high' ? ids[0] : undefined].filter(
    (x): x is string => x !== undefined,
  );
  const users = await userIdsWithRole(trx, orgIds, ['townCommand', 'districtCommand']);
  if (users.length === 0) {
    return;
  }
  const category = alert.category_code === null ? null : await findCategory(trx, alert.category_code);
  const what = category === null || category === undefined ? rule.name : `${rule.name}：${category.name.zh}`;
  const whatEn =
    category === null || category === undefined ? rule.name : `${rule.name}: ${category.name.en}`;
  await notify(trx, {
    event: 'command.alert',
    userIds: users,
    title: msg(
      alert.severity === 'high' ? `【紧急预警】${what}` : `预警：${what}`,
      alert.severity === 'high' ? `[Urgent warning] ${whatEn}` : `Early warning: ${whatEn}`,
    ),
    body: msg(
      `${localDateTime(alert.window_from)} 以来 ${alert.count} 件（人），请研判处置。`,
      `${alert.count} since ${localDateTime(alert.window_from)}; please look into it.`,
    ),
    data: { alertId: alert.id, link: `/command?orgId=${alert.org_id}` },
    now: alert.raised_at,
  });
}

export async function ensureWarningJob(db: Kysely<DB>, now: number): Promise<void> {
  const dueAt = Math.floor(now / EVERY_MS) * EVERY_MS + EVERY_MS;
  await ensureJob(db, { kind: WARNING_JOB, key: `${WARNING_JOB}:${dueAt}`, dueAt, now });
}

export function commandJobHandlers(database: Database, log: Logger): Record<string, JobHandler> {
  return {
    [WARNING_JOB]: {
      async run(trx, _job, now) {
        await runWarnings(trx, database.dialect, now);
        await ensureWarningJob(trx, now);
      },
    },
    [WARM_JOB]: {
      // Counting runs outside the job's transaction (reads, then one upsert per tile), so a slow count holds nothing.
      async perform(_db, _job, now) {
        await warmBusiestScreens(database, now, log);
        return null;
      },
      async run(trx, _job, now) {
        await ensureWarmJob(trx, now);
      },
    },
  };
}

export const WARM_JOB = 'command.warmTiles';

export async function ensureWarmJob(db: Kysely<DB>, now: number): Promise<void> {
  const dueAt = Math.floor(now / EVERY_MS) * EVERY_MS + EVERY_MS + 60_000;
  await ensureJob(db, { kind: WARM_JOB, key: `${WARM_JOB}:${dueAt}`, dueAt, now });
}

/** The district's and the towns' stored tiles, counted again. */
export async function warmBusiestScreens(database: Database, now: number, log: Pick<Logger, 'error'>) {
  const orgs = orgDirectory(database.db, database.dialect);
  const root = await orgs.findRoot();
  if (root === undefined) {
    return 0;
  }
  const towns = (await orgs.children({ path: root.path }, root.id, 1000, null)).filter(
    (o) => o.level === 'town' && o.status === 'active',
  );
  const units = [root, ...towns].map((o) => ({
    id: o.id,
    name: o.name,
    level: o.level as 'district' | 'town',
    path: o.path,
    gridId: null,
  }));
  return warmStoredTiles(database, units, now, log);
}
