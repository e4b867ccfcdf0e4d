// What every organisation change writes besides itself: an org_event history row and the audit entry, in the caller's transaction.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/index.js';
import type { RequestContext } from '../platform/context.js';
import type { DB } from '../platform/db/schema.js';
import type { OrgRepository } from './repository.js';

export type OrgEventKind = 'create' | 'rename' | 'move' | 'merge' | 'absorb' | 'dissolve' | 'import';

export function actorIdOf(ctx: RequestContext): string | null {
  return ctx.actor.kind === 'user' ? ctx.actor.userId : null;
}

export async function recordOrgChange(
  db: Kysely<DB>,
  repo: OrgRepository,
  ctx: RequestContext,
  org: { id: string; path: string },
  kind: OrgEventKind,
  detail: Record<string, unknown>,
): Promise<void> {
  await repo.insertEvent({
    orgId: org.id,
    kind,
    at: ctx.now,
    actorId: actorIdOf(ctx),
    actorName: ctx.actor.kind === 'user' ? ctx.actor.displayName : null,
    detail,
  });
  await recordAudit(db, ctx, {
    action: `org.${kind}`,
    entityType: 'org',
    entityId: org.id,
    orgPath: org.path,
    detail,
  });
}
