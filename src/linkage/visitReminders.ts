// The visit plan's reminders (主动出击): every Monday morning each central-household head with an account hears
// how many of his linked households are due a visit by the plan's rule (visitPlan.ts: quarterly, monthly for a
// household in need), those in need first. A head with none due hears nothing. The run also ensures the next
// Monday's run. Registered in src/modules.ts.
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
import { visitPlanOf } from './visitPlan.js';

export const VISIT_REMINDER_JOB = 'linkage.visitReminders';
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
  const told: HeadReminder[] = [];
  for (const c of centrals) {
    const userId = accounts.get(c.head_member_id);
    if (userId === undefined) {
      continue;
    }
    const linked = await households.householdsOfCentral({ path: root.path }, c.id);
    const plan = [
      ...(
        await visitPlanOf(
          trx,
          dialect,
          linked.map((h) => h.id),
          now,
        )
      ).values(),
    ];
    const due = plan.filter((v) => v.isOverdue).length;
    const inNeed = plan.filter((v) => v.isOverdue && v.isInNeed).length;
    if (due === 0) {
      continue;
    }
    await notify(trx, {
      event: 'linkage.visitDue',
      userIds: [userId],
      title: msg(`本周待走访 ${due} 户`, `${due} household(s) due a visit this week`),
      body: msg(
        inNeed > 0
          ? `您联系的群众户中有 ${due} 户到了走访时间，其中 ${inNeed} 户为困难户（结对帮扶或近期多次反映诉求），请优先走访。`
          : `您联系的群众户中有 ${due} 户本季度尚未走访。`,
        inNeed > 0
          ? `${due} of your linked households are due a visit, ${inNeed} of them in need (paired for relief or with repeated appeals lately): visit those first.`
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
