// All SQL of the alliance's joint meetings and brand projects. The caller has found the alliance in its scope first
// (allianceRepository.findVisible); everything here is read and written within that one alliance.
import type { Kysely } from 'kysely';
import { fromDbJson, repathColumn, toDbJson } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import type { AllianceBrandEventTable, AllianceBrandTable, AllianceMeetingTable } from './tables.js';

/** A partner in a brand project's chain: a member organisation and what it brings. */
export type Partner = { orgId: string; contribution: string };

export type MeetingRow = AllianceMeetingTable;
export type BrandRow = AllianceBrandTable;
export type BrandEventRow = AllianceBrandEventTable;

/** The stages a brand project shows on the alliance's public page (accepted and under way). */
export const PUBLIC_STAGES = ['incubating', 'filling', 'strengthening'] as const;

export function allianceProjectRepository(db: Kysely<DB>) {
  return {
    async insertMeeting(row: MeetingRow): Promise<void> {
      await db.insertInto('alliance_meeting').values(row).execute();
    },

    async findMeeting(allianceId: string, id: string): Promise<MeetingRow | undefined> {
      return db
        .selectFrom('alliance_meeting')
        .selectAll()
        .where('alliance_id', '=', allianceId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async updateMeeting(id: string, patch: Partial<MeetingRow>): Promise<void> {
      await db.updateTable('alliance_meeting').set(patch).where('id', '=', id).execute();
    },

    /** The alliance's meetings, the latest scheduled first. */
    async meetings(allianceId: string, limit: number): Promise<MeetingRow[]> {
      return db
        .selectFrom('alliance_meeting')
        .selectAll()
        .where('alliance_id', '=', allianceId)
        .orderBy('scheduled_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
    },

    async insertBrand(row: BrandRow): Promise<void> {
      await db.insertInto('alliance_brand').values(row).execute();
    },

    async findBrand(allianceId: string, id: string): Promise<BrandRow | undefined> {
      return db
        .selectFrom('alliance_brand')
        .selectAll()
        .where('alliance_id', '=', allianceId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async updateBrand(id: string, patch: Partial<BrandRow>): Promise<void> {
      await db.updateTable('alliance_brand').set(patch).where('id', '=', id).execute();
    },

    async brands(
      allianceId: string,
      stages: readonly string[] | undefined,
      limit: number,
    ): Promise<BrandRow[]> {
      return db
        .selectFrom('alliance_brand')
        .selectAll()
        .where('alliance_id', '=', allianceId)
        .$if(stages !== undefined && stages.length > 0, (q) => q.where('stage', 'in', stages!))
        .orderBy('updated_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
    },

    async insertEvent(row: BrandEventRow): Promise<void> {
      await db.insertInto('alliance_brand_event').values(row).execute();
    },

    async findEvent(brandId: string, id: string): Promise<BrandEventRow | undefined> {
      return db
        .selectFrom('alliance_brand_event')
        .selectAll()
        .where('brand_id', '=', brandId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async updateEvent(id: string, patch: Partial<BrandEventRow>): Promise<void> {
      await db.updateTable('alliance_brand_event').set(patch).where('id', '=', id).execute();
    },

    /** A brand project's record, oldest first. */
    async events(brandId: string): Promise<BrandEventRow[]> {
      return db
        .selectFrom('alliance_brand_event')
        .selectAll()
        .where('brand_id', '=', brandId)
        .orderBy('at')
        .orderBy('id')
        .execute();
    },

    async repath(oldPrefix: string, newPrefix: string): Promise<void> {
      await repathColumn(db, 'alliance_meeting', 'org_path', oldPrefix, newPrefix);
      await repathColumn(db, 'alliance_brand', 'org_path', oldPrefix, newPrefix);
      await repathColumn(db, 'alliance_brand', 'lead_path', oldPrefix, newPrefix);
    },

    /**
     * Org hook: a brand project led by a merged organisation is led by the one it merged into, and the organisation
     * ids inside a meeting's attendees and a brand's partners are rewritten (a partner named twice keeps one entry with
     * both contributions; a partner that became the lead leaves the chain). Runs after the lead's own update.
     */
    async reassign(from: { id: string }, to: { id: string; path: string }): Promise<void> {
      await db
        .updateTable('alliance_brand')
        .set({ lead_org_id: to.id, lead_path: to.path })
        .where('lead_org_id', '=', from.id)
        .execute();
      const named = `%${JSON.stringify(from.id)}%`;
      const meetings = await db
        .selectFrom('alliance_meeting')
        .select(['id', 'attendees'])
        .where('attendees', 'like', named)
        .execute();
      for (const m of meetings) {
        const ids = (fromDbJson<string[]>(m.attendees) ?? []).map((id) => (id === from.id ? to.id : id));
        const attendees = toDbJson([...new Set(ids)]) ?? '[]';
        await db.updateTable('alliance_meeting').set({ attendees }).where('id', '=', m.id).execute();
      }
      const brands = await db
        .selectFrom('alliance_brand')
        .select(['id', 'lead_org_id', 'partners'])
        .where((w) =>
          w.or([
            w('partners', 'like', named),
            w.and([w('lead_org_id', '=', to.id), w('partners', 'like', `%${JSON.stringify(to.id)}%`)]),
          ]),
        )
        .execute();
      for (const b of brands) {
        const merged = new Map<string, Partner>();
        for (const p of fromDbJson<Partner[]>(b.partners) ?? []) {
          const orgId = p.orgId === from.id ? to.id : p.orgId;
          // The lead is not its own partner.
          if (orgId === b.lead_org_id) {
            continue;
          }
          const before = merged.get(orgId);
          merged.set(orgId, {
            orgId,
            contribution: before ? `${before.contribution}；${p.contribution}` : p.contribution,
          });
        }
        const partners = toDbJson([...merged.values()]) ?? '[]';
        await db.updateTable('alliance_brand').set({ partners }).where('id', '=', b.id).execute();
      }
    },
  };
}
