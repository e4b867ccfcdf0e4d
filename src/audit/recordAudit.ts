// Appends one audit record; call it inside the same transaction as the write it describes.
import type { Kysely } from 'kysely';
import type { RequestContext } from '../platform/context.js';
import { toDbJson } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string | null;
  orgPath: string | null;
  detail?: Record<string, unknown> | null;
};

export async function recordAudit(db: Kysely<DB>, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  const actor = ctx.actor;
  await db
    .insertInto('audit_log')
    .values({
      at: ctx.now,
      actor_id: actor.kind === 'user' ? actor.userId : null,
      actor_name: actor.kind === 'user' ? actor.displayName : null,
      actor_role: actor.kind === 'user' ? actor.active.role : null,
      ip: ctx.ip,
      request_id: ctx.requestId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      org_path: entry.orgPath,
      detail: toDbJson(entry.detail ?? null),
    })
    .execute();
}
