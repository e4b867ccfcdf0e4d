// A named read for the regional alliance: an appeal of the chain in the caller's scope, by id, as a demand born of
// it names it (its tracking code and where it sits, never its text), or none.
import type { Kysely } from 'kysely';
import type { Scope } from '../access/index.js';
import { subtreeUpper, type Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { linkageRepository } from './repository.js';

export type AppealRef = { id: string; trackingCode: string; orgPath: string };

export async function linkageAppealRef(
  db: Kysely<DB>,
  dialect: Dialect,
  scope: Scope,
  id: string,
): Promise<AppealRef | undefined> {
  const a = await linkageRepository(db, dialect).findAppeal(id);
  if (a === undefined || a.org_path < scope.path || a.org_path >= subtreeUpper(scope.path)) {
    return undefined;
  }
  return { id: a.id, trackingCode: a.tracking_code, orgPath: a.org_path };
}
