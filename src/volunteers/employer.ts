// A member's employer: the unit (驻区单位) or new-field organisation whose party branch the member belongs to — the
// nearest such ancestor on the branch's path. Members of village branches have none.
import type { Kysely } from 'kysely';
import { orgDirectory, type OrgRow } from '../orgs/index.js';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';

export const pathIds = (path: string): string[] => path.split('/').filter((s) => s !== '');

export async function employerOf(db: Kysely<DB>, dialect: Dialect, path: string): Promise<OrgRow | null> {
  const ids = pathIds(path);
  const orgs = new Map((await orgDirectory(db, dialect).byIds(ids)).map((o) => [o.id, o]));
  for (const id of ids.reverse()) {
    const o = orgs.get(id);
    if (o !== undefined && (o.level === 'unit' || o.level === 'newField' || o.level === 'department')) {
      return o;
    }
  }
  return null;
}
