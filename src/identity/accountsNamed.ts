// Accounts found by part of a name or username: the audit log's filter by person. Audit records for identity, so
// identity hands this look-up to it through src/modules.ts.
import type { Kysely } from 'kysely';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { userRepository } from './userRepository.js';

/** Every account, homed or not: the paths of the tree all start at '/'. */
const WHOLE_DISTRICT = { path: '/', isDistrict: true };

/**
 * Ids of the accounts whose display name or username contains the text, at most `limit`. Unscoped on purpose: the
 * audit log uses the ids only to narrow entries it has already held to its reader's scope, and shows no account.
 */
export async function accountIdsNamed(
  db: Kysely<DB>,
  dialect: Dialect,
  text: string,
  limit: number,
): Promise<string[]> {
  const { rows } = await userRepository(db, dialect).list(WHOLE_DISTRICT, { q: text, offset: 0, limit });
  return rows.map((r) => r.id);
}
