// Records of other modules that hang on organisations by id and path, and must follow when an org moves or merges.
// A module whose records carry an org path adds its two hooks here.
import type { Kysely } from 'kysely';
import { caseRepository } from '../cases/repository.js';
import { gridRepository } from '../grids/repository.js';
import { markGridsChanged } from '../grids/indexService.js';
import { householdRepository } from '../households/repository.js';
import { memberRepository } from '../members/repository.js';
import { repathColumn, type Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';

/** A subtree moved: rewrite every attached path under oldPrefix. */
export async function repathAttached(
  db: Kysely<DB>,
  dialect: Dialect,
  oldPrefix: string,
  newPrefix: string,
  now: number,
): Promise<void> {
  await memberRepository(db, dialect).repath(oldPrefix, newPrefix);
  await householdRepository(db, dialect).repath(oldPrefix, newPrefix);
  await gridRepository(db).repath(oldPrefix, newPrefix);
  await caseRepository(db, dialect).repath(oldPrefix, newPrefix);
  await repathColumn(db, 'patrol', 'org_path', oldPrefix, newPrefix);
  // The grid index holds town and village ids: every instance reloads it.
  await markGridsChanged(db, now);
}

/** An org now hangs under a new parent: memberships that depend on the parent follow (a party group's members). */
export async function followParent(
  db: Kysely<DB>,
  dialect: Dialect,
  org: { id: string; level: string },
  parent: { id: string; level: string },
  at: number,
  actorId: string | null,
): Promise<void> {
  if (org.level === 'group' && parent.level === 'branch') {
    await memberRepository(db, dialect).followGroup(org.id, parent.id, at, actorId);
  }
}

/** An org merged into another (its children already moved): records attached to it directly go to the target. */
export async function reassignAttached(
  db: Kysely<DB>,
  dialect: Dialect,
  from: { id: string; path: string; level: string },
  to: { id: string; path: string; parent_id: string | null },
  at: number,
  actorId: string | null,
): Promise<void> {
  await memberRepository(db, dialect).reassign(from, to, at, actorId);
  await householdRepository(db, dialect).reassign(from, to);
  await gridRepository(db).reassign(from, to);
  await caseRepository(db, dialect).reassign(from, to);
  await markGridsChanged(db, at);
}
