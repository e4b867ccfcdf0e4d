// HTTP routes of identity: sign-in, sign-out, the caller and their abilities, scope switching, API tokens.
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { recordAudit } from '../audit/index.js';
import { notFound } from '../platform/errors.js';
import { sha256 } from '../platform/hash.js';
import { contextOf, userOf } from '../platform/http/request.js';
import type { ModuleRoutes } from '../platform/http/module.js';
import { newSecret } from '../platform/ids.js';
import type { UserActor } from '../access/index.js';
import { csrfTokenFor, SESSION_COOKIE } from './authenticate.js';
import { changePassword } from './changePassword.js';
import { login, logout } from './login.js';
import { abilitiesOf } from '../access/index.js';
import { identityRepository } from './repository.js';
import { userAdminRoutes } from './userRoutes.js';

const AssignmentSchema = Type.Object({
  id: Type.String(),
  role: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  orgLevel: Type.String(),
});

const MeSchema = Type.Object({
  user: Type.Object({ id: Type.String(), username: Type.String(), displayName: Type.String() }),
  assignments: Type.Array(AssignmentSchema),
  activeAssignmentId: Type.String(),
  abilities: Type.Array(Type.String()),
  csrfToken: Type.Union([Type.String(), Type.Null()]),
  /** After an administrator's reset: the console sends the user to change it; every other API answers 403. */
  mustChangePassword: Type.Boolean(),
});

const TokenSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  prefix: Type.String(),
  createdAt: Type.Number(),
  lastUsedAt: Type.Union([Type.Number(), Type.Null()]),
  revokedAt: Type.Union([Type.Number(), Type.Null()]),
});

