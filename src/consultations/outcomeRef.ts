// A named read for the regional alliance: a consultation outcome in the caller's scope, by id, as a demand born of
// it names it (its title and where it sits), or none.
import type { Kysely } from 'kysely';
import type { Scope } from '../access/index.js';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { consultationRepository } from './repository.js';

export type OutcomeRef = { id: string; title: string; orgPath: string };

export async function consultationOutcomeRef(
  db: Kysely<DB>,
  dialect: Dialect,
  scope: Scope,
  id: string,
): Promise<OutcomeRef | undefined> {
  const o = await consultationRepository(db, dialect).findOutcome(scope, id);
  return o === undefined ? undefined : { id: o.id, title: o.title, orgPath: o.org_path };
}
