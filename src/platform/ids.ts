// Opaque, time-ordered identifiers for records that appear in URLs (never parse them).
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

let lastMs = 0;
let counter = 0;

/** 20 characters: 10 of milliseconds since the epoch, 2 of a per-millisecond counter, 8 random. Sorts by creation time. */
export function newId(now: number): string {
  if (now === lastMs) {
    counter = (counter + 1) % 1024;
  } else {
    lastMs = now;
    counter = 0;
  }
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32]! + time;
    t = Math.floor(t / 32);
  }
  const seq = ALPHABET[counter >> 5]! + ALPHABET[counter & 31]!;
  const bytes = randomBytes(8);
  let rand = '';
  for (const b of bytes) {
    rand += ALPHABET[b & 31]!;
  }
  return time + seq + rand;
}

/** A random URL-safe secret (session ids, API keys, tracking tokens). */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
