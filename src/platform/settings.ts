// Installation facts kept in app_setting.
import type { Kysely } from 'kysely';
import type { DB } from './db/schema.js';

export async function getSetting(db: Kysely<DB>, key: string): Promise<string | null> {
  const row = await db.selectFrom('app_setting').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

export async function putSetting(db: Kysely<DB>, key: string, value: string, now: number): Promise<void> {
  await db
    .insertInto('app_setting')
    .values({ key, value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
}
