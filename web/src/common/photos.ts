// Prepares photos in the browser: only JPEG/PNG/WebP, downscaled to at most 1600 px and re-encoded as a JPEG data URL.
export const MAX_PHOTOS = 9;
const MAX_SIDE = 1600;
/** What the server accepts per photo after base64 (see the request schema); files beyond this are refused before upload. */
const MAX_DATA_URL_CHARS = 7_000_000;
const MAX_FILE_BYTES = 25 * 1024 * 1024;
const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp'];
export const ACCEPT_ATTRIBUTE = ACCEPTED.join(',');

export type PreparedPhoto = { key: string; name: string; dataUrl: string };

export type PhotoProblem = { kind: 'badType' | 'tooLarge' | 'failed'; name: string };

const loadImage = (file: File): Promise<HTMLImageElement> =>
  new Promise((resolve, reject) => {
    const url = URL.createObjectURL(file);
    const image = new Image();
    image.onload = () => {
      URL.revokeObjectURL(url);
      resolve(image);
    };
    image.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('image did not load'));
    };
    image.src = url;
  });

/** Downscales one file; the canvas drops all metadata, EXIF position included. */
export const preparePhoto = async (file: File): Promise<PreparedPhoto | PhotoProblem> => {
  if (!ACCEPTED.includes(file.type)) {
    return { kind: 'badType', name: file.name };
  }
  if (file.size > MAX_FILE_BYTES) {
    return { kind: 'tooLarge', name: file.name };
  }
  try {
    const image = await loadImage(file);
    const scale = Math.min(1, MAX_SIDE / Math.max(image.naturalWidth, image.naturalHeight));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
    canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
    const context = canvas.getContext('2d');
    if (context === null) {
      return { kind: 'failed', name: file.name };
    }
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const dataUrl = canvas.toDataURL('image/jpeg', 0.85);
    if (dataUrl.length > MAX_DATA_URL_CHARS) {
      return { kind: 'tooLarge', name: file.name };
    }
    return {
      key: `${file.name}-${file.size}-${file.lastModified}-${Math.random()}`,
      name: file.name,
      dataUrl,
    };
  } catch {
    return { kind: 'failed', name: file.name };
  }
};

export const isPrepared = (x: PreparedPhoto | PhotoProblem): x is PreparedPhoto => 'dataUrl' in x;

/** A fresh key per submission; kept across retries of the same submission. */
export const newIdempotencyKey = (): string => {
  // randomUUID needs a secure context; getRandomValues works on plain http too.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
};
