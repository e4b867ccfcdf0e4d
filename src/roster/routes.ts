// HTTP routes for spreadsheets of the organisation system: import (dry run, then all-or-nothing commit) and streamed export.
import { PassThrough } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { scopeOf } from '../access/index.js';
import { importMembers } from '../members/index.js';
import {
  ImportQuery,
  ImportReportSchema as ReportSchema,
  MAX_UPLOAD_BYTES,
  uploadedFile,
} from '../platform/spreadsheet/index.js';
import { contextOf, userOf } from '../platform/http/request.js';
import type { ModuleRoutes } from '../platform/http/module.js';
import { exportSubtree } from './exportSubtree.js';
import { importOrgs } from '../orgs/index.js';

export const rosterRoutes: ModuleRoutes = async (base, { deps }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  const { database } = deps;

  app.post(
    '/api/imports/orgs',
    {
      config: { auth: 'org.write' },
      bodyLimit: MAX_UPLOAD_BYTES,
      schema: {
        tags: ['orgs'],
        summary:
          'Import organisations from .xlsx or .csv (UTF-8 or GBK): dry run by default, or commit all rows',
        consumes: ['multipart/form-data'],
        querystring: ImportQuery,
        response: { 200: ReportSchema },
      },
    },
    async (request) =>
      importOrgs(database, contextOf(request), scopeOf(userOf(request)), {
        bytes: await uploadedFile(request),
        dryRun: request.query.dryRun ?? true,
      }),
  );

  app.post(
    '/api/imports/members',
    {
      config: { auth: 'member.write' },
      bodyLimit: MAX_UPLOAD_BYTES,
      schema: {
        tags: ['members'],
        summary:
          'Import party members from .xlsx or .csv (UTF-8 or GBK): dry run by default, or commit all rows',
        consumes: ['multipart/form-data'],
        querystring: ImportQuery,
        response: { 200: ReportSchema },
      },
    },
    async (request) =>
      importMembers(database, deps.services.cipher, contextOf(request), scopeOf(userOf(request)), {
        bytes: await uploadedFile(request),
        dryRun: request.query.dryRun ?? true,
      }),
  );

  app.get(
    '/api/orgs/:id/export',
    {
      config: { auth: 'member.export' },
      schema: {
        tags: ['orgs'],
        summary: 'Export an organisation subtree to .xlsx (numbers masked); needs a reason, audited',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        querystring: Type.Object({ reason: Type.String({ maxLength: 500 }) }),
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (request, reply) => {
      const { org, write } = await exportSubtree(database, contextOf(request), scopeOf(userOf(request)), {
        orgId: request.params.id,
        reason: request.query.reason,
      });
      const out = new PassThrough();
      write(out).catch((error: unknown) => {
        request.log.error({ err: error }, 'export failed');
        out.destroy(error instanceof Error ? error : new Error('export failed'));
      });
      const filename = encodeURIComponent(`${org.name}.xlsx`);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${filename}`)
        .send(out);
    },
  );
};
