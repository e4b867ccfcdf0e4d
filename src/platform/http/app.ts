// Builds the HTTP application: plumbing (errors, auth hook, OpenAPI, static console) and every module's routes.
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import { Ajv, type Options as AjvOptions } from 'ajv';
import addFormats from 'ajv-formats';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import type { HTTPMethod } from 'find-my-way';
import FindMyWay from 'find-my-way';
import { roleMay, type Action } from '../../access/index.js';
import { AppError } from '../errors.js';
import { newId } from '../ids.js';
import { sendProblem, toAppError } from './problem.js';
import type { AppDeps, AppParts } from './module.js';
import './request.js';

/** Every API route declares who may call it: anyone, any signed-in user, or holders of one action. */
export type RouteAuth = 'public' | 'authenticated' | Action;

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs interface
  interface FastifyContextConfig {
    auth?: RouteAuth;
    /** Still answers while the caller must change a reset password (sign-out, who am I, change password). */
    isAllowedBeforePasswordChange?: boolean;
  }
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs interface
  interface FastifyInstance {
    /** Every guarded route and the auth decision it declared (for the route audit test and the docs). */
    authDecisions: { method: string; url: string; auth: RouteAuth }[];
  }
}

export type { AppDeps, AppParts, Authenticator } from './module.js';

export type App = FastifyInstance;

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ALL_METHODS: HTTPMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const GUARDED_PREFIXES = ['/api/', '/open311/'];

const AJV_OPTIONS: AjvOptions = {
  allErrors: true,
  removeAdditional: false,
  useDefaults: true,
  strict: false,
  addUsedSchema: false,
};
const textValidator = addFormats(new Ajv({ ...AJV_OPTIONS, coerceTypes: 'array' }));
const bodyValidator = addFormats(new Ajv({ ...AJV_OPTIONS, coerceTypes: false }));

