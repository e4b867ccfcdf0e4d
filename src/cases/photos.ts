// Case photos: decoded, re-encoded without any metadata (so no GPS position leaves with them), size-limited.
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { AppError } from '../platform/errors.js';
import { msg } from '../platform/i18n.js';
import { newId } from '../platform/ids.js';
import { caseRepository } from './repository.js';

export type PhotoInput = { data: string };

export const MAX_PHOTOS = 9;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
const MAX_EDGE = 1600;

export type ProcessedPhoto = { bytes: Buffer; mime: string; width: number; height: number };

/** Run before opening a transaction: the CPU work must not hold the database. Accepts JPEG, PNG and WebP (base64, optionally as a data URL); answers a clear error for anything else. */
export async function processPhoto(input: PhotoInput, index: number): Promise<ProcessedPhoto> {
  const base64 = input.data.replace(/^data:image\/[a-z]+;base64,/, '');
  const raw = Buffer.from(base64, 'base64');
  const field = `photos.${index}`;
  if (raw.length === 0) {
    throw new AppError('request.invalid', { errors: [{ field, message: 'empty or not base64' }] });
  }
  if (raw.length > MAX_PHOTO_BYTES) {
    throw new AppError('request.too_large', {
      detail: msg(`第 ${index + 1} 张照片超过 5 MB`, `Photo ${index + 1} is larger than 5 MB`),
    });
  }
  let format: string | undefined;
  try {
    format = (await sharp(raw).metadata()).format;
  } catch {
    format = undefined;
  }
  if (format !== 'jpeg' && format !== 'png' && format !== 'webp') {
    throw new AppError('request.invalid', {
      errors: [{ field, message: 'must be a JPEG, PNG or WebP image' }],
    });
  }
  // rotate() applies the EXIF orientation; sharp writes no metadata unless asked, so EXIF (and GPS) is dropped.
  const { data, info } = await sharp(raw)
    .rotate()
    .resize({ width: MAX_EDGE, height: MAX_EDGE, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 82, mozjpeg: true })
    .toBuffer({ resolveWithObject: true });
  return { bytes: data, mime: 'image/jpeg', width: info.width, height: info.height };
}

export async function processPhotos(photos: readonly PhotoInput[]): Promise<ProcessedPhoto[]> {
  if (photos.length > MAX_PHOTOS) {
    throw new AppError('request.invalid', {
      errors: [{ field: 'photos', message: `at most ${MAX_PHOTOS} photos` }],
    });
  }
  return Promise.all(photos.map((p, i) => processPhoto(p, i)));
}

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
