// The quarterly feedback (在职党员进社区 季度反馈), sent by the platform itself when a quarter ends: each unit (its party
// organisation) is told how many of its members served, how many hours, how many are behind the yearly bar and how
// many have not registered with a community; each branch is told the same of its own members. The notice names no
// member: it leads to the desk's lists, which the receiver's scope shows. Each organisation gets one notice a quarter
// (a unique row per kind, organisation and quarter), and what was sent is kept as the record of it.
//
// Job 'volunteers.quarterlyFeedback', one per quarter under the key 'volunteers.feedback:<quarter>', is due the
// morning after the quarter ends; running it schedules the next quarter's. The server ensures the current quarter's at
// every start (ensureFeedbackJob), so a fresh installation and an upgraded one both have it.
import type { Kysely } from 'kysely';
import { roleMay, roles, type Role } from '../access/index.js';
import { holdersOfRolesUnder } from '../identity/index.js';
import { notify } from '../notifications/index.js';
import { orgDirectory, type OrgRow } from '../orgs/index.js';
import type { Database, Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { msg } from '../platform/i18n.js';
import { newId } from '../platform/ids.js';
import { ensureJob, jobPayload, type JobHandler } from '../platform/jobs/jobs.js';
import { instantOfLocalDate, localDate } from '../platform/time.js';
import { pathIds } from './employer.js';
import { employerReport, quarterRange } from './employerReport.js';
import { volunteerRepository } from './repository.js';
import { YEARLY_BAR_MINUTES } from './rules.js';
import { unregisteredMembers } from './unregisteredMembers.js';

export const FEEDBACK_JOB = 'volunteers.quarterlyFeedback';
const EMPLOYER_LEVELS = ['unit', 'newField', 'department'] as const;
/** Due at 09:00 district time on the first day of the next quarter. */
const DUE_AFTER_QUARTER_MS = 9 * 3_600_000;
/** Notices go to the organisation itself or the nearest one above it that has an account, never to a town. */
const NOT_ABOVE: ReadonlySet<string> = new Set(['town', 'district']);
/** Those who read the volunteering desk (community cadres, the organisation department, the command centres). */
const RECEIVING_ROLES: readonly Role[] = roles.filter((r) => roleMay(r, 'volunteer.read'));

export type FeedbackKind = 'employer' | 'branch';

export type FeedbackDraft = {
  kind: FeedbackKind;
  org: Pick<OrgRow, 'id' | 'name' | 'path' | 'level'>;
  members: number;
  unregistered: number;
  behindBar: number;
  minutes: number;
};

/** The quarter "2026-Q3" an instant falls in, in district time. */
export function quarterOf(ms: number): string {
  const [year, month] = localDate(ms).split('-').map(Number) as [number, number];
  return `${year}-Q${Math.ceil(month / 3)}`;
}

export function nextQuarter(quarter: string): string {
  const range = quarterRange(quarter);
  if (range === undefined) {
    throw new Error(`not a quarter: ${quarter}`);
  }
  return quarterOf(range.to);
}

export const feedbackJobKey = (quarter: string) => `volunteers.feedback:${quarter}`;

/** The feedback job for a quarter, due the morning after it ends; no-op when that quarter's job exists. */
export async function ensureFeedbackJob(db: Kysely<DB>, quarter: string, now: number): Promise<void> {
  const range = quarterRange(quarter);
  if (range === undefined) {
    throw new Error(`not a quarter: ${quarter}`);
  }
  await ensureJob(db, {
    kind: FEEDBACK_JOB,
    key: feedbackJobKey(quarter),
    dueAt: range.to + DUE_AFTER_QUARTER_MS,
    payload: { quarter },
    now,
  });
}

/**
 * What each organisation under `underPath` is to be told about `quarter`: branches with members, and units
 * (resident units, new-field organisations, departments) whose branches have members. Reads only.
 */
export async function draftFeedback(
  database: Database,
  quarter: string,
  now: number,
  underPath = '/',
): Promise<FeedbackDraft[]> {
  const { db, dialect } = database;
  const range = quarterRange(quarter);
  if (range === undefined) {
    throw new Error(`not a quarter: ${quarter}`);
  }
  const orgs = orgDirectory(db, dialect);
  const within = (o: OrgRow) => o.path.startsWith(underPath);
  const repo = volunteerRepository(db, dialect);
  const yearStart = instantOfLocalDate(`${range.year}-01-01`);
  const pace = (YEARLY_BAR_MINUTES * range.q) / 4;
  // The registrations are judged as they stood when the quarter ended, not when the job happens to run.
  const asOf = Math.min(now, range.to);

  const drafts: FeedbackDraft[] = [];
  const unregisteredUnder = new Map<string, number>();
  for (const branch of (await orgs.activeAtLevel('branch')).filter(within)) {
    const list = await unregisteredMembers(database, { path: '/' }, branch.id, asOf);
    if (list.members === 0) {
      continue;
    }
    const [served, inQuarter] = await Promise.all([
      repo.minutesPerMember(branch.path, yearStart, range.to),
      repo.minutesPerMember(branch.path, range.from, range.to),
    ]);
    const onPace = served.filter((m) => m.branchPath.startsWith(branch.path) && m.minutes >= pace).length;
    const unregistered = list.items.filter((i) => i.state !== 'pending').length;
    unregisteredUnder.set(branch.path, unregistered);
    drafts.push({
      kind: 'branch',
      org: branch,
      members: list.members,
      unregistered,
      behindBar: Math.max(0, list.members - onPace),
      minutes: inQuarter
        .filter((m) => m.branchPath.startsWith(branch.path))
        .reduce((sum, m) => sum + m.minutes, 0),
    });
  }
  for (const level of EMPLOYER_LEVELS) {
    for (const unit of (await orgs.activeAtLevel(level)).filter(within)) {
      const report = await employerReport(db, dialect, unit, quarter);
      if (report.lines.length === 0) {
        continue;
      }
      let unregistered = 0;
      for (const [path, n] of unregisteredUnder) {
        if (path.startsWith(unit.path)) {
          unregistered += n;
        }
      }
      drafts.push({
        kind: 'employer',
        org: unit,
        members: report.lines.length,
        unregistered,
        behindBar: report.lines.filter((l) => l.isBehindBar).length,
        minutes: report.lines.reduce((sum, l) => sum + l.minutes, 0),
      });
    }
  }
  return drafts;
}

/** Who hears of an organisation: the holders at it, or at the nearest organisation above it below the town. */
function receiversOf(
  org: Pick<OrgRow, 'path'>,
  holdersByOrg: ReadonlyMap<string, string[]>,
  levelOf: ReadonlyMap<string, string>,
): string[] {
  for (const id of pathIds(org.path).reverse()) {
    if (NOT_ABOVE.has(levelOf.get(id) ?? '')) {
      return [];
    }
    const holders = holdersByOrg.get(id);
    if (holders !== undefined && holders.length > 0) {
      return holders;
    }
  }
  return [];
}

const hoursText = (minutes: number) => String(Math.round(minutes / 6) / 10);

/**
 * Writes the quarter's feedback rows and notices in the caller's transaction. An organisation already told of this
 * quarter is skipped, so a second run sends nothing twice. Returns how many organisations were told.
 */
export async function sendFeedback(
  trx: Kysely<DB>,
  dialect: Dialect,
  quarter: string,
  drafts: readonly FeedbackDraft[],
  now: number,
): Promise<number> {
  const repo = volunteerRepository(trx, dialect);
  const sent = new Set(
    (await repo.feedbackSent({ path: '/' }, { period: quarter, limit: 1_000_000 })).map(
      (r) => `${r.kind}\u0000${r.org_id}`,
    ),
  );
  const fresh = drafts.filter((d) => !sent.has(`${d.kind}\u0000${d.org.id}`));
  if (fresh.length === 0) {
    return 0;
  }
  const holdersByOrg = new Map<string, string[]>();
  for (const h of await holdersOfRolesUnder(trx, '/', RECEIVING_ROLES)) {
    holdersByOrg.set(h.orgId, [...(holdersByOrg.get(h.orgId) ?? []), h.userId]);
  }
  const chainIds = [...new Set(fresh.flatMap((d) => pathIds(d.org.path)))];
  const levelOf = new Map((await orgDirectory(trx, dialect).byIds(chainIds)).map((o) => [o.id, o.level]));
  const range = quarterRange(quarter)!;
  const rows: DB['volunteer_feedback'][] = [];
  for (const d of fresh) {
    const userIds = receiversOf(d.org, holdersByOrg, levelOf);
    rows.push({
      id: newId(now),
      kind: d.kind,
      org_id: d.org.id,
      org_path: d.org.path,
      period: quarter,
      members: d.members,
      unregistered: d.unregistered,
      behind_bar: d.behindBar,
      minutes: d.minutes,
      recipients: userIds.length,
      sent_at: now,
    });
    if (userIds.length === 0) {
      continue;
    }
    const hours = hoursText(d.minutes);
    const tab = d.kind === 'employer' ? 'employer' : 'unregistered';
    await notify(trx, {
      event: 'volunteer.feedback',
      userIds,
      title: msg(
        `${range.year}年第${range.q}季度在职党员进社区反馈：${d.org.name}`,
        `Volunteering feedback for Q${range.q} ${range.year}: ${d.org.name}`,
      ),
      body: msg(
        `党员 ${d.members} 名，本季度服务 ${hours} 小时；低于年度时长进度 ${d.behindBar} 名，未报到或报到已过期 ${d.unregistered} 名。`,
        `${d.members} members served ${hours} hours this quarter; ${d.behindBar} are behind the yearly bar, ` +
          `${d.unregistered} have not registered with a community or their registration has lapsed.`,
      ),
      data: {
        kind: d.kind,
        orgId: d.org.id,
        period: quarter,
        link: `/volunteers?tab=${tab}&org=${encodeURIComponent(d.org.id)}`,
      },
      now,
    });
  }
  await repo.insertFeedback(rows);
  return rows.length;
}

/** The job: drafts the quarter's feedback outside any transaction, sends it in the job's, schedules the next. */
export function volunteerJobHandlers(database: Database): Record<string, JobHandler> {
  return {
    [FEEDBACK_JOB]: {
      async perform(_db, job, now) {
        const p = jobPayload<{ quarter: string }>(job);
        return p === null || quarterRange(p.quarter) === undefined
          ? null
          : { quarter: p.quarter, drafts: await draftFeedback(database, p.quarter, now) };
      },
      async run(trx, _job, now, performed) {
        const result = performed as { quarter: string; drafts: FeedbackDraft[] } | null | undefined;
        if (result === null || result === undefined) {
          return;
        }
        await sendFeedback(trx, database.dialect, result.quarter, result.drafts, now);
        await ensureFeedbackJob(trx, nextQuarter(result.quarter), now);
      },
    },
  };
}
