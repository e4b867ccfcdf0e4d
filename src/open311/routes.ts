// Open311 GeoReport v2 under /open311/v2: discovery, services, service definitions, requests and tokens, each as
// .json and .xml. Errors answer in the spec's shape (errors/error with code and description), not problem+json.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { catalogueVersions, listCategories } from '../cases/index.js';
import { getGridIndex } from '../grids/index.js';
import { orgDirectory } from '../orgs/index.js';
import { contextOf } from '../platform/http/request.js';
import type { ModuleRoutes } from '../platform/http/module.js';
import { localeFrom, msg, pick, type Locale } from '../platform/i18n.js';
import { authenticateApiKey, rateLimitKey, type Open311Client } from './apiKeys.js';
import {
  badApiKey,
  badRequest,
  notFoundError,
  Open311Error,
  open311ErrorOf,
  presentErrors,
} from './errors.js';
import { formatOfUrl, isFormat, isoDateTime, sendFormatted, type Format } from './format.js';
import { findPublicRequest, presentRequests, selectRequests, type Presentation } from './reads.js';
import { reportRequest } from './reportRequest.js';
import {
  CommonQuery,
  FormatParams,
  PostRequestBody,
  RequestIdParams,
  RequestsQuery,
  ServiceParams,
  TokenParams,
} from './schemas.js';
import { presentDefinition, presentService, reportableServices } from './services.js';

export const OPEN311_PREFIX = '/open311/v2';
export const SPEC_URL = 'http://wiki.open311.org/GeoReport_v2';

/** Per api_key (or per address without one), per endpoint. */
const READ_LIMIT = { max: 600, timeWindow: '1 minute' };
const WRITE_LIMIT = { max: 60, timeWindow: '1 minute' };

/** Parameters from the query string and, on POST, the body (form or JSON). */
function paramsOf(request: FastifyRequest): Record<string, unknown> {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const body = request.body;
  return body !== null && typeof body === 'object' && !Array.isArray(body)
    ? { ...query, ...(body as Record<string, unknown>) }
    : query;
}

function formOf(text: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const before = out[key];
    out[key] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
  }
  return out;
}

const isTrue = (v: unknown) => v === 'true' || v === '1' || v === true;

