// Gives every town and village of a subtree its consultation council (议事会), once: the demo stage and the district
// admin run it. The caller has decided the subtree may be written (council.write over scope).
import type { Kysely } from 'kysely';
import { orgDirectory } from '../orgs/index.js';
import type { Scope } from '../access/index.js';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';
import { consultationRepository, type CouncilRow } from './repository.js';

export const DEFAULT_SUPPORT_THRESHOLD = 10;
export const DEFAULT_SUPPORT_DAYS = 30;

export async function establishCouncils(
  db: Kysely<DB>,
  dialect: Dialect,
  scope: Scope,
  now: number,
): Promise<CouncilRow[]> {
  const orgs = orgDirectory(db, dialect);
  const repo = consultationRepository(db, dialect);
  const existing = await repo.councilOrgIds();
  const rows: CouncilRow[] = [];
  for (const org of await orgs.subtree(scope, scope.path)) {
    if (
      (org.level !== 'town' && org.level !== 'village') ||
      org.status !== 'active' ||
      existing.has(org.id)
    ) {
      continue;
    }
    rows.push({
      id: newId(now),
      org_id: org.id,
      org_path: org.path,
      level: org.level,
      name: `${org.name}协商议事会`,
      place: `${org.name}协商议事室`,
      convener_name: null,
      support_threshold: org.level === 'town' ? DEFAULT_SUPPORT_THRESHOLD * 3 : DEFAULT_SUPPORT_THRESHOLD,
      support_days: DEFAULT_SUPPORT_DAYS,
      created_at: now,
      updated_at: now,
    });
  }
  await repo.insertCouncils(rows);
  return rows;
}
