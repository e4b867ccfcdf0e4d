// Grid staff may name the account that does the work. Accounts are identity's, which itself reads grid staff, so
// identity hands grids its look-up through src/modules.ts instead of grids importing it.
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';

/** An active account holding a role inside the scope path (the caller's), or undefined. */
export type AccountLookup = (
  db: Kysely<DB>,
  userId: string,
  scopePath: string,
) => Promise<{ id: string; displayName: string } | undefined>;

let lookUp: AccountLookup | null = null;

export function provideAccountLookup(fn: AccountLookup): void {
  lookUp = fn;
}

export function accountInScope(db: Kysely<DB>, userId: string, scopePath: string) {
  if (lookUp === null) {
    throw new Error('grids: no account look-up was provided (src/modules.ts registers it)');
  }
  return lookUp(db, userId, scopePath);
}
