// Property-based requests from the OpenAPI document (app.swagger()): every operation, as anonymous and as every role,
// with bodies, queries and ids of the declared shape and malformed ones. No answer may be a 5xx; every error of the
// API is application/problem+json with a code, Open311's its own list of code + description.
import fc from 'fast-check';
import type { App } from '../platform/http/app.js';
import type { Session } from '../testing/testPlatform.js';
import {
  hostileStrings,
  malformedArbitrary,
  validArbitrary,
  type JsonSchema,
  type Resolver,
} from './schemaArbitrary.js';

type Parameter = { in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema: JsonSchema };
type Operation = {
  method: string;
  path: string;
  parameters: Parameter[];
  body: { contentType: string; schema: JsonSchema } | null;
};

export type FuzzCaller = { name: string; session: Session | null };

export type FuzzReport = {
  requests: number;
  operations: number;
  operationsHit: number;
  byStatus: Record<string, number>;
  failures: string[];
  /** Pairs of operation × caller that received at least one request. */
  pairs: number;
};

/** Routes that end or switch the caller's own session; fuzzed anonymously only so the run keeps its sessions. */
const SESSION_ROUTES = new Set(['POST /api/auth/logout', 'PUT /api/auth/scope', 'PUT /api/auth/password']);

export function operationsOf(document: unknown): { ops: Operation[]; resolve: Resolver } {
  const doc = document as {
    paths: Record<
      string,
      Record<
        string,
        { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema: JsonSchema }> } }
      >
    >;
    components?: { schemas?: Record<string, JsonSchema> };
  };
  const schemas = doc.components?.schemas ?? {};
  const resolve: Resolver = (ref) => schemas[ref.replace('#/components/schemas/', '')];
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) {
        continue;
      }
      const content = op.requestBody?.content ?? {};
      const contentType = Object.keys(content)[0];
      ops.push({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        body: contentType === undefined ? null : { contentType, schema: content[contentType]!.schema },
      });
    }
  }
  ops.sort((a, b) => (a.path + a.method < b.path + b.method ? -1 : 1));
  return { ops, resolve };
}

/** A path segment, percent-encoded; a lone surrogate (not encodable) is sent as its raw UTF-8 bytes' escape. */
function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

type Built = { method: string; url: string; headers: Record<string, string>; payload?: string };

function requestArbitrary(op: Operation, resolve: Resolver, ids: readonly string[]): fc.Arbitrary<Built> {
  const mode = fc.constantFrom('valid', 'valid', 'valid', 'malformed', 'malformed', 'garbage');
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const idArb = fc.oneof(
    fc.constantFrom(...(ids.length > 0 ? ids : ['none'])),
    fc.constantFrom(...hostileStrings.filter((s) => s !== '')),
    fc.string({ minLength: 1, maxLength: 30 }),
  );
  const pathArb = fc.tuple(
    ...pathParams.map((p) =>
      p.name === 'format'
        ? fc.constantFrom('json', 'json', 'xml', 'html')
        : p.name === 'year'
          ? fc.constantFrom('2026', '1900', 'x')
          : idArb,
    ),
  );
  const queryArb = fc.tuple(
    ...queryParams.map((p) =>
      fc.option(
        fc.oneof(validArbitrary(p.schema, resolve, ids), malformedArbitrary(p.schema, resolve, ids)),
        {
          freq: 2,
        },
      ),
    ),
  );
  const bodyArb =
    op.body === null
      ? fc.constant(undefined)
      : fc.oneof(
          validArbitrary(op.body.schema, resolve, ids),
          malformedArbitrary(op.body.schema, resolve, ids),
        );
  const idem = fc.option(fc.string({ minLength: 8, maxLength: 40 }), { freq: 3 });
  return fc.tuple(mode, pathArb, queryArb, bodyArb, idem).map(([m, pathValues, queryValues, body, key]) => {
    let url = op.path;
    pathParams.forEach((p, i) => {
      url = url.replace(`{${p.name}}`, encodeSegment(String(pathValues[i])));
    });
    const qs = new URLSearchParams();
    queryParams.forEach((p, i) => {
      const v = queryValues[i];
      if (v !== null && v !== undefined) {
        qs.set(p.name, typeof v === 'string' ? v : JSON.stringify(v));
      }
    });
    const q = qs.toString();
    const headers: Record<string, string> = {};
    if (key !== null) {
      headers['idempotency-key'] = key;
    }
    let payload: string | undefined;
    if (op.method !== 'GET' && op.method !== 'DELETE') {
      if (m === 'garbage') {
        headers['content-type'] = 'application/json';
        payload = ['{', '{"a":', 'null', '[]', '"x"', '\u0000', '{"__proto__":{"x":1}}'][url.length % 7];
      } else if (op.body !== null && op.body.contentType.includes('form')) {
        headers['content-type'] = 'application/x-www-form-urlencoded';
        const form = new URLSearchParams();
        for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) {
          form.set(k, typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
        }
        payload = form.toString();
      } else {
        headers['content-type'] = 'application/json';
        payload = JSON.stringify(m === 'valid' ? (body ?? {}) : body);
      }
    }
    return { method: op.method, url: q === '' ? url : `${url}?${q}`, headers, payload };
  });
}

