// A named read for the regional alliance: an appeal of the chain the caller may see (by the chain's own rule: its
// central household's head, or a seat above it), by id, as a demand born of it names it (its tracking code and where
// it sits, never its text), or none.
import type { Kysely } from 'kysely';
import type { UserActor } from '../access/index.js';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { mayRead, viewerOf } from './access.js';
import { linkageRepository } from './repository.js';

export type AppealRef = { id: string; trackingCode: string; orgPath: string };

export async function linkageAppealRef(
  db: Kysely<DB>,
  dialect: Dialect,
  actor: UserActor,
  id: string,
): Promise<AppealRef | undefined> {
  const a = await linkageRepository(db, dialect).findAppeal(id);
  if (a === undefined || !mayRead(await viewerOf(db, dialect, actor), a)) {
    return undefined;
  }
  return { id: a.id, trackingCode: a.tracking_code, orgPath: a.org_path };
}
