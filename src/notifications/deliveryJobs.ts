// The channel adapters as queue jobs: 'notify.email' (SMTP) and 'notify.webhook' (signed HTTP POST), with the
// morning's 'notify.digest' (digest.ts) that turns waiting items into mails.
// Network calls happen in perform(), outside any transaction, so a slow receiver never holds the database.
// A failed attempt does not throw: throwing would roll back the delivery-log row together with the job, so the
// handler logs the attempt and queues the next one itself, after an exponential back-off, in the same transaction.
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { AppDeps } from '../platform/http/module.js';
import { pick, type Locale } from '../platform/i18n.js';
import { jobPayload, type JobHandler } from '../platform/jobs/jobs.js';
import { digestJobHandlers, DIGEST_JOB } from './digest.js';
import { createMailer, maskEmail } from './mailer.js';
import {
  EMAIL_JOB,
  MAX_ATTEMPTS,
  scheduleRetry,
  WEBHOOK_JOB,
  type EmailJob,
  type WebhookJob,
} from './outbox.js';
import { notificationRepository } from './repository.js';
import { signWebhook } from './signature.js';

export const deliveryStatuses = ['delivered', 'retrying', 'failed', 'skipped'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];
export const deliveryChannels = ['email', 'webhook'] as const;
export type DeliveryChannel = (typeof deliveryChannels)[number];

export const WEBHOOK_TIMEOUT_MS = 10_000;

type Attempt =
  | { isDelivered: true; responseStatus: number | null }
  | { isDelivered: false; responseStatus: number | null; error: string };

type Target = { channel: DeliveryChannel; targetId: string | null; target: string };

async function logAttempt(
  trx: Kysely<DB>,
  kind: typeof EMAIL_JOB | typeof WEBHOOK_JOB,
  payload: EmailJob | WebhookJob,
  target: Target,
  attempt: Attempt,
  durationMs: number,
  now: number,
): Promise<void> {
  let status: DeliveryStatus = 'delivered';
  if (!attempt.isDelivered) {
    status = payload.attempt < MAX_ATTEMPTS ? 'retrying' : 'failed';
    if (status === 'retrying') {
      await scheduleRetry(trx, kind, payload, now);
    }
  }
  await notificationRepository(trx).insertDelivery({
    delivery_id: payload.deliveryId,
    attempt: payload.attempt,
    channel: target.channel,
    target_id: target.targetId,
    target: target.target,
    event: payload.event,
    case_id: payload.caseId,
    status,
    response_status: attempt.responseStatus,
    error: attempt.isDelivered ? null : attempt.error.slice(0, 500),
    duration_ms: Math.round(durationMs),
    at: now,
  });
}

async function logSkipped(
  trx: Kysely<DB>,
  payload: EmailJob | WebhookJob,
  target: Target,
  reason: string,
  now: number,
): Promise<void> {
  await notificationRepository(trx).insertDelivery({
    delivery_id: payload.deliveryId,
    attempt: payload.attempt,
    channel: target.channel,
    target_id: target.targetId,
    target: target.target,
    event: payload.event,
    case_id: payload.caseId,
    status: 'skipped',
    response_status: null,
    error: reason,
    duration_ms: null,
    at: now,
  });
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') {
      return `no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s`;
    }
    const cause: unknown = error.cause;
    if (cause instanceof Error) {
      return `${error.message}: ${cause.message}`;
    }
    return error.message;
  }
  return String(error);
}

const toLocale = (stored: string): Locale => (stored === 'en' ? 'en' : 'zh-CN');