export async function buildApp(deps: AppDeps, parts: AppParts): Promise<App> {
  const { config, database } = deps;
  const { authenticator } = parts;
  const app = Fastify({
    // pino's Logger and Fastify's logger type differ only in generics.
    loggerInstance: deps.logger as unknown as FastifyBaseLogger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given)
        ? given
        : newId(deps.services.clock.now());
    },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // Errors the router raises before any route runs (an undecodable path, an over-long id) answer in the API's
    // format too: an id longer than any record's is not found; a malformed path is an invalid request.
    frameworkErrors: (error, request, reply) => {
      const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
      if (request.url.startsWith('/open311/')) {
        void (reply as unknown as FastifyReply)
          .code(tooLong ? 404 : 400)
          .type('application/json; charset=utf-8')
          .send([{ code: tooLong ? 404 : 400, description: tooLong ? 'not found' : 'invalid request' }]);
        return;
      }
      void sendProblem(reply, request, new AppError(tooLong ? 'record.not_found' : 'request.invalid'));
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'img-src': [
          "'self'",
          'data:',
          'blob:',
          ...(config.tileUrl === null ? [] : [new URL(config.tileUrl.replace(/\{[a-z]\}/g, '0')).origin]),
        ],
        'style-src': ["'self'", "'unsafe-inline'"],
        'script-src': ["'self'"],
        'connect-src': ["'self'"],
        'worker-src': ["'self'", 'blob:'],
        // Plain http on a district LAN must keep working; TLS is the reverse proxy's job.
        'upgrade-insecure-requests': null,
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: config.cookieSecure,
  });
  // Query strings, params, headers and form posts (Open311) arrive as text and are coerced to their schema's types;
  // JSON bodies are typed already and are validated as sent, so an explicit null stays null (coercion would turn it
  // into "" or 0 in a string-or-null or number-or-null field).
  app.setValidatorCompiler(({ schema, httpPart, url }) =>
    (httpPart === 'body' && !url.startsWith('/open311/') ? bodyValidator : textValidator).compile(schema),
  );

  // Public routes (no sign-in) get a per-address limit unless they declare their own: reads 300 a minute, writes
  // 30 a minute on each route. Added before the rate-limit plugin, so its own route hook sees the limit.
  app.addHook('onRoute', (route) => {
    if (route.config?.auth === 'public' && route.config.rateLimit === undefined) {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      const isRead = methods.every((m) => m === 'GET' || m === 'HEAD');
      route.config = { ...route.config, rateLimit: { max: isRead ? 300 : 30, timeWindow: '1 minute' } };
    }
  });
  await app.register(fastifyRateLimit, { global: false });

  // A second router knows every registered path, so an unknown method on a known path answers 405, not 404.
  const knownPaths = FindMyWay();
  const authDecisions: { method: string; url: string; auth: RouteAuth }[] = [];
  app.decorate('authDecisions', authDecisions);
  app.addHook('onRoute', (route) => {
    const isGuarded =
      GUARDED_PREFIXES.some((p) => route.url.startsWith(p)) && !route.url.startsWith('/api/docs');
    if (isGuarded && route.config?.auth === undefined) {
      throw new Error(`route ${String(route.method)} ${route.url} has no auth decision (config.auth)`);
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (isGuarded && route.config?.auth !== undefined) {
      for (const m of methods) {
        authDecisions.push({ method: String(m), url: route.url, auth: route.config.auth });
      }
    }
    for (const m of methods) {
      if (ALL_METHODS.includes(m as HTTPMethod) && !knownPaths.hasRoute(m as HTTPMethod, route.url)) {
        knownPaths.on(m as HTTPMethod, route.url, () => undefined);
      }
    }
  });

  app.decorateRequest('actor', null as never);
  app.decorateRequest('now', 0);
  app.addHook('onRequest', async (request, reply) => {
    // One instant per request, from the platform clock: everything the request stores or compares uses it.
    request.now = deps.services.clock.now();
    void reply.header('x-request-id', request.id);
    request.actor = { kind: 'anonymous' };
    const auth = request.routeOptions.config.auth;
    if (auth === undefined) {
      return;
    }
    const header = request.headers.authorization;
    const bearer = header?.startsWith('Bearer ') === true ? header.slice(7).trim() : null;
    const cookie = request.cookies[authenticator.cookieName];
    request.actor = await authenticator.authenticate(
      database.db,
      { bearer, sessionSecret: bearer === null ? (cookie ?? null) : null },
      request.now,
      config.sessionTtlHours * 3600_000,
    );
    if (auth === 'public') {
      return;
    }
    const actor = request.actor;
    if (actor.kind !== 'user') {
      throw new AppError('auth.required');
    }
    if (UNSAFE.has(request.method) && actor.via === 'session') {
      const token = request.headers['x-csrf-token'];
      if (
        !authenticator.isCsrfValid(
          deps.services.cookieSecret,
          actor.sessionSecret ?? '',
          typeof token === 'string' ? token : undefined,
        )
      ) {
        throw new AppError('auth.csrf');
      }
    }
    if (actor.mustChangePassword && request.routeOptions.config.isAllowedBeforePasswordChange !== true) {
      throw new AppError('auth.password_change_required');
    }
    if (auth !== 'authenticated' && !roleMay(actor.active.role, auth)) {
      throw new AppError('auth.forbidden');
    }
  });

  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.code === 'internal') {
      request.log.error({ err: error }, 'unhandled error');
    } else if (appError.status >= 500) {
      request.log.warn({ code: appError.code }, 'service error');
    }
    return sendProblem(reply, request, appError);
  });

  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    const allowed = ALL_METHODS.filter((m) => knownPaths.find(m, url) !== null);
    if (allowed.length > 0) {
      return sendProblem(
        reply,
        request,
        new AppError('route.method_not_allowed', { headers: { allow: allowed.join(', ') } }),
      );
    }
    const isApi = ['/api', '/open311', '/healthz'].some((p) => url === p || url.startsWith(`${p}/`));
    if (
      !isApi &&
      request.method === 'GET' &&
      deps.webDir !== null &&
      existsSync(path.join(deps.webDir, 'index.html'))
    ) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return sendProblem(reply, request, new AppError('route.not_found'));
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Tongxin 同心 API',
        description: '基层党建引领社会治理平台 — party-building-led grassroots social governance',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: authenticator.cookieName },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: false });

  app.get('/api/openapi.json', { config: { auth: 'public' }, schema: { hide: true } }, () => app.swagger());

  app.get('/healthz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await deps.services.ping();
      return { status: 'ok' };
    } catch {
      return reply.code(503).send({ status: 'unavailable' });
    }
  });

  for (const register of parts.routes) {
    await app.register(register, { deps });
  }

  if (deps.webDir !== null && existsSync(deps.webDir)) {
    await app.register(fastifyStatic, {
      root: deps.webDir,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
    });
  }

  return app;
}
