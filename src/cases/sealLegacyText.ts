// Case descriptions written before descriptions were sealed (migration 0013) hold personal numbers in plaintext.
// Run once per installation (a base stage of the seeder, which has the field key): each such description keeps the
// masked text for display and search, the original encrypted beside it, as intake writes them today.
import type { Kysely } from 'kysely';
import type { FieldCipher } from '../platform/crypto.js';
import type { DB } from '../platform/db/schema.js';
import { holdsPersonalNumbers, maskPersonalText } from './publicText.js';

const BATCH = 1000;

/** Seals the old plaintext descriptions; returns how many were sealed. */
export async function sealLegacyCaseText(db: Kysely<DB>, cipher: FieldCipher): Promise<number> {
  let after = '';
  let sealed = 0;
  for (;;) {
    const rows = await db
      .selectFrom('case_file')
      .select(['id', 'description'])
      .where('description_enc', 'is', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) {
      return sealed;
    }
    const plain = rows.filter((r) => holdsPersonalNumbers(r.description));
    if (plain.length > 0) {
      await db.transaction().execute(async (trx) => {
        for (const r of plain) {
          await trx
            .updateTable('case_file')
            .set({
              description: maskPersonalText(r.description),
              description_enc: cipher.encrypt(r.description),
            })
            .where('id', '=', r.id)
            .where('description_enc', 'is', null)
            .execute();
        }
      });
      sealed += plain.length;
    }
    after = rows[rows.length - 1]!.id;
  }
}
