// Case photos, processed by the platform's images (no metadata, size-limited) and stored with the step they came with.
import type { Kysely } from 'kysely';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import type { ProcessedPhoto } from '../platform/images.js';
import { newId } from '../platform/ids.js';
import { caseRepository } from './repository.js';

export async function storePhotos(
  trx: Kysely<DB>,
  dialect: Dialect,
  caseId: string,
  stepSeq: number,
  processed: readonly ProcessedPhoto[],
  now: number,
): Promise<void> {
  const repo = caseRepository(trx, dialect);
  for (const p of processed) {
    await repo.insertPhoto({
      id: newId(now),
      case_id: caseId,
      step_seq: stepSeq,
      mime: p.mime,
      bytes: p.bytes,
      width: p.width,
      height: p.height,
      created_at: now,
    });
  }
}
