// Seeds district → towns → villages from the official division list, once, so scope rules work from day one.
import type { Kysely } from 'kysely';
import divisions from '../platform/reference-data/tongzhou-divisions.json' with { type: 'json' };
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { orgMetric } from './levels.js';
import { orgRepository } from './repository.js';

type Divisions = {
  district: { code: string; name: string; city: string; province: string };
  towns: { code: string; name: string; villages: { code: string; name: string }[] }[];
};

export const townType = (name: string): string =>
  name.endsWith('街道') ? 'street' : name.endsWith('农场') || name.endsWith('场') ? 'farm' : 'town';
export const villageType = (name: string): string => (name.includes('社区') ? 'community' : 'village');
/** "东市社区居委会" → "东市社区"; "进鲜港村委会" → "进鲜港村": the party body takes the place name. */
export const placeName = (name: string): string =>
  name
    .replace(/居委会$/, '')
    .replace(/村委会$/, '村')
    .replace(/居民委员会$/, '')
    .replace(/村民委员会$/, '村');

export type SpineResult = { districtId: string; created: boolean };

/** Idempotent: does nothing when a root organisation exists. */
export async function seedSpine(db: Kysely<DB>, dialect: Dialect, now: number): Promise<SpineResult> {
  const data = divisions as Divisions;
  const existing = await orgRepository(db, dialect).findRoot();
  if (existing !== undefined) {
    return { districtId: existing.id, created: false };
  }
  return db.transaction().execute(async (trx) => {
    const repo = orgRepository(trx, dialect);
    const district = await repo.insert({
      parent: null,
      level: 'district',
      type: 'districtCommittee',
      name: data.district.name,
      code: data.district.code,
      now,
    });
    await repo.adjustRollup(district.path, orgMetric('district'), 1);
    for (const t of data.towns) {
      const town = await repo.insert({
        parent: district,
        level: 'town',
        type: townType(t.name),
        name: t.name,
        code: t.code,
        now,
      });
      await repo.adjustRollup(town.path, orgMetric('town'), 1);
      for (const v of t.villages) {
        const village = await repo.insert({
          parent: town,
          level: 'village',
          type: villageType(v.name),
          name: placeName(v.name),
          code: v.code,
          now,
        });
        await repo.adjustRollup(village.path, orgMetric('village'), 1);
      }
    }
    return { districtId: district.id, created: true };
  });
}