export const openRoutes: ModuleRoutes = async (base, { deps }) => {
  const { database } = deps;
  const db = database.db;
  const clients = new WeakMap<FastifyRequest, Open311Client>();

  const localeOf = (request: FastifyRequest): Locale => {
    const asked = (request.query as Record<string, unknown> | undefined)?.locale;
    return typeof asked === 'string' && asked.toLowerCase().startsWith('en')
      ? 'en'
      : typeof asked === 'string' && asked.toLowerCase().startsWith('zh')
        ? 'zh-CN'
        : localeFrom(request.headers['accept-language']);
  };
  const baseUrlOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;
  const district = async () => {
    const root = await orgDirectory(db, database.dialect).findRoot();
    if (root === undefined) {
      throw new Open311Error(503, [msg('区划数据尚未初始化', 'The district is not set up yet')]);
    }
    return root;
  };

  await base.register(
    async (scope: FastifyInstance) => {
      const app = scope.withTypeProvider<TypeBoxTypeProvider>();

      // Form-encoded POSTs are the spec's form; repeated fields (attribute[CODE][]) become arrays.
      app.addContentTypeParser(
        'application/x-www-form-urlencoded',
        { parseAs: 'string' },
        (_req, body, done) => {
          done(null, formOf(typeof body === 'string' ? body : body.toString('utf8')));
        },
      );

      app.setErrorHandler((error, request, reply) => {
        const e = open311ErrorOf(error);
        if (e.status >= 500) {
          request.log.error({ err: error }, 'open311 error');
        }
        for (const [name, value] of Object.entries(e.headers)) {
          void reply.header(name, value);
        }
        return sendFormatted(
          reply,
          formatOfUrl(request.url),
          e.status,
          'errors',
          presentErrors(e, localeOf(request)),
        );
      });

      app.setNotFoundHandler((request, reply) =>
        sendFormatted(
          reply,
          formatOfUrl(request.url),
          404,
          'errors',
          presentErrors(
            notFoundError(msg('没有这个 Open311 地址', 'No such Open311 resource')),
            localeOf(request),
          ),
        ),
      );

      // Every endpoint: a known format, the right jurisdiction, and a valid api_key when one is sent (always on POST).
      app.addHook('preValidation', async (request) => {
        const format = (request.params as Record<string, unknown> | undefined)?.format;
        if (typeof format !== 'string' || !isFormat(format)) {
          throw notFoundError(msg('只支持 .json 和 .xml', 'Only .json and .xml are served'));
        }
        const params = paramsOf(request);
        const jurisdiction = params.jurisdiction_id;
        if (jurisdiction !== undefined && jurisdiction !== '') {
          const root = await district();
          if (
            (typeof jurisdiction === 'string' ? jurisdiction : JSON.stringify(jurisdiction)) !== root.code
          ) {
            throw badRequest(
              msg(`jurisdiction_id 应为 ${root.code ?? ''}`, `jurisdiction_id must be ${root.code ?? ''}`),
            );
          }
        }
        const apiKey = params.api_key;
        if (request.method === 'POST' || (apiKey !== undefined && apiKey !== '')) {
          if (typeof apiKey !== 'string') {
            throw badApiKey();
          }
          clients.set(request, await authenticateApiKey(db, apiKey, request.now));
        }
      });

      const limit = (l: { max: number; timeWindow: string }) => ({
        ...l,
        hook: 'preValidation' as const,
        keyGenerator: (request: FastifyRequest) => rateLimitKey(paramsOf(request).api_key, request.ip),
      });
      const fmt = (request: FastifyRequest): Format => formatOfUrl(request.url);

      app.get(
        '/discovery.:format',
        {
          config: { auth: 'public', rateLimit: limit(READ_LIMIT) },
          schema: { tags: ['open311'], summary: 'Open311 service discovery', params: FormatParams },
        },
        async (request, reply) => {
          const locale = localeOf(request);
          const versions = await catalogueVersions(db);
          const changeset = isoDateTime(versions[0]?.created_at ?? 0);
          const root = await district();
          return sendFormatted(reply, fmt(request), 200, 'discovery', {
            changeset,
            contact: pick(
              msg(`${root.name}社会治理现代化指挥中心`, `Social governance command centre of ${root.name}`),
              locale,
            ),
            key_service: pick(
              msg(
                '每个客户端向区管理员申请一个 api_key（提交诉求时需要）',
                'Ask the district administrator for one api_key per client (needed to post requests)',
              ),
              locale,
            ),
            endpoints: [
              {
                specification: SPEC_URL,
                url: `${baseUrlOf(request)}${OPEN311_PREFIX}`,
                changeset,
                type: 'production',
                formats: ['text/xml', 'application/json'],
              },
            ],
          });
        },
      );

      app.get(
        '/services.:format',
        {
          config: { auth: 'public', rateLimit: limit(READ_LIMIT) },
          schema: {
            tags: ['open311'],
            summary: 'Open311 services: the active leaf categories',
            params: FormatParams,
            querystring: CommonQuery,
          },
        },
        async (request, reply) => {
          const all = await listCategories(db);
          const locale = localeOf(request);
          return sendFormatted(
            reply,
            fmt(request),
            200,
            'services',
            reportableServices(all).map((c) => presentService(c, all, locale)),
          );
        },
      );

      app.get(
        '/services/:service_code.:format',
        {
          config: { auth: 'public', rateLimit: limit(READ_LIMIT) },
          schema: {
            tags: ['open311'],
            summary: 'Open311 service definition: the category’s extra fields',
            params: ServiceParams,
            querystring: CommonQuery,
          },
        },
        async (request, reply) => {
          const all = await listCategories(db);
          const category = reportableServices(all).find((c) => c.code === request.params.service_code);
          if (category === undefined) {
            throw notFoundError(
              msg(
                `没有服务 ${request.params.service_code}`,
                `No service with service_code ${request.params.service_code}`,
              ),
            );
          }
          return sendFormatted(
            reply,
            fmt(request),
            200,
            'service_definition',
            presentDefinition(category, localeOf(request)),
          );
        },
      );

      app.post(
        '/requests.:format',
        {
          config: { auth: 'public', rateLimit: limit(WRITE_LIMIT) },
          schema: {
            tags: ['open311'],
            summary:
              'Open311: file a service request (form-encoded or JSON); needs api_key. Honours Idempotency-Key',
            params: FormatParams,
            body: PostRequestBody,
          },
        },
        async (request, reply) => {
          const client = clients.get(request);
          if (client === undefined) {
            throw badApiKey();
          }
          const ctx = contextOf(request);
          const index = await getGridIndex(database);
          const key = request.headers['idempotency-key'];
          const params = paramsOf(request);
          const filed = await reportRequest(
            database,
            {
              dialect: database.dialect,
              cipher: deps.services.cipher,
              locate: (lng, lat) => index.locate(lng, lat),
            },
            ctx,
            client,
            params,
            typeof key === 'string' && key.length >= 8 && key.length <= 100 ? key : undefined,
          );
          const notice =
            filed.duplicates > 0
              ? msg(
                  `已收到，附近已有 ${filed.duplicates} 件同类诉求在办理；指挥中心将在工作时间内受理`,
                  `Received; ${filed.duplicates} similar open report(s) nearby. The command centre reviews it during working hours`,
                )
              : msg(
                  '已收到，指挥中心将在工作时间内受理',
                  'Received; the command centre reviews it during working hours',
                );
          const account = params.account_id;
          return sendFormatted(reply, fmt(request), 200, 'service_requests', [
            {
              service_request_id: filed.serviceRequestId,
              service_notice: pick(notice, ctx.locale),
              ...(typeof account === 'string' || typeof account === 'number'
                ? { account_id: String(account) }
                : {}),
            },
          ]);
        },
      );

      const how = (request: FastifyRequest, isExtended: boolean): Presentation => ({
        locale: localeOf(request),
        baseUrl: baseUrlOf(request),
        now: request.now,
        isExtended,
      });

      app.get(
        '/requests.:format',
        {
          config: { auth: 'public', rateLimit: limit(READ_LIMIT) },
          schema: {
            tags: ['open311'],
            summary: 'Open311 service requests; without filters the last 90 days, at most 1000',
            params: FormatParams,
            querystring: RequestsQuery,
          },
        },
        async (request, reply) => {
          const isExtended = isTrue(request.query.extensions);
          const rows = await selectRequests(
            database,
            (await district()).path,
            request.query,
            isExtended,
            request.now,
          );
          return sendFormatted(
            reply,
            fmt(request),
            200,
            'service_requests',
            await presentRequests(database, rows, how(request, isExtended)),
          );
        },
      );

      app.get(
        '/requests/:service_request_id.:format',
        {
          config: { auth: 'public', rateLimit: limit(READ_LIMIT) },
          schema: {
            tags: ['open311'],
            summary: 'Open311: one service request',
            params: RequestIdParams,
            querystring: CommonQuery,
          },
        },
        async (request, reply) => {
          const row = await findPublicRequest(database, request.params.service_request_id);
          if (row === undefined) {
            throw notFoundError(msg('没有这个服务请求', 'No such service request'));
          }
          const isExtended = isTrue((request.query as Record<string, unknown>).extensions);
          return sendFormatted(
            reply,
            fmt(request),
            200,
            'service_requests',
            await presentRequests(database, [row], how(request, isExtended)),
          );
        },
      );

      app.get(
        '/tokens/:token.:format',
        {
          config: { auth: 'public', rateLimit: limit(READ_LIMIT) },
          schema: {
            tags: ['open311'],
            summary:
              'Open311: the service_request_id of a token (every request is filed at once: the token is the id)',
            params: TokenParams,
            querystring: CommonQuery,
          },
        },
        async (request, reply) => {
          const row = await findPublicRequest(database, request.params.token);
          if (row === undefined) {
            throw notFoundError(msg('没有这个 token', 'No such token'));
          }
          return sendFormatted(reply, fmt(request), 200, 'service_requests', [
            { service_request_id: row.tracking_code, token: request.params.token },
          ]);
        },
      );
    },
    { prefix: OPEN311_PREFIX },
  );
};
