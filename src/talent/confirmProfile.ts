// Confirms a profile still current (the yearly check, 动态更新): the stale flag goes until a year later.
import type { Kysely } from 'kysely';
import type { Scope } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import type { RequestContext } from '../platform/context.js';
import type { DB } from '../platform/db/schema.js';
import { notFound } from '../platform/errors.js';
import { talentRepository } from './repository.js';

export async function confirmProfile(
  trx: Kysely<DB>,
  ctx: RequestContext,
  scope: Scope,
  id: string,
): Promise<void> {
  const repo = talentRepository(trx);
  const existing = await repo.findById(scope, id);
  if (existing === undefined) {
    throw notFound();
  }
  await repo.updateProfile(id, { confirmed_at: ctx.now, updated_at: ctx.now });
  await recordAudit(trx, ctx, {
    action: 'talent.confirm',
    entityType: 'talent',
    entityId: id,
    orgPath: existing.org_path,
    detail: { previous: existing.confirmed_at },
  });
}
