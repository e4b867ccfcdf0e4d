// The outbox: deliveries waiting in the job queue, one job per attempt, and what each job carries.
import { isoLocalMs } from '../platform/time.js';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { Message } from '../platform/i18n.js';
import { newId } from '../platform/ids.js';
import { scheduleJob } from '../platform/jobs/jobs.js';
import type { EmailEvent, WebhookEvent } from './events.js';

export const EMAIL_JOB = 'notify.email';
export const WEBHOOK_JOB = 'notify.webhook';

/** After this many failed attempts a delivery is given up and logged as failed. */
export const MAX_ATTEMPTS = 8;

/** Exponential back-off before the next attempt: 10 s, 20 s, 40 s … at most one hour. */
export const retryDelayMs = (failedAttempts: number): number =>
  Math.min(3600_000, 2 ** failedAttempts * 5000);

export type EmailJob = {
  deliveryId: string;
  attempt: number;
  userId: string;
  event: EmailEvent;
  title: Message;
  body: Message;
  caseId: string | null;
};

export type WebhookJob = {
  deliveryId: string;
  attempt: number;
  endpointId: string;
  event: WebhookEvent;
  caseId: string | null;
  /** The JSON body, fixed when enqueued so that every attempt sends (and signs) the same bytes. */
  body: string;
  /** Test sends go out even to an inactive endpoint. */
  isTest: boolean;
};

export type WebhookBody = {
  id: string;
  event: WebhookEvent;
  occurredAt: string;
  caseId: string | null;
  data: Record<string, unknown>;
};

/** ISO 8601 in China Standard Time (no daylight saving), e.g. 2026-11-27T16:00:00.000+08:00. */
export function isoInShanghai(ms: number): string {
  return isoLocalMs(ms);
}

const PERSONAL_KEY = /phone|mobile|^tel|idnumber|id_number|idcard|id_card|email|password|secret/i;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
const ID_NUMBER = /(?<!\d)\d{17}[\dXx](?![\dXx])/g;

/** Webhooks leave the platform: drop fields named like personal data and mask phone and ID numbers in text. */
export function withoutPersonalData(value: unknown): unknown {
  if (typeof value === 'string') {
    return value.replace(ID_NUMBER, '[redacted]').replace(MOBILE, '[redacted]');
  }
  if (Array.isArray(value)) {
    return value.map(withoutPersonalData);
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (!PERSONAL_KEY.test(key)) {
        out[key] = withoutPersonalData(inner);
      }
    }
    return out;
  }
  return value;
}

export async function enqueueEmail(
  db: Kysely<DB>,
  job: Omit<EmailJob, 'deliveryId' | 'attempt'>,
  now: number,
): Promise<void> {
  const payload: EmailJob = { deliveryId: newId(now), attempt: 1, ...job };
  await scheduleJob(db, { kind: EMAIL_JOB, dueAt: now, payload, now });
}

export async function enqueueWebhook(
  db: Kysely<DB>,
  input: {
    endpointId: string;
    event: WebhookEvent;
    data: Record<string, unknown>;
    caseId: string | null;
    isTest: boolean;
  },
  now: number,
): Promise<string> {
  const deliveryId = newId(now);
  const body: WebhookBody = {
    id: deliveryId,
    event: input.event,
    occurredAt: isoInShanghai(now),
    caseId: input.caseId,
    data: withoutPersonalData(input.data) as Record<string, unknown>,
  };
  const payload: WebhookJob = {
    deliveryId,
    attempt: 1,
    endpointId: input.endpointId,
    event: input.event,
    caseId: input.caseId,
    body: JSON.stringify(body),
    isTest: input.isTest,
  };
  await scheduleJob(db, { kind: WEBHOOK_JOB, dueAt: now, payload, now });
  return deliveryId;
}

/** The next attempt of a failed delivery, as a new job due after the back-off. */
export async function scheduleRetry(
  db: Kysely<DB>,
  kind: typeof EMAIL_JOB | typeof WEBHOOK_JOB,
  payload: EmailJob | WebhookJob,
  now: number,
): Promise<number> {
  const dueAt = now + retryDelayMs(payload.attempt);
  await scheduleJob(db, { kind, dueAt, payload: { ...payload, attempt: payload.attempt + 1 }, now });
  return dueAt;
}
