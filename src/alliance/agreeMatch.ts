// A demand and an offer are agreed (对接): who delivers what by when. The convener or the demanding member decides.
// A counted offer is never booked past what it has: the offer's row is written first, so two agreements on one offer
// take turns and the second sees the first's share.
import type { Kysely } from 'kysely';
import type { UserActor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { maskPersonalText } from '../cases/index.js';
import type { RequestContext } from '../platform/context.js';
import type { DB } from '../platform/db/schema.js';
import { AppError, notFound } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { invalid, requireSide } from './access.js';
import { allianceRepository, type AllianceRow, type MatchRow } from './repository.js';

export type AgreeInput = { offerId: string; quantity: number | null; dueAt: number; commitment: string };

export async function agreeMatch(
  trx: Kysely<DB>,
  ctx: RequestContext,
  actor: UserActor,
  alliance: AllianceRow,
  demandId: string,
  input: AgreeInput,
): Promise<MatchRow> {
  const repo = allianceRepository(trx);
  const demand = await repo.findItem(alliance.id, demandId);
  if (demand === undefined || demand.list !== 'demand') {
    throw notFound();
  }
  requireSide(
    actor,
    alliance,
    demand.owner_path,
    '只有牵头单位或需求方可以确认对接',
    'Only the convener or the demanding member agrees',
  );
  if (demand.status !== 'open' && demand.status !== 'matched') {
    throw new AppError('alliance.wrong_state');
  }
  if (input.dueAt <= ctx.now) {
    throw invalid('dueAt', '完成期限须晚于现在', 'The due date must be in the future');
  }
  // Take the offer's row first: a concurrent agreement on the same offer waits here and then counts this one.
  await trx
    .updateTable('alliance_item')
    .set({ updated_at: ctx.now })
    .where('id', '=', input.offerId)
    .where('alliance_id', '=', alliance.id)
    .execute();
  const offer = await repo.findItem(alliance.id, input.offerId);
  if (offer === undefined || offer.list === 'demand') {
    throw notFound();
  }
  if (offer.status !== 'open' || offer.kind !== demand.kind || offer.owner_org_id === demand.owner_org_id) {
    throw new AppError('alliance.wrong_state');
  }
  let quantity: number | null = null;
  if (offer.quantity !== null) {
    const held = (await repo.heldOf([offer.id])).get(offer.id)?.quantity ?? 0;
    const remaining = offer.quantity - held;
    quantity = input.quantity ?? Math.min(remaining, demand.quantity ?? remaining);
    if (quantity <= 0 || quantity > remaining) {
      throw new AppError('alliance.no_capacity', {
        errors: [{ field: 'quantity', message: `${String(Math.max(0, remaining))} left` }],
      });
    }
    if (held + quantity >= offer.quantity) {
      await repo.setItemStatus(offer.id, 'matched', ctx.now);
    }
  } else if (input.quantity !== null) {
    quantity = input.quantity;
  }
  const commitment = maskPersonalText(input.commitment.trim());
  if (commitment === '') {
    throw invalid('commitment', '请写明由谁在何时提供什么', 'Write who delivers what');
  }
  const row: MatchRow = {
    id: newId(ctx.now),
    alliance_id: alliance.id,
    demand_id: demand.id,
    offer_id: offer.id,
    provider_org_id: offer.owner_org_id,
    provider_path: offer.owner_path,
    quantity,
    commitment,
    due_at: input.dueAt,
    status: 'agreed',
    agreed_by: actor.userId,
    agreed_at: ctx.now,
    delivered_at: null,
    delivery_note: null,
    delivered_by: null,
    rating: null,
    evaluation_note: null,
    evaluated_at: null,
    evaluated_by: null,
  };
  await repo.insertMatch(row);
  if (demand.status === 'open') {
    await repo.setItemStatus(demand.id, 'matched', ctx.now);
  }
  await recordAudit(trx, ctx, {
    action: 'alliance.match.agree',
    entityType: 'allianceMatch',
    entityId: row.id,
    orgPath: demand.owner_path,
    detail: { demandId: demand.id, offerId: offer.id, quantity },
  });
  return row;
}
