// All SQL of the alliance: alliances, members, list items and matches. An alliance is seen by callers whose scope
// holds its convening organisation or one of its members; anything else is simply not found.
import type { Kysely } from 'kysely';
import type { Scope } from '../access/index.js';
import { repathColumn, subtreeUpper } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import type { AllianceItemTable, AllianceMatchTable, AllianceMemberTable, AllianceTable } from './tables.js';

export type AllianceRow = AllianceTable;
export type MemberRow = AllianceMemberTable;
export type ItemRow = AllianceItemTable;
export type MatchRow = AllianceMatchTable;

/** Matches that hold part of an offer: agreed and not yet delivered, or delivered (the offer was used). */
export const HOLDING_STATUSES = ['agreed', 'delivered', 'evaluated'] as const;

export type ItemFilter = {
  list?: string;
  statuses?: readonly string[];
  ownerPath?: string;
  limit: number;
};

export function allianceRepository(db: Kysely<DB>) {
  const under = (scope: Scope) => ({ from: scope.path, to: subtreeUpper(scope.path) });

  return {
    /** Alliances convened in the scope, or with a member in it. */
    async listVisible(scope: Scope): Promise<AllianceRow[]> {
      const r = under(scope);
      return db
        .selectFrom('alliance')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb.and([eb('org_path', '>=', r.from), eb('org_path', '<', r.to)]),
            eb(
              'id',
              'in',
              eb
                .selectFrom('alliance_member')
                .select('alliance_id')
                .where('left_at', 'is', null)
                .where('org_path', '>=', r.from)
                .where('org_path', '<', r.to),
            ),
          ]),
        )
        .orderBy('org_path')
        .execute();
    },

    async findVisible(scope: Scope, id: string): Promise<AllianceRow | undefined> {
      const r = under(scope);
      return db
        .selectFrom('alliance')
        .selectAll()
        .where('id', '=', id)
        .where((eb) =>
          eb.or([
            eb.and([eb('org_path', '>=', r.from), eb('org_path', '<', r.to)]),
            eb.exists(
              eb
                .selectFrom('alliance_member')
                .select('alliance_member.alliance_id')
                .whereRef('alliance_member.alliance_id', '=', 'alliance.id')
                .where('left_at', 'is', null)
                .where('alliance_member.org_path', '>=', r.from)
                .where('alliance_member.org_path', '<', r.to),
            ),
          ]),
        )
        .executeTakeFirst();
    },

    /** Unscoped: the public page of an alliance shows its members and open lists to anyone. */
    async findPublic(id: string): Promise<AllianceRow | undefined> {
      return db.selectFrom('alliance').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async findByOrg(orgId: string): Promise<AllianceRow | undefined> {
      return db.selectFrom('alliance').selectAll().where('org_id', '=', orgId).executeTakeFirst();
    },

    async insertAlliance(row: AllianceRow): Promise<void> {
      await db.insertInto('alliance').values(row).execute();
    },

    async members(allianceId: string): Promise<MemberRow[]> {
      return db
        .selectFrom('alliance_member')
        .selectAll()
        .where('alliance_id', '=', allianceId)
        .where('left_at', 'is', null)
        .orderBy('org_path')
        .execute();
    },

    async findMember(allianceId: string, orgId: string): Promise<MemberRow | undefined> {
      return db
        .selectFrom('alliance_member')
        .selectAll()
        .where('alliance_id', '=', allianceId)
        .where('org_id', '=', orgId)
        .where('left_at', 'is', null)
        .executeTakeFirst();
    },

    async upsertMember(row: MemberRow): Promise<void> {
      await db
        .insertInto('alliance_member')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['alliance_id', 'org_id']).doUpdateSet({
            commitment: row.commitment,
            signed_at: row.signed_at,
            left_at: null,
            org_path: row.org_path,
          }),
        )
        .execute();
    },

    async insertItem(row: ItemRow): Promise<void> {
      await db.insertInto('alliance_item').values(row).execute();
    },

    async findItem(allianceId: string, id: string): Promise<ItemRow | undefined> {
      return db
        .selectFrom('alliance_item')
        .selectAll()
        .where('alliance_id', '=', allianceId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** An item of an alliance the caller may see (the alliance is checked by the caller first). */
    async findItemById(id: string): Promise<ItemRow | undefined> {
      return db.selectFrom('alliance_item').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async items(allianceId: string, f: ItemFilter): Promise<ItemRow[]> {
      let q = db.selectFrom('alliance_item').selectAll().where('alliance_id', '=', allianceId);
      if (f.list !== undefined) {
        q = q.where('list', '=', f.list);
      }
      if (f.statuses !== undefined && f.statuses.length > 0) {
        q = q.where('status', 'in', f.statuses);
      }
      if (f.ownerPath !== undefined) {
        q = q.where('owner_path', '>=', f.ownerPath).where('owner_path', '<', subtreeUpper(f.ownerPath));
      }
      return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
    },

    async setItemStatus(id: string, status: string, at: number): Promise<void> {
      await db.updateTable('alliance_item').set({ status, updated_at: at }).where('id', '=', id).execute();
    },

    async insertMatch(row: MatchRow): Promise<void> {
      await db.insertInto('alliance_match').values(row).execute();
    },

    async findMatch(id: string): Promise<MatchRow | undefined> {
      return db.selectFrom('alliance_match').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async updateMatch(id: string, patch: Partial<MatchRow>): Promise<void> {
      await db.updateTable('alliance_match').set(patch).where('id', '=', id).execute();
    },

    async matchesOfDemand(demandId: string): Promise<MatchRow[]> {
      return db
        .selectFrom('alliance_match')
        .selectAll()
        .where('demand_id', '=', demandId)
        .orderBy('agreed_at')
        .execute();
    },

    /** Of the given items, those with an agreement under way (agreed or delivered, not yet evaluated). */
    async itemsUnderAgreement(allianceId: string, itemIds: readonly string[]): Promise<Set<string>> {
      if (itemIds.length === 0) {
        return new Set();
      }
      const rows = await db
        .selectFrom('alliance_match')
        .select(['demand_id', 'offer_id'])
        .where('alliance_id', '=', allianceId)
        .where('status', 'in', ['agreed', 'delivered'])
        .where((eb) => eb.or([eb('demand_id', 'in', itemIds), eb('offer_id', 'in', itemIds)]))
        .execute();
      return new Set(rows.flatMap((r) => [r.demand_id, r.offer_id]));
    },

    async matchesOfAlliance(allianceId: string, limit: number): Promise<MatchRow[]> {
      return db
        .selectFrom('alliance_match')
        .selectAll()
        .where('alliance_id', '=', allianceId)
        .orderBy('agreed_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
    },

    /** What is already held of each offer by matches (agreed, delivered or evaluated), by offer id. */
    async heldOf(offerIds: readonly string[]): Promise<Map<string, { count: number; quantity: number }>> {
      const out = new Map<string, { count: number; quantity: number }>();
      if (offerIds.length === 0) {
        return out;
      }
      const rows = await db
        .selectFrom('alliance_match')
        .select((eb) => [
          'offer_id',
          eb.fn.countAll<number | string>().as('n'),
          eb.fn.sum<number | string | null>('quantity').as('q'),
        ])
        .where('offer_id', 'in', [...offerIds])
        .where('status', 'in', [...HOLDING_STATUSES])
        .groupBy('offer_id')
        .execute();
      for (const r of rows) {
        out.set(r.offer_id, { count: Number(r.n), quantity: Number(r.q ?? 0) });
      }
      return out;
    },

    /** Past deliveries of each provider (evaluated ones with their ratings), for ranking suggestions. */
    async deliveryRecord(
      providerIds: readonly string[],
    ): Promise<Map<string, { delivered: number; rating: number | null }>> {
      const out = new Map<string, { delivered: number; rating: number | null }>();
      if (providerIds.length === 0) {
        return out;
      }
      const rows = await db
        .selectFrom('alliance_match')
        .select((eb) => [
          'provider_org_id',
          eb.fn.countAll<number | string>().as('n'),
          eb.fn.avg<number | string | null>('rating').as('r'),
        ])
        .where('provider_org_id', 'in', [...providerIds])
        .where('status', 'in', ['delivered', 'evaluated'])
        .groupBy('provider_org_id')
        .execute();
      for (const r of rows) {
        out.set(r.provider_org_id, { delivered: Number(r.n), rating: r.r === null ? null : Number(r.r) });
      }
      return out;
    },

    /**
     * A unit's part in every alliance, for the numbers: the items its organisations own, the agreements on their
     * demands, and its organisations that are members (the district's part is every alliance).
     */
    async numbersUnder(path: string, period: { from: number; to: number }, allianceId: string | null) {
      const to = subtreeUpper(path);
      const items = await db
        .selectFrom('alliance_item')
        .select(['id', 'list', 'status', 'owner_path', 'created_at'])
        .where('owner_path', '>=', path)
        .where('owner_path', '<', to)
        .$if(allianceId !== null, (q) => q.where('alliance_id', '=', allianceId!))
        .execute();
      const matches = await db
        .selectFrom('alliance_match')
        .innerJoin('alliance_item as demand', 'demand.id', 'alliance_match.demand_id')
        .select([
          'alliance_match.offer_id',
          'alliance_match.status',
          'alliance_match.due_at',
          'alliance_match.delivered_at',
          'alliance_match.rating',
          'alliance_match.agreed_at',
          'alliance_match.provider_path',
        ])
        .where('demand.owner_path', '>=', path)
        .where('demand.owner_path', '<', to)
        .where('alliance_match.agreed_at', '>=', period.from)
        .where('alliance_match.agreed_at', '<', period.to)
        .$if(allianceId !== null, (q) => q.where('alliance_match.alliance_id', '=', allianceId!))
        .execute();
      const members = await db
        .selectFrom('alliance_member')
        .select(['org_id'])
        .where('org_path', '>=', path)
        .where('org_path', '<', to)
        .where('left_at', 'is', null)
        .$if(allianceId !== null, (q) => q.where('alliance_id', '=', allianceId!))
        .execute();
      return { items, matches, members };
    },

    async repath(oldPrefix: string, newPrefix: string): Promise<void> {
      await repathColumn(db, 'alliance', 'org_path', oldPrefix, newPrefix);
      await repathColumn(db, 'alliance_member', 'org_path', oldPrefix, newPrefix);
      await repathColumn(db, 'alliance_item', 'owner_path', oldPrefix, newPrefix);
      await repathColumn(db, 'alliance_match', 'provider_path', oldPrefix, newPrefix);
    },

    /** Org hook: what a merged organisation held in the alliance passes to the one it merged into. */
    async reassign(from: { id: string }, to: { id: string; path: string }): Promise<void> {
      // Where both were members of one alliance, the target's membership and its commitment stand.
      await db
        .deleteFrom('alliance_member')
        .where('org_id', '=', from.id)
        .where('alliance_id', 'in', (q) =>
          q.selectFrom('alliance_member').select('alliance_id').where('org_id', '=', to.id),
        )
        .execute();
      await db
        .updateTable('alliance')
        .set({ org_id: to.id, org_path: to.path })
        .where('org_id', '=', from.id)
        .execute();
      await db
        .updateTable('alliance_member')
        .set({ org_id: to.id, org_path: to.path })
        .where('org_id', '=', from.id)
        .execute();
      await db
        .updateTable('alliance_item')
        .set({ owner_org_id: to.id, owner_path: to.path })
        .where('owner_org_id', '=', from.id)
        .execute();
      await db
        .updateTable('alliance_match')
        .set({ provider_org_id: to.id, provider_path: to.path })
        .where('provider_org_id', '=', from.id)
        .execute();
    },
  };
}
