// Suggestions for a demand (供需对接): the open resources and projects of the other members that can meet it, ranked.
// An offer of another kind, one that is fully booked, one that has expired or one that only becomes available after
// the demand is needed is left out; the rest are scored on place (the same community, then the same town), whether
// what is left covers what is needed, how soon it is available and how its provider delivered before. A person
// decides; the score only orders the list.
import type { ItemRow } from './repository.js';

export type Suggestion = {
  offer: ItemRow;
  /** What is left of a counted offer after the matches holding it; null when the offer is not counted. */
  remaining: number | null;
  score: number;
  reasons: SuggestionReason[];
};

export type SuggestionReason =
  | 'sameVillage'
  | 'sameTown'
  | 'covers'
  | 'partly'
  | 'availableNow'
  | 'delivered'
  | 'wellRated'
  | 'poorlyRated';

type Held = ReadonlyMap<string, { count: number; quantity: number }>;
type Record = ReadonlyMap<string, { delivered: number; rating: number | null }>;

/** How many leading path segments two organisations share: 1 the district, 2 the town, 3 the village. */
function sharedDepth(a: string, b: string): number {
  const x = a.split('/').filter((s) => s !== '');
  const y = b.split('/').filter((s) => s !== '');
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) {
    n += 1;
  }
  return n;
}

export function rankOffers(
  demand: ItemRow,
  offers: readonly ItemRow[],
  held: Held,
  record: Record,
  now: number,
): Suggestion[] {
  const out: Suggestion[] = [];
  for (const offer of offers) {
    if (
      offer.id === demand.id ||
      offer.list === 'demand' ||
      offer.status !== 'open' ||
      offer.kind !== demand.kind ||
      offer.owner_org_id === demand.owner_org_id
    ) {
      continue;
    }
    if (offer.available_to !== null && offer.available_to < now) {
      continue;
    }
    if (
      demand.needed_by !== null &&
      offer.available_from !== null &&
      offer.available_from > demand.needed_by
    ) {
      continue;
    }
    const remaining = offer.quantity === null ? null : offer.quantity - (held.get(offer.id)?.quantity ?? 0);
    if (remaining !== null && remaining <= 0) {
      continue;
    }
    const reasons: SuggestionReason[] = [];
    let score = offer.list === 'resource' ? 40 : 30;
    const depth = sharedDepth(demand.owner_path, offer.owner_path);
    if (depth >= 3) {
      score += 30;
      reasons.push('sameVillage');
    } else if (depth === 2) {
      score += 15;
      reasons.push('sameTown');
    }
    if (demand.quantity !== null && remaining !== null) {
      if (remaining >= demand.quantity) {
        score += 15;
        reasons.push('covers');
      } else {
        score += 5;
        reasons.push('partly');
      }
    } else {
      score += 10;
    }
    if (offer.available_from === null || offer.available_from <= now) {
      score += 5;
      reasons.push('availableNow');
    }
    const past = record.get(offer.owner_org_id);
    if (past !== undefined && past.delivered > 0) {
      score += Math.min(10, past.delivered * 2);
      reasons.push('delivered');
      if (past.rating !== null && past.rating >= 4) {
        score += Math.round((past.rating - 3) * 5);
        reasons.push('wellRated');
      } else if (past.rating !== null && past.rating < 3) {
        score -= Math.round((3 - past.rating) * 5);
        reasons.push('poorlyRated');
      }
    }
    out.push({ offer, remaining, score, reasons });
  }
  return out.sort(
    (a, b) =>
      b.score - a.score || a.offer.created_at - b.offer.created_at || a.offer.id.localeCompare(b.offer.id),
  );
}
