// Which central household (党员中心户) a member heads, for the member's page. Households own that record and hand
// the look-up in through src/modules.ts, so members never imports households (households read members).
import type { Kysely } from 'kysely';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';

export type HeadedHousehold = { id: string; name: string };

export type HeadedHouseholdLookup = (
  db: Kysely<DB>,
  dialect: Dialect,
  memberId: string,
) => Promise<HeadedHousehold | undefined>;

let lookUp: HeadedHouseholdLookup | null = null;

/** Called once by src/modules.ts with the households module's read. */
export function provideHeadedHouseholdLookup(fn: HeadedHouseholdLookup): void {
  lookUp = fn;
}

export async function headedHousehold(
  db: Kysely<DB>,
  dialect: Dialect,
  memberId: string,
): Promise<HeadedHousehold | undefined> {
  if (lookUp === null) {
    throw new Error('members: no central-household look-up was provided (src/modules.ts registers it)');
  }
  return lookUp(db, dialect, memberId);
}
