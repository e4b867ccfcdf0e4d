// Where a list belongs: its owner organisation (district, town or village) and the level it applies to. An owner
// may publish lists for its own level and for every level below it (a district's village list binds every village).
import type { Kysely } from 'kysely';
import type { Scope } from '../access/index.js';
import { orgDirectory, type OrgRow } from '../orgs/index.js';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { AppError, notFound } from '../platform/errors.js';
import { listLevels, type ListLevel } from './vocabulary.js';

const OWNER_LEVELS: readonly string[] = ['district', 'town', 'village'];

export const isListLevel = (v: string): v is ListLevel => (listLevels as readonly string[]).includes(v);

/** Whether an owner at ownerLevel may publish a list for `level` (its own or one below). */
export function mayOwn(ownerLevel: string, level: ListLevel): boolean {
  const at = listLevels.indexOf(ownerLevel as ListLevel);
  return at >= 0 && listLevels.indexOf(level) >= at;
}

/** The owner org of a list, visible to the caller (scope covers it, or it lies above the caller), else 404. */
export async function ownerOrThrow(
  db: Kysely<DB>,
  dialect: Dialect,
  scope: Scope | null,
  ownerOrgId: string,
): Promise<OrgRow> {
  // Unscoped read, checked below: a town sees the district's lists that bind it, as the public sees every list.
  const org = await orgDirectory(db, dialect).findByIdUnscoped(ownerOrgId);
  if (org === undefined || !OWNER_LEVELS.includes(org.level) || org.status !== 'active') {
    throw notFound();
  }
  if (scope !== null && !org.path.startsWith(scope.path) && !scope.path.startsWith(org.path)) {
    throw notFound();
  }
  return org;
}

/** An owner the caller may write to: inside the caller's own subtree. */
export async function writableOwnerOrThrow(
  db: Kysely<DB>,
  dialect: Dialect,
  scope: Scope,
  ownerOrgId: string,
  level: ListLevel,
): Promise<OrgRow> {
  const org = await ownerOrThrow(db, dialect, scope, ownerOrgId);
  if (!org.path.startsWith(scope.path)) {
    throw new AppError('auth.forbidden');
  }
  if (!mayOwn(org.level, level)) {
    throw new AppError('request.invalid', {
      errors: [{ field: 'level', message: 'an organisation publishes lists for its own level or below' }],
    });
  }
  return org;
}
