// A durable job queue in the database: due timers and deliveries, each claimed by exactly one instance.
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database, Dialect } from '../db/database.js';
import { fromDbJson, toDbJson } from '../db/database.js';
import type { DB } from '../db/schema.js';
import { newId } from '../ids.js';
import type { JobTable } from './tables.js';

export type Job = JobTable;

export type ScheduleInput = {
  kind: string;
  key?: string | null;
  dueAt: number;
  payload?: unknown;
  now: number;
};

/** A new pending job row. */
const pendingRow = (input: ScheduleInput) => ({
  id: newId(input.now),
  kind: input.kind,
  key: input.key ?? null,
  due_at: input.dueAt,
  payload: toDbJson(input.payload ?? null),
  status: 'pending',
  attempts: 0,
  lease_until: null,
  last_error: null,
  created_at: input.now,
  done_at: null,
});

/** Schedules a job; with a key, replaces the pending job of that key (e.g. a deadline that moved). */
export async function scheduleJob(db: Kysely<DB>, input: ScheduleInput): Promise<void> {
  const row = pendingRow(input);
  if (row.key === null) {
    await db.insertInto('job').values(row).execute();
    return;
  }
  await db
    .insertInto('job')
    .values(row)
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        kind: row.kind,
        due_at: row.due_at,
        payload: row.payload,
        status: 'pending',
        attempts: 0,
        lease_until: null,
        last_error: null,
        done_at: null,
      }),
    )
    .execute();
}

/**
 * Schedules a keyed job unless one of that key exists, pending or done: the standing jobs a module keeps (a
 * quarter's feedback) are ensured at every start without running twice or moving a date already set.
 */
export async function ensureJob(db: Kysely<DB>, input: ScheduleInput & { key: string }): Promise<void> {
  await db
    .insertInto('job')
    .values(pendingRow(input))
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

export async function cancelJob(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('job').where('key', '=', key).where('status', '!=', 'done').execute();
}

export async function cancelJobsWithPrefix(db: Kysely<DB>, prefix: string): Promise<void> {
  await db
    .deleteFrom('job')
    .where('key', '>=', prefix)
    .where('key', '<', `${prefix}~`)
    .where('status', '!=', 'done')
    .execute();
}

/**
 * Claims up to `limit` due jobs of the given kinds for `leaseMs`. A job whose lease ran out (its instance died) is
 * due again. On PostgreSQL, SKIP LOCKED lets instances claim side by side; SQLite serialises writers anyway.
 */
export async function claimDueJobs(
  db: Kysely<DB>,
  dialect: Dialect,
  kinds: readonly string[],
  now: number,
  limit: number,
  leaseMs: number,
): Promise<Job[]> {
  if (kinds.length === 0) {
    return [];
  }
  const lock = dialect === 'postgres' ? sql`for update skip locked` : sql``;
  const result = await sql<Job>`
    update job set status = 'running', lease_until = ${now + leaseMs}, attempts = attempts + 1
    where id in (
      select id from job
      where kind in (${sql.join(kinds)})
        and ((status = 'pending' and due_at <= ${now}) or (status = 'running' and lease_until < ${now}))
      order by due_at
      limit ${limit}
      ${lock}
    )
    returning *`.execute(db);
  return result.rows;
}

/** Marks a claimed job done, only if this claim still holds it. Run it in the transaction of the job's effect. */
export async function completeJob(db: Kysely<DB>, job: Job, now: number): Promise<boolean> {
  const r = await db
    .updateTable('job')
    .set({ status: 'done', done_at: now, lease_until: null })
    .where('id', '=', job.id)
    .where('status', '=', 'running')
    .where('lease_until', '=', job.lease_until)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function failJob(
  db: Kysely<DB>,
  job: Job,
  error: string,
  retryAt: number | null,
  now: number,
): Promise<void> {
  await db
    .updateTable('job')
    .set(
      retryAt === null
        ? { status: 'failed', last_error: error.slice(0, 1000), lease_until: null, done_at: now }
        : { status: 'pending', last_error: error.slice(0, 1000), lease_until: null, due_at: retryAt },
    )
    .where('id', '=', job.id)
    .where('lease_until', '=', job.lease_until)
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the payload shape
export const jobPayload = <T>(job: Job): T | null => fromDbJson<T>(job.payload);

export class JobAbandoned extends Error {}

export type JobHandler = {
  /**
   * Optional work outside any transaction, while this instance holds the job's lease: network calls (mail,
   * webhooks) go here so they never hold the database. Its result is handed to run().
   */
  perform?: (db: Kysely<DB>, job: Job, now: number) => Promise<unknown>;
  /** Runs inside a transaction that also marks the job done: both happen or neither. */
  run(trx: Kysely<DB>, job: Job, now: number, performed?: unknown): Promise<void>;
  /** Delay before the next attempt, or null to give up. Default: exponential back-off, 8 attempts. */
  retryDelayMs?: (attempts: number) => number | null;
};

const defaultRetry = (attempts: number): number | null =>
  attempts >= 8 ? null : Math.min(3600_000, 2 ** attempts * 5000);

/** Processes due jobs until none are left; returns how many ran. */
export async function runDueJobs(
  database: Database,
  handlers: Readonly<Record<string, JobHandler>>,
  options: { now: () => number; limit?: number; leaseMs?: number; log?: Logger },
): Promise<number> {
  const now = options.now;
  let ran = 0;
  for (;;) {
    const jobs = await claimDueJobs(
      database.db,
      database.dialect,
      Object.keys(handlers),
      now(),
      options.limit ?? 50,
      options.leaseMs ?? 60_000,
    );
    if (jobs.length === 0) {
      return ran;
    }
    for (const job of jobs) {
      const handler = handlers[job.kind];
      if (handler === undefined) {
        continue;
      }
      try {
        const performed =
          handler.perform === undefined ? undefined : await handler.perform(database.db, job, now());
        await database.db.transaction().execute(async (trx) => {
          await handler.run(trx, job, now(), performed);
          if (!(await completeJob(trx, job, now()))) {
            throw new JobAbandoned('lease lost');
          }
        });
        ran++;
      } catch (error) {
        if (error instanceof JobAbandoned) {
          continue;
        }
        const delay = (handler.retryDelayMs ?? defaultRetry)(job.attempts);
        options.log?.warn({ err: error, job: job.id, kind: job.kind }, 'job failed');
        await failJob(
          database.db,
          job,
          error instanceof Error ? error.message : String(error),
          delay === null ? null : now() + delay,
          now(),
        );
      }
    }
  }
}

/** Polls for due jobs every `intervalMs` until stopped. */
export function startJobRunner(
  database: Database,
  handlers: Readonly<Record<string, JobHandler>>,
  options: { now: () => number; intervalMs: number; log: Logger },
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let isBusy = false;
  let stopped = false;
  const timer = setInterval(() => {
    if (stopped || isBusy) {
      return;
    }
    isBusy = true;
    running = runDueJobs(database, handlers, { now: options.now, log: options.log })
      .catch((error: unknown) => {
        options.log.error({ err: error }, 'job runner failed');
      })
      .finally(() => {
        isBusy = false;
      });
  }, options.intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