function checkAnswer(op: Operation, status: number, contentType: string, body: string): string | null {
  if (status >= 500) {
    return `${status}`;
  }
  if (status < 400) {
    return null;
  }
  if (op.path.startsWith('/open311/')) {
    if (contentType.startsWith('text/xml') || contentType.startsWith('application/xml')) {
      return body.includes('<errors>') ? null : 'Open311 XML error without <errors>';
    }
    try {
      const list = JSON.parse(body) as { code?: unknown; description?: unknown }[];
      return Array.isArray(list) &&
        list.every((e) => e.code !== undefined && typeof e.description === 'string')
        ? null
        : 'Open311 error is not a list of code + description';
    } catch {
      return `Open311 error is not JSON (${contentType})`;
    }
  }
  if (!contentType.startsWith('application/problem+json')) {
    return `error ${status} as ${contentType}`;
  }
  try {
    const problem = JSON.parse(body) as { code?: unknown; status?: unknown };
    return typeof problem.code === 'string' && problem.status === status
      ? null
      : 'problem without code or status';
  } catch {
    return 'problem+json that is not JSON';
  }
}

/**
 * Sends `requests` requests spread evenly over the operations (each operation in turn, each caller in turn), the
 * request itself drawn by fast-check from the operation's schemas with a fixed seed, so a failure is replayable.
 */
export async function runFuzz(
  app: App,
  callers: FuzzCaller[],
  ids: readonly string[],
  options: { requests: number; seed: number; progress?: (done: number) => void },
): Promise<FuzzReport> {
  const { ops, resolve } = operationsOf(app.swagger());
  const arbitraries = ops.map((op) => requestArbitrary(op, resolve, ids));
  const byStatus: Record<string, number> = {};
  const failures: string[] = [];
  const hit = new Set<number>();
  const pairs = new Set<string>();
  let sent = 0;
  for (let i = 0; i < options.requests; i++) {
    const opIndex = i % ops.length;
    const op = ops[opIndex]!;
    let caller = callers[Math.floor(i / ops.length + opIndex) % callers.length]!;
    if (caller.session !== null && SESSION_ROUTES.has(`${op.method} ${op.path}`)) {
      caller = callers.find((c) => c.session === null) ?? caller;
    }
    const [built] = fc.sample(arbitraries[opIndex]!, { numRuns: 1, seed: options.seed + i });
    const headers = { ...built!.headers };
    if (caller.session !== null) {
      headers.cookie = caller.session.cookie;
      // Now and then a cookie write without its CSRF token.
      if (i % 17 !== 0) {
        headers['x-csrf-token'] = caller.session.csrf;
      }
    }
    const res = await app.inject({
      method: built!.method as 'GET',
      url: built!.url,
      headers,
      remoteAddress: `127.0.${(i >> 8) & 255}.${i & 255}`,
      ...(built!.payload === undefined ? {} : { payload: built!.payload }),
    });
    sent++;
    hit.add(opIndex);
    pairs.add(`${opIndex}|${caller.name}`);
    const bucket = `${Math.floor(res.statusCode / 100)}xx`;
    byStatus[bucket] = (byStatus[bucket] ?? 0) + 1;
    byStatus[String(res.statusCode)] = (byStatus[String(res.statusCode)] ?? 0) + 1;
    const problem = checkAnswer(op, res.statusCode, String(res.headers['content-type'] ?? ''), res.payload);
    if (problem !== null && failures.length < 50) {
      failures.push(
        `${built!.method} ${built!.url.slice(0, 200)} as ${caller.name} (seed ${options.seed + i}): ${problem} ${res.payload.slice(0, 300)}`,
      );
    }
    if (options.progress !== undefined && sent % 500 === 0) {
      options.progress(sent);
    }
  }
  return {
    requests: sent,
    operations: ops.length,
    operationsHit: hit.size,
    byStatus,
    failures,
    pairs: pairs.size,
  };
}
