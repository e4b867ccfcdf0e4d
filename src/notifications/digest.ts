// The daily digest (每日摘要): a user who chose it gets one mail each morning at 08:00 listing the events since
// the last one, instead of one mail per event; urgent events are still mailed at once (events.ts). The run sends
// every user's waiting items in one transaction with their removal, and ensures the next morning's run.
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { msg } from '../platform/i18n.js';
import { ensureJob, type JobHandler } from '../platform/jobs/jobs.js';
import { DAY_MS, localDate, localDateTime, startOfLocalDay } from '../platform/time.js';
import { enqueueEmail } from './outbox.js';
import { notificationRepository } from './repository.js';

export const DIGEST_JOB = 'notify.digest';
const RUN_AT_MS = 8 * 3_600_000;
/** Lines a digest lists; the rest are counted. */
export const DIGEST_MAX_LINES = 30;

/** The next 08:00 in the district after `now`. */
export function nextDigestRun(now: number): number {
  const today = startOfLocalDay(now) + RUN_AT_MS;
  return today > now ? today : today + DAY_MS;
}

export async function ensureDigestJob(db: Kysely<DB>, now: number): Promise<void> {
  const dueAt = nextDigestRun(now);
  await ensureJob(db, { kind: DIGEST_JOB, key: `${DIGEST_JOB}:${localDate(dueAt)}`, dueAt, now });
}

/** Queues one digest mail per user with waiting items; answers how many were queued. */
export async function sendDigests(trx: Kysely<DB>, now: number): Promise<number> {
  const repo = notificationRepository(trx);
  const items = await repo.pendingDigestItems();
  if (items.length === 0) {
    return 0;
  }
  const byUser = new Map<string, typeof items>();
  for (const item of items) {
    const own = byUser.get(item.user_id);
    if (own === undefined) {
      byUser.set(item.user_id, [item]);
    } else {
      own.push(item);
    }
  }
  const recipients = new Map((await repo.recipients([...byUser.keys()])).map((u) => [u.id, u]));
  let queued = 0;
  for (const [userId, own] of byUser) {
    const user = recipients.get(userId);
    // A user who left, or took back their address, is not mailed; their items go with the run.
    if (user === undefined || user.status !== 'active' || user.email === null) {
      continue;
    }
    const shown = own.slice(0, DIGEST_MAX_LINES);
    const rest = own.length - shown.length;
    const lines = (title: (i: (typeof own)[number]) => string, more: string) =>
      [
        ...shown.map((i) => `· ${localDateTime(i.created_at)}  ${title(i)}`),
        ...(rest > 0 ? [more] : []),
      ].join('\n');
    await enqueueEmail(
      trx,
      {
        userId,
        event: 'notification.digest',
        title: msg(
          `同心每日摘要：${own.length} 条新通知`,
          `Tongxin daily digest: ${own.length} new notifications`,
        ),
        body: msg(
          `${lines((i) => i.title_zh, `……另有 ${rest} 条`)}\n\n请登录同心平台查看详情。`,
          `${lines((i) => i.title_en, `… and ${rest} more`)}\n\nSign in to Tongxin for the details.`,
        ),
        caseId: null,
      },
      now,
    );
    queued += 1;
  }
  await repo.deleteDigestItems(items.map((i) => i.id));
  return queued;
}

export function digestJobHandlers(): Record<typeof DIGEST_JOB, JobHandler> {
  return {
    [DIGEST_JOB]: {
      async run(trx, _job, now) {
        await sendDigests(trx, now);
        await ensureDigestJob(trx, now + 60_000);
      },
    },
  };
}
