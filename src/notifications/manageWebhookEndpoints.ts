// Webhook endpoints for gateways (12345 hotline, WeChat): create (the secret is shown once), change, delete, test.
// The caller must hold 'admin.webhooks'.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/index.js';
import type { RequestContext } from '../platform/context.js';
import type { FieldCipher } from '../platform/crypto.js';
import type { DB } from '../platform/db/schema.js';
import { notFound } from '../platform/errors.js';
import { newId, newSecret } from '../platform/ids.js';
import type { NotificationEvent } from './events.js';
import { enqueueWebhook } from './outbox.js';
import { notificationRepository, type WebhookEndpointRow } from './repository.js';

export type EndpointInput = {
  name: string;
  url: string;
  events: NotificationEvent[];
  isActive: boolean;
};

export async function createWebhookEndpoint(
  db: Kysely<DB>,
  ctx: RequestContext,
  cipher: FieldCipher,
  input: EndpointInput,
): Promise<{ endpoint: WebhookEndpointRow; secret: string }> {
  const secret = `whsec_${newSecret(32)}`;
  const endpoint: WebhookEndpointRow = {
    id: newId(ctx.now),
    name: input.name,
    url: input.url,
    secret_enc: cipher.encrypt(secret),
    events: JSON.stringify([...new Set(input.events)]),
    active: input.isActive ? 1 : 0,
    created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    created_at: ctx.now,
    updated_at: ctx.now,
    deleted_at: null,
  };
  await db.transaction().execute(async (trx) => {
    await notificationRepository(trx).insertEndpoint(endpoint);
    await recordAudit(trx, ctx, {
      action: 'webhook.create',
      entityType: 'webhookEndpoint',
      entityId: endpoint.id,
      orgPath: null,
      detail: { name: input.name, url: input.url, events: input.events, isActive: input.isActive },
    });
  });
  return { endpoint, secret };
}

export async function updateWebhookEndpoint(
  db: Kysely<DB>,
  ctx: RequestContext,
  id: string,
  input: Partial<EndpointInput>,
): Promise<WebhookEndpointRow> {
  return db.transaction().execute(async (trx) => {
    const repo = notificationRepository(trx);
    const isUpdated = await repo.updateEndpoint(
      id,
      {
        ...(input.name === undefined ? {} : { name: input.name }),
        ...(input.url === undefined ? {} : { url: input.url }),
        ...(input.events === undefined ? {} : { events: JSON.stringify([...new Set(input.events)]) }),
        ...(input.isActive === undefined ? {} : { active: input.isActive ? 1 : 0 }),
      },
      ctx.now,
    );
    const row = isUpdated ? await repo.findEndpoint(id) : undefined;
    if (row === undefined) {
      throw notFound();
    }
    await recordAudit(trx, ctx, {
      action: 'webhook.update',
      entityType: 'webhookEndpoint',
      entityId: id,
      orgPath: null,
      detail: input,
    });
    return row;
  });
}

export async function deleteWebhookEndpoint(db: Kysely<DB>, ctx: RequestContext, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await notificationRepository(trx).deleteEndpoint(id, ctx.now))) {
      throw notFound();
    }
    await recordAudit(trx, ctx, {
      action: 'webhook.delete',
      entityType: 'webhookEndpoint',
      entityId: id,
      orgPath: null,
    });
  });
}

/** Queues a 'webhook.test' delivery to the endpoint, active or not; returns its delivery id. */
export async function sendTestWebhook(db: Kysely<DB>, ctx: RequestContext, id: string): Promise<string> {
  return db.transaction().execute(async (trx) => {
    if ((await notificationRepository(trx).findEndpoint(id)) === undefined) {
      throw notFound();
    }
    const deliveryId = await enqueueWebhook(
      trx,
      { endpointId: id, event: 'webhook.test', data: { test: true }, caseId: null, isTest: true },
      ctx.now,
    );
    await recordAudit(trx, ctx, {
      action: 'webhook.test',
      entityType: 'webhookEndpoint',
      entityId: id,
      orgPath: null,
      detail: { deliveryId },
    });
    return deliveryId;
  });
}