export function notificationJobHandlers(
  deps: Pick<AppDeps, 'config' | 'services'>,
): Record<typeof EMAIL_JOB | typeof WEBHOOK_JOB | typeof DIGEST_JOB, JobHandler> {
  const mailer = createMailer(deps.config);

  /** The outcome of one delivery attempt, decided outside the transaction; run() writes it to the log. */
  type Outcome =
    | { kind: 'skipped'; payload: EmailJob | WebhookJob; target: Target; reason: string }
    | {
        kind: 'attempted';
        payload: EmailJob | WebhookJob;
        target: Target;
        attempt: Attempt;
        durationMs: number;
      };

  const record =
    (jobKind: typeof EMAIL_JOB | typeof WEBHOOK_JOB) =>
    async (trx: Kysely<DB>, _job: unknown, now: number, performed?: unknown) => {
      const outcome = performed as Outcome | null | undefined;
      if (outcome === null || outcome === undefined) {
        return;
      }
      if (outcome.kind === 'skipped') {
        await logSkipped(trx, outcome.payload, outcome.target, outcome.reason, now);
        return;
      }
      await logAttempt(
        trx,
        jobKind,
        outcome.payload,
        outcome.target,
        outcome.attempt,
        outcome.durationMs,
        now,
      );
    };

  const email: JobHandler = {
    async perform(db, job): Promise<Outcome | null> {
      const payload = jobPayload<EmailJob>(job);
      if (payload === null) {
        return null;
      }
      const [user] = await notificationRepository(db).recipients([payload.userId]);
      const address = user?.email ?? null;
      const target: Target = {
        channel: 'email',
        targetId: payload.userId,
        target: address === null ? '—' : maskEmail(address),
      };
      if (mailer === null) {
        return { kind: 'skipped', payload, target, reason: 'SMTP is not configured' };
      }
      if (user === undefined || address === null) {
        return { kind: 'skipped', payload, target, reason: 'the user has no e-mail address' };
      }
      const locale = toLocale(user.locale);
      const started = performance.now();
      let attempt: Attempt;
      try {
        await mailer.send({
          to: address,
          subject: pick(payload.title, locale),
          text: pick(payload.body, locale),
          headers: { 'X-Tongxin-Event': payload.event, 'X-Tongxin-Delivery': payload.deliveryId },
        });
        attempt = { isDelivered: true, responseStatus: null };
      } catch (error) {
        const responseCode = (error as { responseCode?: unknown }).responseCode;
        attempt = {
          isDelivered: false,
          responseStatus: typeof responseCode === 'number' ? responseCode : null,
          error: describeError(error),
        };
      }
      return { kind: 'attempted', payload, target, attempt, durationMs: performance.now() - started };
    },
    run: record(EMAIL_JOB),
  };

  const webhook: JobHandler = {
    async perform(db, job, now): Promise<Outcome | null> {
      const payload = jobPayload<WebhookJob>(job);
      if (payload === null) {
        return null;
      }
      const endpoint = await notificationRepository(db).findEndpoint(payload.endpointId);
      const target: Target = {
        channel: 'webhook',
        targetId: payload.endpointId,
        target: endpoint?.name ?? '—',
      };
      if (endpoint === undefined) {
        return { kind: 'skipped', payload, target, reason: 'the endpoint was deleted' };
      }
      if (endpoint.active !== 1 && !payload.isTest) {
        return { kind: 'skipped', payload, target, reason: 'the endpoint is inactive' };
      }
      const timestamp = String(Math.floor(now / 1000));
      const signature = signWebhook(
        deps.services.cipher.decrypt(endpoint.secret_enc),
        timestamp,
        payload.body,
      );
      const started = performance.now();
      let attempt: Attempt;
      try {
        const response = await fetch(endpoint.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'user-agent': 'Tongxin-Webhook/1',
            'x-tongxin-event': payload.event,
            'x-tongxin-delivery': payload.deliveryId,
            'x-tongxin-timestamp': timestamp,
            'x-tongxin-signature': signature,
          },
          body: payload.body,
          redirect: 'manual',
          signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        });
        await response.body?.cancel();
        attempt =
          response.status >= 200 && response.status < 300
            ? { isDelivered: true, responseStatus: response.status }
            : {
                isDelivered: false,
                responseStatus: response.status,
                error: `HTTP ${response.status}`,
              };
      } catch (error) {
        attempt = { isDelivered: false, responseStatus: null, error: describeError(error) };
      }
      return { kind: 'attempted', payload, target, attempt, durationMs: performance.now() - started };
    },
    run: record(WEBHOOK_JOB),
  };

  return { [EMAIL_JOB]: email, [WEBHOOK_JOB]: webhook, ...digestJobHandlers() };
}
