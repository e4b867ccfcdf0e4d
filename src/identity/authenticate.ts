// Resolves the caller from the session cookie or a bearer API token.
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { AppError } from '../platform/errors.js';
import { hmac, safeEqual, sha256 } from '../platform/hash.js';
import type { Actor, UserActor } from '../access/index.js';
import type { Authenticator } from '../platform/http/module.js';
import { identityRepository } from './repository.js';

export const SESSION_COOKIE = 'tx_session';

export type Credentials = { sessionSecret: string | null; bearer: string | null };

/** Sessions slide: each use pushes expiry out, written at most once a minute. */
const TOUCH_EVERY_MS = 60_000;

export async function authenticate(
  db: Kysely<DB>,
  creds: Credentials,
  now: number,
  sessionTtlMs: number,
): Promise<Actor> {
  const repo = identityRepository(db);
  if (creds.bearer !== null) {
    const token = await repo.findTokenByHash(sha256(creds.bearer));
    if (token === undefined || token.revoked_at !== null || token.kind !== 'user' || token.user_id === null) {
      throw new AppError('auth.token_invalid');
    }
    if (token.last_used_at === null || now - token.last_used_at > TOUCH_EVERY_MS) {
      await repo.markTokenUsed(token.id, now);
    }
    return (await actorFor(db, token.user_id, null, 'token', null)) ?? { kind: 'anonymous' };
  }
  if (creds.sessionSecret !== null) {
    const idHash = sha256(creds.sessionSecret);
    const session = await repo.findSession(idHash);
    if (session === undefined || session.expires_at <= now) {
      return { kind: 'anonymous' };
    }
    if (now - session.last_seen_at > TOUCH_EVERY_MS) {
      await repo.touchSession(idHash, now, now + sessionTtlMs);
    }
    return (
      (await actorFor(db, session.user_id, session.assignment_id, 'session', creds.sessionSecret)) ?? {
        kind: 'anonymous',
      }
    );
  }
  return { kind: 'anonymous' };
}

async function actorFor(
  db: Kysely<DB>,
  userId: string,
  assignmentId: string | null,
  via: UserActor['via'],
  sessionSecret: string | null,
): Promise<UserActor | null> {
  const repo = identityRepository(db);
  const user = await repo.findUserById(userId);
  if (user === undefined || user.status !== 'active') {
    return null;
  }
  const assignments = await repo.assignmentsOf(userId);
  const active = assignments.find((a) => a.id === assignmentId) ?? assignments[0];
  if (active === undefined) {
    return null;
  }
  return {
    kind: 'user',
    userId,
    username: user.username,
    displayName: user.display_name,
    assignments,
    active,
    via,
    sessionSecret,
    mustChangePassword: user.must_change_password === 1,
  };
}

/** CSRF tokens derive from the session secret, so any instance can check them without shared state. */
export function csrfTokenFor(cookieSecret: string, sessionSecret: string): string {
  return hmac(cookieSecret, `csrf:${sessionSecret}`);
}

export function isCsrfValid(cookieSecret: string, sessionSecret: string, token: string | undefined): boolean {
  return token !== undefined && safeEqual(csrfTokenFor(cookieSecret, sessionSecret), token);
}

/** What the HTTP layer is given to resolve callers (src/modules.ts hands it to buildApp). */
export const identityAuthenticator: Authenticator = { cookieName: SESSION_COOKIE, authenticate, isCsrfValid };
