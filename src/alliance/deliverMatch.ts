// What an agreement leads to: the provider records the delivery (what was done, the evidence), the demanding side
// evaluates it (1–5 and a word). A demand is done once every agreement on it is evaluated.
import type { Kysely } from 'kysely';
import type { UserActor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { maskPersonalText } from '../cases/index.js';
import type { RequestContext } from '../platform/context.js';
import type { DB } from '../platform/db/schema.js';
import { AppError, notFound } from '../platform/errors.js';
import { invalid, requireSide } from './access.js';
import { allianceRepository, type AllianceRow, type MatchRow } from './repository.js';

async function matchOf(trx: Kysely<DB>, alliance: AllianceRow, id: string): Promise<MatchRow> {
  const match = await allianceRepository(trx).findMatch(id);
  if (match === undefined || match.alliance_id !== alliance.id) {
    throw notFound();
  }
  return match;
}

export async function recordDelivery(
  trx: Kysely<DB>,
  ctx: RequestContext,
  actor: UserActor,
  alliance: AllianceRow,
  matchId: string,
  input: { note: string },
): Promise<MatchRow> {
  const match = await matchOf(trx, alliance, matchId);
  requireSide(
    actor,
    alliance,
    match.provider_path,
    '只有提供方或牵头单位可以登记落实情况',
    'Only the provider or the convener records delivery',
  );
  if (match.status !== 'agreed') {
    throw new AppError('alliance.wrong_state');
  }
  const note = maskPersonalText(input.note.trim());
  if (note === '') {
    throw invalid('note', '请写明落实情况', 'Write what was delivered');
  }
  const patch = {
    status: 'delivered',
    delivered_at: ctx.now,
    delivery_note: note,
    delivered_by: actor.userId,
  };
  await allianceRepository(trx).updateMatch(match.id, patch);
  await recordAudit(trx, ctx, {
    action: 'alliance.match.deliver',
    entityType: 'allianceMatch',
    entityId: match.id,
    orgPath: match.provider_path,
    detail: { onTime: ctx.now <= match.due_at },
  });
  return { ...match, ...patch };
}

export async function evaluateDelivery(
  trx: Kysely<DB>,
  ctx: RequestContext,
  actor: UserActor,
  alliance: AllianceRow,
  matchId: string,
  input: { rating: number; note: string },
): Promise<MatchRow> {
  const repo = allianceRepository(trx);
  const match = await matchOf(trx, alliance, matchId);
  const demand = await repo.findItem(alliance.id, match.demand_id);
  if (demand === undefined) {
    throw notFound();
  }
  requireSide(
    actor,
    alliance,
    demand.owner_path,
    '只有需求方或牵头单位可以评价',
    'Only the demanding member or the convener evaluates',
  );
  if (match.status !== 'delivered') {
    throw new AppError('alliance.wrong_state');
  }
  if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) {
    throw invalid('rating', '评价为 1 到 5 分', 'The rating is 1 to 5');
  }
  const patch = {
    status: 'evaluated',
    rating: input.rating,
    evaluation_note: maskPersonalText(input.note.trim()),
    evaluated_at: ctx.now,
    evaluated_by: actor.userId,
  };
  await repo.updateMatch(match.id, patch);
  const all = await repo.matchesOfDemand(demand.id);
  const isDone = all
    .filter((m) => m.status !== 'cancelled')
    .every((m) => (m.id === match.id ? true : m.status === 'evaluated'));
  if (isDone) {
    await repo.setItemStatus(demand.id, 'done', ctx.now);
  }
  await recordAudit(trx, ctx, {
    action: 'alliance.match.evaluate',
    entityType: 'allianceMatch',
    entityId: match.id,
    orgPath: demand.owner_path,
    detail: { rating: input.rating },
  });
  return { ...match, ...patch };
}
