// Creates or changes one category as a new catalogue version, for the catalogue page and the published service list
// alike, so both land in the one version history. The caller holds catalogue.write and runs it in a transaction.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../audit/index.js';
import type { RequestContext } from '../../platform/context.js';
import type { Dialect } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { tellCatalogueSaved } from '../hooks.js';
import { catalogueRepository, type Category } from './repository.js';

export async function saveCategory(
  trx: Kysely<DB>,
  dialect: Dialect,
  ctx: RequestContext,
  category: Category,
  note: string | null,
): Promise<number> {
  const { code, depth, parentCode } = category;
  if (
    code.length !== depth * 2 ||
    (depth > 1 && parentCode !== code.slice(0, code.length - 2)) ||
    (depth === 1 && parentCode !== null)
  ) {
    throw new AppError('request.invalid', {
      errors: [{ field: 'parentCode', message: 'code, depth and parent do not fit the three-level tree' }],
    });
  }
  const repo = catalogueRepository(trx);
  if (parentCode !== null && (await repo.find(parentCode)) === undefined) {
    throw new AppError('request.invalid', { errors: [{ field: 'parentCode', message: 'unknown parent' }] });
  }
  await repo.upsert(category);
  const actorUserId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  const version = await repo.snapshotNow(actorUserId, note, ctx.now);
  await recordAudit(trx, ctx, {
    action: 'catalogue.save',
    entityType: 'category',
    entityId: code,
    orgPath: null,
    detail: { version },
  });
  await tellCatalogueSaved(trx, dialect, { what: 'category', version, code, actorUserId, now: ctx.now });
  return version;
}