export const identityRoutes: ModuleRoutes = async (base, { deps }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps.database;
  const repo = identityRepository(db);
  const ttlMs = deps.config.sessionTtlHours * 3600_000;
  await base.register(userAdminRoutes, { deps });

  const present = (actor: UserActor) => ({
    user: { id: actor.userId, username: actor.username, displayName: actor.displayName },
    assignments: actor.assignments.map((a) => ({
      id: a.id,
      role: a.role,
      orgId: a.orgId,
      orgName: a.orgName,
      orgLevel: a.orgLevel,
    })),
    activeAssignmentId: actor.active.id,
    abilities: abilitiesOf(actor.active.role),
    csrfToken:
      actor.sessionSecret === null ? null : csrfTokenFor(deps.services.cookieSecret, actor.sessionSecret),
    mustChangePassword: actor.mustChangePassword,
  });

  const setCookie = (reply: FastifyReply, value: string, maxAgeSeconds: number) =>
    reply.setCookie(SESSION_COOKIE, value, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.cookieSecure,
      maxAge: maxAgeSeconds,
    });

  app.post(
    '/api/auth/login',
    {
      config: { auth: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with username and password; sets the session cookie',
        body: Type.Object({
          username: Type.String({ minLength: 1, maxLength: 64 }),
          password: Type.String({ minLength: 1, maxLength: 256 }),
        }),
        response: { 200: Type.Object({ csrfToken: Type.String(), mustChangePassword: Type.Boolean() }) },
      },
    },
    async (request, reply) => {
      const result = await login(db, contextOf(request), {
        username: request.body.username.trim(),
        password: request.body.password,
        userAgent: request.headers['user-agent'] ?? null,
        sessionTtlMs: ttlMs,
      });
      setCookie(reply, result.sessionSecret, ttlMs / 1000);
      return {
        csrfToken: csrfTokenFor(deps.services.cookieSecret, result.sessionSecret),
        mustChangePassword: result.mustChangePassword,
      };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { auth: 'authenticated', isAllowedBeforePasswordChange: true },
      schema: { tags: ['auth'], summary: 'Sign out' },
    },
    async (request, reply) => {
      const actor = userOf(request);
      if (actor.sessionSecret !== null) {
        await logout(db, contextOf(request), actor.sessionSecret);
      }
      setCookie(reply, '', 0);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { auth: 'authenticated', isAllowedBeforePasswordChange: true },
      schema: {
        tags: ['auth'],
        summary: 'The caller, their role assignments and abilities',
        response: { 200: MeSchema },
      },
    },
    async (request) => present(userOf(request)),
  );

  app.put(
    '/api/auth/password',
    {
      config: {
        auth: 'authenticated',
        isAllowedBeforePasswordChange: true,
        rateLimit: { max: 10, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['auth'],
        summary: 'Change your own password (the current one is required); your other sessions end',
        body: Type.Object({
          currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
          newPassword: Type.String({ minLength: 1, maxLength: 256 }),
        }),
        response: { 200: MeSchema },
      },
    },
    async (request) => {
      const actor = userOf(request);
      await changePassword(deps.database, contextOf(request), actor, request.body);
      return present({ ...actor, mustChangePassword: false });
    },
  );

  app.put(
    '/api/auth/scope',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Act under another of the caller’s role assignments (organisation scope)',
        body: Type.Object({ assignmentId: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 200: MeSchema },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const next = actor.assignments.find((a) => a.id === request.body.assignmentId);
      if (next === undefined || actor.sessionSecret === null) {
        throw notFound();
      }
      await repo.setSessionAssignment(sha256(actor.sessionSecret), next.id);
      return present({ ...actor, active: next });
    },
  );

  app.get(
    '/api/admin/tokens',
    {
      config: { auth: 'admin.tokens' },
      schema: {
        tags: ['admin'],
        summary: 'API tokens (hashed at rest; only the prefix is shown)',
        response: { 200: Type.Object({ items: Type.Array(TokenSchema) }) },
      },
    },
    async () => ({
      items: (await repo.listTokens()).map((t) => ({
        id: t.id,
        name: t.name,
        kind: t.kind,
        prefix: t.prefix,
        createdAt: t.created_at,
        lastUsedAt: t.last_used_at,
        revokedAt: t.revoked_at,
      })),
    }),
  );

  app.post(
    '/api/admin/tokens',
    {
      config: { auth: 'admin.tokens' },
      schema: {
        tags: ['admin'],
        summary: 'Issue an API token; the secret is shown once',
        body: Type.Object({
          name: Type.String({ minLength: 1, maxLength: 100 }),
          kind: Type.Union([Type.Literal('user'), Type.Literal('open311')]),
        }),
        response: { 201: Type.Object({ id: Type.String(), token: Type.String() }) },
      },
    },
    async (request, reply) => {
      const actor = userOf(request);
      const ctx = contextOf(request);
      const prefix = newSecret(6);
      const token = `tx_${prefix}_${newSecret(24)}`;
      const id = await db.transaction().execute(async (trx) => {
        const tokenId = await identityRepository(trx).createToken({
          name: request.body.name,
          kind: request.body.kind,
          tokenHash: sha256(token),
          prefix,
          userId: request.body.kind === 'user' ? actor.userId : null,
          createdBy: actor.userId,
          now: ctx.now,
        });
        await recordAudit(trx, ctx, {
          action: 'token.create',
          entityType: 'apiToken',
          entityId: tokenId,
          orgPath: null,
          detail: { name: request.body.name, kind: request.body.kind },
        });
        return tokenId;
      });
      return reply.code(201).send({ id, token });
    },
  );

  app.delete(
    '/api/admin/tokens/:id',
    {
      config: { auth: 'admin.tokens' },
      schema: {
        tags: ['admin'],
        summary: 'Revoke an API token',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      await db.transaction().execute(async (trx) => {
        if (!(await identityRepository(trx).revokeToken(request.params.id, ctx.now))) {
          throw notFound();
        }
        await recordAudit(trx, ctx, {
          action: 'token.revoke',
          entityType: 'apiToken',
          entityId: request.params.id,
          orgPath: null,
        });
      });
      return reply.code(204).send();
    },
  );

  // Keeps the sessions table small; any instance may do it.
  const sweep = setInterval(() => {
    repo.deleteExpiredSessions(deps.services.clock.now()).catch((error: unknown) => {
      deps.logger.warn({ err: error }, 'session sweep failed');
    });
  }, 3600_000);
  sweep.unref();
  app.addHook('onClose', () => {
    clearInterval(sweep);
  });
};
