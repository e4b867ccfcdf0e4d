// Open311 api_key checks: keys are API tokens of kind 'open311', stored only as SHA-256 hashes and revocable.
import type { Kysely } from 'kysely';
import { findApiTokenByHash, markApiTokenUsed } from '../identity/index.js';
import type { DB } from '../platform/db/schema.js';
import { sha256 } from '../platform/hash.js';
import { badApiKey } from './errors.js';

export type Open311Client = { keyId: string; name: string };

const USED_MARK_INTERVAL_MS = 60_000;

/** The client an api_key belongs to; throws 403 for a missing, unknown, revoked or non-Open311 key. */
export async function authenticateApiKey(
  db: Kysely<DB>,
  apiKey: string | undefined,
  now: number,
): Promise<Open311Client> {
  if (apiKey === undefined || apiKey.length < 8 || apiKey.length > 200) {
    throw badApiKey();
  }
  const token = await findApiTokenByHash(db, sha256(apiKey));
  if (token === undefined || token.kind !== 'open311' || token.isRevoked) {
    throw badApiKey();
  }
  // Writing last_used_at on every call would make each read a write; once a minute is enough to show activity.
  if (token.lastUsedAt === null || now - token.lastUsedAt > USED_MARK_INTERVAL_MS) {
    await markApiTokenUsed(db, token.id, now);
  }
  return { keyId: token.id, name: token.name };
}

/** The rate-limit bucket of a request: its api_key's hash, or its address when it sends none. */
export function rateLimitKey(apiKey: unknown, ip: string): string {
  return typeof apiKey === 'string' && apiKey !== '' ? `open311:key:${sha256(apiKey)}` : `open311:ip:${ip}`;
}
