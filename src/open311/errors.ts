// Open311 errors: the spec's list of {code, description}, not problem+json, because Open311 clients expect that shape.
import type { FastifyError } from 'fastify';
import { AppError } from '../platform/errors.js';
import { msg, pick, type Locale, type Message } from '../platform/i18n.js';

export const open311Statuses = [400, 403, 404, 429, 500, 503] as const;
export type Open311Status = (typeof open311Statuses)[number];

export class Open311Error extends Error {
  constructor(
    readonly status: Open311Status,
    readonly descriptions: readonly Message[],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(descriptions[0]?.en ?? String(status));
  }
}

export const badRequest = (...descriptions: Message[]): Open311Error => new Open311Error(400, descriptions);
export const notFoundError = (what: Message): Open311Error => new Open311Error(404, [what]);
export const badApiKey = (): Open311Error =>
  new Open311Error(403, [msg('api_key 无效、缺失或已吊销', 'The api_key is missing, invalid or revoked')]);

export type ErrorItem = { code: string; description: string };

const isFastifyError = (e: unknown): e is FastifyError =>
  e instanceof Error && typeof (e as Partial<FastifyError>).statusCode === 'number';

/** Any failure on an Open311 route, as the list the spec answers with. */
export function open311ErrorOf(error: unknown): Open311Error {
  if (error instanceof Open311Error) {
    return error;
  }
  if (error instanceof AppError) {
    const details = (error.options.errors ?? []).map((e) =>
      msg(`${e.field}：${e.message}`, `${e.field}: ${e.message}`),
    );
    const description = error.options.detail ?? msg(error.message, error.message);
    const status: Open311Status =
      error.status === 403 || error.status === 404 || error.status === 429 || error.status === 503
        ? error.status
        : error.status >= 500
          ? 500
          : 400;
    return new Open311Error(status, details.length > 0 ? details : [description], error.options.headers);
  }
  if (isFastifyError(error)) {
    if (error.validation !== undefined) {
      return new Open311Error(
        400,
        error.validation.map((v) => {
          const field =
            typeof v.params.missingProperty === 'string'
              ? v.params.missingProperty
              : v.instancePath.replace(/^\//, '').replace(/\//g, '.');
          const text = `${field === '' ? (error.validationContext ?? 'request') : field}: ${v.message ?? 'invalid'}`;
          return msg(text, text);
        }),
      );
    }
    if (error.statusCode === 429) {
      return new Open311Error(429, [msg('请求过于频繁，请稍后再试', 'Too many requests; try again later')]);
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      const text = error.message;
      return new Open311Error(error.statusCode === 404 ? 404 : 400, [msg(text, text)]);
    }
  }
  return new Open311Error(500, [msg('服务器内部错误', 'Internal server error')]);
}

export function presentErrors(error: Open311Error, locale: Locale): ErrorItem[] {
  return error.descriptions.map((d) => ({ code: String(error.status), description: pick(d, locale) }));
}
