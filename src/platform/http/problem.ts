// Turns every failure into application/problem+json with a stable code; nothing internal reaches the client.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorCatalog, type ErrorCode, type FieldError } from '../errors.js';
import { localeFrom, pick } from '../i18n.js';

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  errors?: FieldError[];
  [extra: string]: unknown;
};

export function problemOf(error: AppError, request: FastifyRequest): Problem {
  const locale = localeFrom(request.headers['accept-language']);
  const spec = errorCatalog[error.code];
  const title = pick(spec.title, locale);
  const problem: Problem = {
    ...(error.options.extra ?? {}),
    type: `urn:tongxin:problem:${error.code}`,
    title,
    status: spec.status,
    detail: error.options.detail === undefined ? title : pick(error.options.detail, locale),
    code: error.code,
    instance: request.id,
  };
  if (error.options.errors !== undefined) {
    problem.errors = error.options.errors;
  }
  return problem;
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, error: AppError): FastifyReply {
  for (const [name, value] of Object.entries(error.options.headers ?? {})) {
    void reply.header(name, value);
  }
  return reply
    .code(error.status)
    .type('application/problem+json; charset=utf-8')
    .send(problemOf(error, request));
}

type ValidationIssue = { instancePath?: string; message?: string; params?: Record<string, unknown> };

function fieldErrors(validation: readonly ValidationIssue[], context: string | undefined): FieldError[] {
  return validation.map((v) => {
    let field = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    const missing = v.params?.missingProperty;
    if (typeof missing === 'string') {
      field = field === '' ? missing : `${field}.${missing}`;
    }
    const additional = v.params?.additionalProperty;
    if (typeof additional === 'string') {
      field = field === '' ? additional : `${field}.${additional}`;
    }
    return { field: field === '' ? (context ?? 'body') : field, message: v.message ?? 'invalid' };
  });
}

/** SQLite's and PostgreSQL's unique-constraint violations. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/**
 * PostgreSQL refusing a value no text column can hold: a zero byte (22021, e.g. an id with %00 in the path) or a
 * malformed literal (22P02). SQLite stores such text as given, so only PostgreSQL raises these.
 */
function isUnstorableText(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '22021' || code === '22P02';
}

/** Maps a thrown error (ours, Fastify's, or anything else) to an AppError. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) {
    return error;
  }
  const fe = error as Partial<FastifyError> & {
    validation?: ValidationIssue[];
    validationContext?: string;
    headers?: unknown;
  };
  if (Array.isArray(fe.validation)) {
    return new AppError('request.invalid', { errors: fieldErrors(fe.validation, fe.validationContext) });
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('request.malformed_json');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('request.too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('request.unsupported_media_type');
    case undefined:
    default:
      break;
  }
  if (error instanceof SyntaxError && fe.statusCode === 400) {
    return new AppError('request.malformed_json');
  }
  // Two writers raced past a use case's own check (e.g. the same username created twice at once): the database's
  // unique constraint decided, and the loser hears that the record already exists rather than an internal error.
  if (isUniqueViolation(error)) {
    return new AppError('record.conflict');
  }
  if (isUnstorableText(error)) {
    return new AppError('request.invalid', {
      errors: [{ field: 'path', message: 'holds a character no record has' }],
    });
  }
  if (fe.statusCode === 429) {
    return new AppError(
      'rate.limited',
      fe.headers === undefined ? {} : { headers: stringHeaders(fe.headers) },
    );
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode === 413) {
    return new AppError('request.too_large');
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode === 415) {
    return new AppError('request.unsupported_media_type');
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError('request.invalid');
  }
  return new AppError('internal');
}

function stringHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof headers === 'object' && headers !== null) {
    for (const [k, v] of Object.entries(headers)) {
      out[k] = String(v);
    }
  }
  return out;
}
