// The visit plan's reminders (主动出击): every Monday morning each central-household head with an account hears
// how many of his linked households are due a visit: any not visited within the quarter, and a household in need
// (one that raised two appeals or more in the quarter) not visited within the month. A head with none due hears
// nothing. The run also ensures the next Monday's run. Registered in src/modules.ts.
import type { Kysely } from 'kysely';
import { householdDirectory } from '../households/index.js';
import { activeAccountsOfMembers } from '../identity/index.js';
import { notify } from '../notifications/index.js';
import { orgDirectory } from '../orgs/index.js';
import type { Database, Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { msg } from '../platform/i18n.js';
import { ensureJob, type JobHandler } from '../platform/jobs/jobs.js';
import { DAY_MS, localDate, localFields, startOfLocalDay } from '../platform/time.js';
import { VISIT_INTERVAL_DAYS } from './chain.js';
import { linkageRepository } from './repository.js';

export const VISIT_REMINDER_JOB = 'linkage.visitReminders';
/** A household in need is visited monthly. */
export const IN_NEED_INTERVAL_DAYS = 30;
/** Appeals in the quarter that make a household one in need. */
export const IN_NEED_APPEALS = 2;
const RUN_AT_MS = 8 * 3_600_000;

/** The next Monday 08:00 in the district after `now`. */
export function nextReminderRun(now: number): number {
  const weekday = localFields(now).getUTCDay(); // 0 Sunday … 6 Saturday
  const thisMonday = startOfLocalDay(now) - ((weekday + 6) % 7) * DAY_MS + RUN_AT_MS;
  return thisMonday > now ? thisMonday : thisMonday + 7 * DAY_MS;
}

export async function ensureVisitReminderJob(db: Kysely<DB>, now: number): Promise<void> {
  const dueAt = nextReminderRun(now);
  await ensureJob(db, {
    kind: VISIT_REMINDER_JOB,
    key: `${VISIT_REMINDER_JOB}:${localDate(dueAt)}`,
    dueAt,
    now,
  });
}

export type HeadReminder = { userId: string; centralHouseholdId: string; due: number; inNeed: number };

/** Tells each head with an account what is due; answers who was told. Runs in the caller's transaction. */
export async function sendVisitReminders(
  trx: Kysely<DB>,
  dialect: Dialect,
  now: number,
): Promise<HeadReminder[]> {
  const root = await orgDirectory(trx, dialect).findRoot();
  if (root === undefined) {
    return [];
  }
  const households = householdDirectory(trx, dialect);
  const centrals = (await households.listCentral({ path: root.path }, root.path, null, 1_000_000)).filter(
    (c) => c.status === 'active',
  );
  const accounts = await activeAccountsOfMembers(
    trx,
    centrals.map((c) => c.head_member_id),
  );
  const repo = linkageRepository(trx, dialect);
  const quarterAgo = now - VISIT_INTERVAL_DAYS * DAY_MS;
  const monthAgo = now - IN_NEED_INTERVAL_DAYS * DAY_MS;
  const told: HeadReminder[] = [];
  for (const c of centrals) {
    const userId = accounts.get(c.head_member_id);
    if (userId === undefined) {
      continue;
    }
    const linked = await households.householdsOfCentral({ path: root.path }, c.id);
    const ids = linked.map((h) => h.id);
    const last = await repo.lastVisits(ids);
    const appeals = await repo.appealCounts(ids, quarterAgo);
    let due = 0;
    let inNeed = 0;
    for (const id of ids) {
      const at = last.get(id) ?? null;
      const isInNeed = (appeals.get(id) ?? 0) >= IN_NEED_APPEALS;
      if (at === null || at < quarterAgo || (isInNeed && at < monthAgo)) {
        due += 1;
        inNeed += isInNeed ? 1 : 0;
      }
    }
    if (due === 0) {
      continue;
    }
    await notify(trx, {
      event: 'linkage.visitDue',
      userIds: [userId],
      title: msg(`本周待走访 ${due} 户`, `${due} household(s) due a visit this week`),
      body: msg(
        inNeed > 0
          ? `您联系的群众户中有 ${due} 户到了走访时间，其中 ${inNeed} 户近期多次反映诉求，请优先走访。`
          : `您联系的群众户中有 ${due} 户本季度尚未走访。`,
        inNeed > 0
          ? `${due} of your linked households are due a visit, ${inNeed} of them with repeated appeals lately: visit those first.`
          : `${due} of your linked households have not been visited this quarter.`,
      ),
      data: { link: '/linkage' },
      now,
    });
    told.push({ userId, centralHouseholdId: c.id, due, inNeed });
  }
  return told;
}

export function visitReminderJobHandlers(database: Pick<Database, 'dialect'>): Record<string, JobHandler> {
  return {
    [VISIT_REMINDER_JOB]: {
      async run(trx, _job, now) {
        await sendVisitReminders(trx, database.dialect, now);
        await ensureVisitReminderJob(trx, now + 60_000);
      },
    },
  };
}
