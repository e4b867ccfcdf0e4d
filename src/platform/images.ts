// Photos people send (a case's, a relief visit's): decoded, re-encoded as JPEG without any metadata (so no GPS
// position leaves with them), size-limited. Run before opening a transaction: the CPU work must not hold the database.
import { Type } from '@fastify/type-provider-typebox';
import sharp from 'sharp';
import { AppError } from './errors.js';
import { msg } from './i18n.js';

export type PhotoInput = { data: string };

/** A photo in a request body: base64 (optionally a data URL) of at most 5 MB once decoded. */
export const PhotoSchema = Type.Object({ data: Type.String({ minLength: 8, maxLength: 7_200_000 }) });

/** A route taking one photo needs a body limit above the platform's default. */
export const ONE_PHOTO_BODY_LIMIT = 8 * 1024 * 1024;

export const MAX_PHOTOS = 9;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
const MAX_EDGE = 1600;

export type ProcessedPhoto = { bytes: Buffer; mime: string; width: number; height: number };

/** Accepts JPEG, PNG and WebP (base64, optionally as a data URL); answers a clear error for anything else. */
export async function processPhoto(
  input: PhotoInput,
  index: number,
  fieldPrefix = 'photos',
): Promise<ProcessedPhoto> {
  const base64 = input.data.replace(/^data:image\/[a-z]+;base64,/, '');
  const raw = Buffer.from(base64, 'base64');
  const field = `${fieldPrefix}.${index}`;
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
