// Members' names, masked, for records that name a member to people who may not see the member's page (the audit
// log's reveal entries). Scoped: a member outside the reader's scope is not named.
import type { Kysely } from 'kysely';
import type { Scope } from '../access/index.js';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { maskName } from './idNumber.js';
import { memberRepository } from './repository.js';

export async function maskedMemberNames(
  reader: { db: Kysely<DB>; dialect: Dialect; scope: Scope },
  ids: readonly string[],
): Promise<Map<string, string>> {
  const members = memberRepository(reader.db, reader.dialect);
  const out = new Map<string, string>();
  for (const id of new Set(ids)) {
    const row = await members.findById(reader.scope, id);
    if (row !== undefined) {
      out.set(id, maskName(row.name));
    }
  }
  return out;
}
