// Loads the default catalogue as version 1 when the catalogue is empty.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { defaultCatalogue } from './defaultCatalogue.js';
import { catalogueRepository } from './repository.js';

export async function seedCatalogue(db: Kysely<DB>, now: number): Promise<boolean> {
  const repo = catalogueRepository(db);
  if ((await repo.currentVersion()) > 0) {
    return false;
  }
  for (const c of defaultCatalogue) {
    await repo.upsert({ ...c, active: true });
  }
  await repo.snapshotNow(null, '默认目录 default catalogue', now);
  return true;
}
