// Named reads for the linkage (a central-household head's record of a linked household, and the visit plan that
// visits a household in need monthly): a household's relief pairings (结对帮扶) and the help its visits brought, and
// which households have a pairing running. Only who helps (a member's or a unit's name), how often and when: never
// the visit notes, positions, flags or photos.
import type { Kysely } from 'kysely';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { volunteerRepository } from './repository.js';

export type ReliefPairingSummary = {
  id: string;
  helperKind: string;
  helperName: string;
  visitsPerQuarter: number;
  startedAt: number;
  endedAt: number | null;
};

export type ReliefHelpSummary = {
  id: string;
  pairingId: string;
  at: number;
  /** The help given, as recorded (personal numbers already masked); null for a visit that brought none. */
  help: string | null;
};

export type HouseholdRelief = { pairings: ReliefPairingSummary[]; help: ReliefHelpSummary[] };

/** The latest visits listed with a household's relief. */
const HELP_SHOWN = 20;

/**
 * A household's pairings, newest first, and the latest visits of its helpers. Unscoped on purpose: the caller has
 * already limited its reader to the household.
 */
export async function reliefOfHousehold(
  db: Kysely<DB>,
  dialect: Dialect,
  householdId: string,
): Promise<HouseholdRelief> {
  const repo = volunteerRepository(db, dialect);
  const pairings = await repo.pairingsOfHousehold(householdId);
  const visits = await repo.visitsOfPairings(pairings.map((p) => p.id));
  return {
    pairings: pairings.map((p) => ({
      id: p.id,
      helperKind: p.helper_kind,
      helperName: p.helper_name,
      visitsPerQuarter: p.visits_per_quarter,
      startedAt: p.started_at,
      endedAt: p.ended_at,
    })),
    help: visits
      .slice(0, HELP_SHOWN)
      .map((v) => ({ id: v.id, pairingId: v.pairing_id, at: v.started_at, help: v.help })),
  };
}

/** Of the named households, those paired for relief at the instant (a household in need). */
export async function householdsInRelief(
  db: Kysely<DB>,
  dialect: Dialect,
  householdIds: readonly string[],
  at: number,
): Promise<Set<string>> {
  return volunteerRepository(db, dialect).householdsPairedAt(householdIds, at);
}
