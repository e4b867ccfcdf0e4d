// What a client sees of an alliance. Texts were masked when written (a phone typed into a demand never shows); the
// public page shows members, open demands and projects, never who wrote them.
import type { UserActor } from '../access/index.js';
import { isConvener, holds } from './access.js';
import type { AllianceRow, ItemRow, MatchRow, MemberRow } from './repository.js';
import type { Suggestion } from './suggestOffers.js';
import type { ItemKind, ItemStatus, ListName, MatchStatus } from './vocabulary.js';

export type OrgName = { name: string; level: string; type: string };
export type Names = ReadonlyMap<string, OrgName>;

const nameOf = (names: Names, id: string) => names.get(id)?.name ?? '';

export function presentAlliance(a: AllianceRow, names: Names, memberCount: number, actor: UserActor | null) {
  return {
    id: a.id,
    name: a.name,
    charter: a.charter,
    orgId: a.org_id,
    orgName: nameOf(names, a.org_id),
    orgLevel: names.get(a.org_id)?.level ?? '',
    memberCount,
    createdAt: a.created_at,
    abilities: { manage: actor !== null && isConvener(actor, a) },
  };
}

export function presentMember(m: MemberRow, names: Names, actor: UserActor | null, alliance: AllianceRow) {
  return {
    orgId: m.org_id,
    orgName: nameOf(names, m.org_id),
    orgLevel: names.get(m.org_id)?.level ?? '',
    orgType: names.get(m.org_id)?.type ?? '',
    commitment: m.commitment,
    signedAt: m.signed_at,
    isConvener: m.org_id === alliance.org_id,
    isMine: actor !== null && holds(actor, m.org_path),
  };
}

/** `underAgreement`: the items with an agreement under way, which cannot be withdrawn until it is settled. */
export function presentItem(
  i: ItemRow,
  names: Names,
  actor: UserActor,
  alliance: AllianceRow,
  underAgreement: ReadonlySet<string> = new Set(),
) {
  const mine = holds(actor, i.owner_path) || isConvener(actor, alliance);
  return {
    id: i.id,
    list: i.list as ListName,
    kind: i.kind as ItemKind,
    title: i.title,
    detail: i.detail,
    quantity: i.quantity,
    availableFrom: i.available_from,
    availableTo: i.available_to,
    neededBy: i.needed_by,
    source: i.source,
    sourceId: i.source_id,
    status: i.status as ItemStatus,
    ownerOrgId: i.owner_org_id,
    ownerName: nameOf(names, i.owner_org_id),
    createdAt: i.created_at,
    abilities: {
      match: i.list === 'demand' && mine && (i.status === 'open' || i.status === 'matched'),
      withdraw: mine && (i.status === 'open' || i.status === 'matched') && !underAgreement.has(i.id),
    },
  };
}

export function presentMatch(
  m: MatchRow,
  names: Names,
  actor: UserActor,
  alliance: AllianceRow,
  demand: ItemRow | undefined,
) {
  const convener = isConvener(actor, alliance);
  return {
    id: m.id,
    demandId: m.demand_id,
    offerId: m.offer_id,
    providerOrgId: m.provider_org_id,
    providerName: nameOf(names, m.provider_org_id),
    quantity: m.quantity,
    commitment: m.commitment,
    dueAt: m.due_at,
    status: m.status as MatchStatus,
    agreedAt: m.agreed_at,
    deliveredAt: m.delivered_at,
    deliveryNote: m.delivery_note,
    onTime: m.delivered_at === null ? null : m.delivered_at <= m.due_at,
    rating: m.rating,
    evaluationNote: m.evaluation_note,
    evaluatedAt: m.evaluated_at,
    abilities: {
      deliver: m.status === 'agreed' && (convener || holds(actor, m.provider_path)),
      evaluate:
        m.status === 'delivered' && (convener || (demand !== undefined && holds(actor, demand.owner_path))),
      cancel:
        m.status === 'agreed' &&
        (convener ||
          holds(actor, m.provider_path) ||
          (demand !== undefined && holds(actor, demand.owner_path))),
    },
  };
}

export function presentSuggestion(s: Suggestion, names: Names) {
  return {
    offerId: s.offer.id,
    list: s.offer.list as ListName,
    title: s.offer.title,
    detail: s.offer.detail,
    ownerOrgId: s.offer.owner_org_id,
    ownerName: nameOf(names, s.offer.owner_org_id),
    quantity: s.offer.quantity,
    remaining: s.remaining,
    availableFrom: s.offer.available_from,
    availableTo: s.offer.available_to,
    score: s.score,
    reasons: s.reasons,
  };
}

export function presentPublicItem(i: ItemRow, names: Names) {
  return {
    id: i.id,
    list: i.list as ListName,
    kind: i.kind as ItemKind,
    title: i.title,
    detail: i.detail,
    status: i.status as ItemStatus,
    ownerName: nameOf(names, i.owner_org_id),
    neededBy: i.needed_by,
    createdAt: i.created_at,
  };
}
