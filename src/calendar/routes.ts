// HTTP routes of the holiday calendar: its status (the console banner), the years held, a year's days, and the
// import of a year from the State Council's notice as a file (dry run, then an atomic, audited commit).
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError } from '../platform/errors.js';
import { contextOf } from '../platform/http/request.js';
import type { ModuleRoutes } from '../platform/http/module.js';
import { readCalendarStatus } from './calendarStatus.js';
import { importCalendarYear } from './importCalendarYear.js';
import {
  DaySchema,
  ImportReportSchema,
  presentDays,
  presentImport,
  presentStatus,
  presentYear,
  StatusSchema,
  YearSchema,
} from './presenter.js';
import { calendarRepository } from './repository.js';

const YearParams = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) });
const MAX_FILE_CHARS = 400_000;

export const calendarRoutes: ModuleRoutes = async (base, { deps }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps.database;

  app.get(
    '/api/calendar/status',
    {
      config: { auth: 'calendar.write' },
      schema: {
        tags: ['calendar'],
        summary: 'Whether the current and (from November) the next year have a holiday calendar',
        response: { 200: StatusSchema },
      },
    },
    async (request) => presentStatus(await readCalendarStatus(db, request.now)),
  );

  app.get(
    '/api/calendar/years',
    {
      config: { auth: 'calendar.write' },
      schema: {
        tags: ['calendar'],
        summary: 'The years the holiday calendar holds, with their counts',
        response: { 200: Type.Object({ items: Type.Array(YearSchema) }) },
      },
    },
    async () => ({ items: (await calendarRepository(db).years()).map(presentYear) }),
  );

  app.get(
    '/api/calendar/:year',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags: ['calendar'],
        summary: 'Holidays and adjusted working days of a year',
        params: YearParams,
        response: { 200: Type.Object({ items: Type.Array(DaySchema) }) },
      },
    },
    async (request) => ({ items: presentDays(await calendarRepository(db).daysOf(request.params.year)) }),
  );

  app.post(
    '/api/calendar/:year/import',
    {
      config: { auth: 'calendar.write' },
      schema: {
        tags: ['calendar'],
        summary:
          'Import a year from a file (chinese-days JSON, { days: [...] } JSON, or CSV date,kind[,name]); dry run by default',
        params: YearParams,
        querystring: Type.Object({
          dryRun: Type.Optional(
            Type.Boolean({ default: true, description: 'check only (default); false commits' }),
          ),
        }),
        body: Type.Object({
          content: Type.String({ minLength: 1, maxLength: MAX_FILE_CHARS }),
          format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])),
          fileName: Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: { 200: ImportReportSchema },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const result = await importCalendarYear(db, ctx, {
        year: request.params.year,
        content: request.body.content,
        format: request.body.format,
        fileName: request.body.fileName,
        dryRun: request.query.dryRun ?? true,
      });
      return presentImport(result, ctx.locale);
    },
  );

  app.put(
    '/api/calendar/:year',
    {
      config: { auth: 'calendar.write' },
      schema: {
        tags: ['calendar'],
        summary:
          'Replace a year of holidays and adjusted working days with the given list (checked like an import)',
        params: YearParams,
        body: Type.Object({ items: Type.Array(DaySchema, { maxItems: 366 }) }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const result = await importCalendarYear(db, ctx, {
        year: request.params.year,
        content: JSON.stringify({ days: request.body.items }),
        format: 'json',
        dryRun: false,
      });
      if (!result.committed) {
        const report = presentImport(result, ctx.locale);
        throw new AppError('request.invalid', {
          errors: report.issues.map((i) => ({
            field: i.row === 0 ? 'items' : `items.${i.row - 1}.${i.field}`,
            message: i.message,
          })),
        });
      }
      return reply.code(204).send(null);
    },
  );
};
