// All SQL of the case catalogue: categories (current) and versions (snapshots that cases refer to).
import type { Kysely } from 'kysely';
import { fromDbBool, fromDbJson, toDbBool } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import type { Limit } from '../../calendar/index.js';
import type { CaseKind, CategoryDef, ExtraField, Net, Platform } from './defaultCatalogue.js';

export type Category = CategoryDef & { active: boolean };

function toRow(c: Category): DB['case_category'] {
  return {
    code: c.code,
    parent_code: c.parentCode,
    depth: c.depth,
    name_zh: c.name.zh,
    name_en: c.name.en,
    kind: c.kind,
    net: c.net,
    platform: c.platform,
    registration_condition: c.registrationCondition,
    closing_condition: c.closingCondition,
    limits: JSON.stringify(c.limits),
    department: c.department,
    self_handle: toDbBool(c.selfHandle),
    duplicate_radius_m: c.duplicateRadiusM,
    fields: JSON.stringify(c.fields),
    keywords: c.keywords.join(','),
    active: toDbBool(c.active),
    sort_key: c.code,
  };
}

export function categoryFromRow(r: DB['case_category']): Category {
  return {
    code: r.code,
    parentCode: r.parent_code,
    depth: r.depth as 1 | 2 | 3,
    name: { zh: r.name_zh, en: r.name_en },
    kind: r.kind as CaseKind,
    net: r.net as Net,
    platform: r.platform as Platform,
    registrationCondition: r.registration_condition,
    closingCondition: r.closing_condition,
    limits: fromDbJson<{ urgent: Limit; normal: Limit }>(r.limits) ?? {
      urgent: { amount: 1, unit: 'workDays' },
      normal: { amount: 5, unit: 'workDays' },
    },
    department: r.department,
    selfHandle: fromDbBool(r.self_handle),
    duplicateRadiusM: r.duplicate_radius_m,
    fields: fromDbJson<ExtraField[]>(r.fields) ?? [],
    keywords: r.keywords === '' ? [] : r.keywords.split(','),
    active: fromDbBool(r.active),
  };
}

export function catalogueRepository(db: Kysely<DB>) {
  return {
    async all(): Promise<Category[]> {
      return (await db.selectFrom('case_category').selectAll().orderBy('sort_key').execute()).map(
        categoryFromRow,
      );
    },

    async find(code: string): Promise<Category | undefined> {
      const row = await db
        .selectFrom('case_category')
        .selectAll()
        .where('code', '=', code)
        .executeTakeFirst();
      return row === undefined ? undefined : categoryFromRow(row);
    },

    async currentVersion(): Promise<number> {
      const row = await db
        .selectFrom('catalogue_version')
        .select('version')
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row?.version ?? 0;
    },

    async snapshot(version: number): Promise<Category[] | null> {
      const row = await db
        .selectFrom('catalogue_version')
        .select('snapshot')
        .where('version', '=', version)
        .executeTakeFirst();
      return row === undefined ? null : fromDbJson<Category[]>(row.snapshot);
    },

    async versions() {
      return db
        .selectFrom('catalogue_version')
        .select(['version', 'created_at', 'created_by', 'note'])
        .orderBy('version', 'desc')
        .execute();
    },

    async upsert(c: Category): Promise<void> {
      const row = toRow(c);
      await db
        .insertInto('case_category')
        .values(row)
        .onConflict((oc) => oc.column('code').doUpdateSet({ ...row }))
        .execute();
    },

    /** Records the whole current catalogue as a new version; returns its number. */
    async snapshotNow(createdBy: string | null, note: string | null, now: number): Promise<number> {
      const version = (await this.currentVersion()) + 1;
      await db
        .insertInto('catalogue_version')
        .values({
          version,
          created_at: now,
          created_by: createdBy,
          note,
          snapshot: JSON.stringify(await this.all()),
        })
        .execute();
      return version;
    },
  };
}

export type CatalogueRepository = ReturnType<typeof catalogueRepository>;
