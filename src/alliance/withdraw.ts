// Undoing on the lists: a member withdraws an item it no longer needs or offers (not while an agreement on it is
// still being carried out), and an agreement not yet delivered is cancelled by either side or the convener — the
// offer's share is freed and the demand is open again unless another agreement still serves it.
import type { Kysely } from 'kysely';
import type { UserActor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { maskPersonalText } from '../cases/index.js';
import type { RequestContext } from '../platform/context.js';
import type { DB } from '../platform/db/schema.js';
import { AppError, notFound } from '../platform/errors.js';
import { msg } from '../platform/i18n.js';
import { holds, invalid, isConvener, requireSide } from './access.js';
import { allianceRepository, type AllianceRow, type ItemRow, type MatchRow } from './repository.js';

const reasonOf = (text: string) => {
  const reason = maskPersonalText(text.trim());
  if (reason === '') {
    throw invalid('reason', '请说明原因', 'Give the reason');
  }
  return reason;
};

export async function withdrawItem(
  trx: Kysely<DB>,
  ctx: RequestContext,
  actor: UserActor,
  alliance: AllianceRow,
  itemId: string,
  input: { reason: string },
): Promise<ItemRow> {
  const repo = allianceRepository(trx);
  await trx
    .updateTable('alliance_item')
    .set({ updated_at: ctx.now })
    .where('id', '=', itemId)
    .where('alliance_id', '=', alliance.id)
    .execute();
  const item = await repo.findItem(alliance.id, itemId);
  if (item === undefined) {
    throw notFound();
  }
  requireSide(
    actor,
    alliance,
    item.owner_path,
    '只有发布单位或牵头单位可以撤回',
    'Only the member that posted it or the convener withdraws it',
  );
  if (item.status !== 'open' && item.status !== 'matched') {
    throw new AppError('alliance.wrong_state');
  }
  const reason = reasonOf(input.reason);
  const matches =
    item.list === 'demand'
      ? await repo.matchesOfDemand(item.id)
      : (await repo.matchesOfAlliance(alliance.id, 10_000)).filter((m) => m.offer_id === item.id);
  if (matches.some((m) => m.status === 'agreed' || m.status === 'delivered')) {
    throw new AppError('alliance.wrong_state', {
      detail: msg(
        '该事项还有未完成的对接，请先取消或完成对接',
        'An agreement on it is still under way: cancel or finish it first',
      ),
    });
  }
  await repo.setItemStatus(item.id, 'withdrawn', ctx.now);
  await recordAudit(trx, ctx, {
    action: 'alliance.item.withdraw',
    entityType: 'allianceItem',
    entityId: item.id,
    orgPath: item.owner_path,
    detail: { list: item.list, reason },
  });
  return { ...item, status: 'withdrawn', updated_at: ctx.now };
}

export async function cancelMatch(
  trx: Kysely<DB>,
  ctx: RequestContext,
  actor: UserActor,
  alliance: AllianceRow,
  matchId: string,
  input: { reason: string },
): Promise<MatchRow> {
  const repo = allianceRepository(trx);
  const found = await repo.findMatch(matchId);
  if (found === undefined || found.alliance_id !== alliance.id) {
    throw notFound();
  }
  // The offer's row first, as agreeing takes it: a concurrent agreement on the offer counts this cancellation.
  await trx
    .updateTable('alliance_item')
    .set({ updated_at: ctx.now })
    .where('id', '=', found.offer_id)
    .execute();
  const match = (await repo.findMatch(matchId))!;
  const demand = await repo.findItem(alliance.id, match.demand_id);
  if (
    !isConvener(actor, alliance) &&
    !holds(actor, match.provider_path) &&
    !(demand !== undefined && holds(actor, demand.owner_path))
  ) {
    throw new AppError('auth.forbidden', {
      detail: msg(
        '只有对接双方或牵头单位可以取消对接',
        'Only either side or the convener cancels an agreement',
      ),
    });
  }
  if (match.status !== 'agreed') {
    throw new AppError('alliance.wrong_state', {
      detail: msg('已落实的对接不能取消', 'A delivered agreement cannot be cancelled'),
    });
  }
  const reason = reasonOf(input.reason);
  const patch = { status: 'cancelled', delivery_note: reason };
  await repo.updateMatch(match.id, patch);
  // The offer is open again if it was fully booked.
  const offer = await repo.findItem(alliance.id, match.offer_id);
  if (offer !== undefined && offer.status === 'matched') {
    const held = (await repo.heldOf([offer.id])).get(offer.id)?.quantity ?? 0;
    if (offer.quantity === null || held < offer.quantity) {
      await repo.setItemStatus(offer.id, 'open', ctx.now);
    }
  }
  // The demand follows what still serves it: nothing (open), all evaluated (done), else still matched.
  if (demand !== undefined && demand.status === 'matched') {
    const rest = (await repo.matchesOfDemand(demand.id)).filter((m) => m.status !== 'cancelled');
    const status =
      rest.length === 0 ? 'open' : rest.every((m) => m.status === 'evaluated') ? 'done' : 'matched';
    if (status !== demand.status) {
      await repo.setItemStatus(demand.id, status, ctx.now);
    }
  }
  await recordAudit(trx, ctx, {
    action: 'alliance.match.cancel',
    entityType: 'allianceMatch',
    entityId: match.id,
    orgPath: match.provider_path,
    detail: { reason },
  });
  return { ...match, ...patch };
}
