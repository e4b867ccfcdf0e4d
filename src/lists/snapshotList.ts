// Records a list (owner, level) as it now reads — stored items and the catalogue and routing views — as its next
// version. Called inside the transaction of every change, whichever side (lists or catalogue) made it.
import type { Kysely } from 'kysely';
import { currentCatalogueVersion } from '../cases/index.js';
import type { OrgRow } from '../orgs/index.js';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';
import { composeList } from './composeList.js';
import { listRepository } from './repository.js';
import type { ListLevel } from './vocabulary.js';

export async function snapshotList(
  trx: Kysely<DB>,
  dialect: Dialect,
  owner: OrgRow,
  level: ListLevel,
  note: string,
  by: string | null,
  now: number,
): Promise<number> {
  const repo = listRepository(trx, dialect);
  const version = ((await repo.lastVersion(owner.id, level))?.version ?? 0) + 1;
  const items = await composeList(trx, dialect, owner, level, now);
  await repo.insertVersion({
    id: newId(now),
    owner_org_id: owner.id,
    owner_path: owner.path,
    level,
    version,
    catalogue_version: await currentCatalogueVersion(trx),
    note,
    created_by: by,
    created_at: now,
    snapshot: JSON.stringify(items),
  });
  return version;
}
