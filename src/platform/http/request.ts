// What a route handler reads off a request: the caller, the request's instant and its context for use cases.
import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Actor, UserActor } from '../../access/index.js';
import type { RequestContext } from '../context.js';
import { AppError } from '../errors.js';
import { localeFrom } from '../i18n.js';

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs interface
  interface FastifyRequest {
    actor: Actor;
    /** The platform clock's reading when the request arrived (epoch ms). */
    now: number;
  }
}

export function contextOf(request: FastifyRequest): RequestContext {
  return {
    actor: request.actor,
    ip: request.ip,
    requestId: request.id,
    locale: localeFrom(request.headers['accept-language']),
    log: request.log as unknown as Logger,
    now: request.now,
  };
}

export function userOf(request: FastifyRequest): UserActor {
  if (request.actor.kind !== 'user') {
    throw new AppError('auth.required');
  }
  return request.actor;
}
