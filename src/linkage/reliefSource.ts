// Where the linkage learns of a household's relief (结对帮扶): a port the volunteers module fills, wired in
// src/modules.ts, so the linkage reads relief without importing the volunteers (whose tiles and assessment sources
// read the linkage in turn). Without a source a household has no relief, and the plan counts appeals alone.
import type { Kysely } from 'kysely';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';

export type HouseholdRelief = {
  pairings: {
    id: string;
    helperKind: string;
    helperName: string;
    visitsPerQuarter: number;
    startedAt: number;
    endedAt: number | null;
  }[];
  help: { id: string; pairingId: string; at: number; help: string | null }[];
};

export type ReliefSource = {
  /** A household's pairings and the help their visits brought (who, how often, when; never the visit notes). */
  reliefOf(db: Kysely<DB>, dialect: Dialect, householdId: string): Promise<HouseholdRelief>;
  /** Of the named households, those paired for relief at the instant. */
  inRelief(
    db: Kysely<DB>,
    dialect: Dialect,
    householdIds: readonly string[],
    at: number,
  ): Promise<Set<string>>;
};

const none: ReliefSource = {
  reliefOf: () => Promise.resolve({ pairings: [], help: [] }),
  inRelief: () => Promise.resolve(new Set()),
};

let source: ReliefSource = none;

export function provideHouseholdRelief(provided: ReliefSource): void {
  source = provided;
}

export const householdRelief = (): ReliefSource => source;
