// The household's word on a settlement: confirmed, the appeal is settled at that level; refused, it is open again
// at the same level with a fresh limit. Recorded by the household's head (the caller holds 'linkage.serve' and the
// head seat is checked here) or by the household itself on the public tracking page (the code is its secret).
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/index.js';
import type { UserActor } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { AppError, notFound } from '../platform/errors.js';
import { appealFor, viewerOf } from './access.js';
import { linkageRepository, type AppealRow } from './repository.js';
import { applyAppealStep } from './transition.js';

export type Confirmation = { isConfirmed: boolean; comment: string | null };

async function confirm(
  trx: Kysely<DB>,
  database: Database,
  ctx: RequestContext,
  appeal: AppealRow,
  by: { id: string | null; name: string | null },
  input: Confirmation,
): Promise<AppealRow> {
  if (appeal.status !== 'awaitingConfirmation') {
    throw new AppError('linkage.not_awaiting_confirmation');
  }
  const next = await applyAppealStep(trx, database.dialect, ctx.now, appeal, {
    action: input.isConfirmed ? 'confirm' : 'reject',
    actor: by,
    toStatus: input.isConfirmed ? 'settled' : 'open',
    reason: input.comment?.trim() ?? null,
  });
  await recordAudit(trx, ctx, {
    action: input.isConfirmed ? 'linkage.appeal.confirm' : 'linkage.appeal.reject',
    entityType: 'linkageAppeal',
    entityId: appeal.id,
    orgPath: appeal.org_path,
    detail: { level: appeal.level, by: by.id === null ? 'household' : 'head' },
  });
  return next;
}

export async function confirmSettlement(
  database: Database,
  ctx: RequestContext,
  actor: UserActor,
  appealId: string,
  input: Confirmation,
): Promise<AppealRow> {
  const viewer = await viewerOf(database.db, database.dialect, actor);
  return database.db.transaction().execute(async (trx) => {
    const appeal = await appealFor(trx, database.dialect, viewer, appealId);
    if (viewer.head?.central.id !== appeal.central_household_id) {
      throw new AppError('linkage.not_head');
    }
    return confirm(trx, database, ctx, appeal, { id: viewer.head.userId, name: viewer.head.name }, input);
  });
}

export async function confirmSettlementByCode(
  database: Database,
  ctx: RequestContext,
  code: string,
  input: Confirmation,
): Promise<AppealRow> {
  return database.db.transaction().execute(async (trx) => {
    const found = await linkageRepository(trx, database.dialect).findByTracking(code);
    if (found === undefined) {
      throw notFound();
    }
    const appeal = await linkageRepository(trx, database.dialect).findAppealForUpdate(found.id);
    return confirm(trx, database, ctx, appeal!, { id: null, name: null }, input);
  });
}
