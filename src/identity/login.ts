// Sign-in with per-account and per-address throttling and temporary lockout, and sign-out.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/index.js';
import type { RequestContext } from '../platform/context.js';
import type { DB } from '../platform/db/schema.js';
import { AppError } from '../platform/errors.js';
import { sha256 } from '../platform/hash.js';
import { msg } from '../platform/i18n.js';
import { newSecret } from '../platform/ids.js';
import { verifyPassword } from './passwords.js';
import { identityRepository } from './repository.js';

export const THROTTLE = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 20,
} as const;

export type LoginResult = { sessionSecret: string; userId: string; mustChangePassword: boolean };

function lockedError(until: number, now: number): AppError {
  const seconds = Math.max(1, Math.ceil((until - now) / 1000));
  const at = new Date(until).toISOString();
  return new AppError('auth.locked', {
    detail: msg(`已临时锁定，请于 ${at} 之后再试`, `Locked until ${at}`),
    extra: { retryAfterSeconds: seconds },
    headers: { 'retry-after': String(seconds) },
  });
}

/** Caller must have checked nothing: this is the public sign-in. */
export async function login(
  db: Kysely<DB>,
  ctx: RequestContext,
  input: { username: string; password: string; userAgent: string | null; sessionTtlMs: number },
): Promise<LoginResult> {
  const repo = identityRepository(db);
  const now = ctx.now;
  const keys = [
    { key: `user:${input.username.toLowerCase()}`, max: THROTTLE.maxFailuresPerAccount },
    { key: `ip:${ctx.ip}`, max: THROTTLE.maxFailuresPerAddress },
  ];
  const throttles = await Promise.all(keys.map((k) => repo.getThrottle(k.key)));
  for (const t of throttles) {
    if (t?.locked_until !== null && t?.locked_until !== undefined && t.locked_until > now) {
      throw lockedError(t.locked_until, now);
    }
  }

  const user = await repo.findUserByUsername(input.username);
  const isActive = user !== undefined && user.status === 'active';
  const ok = await verifyPassword(isActive ? user.password_hash : null, input.password);
  if (!ok || user === undefined) {
    let lockUntil: number | null = null;
    for (const [i, k] of keys.entries()) {
      const prev = throttles[i];
      const fresh = prev === undefined || now - prev.window_start > THROTTLE.windowMs;
      const failures = fresh ? 1 : prev.failures + 1;
      const locked = failures >= k.max ? now + THROTTLE.lockMs : null;
      if (locked !== null) {
        lockUntil = locked;
      }
      await repo.putThrottle({
        key: k.key,
        failures,
        window_start: fresh ? now : prev.window_start,
        locked_until: locked,
      });
    }
    await recordAudit(db, ctx, {
      action: 'auth.loginFailed',
      entityType: 'user',
      entityId: user?.id ?? null,
      orgPath: null,
      detail: { username: input.username, locked: lockUntil !== null },
    });
    if (lockUntil !== null) {
      throw lockedError(lockUntil, now);
    }
    throw new AppError('auth.invalid_credentials');
  }

  await repo.clearThrottle(keys[0]!.key);
  await repo.recordLogin(user.id, now);
  const assignments = await repo.assignmentsOf(user.id);
  const sessionSecret = newSecret();
  await repo.createSession({
    idHash: sha256(sessionSecret),
    userId: user.id,
    assignmentId: assignments[0]?.id ?? null,
    now,
    expiresAt: now + input.sessionTtlMs,
    ip: ctx.ip,
    userAgent: input.userAgent,
  });
  await recordAudit(
    db,
    { ...ctx, actor: { kind: 'anonymous' } },
    {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      orgPath: null,
      detail: { username: user.username },
    },
  );
  return { sessionSecret, userId: user.id, mustChangePassword: user.must_change_password === 1 };
}

export async function logout(db: Kysely<DB>, ctx: RequestContext, sessionSecret: string): Promise<void> {
  await identityRepository(db).deleteSession(sha256(sessionSecret));
  await recordAudit(db, ctx, {
    action: 'auth.logout',
    entityType: 'user',
    entityId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    orgPath: null,
  });
}
