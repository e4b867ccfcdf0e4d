// Field encryption for personal data at rest (AES-256-GCM) and blind indexes for exact look-ups without plaintext.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

export type FieldCipher = {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** Deterministic keyed hash: find or de-duplicate by value without storing it. */
  blindIndex(plain: string): string;
};

export function fieldCipher(keyHex: string): FieldCipher {
  const key = Buffer.from(keyHex, 'hex');
  if (key.length !== 32) {
    throw new Error('field key must be 32 bytes');
  }
  const indexKey = createHmac('sha256', key).update('blind-index').digest();
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
    },
    decrypt(stored) {
      if (!stored.startsWith('v1.')) {
        throw new Error('unknown field ciphertext version');
      }
      const raw = Buffer.from(stored.slice(3), 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    blindIndex(plain) {
      return createHmac('sha256', indexKey).update(plain).digest('base64url').slice(0, 32);
    },
  };
}
