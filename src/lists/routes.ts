// HTTP routes of the four lists (权力、责任、服务、负面清单) and grid task admission (网格事项准入): the lists a caller
// may read and edit, their versions, .xlsx import and export, the public pages under /api/public/lists, the
// admission applications and their decisions, tasks put on grid workers and the burden meter.
import fastifyMultipart from '@fastify/multipart';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { scopeOf } from '../access/index.js';
import { orgDirectory } from '../orgs/index.js';
import { AppError, notFound } from '../platform/errors.js';
import { contextOf, userOf } from '../platform/http/request.js';
import type { ModuleRoutes } from '../platform/http/module.js';
import { literals } from '../platform/http/schemas.js';
import { DAY_MS } from '../platform/time.js';
import {
  ImportQuery,
  ImportReportSchema,
  MAX_UPLOAD_BYTES,
  uploadedFile,
} from '../platform/spreadsheet/index.js';
import { applyForTask } from './applyForTask.js';
import { assignGridTask } from './assignGridTask.js';
import { burdenMeter } from './burdenMeter.js';
import { composeList, itemOfRow } from './composeList.js';
import { decideApplication, withdrawAdmission } from './decideApplication.js';
import { exportList } from './exportList.js';
import { importListItems } from './importListItems.js';
import { isListLevel, ownerOrThrow } from './places.js';
import {
  AdmissionSchema,
  ItemSchema,
  LimitSchema,
  ListRefSchema,
  TaskSchema,
  presentAdmission,
  presentItem,
  presentTask,
} from './presenter.js';
import { listRepository } from './repository.js';
import { saveListItem } from './saveListItem.js';
import {
  admissionStatuses,
  governances,
  itemKinds,
  itemStatuses,
  listLevels,
  taskKinds,
  type ListLevel,
} from './vocabulary.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Level = literals(listLevels);
const ListParams = Type.Object({ ownerOrgId: Id, level: Type.String({ maxLength: 16 }) });
const Text = (max: number) => Type.String({ maxLength: max });

const ItemBody = Type.Object({
  ownerOrgId: Id,
  level: Level,
  kind: literals(itemKinds),
  code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9._\\-]+$' }),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  basis: Text(2000),
  steps: Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { maxItems: 30 }),
  documents: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 30 }),
  timeLimit: Type.Union([Type.Null(), LimitSchema]),
  responsible: Type.String({ minLength: 1, maxLength: 200 }),
  governance: literals(governances),
  status: literals(itemStatuses),
  expiresAt: Type.Union([Type.Null(), Type.Integer({ minimum: 0 })]),
  categoryCode: Type.Union([Type.Null(), Type.String({ maxLength: 40 })]),
  taskCode: Type.Union([Type.Null(), Type.String({ maxLength: 60 })]),
  note: Type.Optional(Text(500)),
});

const ListView = Type.Object({
  ownerOrgId: Type.String(),
  ownerName: Type.String(),
  ownerLevel: Type.String(),
  level: Type.String(),
  version: Type.Integer(),
  items: Type.Array(ItemSchema),
});

const VersionSchema = Type.Object({
  version: Type.Integer(),
  catalogueVersion: Type.Integer(),
  note: Type.String(),
  createdAt: Type.Integer(),
});

const ApplyBody = Type.Object({
  ownerOrgId: Type.Optional(Id),
  taskKind: literals(taskKinds),
  taskCode: Type.String({ minLength: 1, maxLength: 60, pattern: '^[A-Za-z0-9._\\-]+$' }),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  reason: Type.String({ minLength: 1, maxLength: 2000 }),
  weeklyLoad: Type.Integer({ minimum: 0, maximum: 500 }),
  durationDays: Type.Union([Type.Null(), Type.Integer({ minimum: 1, maximum: 3650 })]),
  isEmergency: Type.Boolean(),
});

function levelOrThrow(level: string): ListLevel {
  if (!isListLevel(level)) {
    throw notFound();
  }
  return level;
}

export const listRoutes: ModuleRoutes = async (base, { deps }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  const { database } = deps;
  const { db, dialect } = database;

  /** Lists with their owners' names; the district's own list always shows (its service list is the catalogue). */
  async function listRefs(rows: { owner_org_id: string; level: string; n: number | string }[]) {
    const root = await orgDirectory(db, dialect).findRoot();
    const all = [...rows];
    if (root !== undefined && !all.some((r) => r.owner_org_id === root.id && r.level === 'district')) {
      all.unshift({ owner_org_id: root.id, level: 'district', n: 0 });
    }
    const owners = new Map(
      (await orgDirectory(db, dialect).byIds([...new Set(all.map((r) => r.owner_org_id))])).map((o) => [
        o.id,
        o,
      ]),
    );
    return all.flatMap((r) => {
      const o = owners.get(r.owner_org_id);
      return o === undefined
        ? []
        : [{ ownerOrgId: o.id, ownerName: o.name, ownerLevel: o.level, level: r.level, items: Number(r.n) }];
    });
  }

  /** A list as read by staff (every status, refusals since `since`) or the public (in force only). */
  async function listView(
    ownerOrgId: string,
    levelText: string,
    now: number,
    staff: { since: number } | null,
  ) {
    const level = levelOrThrow(levelText);
    // Unscoped owner read: staff callers were checked against their scope first; the public sees every list.
    const owner = await ownerOrThrow(db, dialect, null, ownerOrgId);
    const repo = listRepository(db, dialect);
    let items = await composeList(db, dialect, owner, level, now);
    if (staff === null) {
      items = items.filter((i) => i.status !== 'withdrawn' && i.status !== 'expired');
    }
    const refusals = new Map<string, number>();
    if (staff !== null) {
      for (const r of await repo.refusalCounts({ path: owner.path }, staff.since)) {
        if (r.item_id !== null) {
          refusals.set(r.item_id, (refusals.get(r.item_id) ?? 0) + Number(r.n));
        }
      }
    }
    return {
      ownerOrgId: owner.id,
      ownerName: owner.name,
      ownerLevel: owner.level,
      level,
      version: (await repo.lastVersion(owner.id, level))?.version ?? 0,
      items: items.map((i) => presentItem(i, refusals.get(i.id) ?? 0)),
    };
  }

  app.get(
    '/api/lists',
    {
      config: { auth: 'list.read' },
      schema: {
        tags: ['lists'],
        summary: 'The lists the caller may read: those owned in its subtree and those above it that bind it',
        response: { 200: Type.Object({ items: Type.Array(ListRefSchema) }) },
      },
    },
    async (request) => {
      const rows = await listRepository(db, dialect).listsVisible(scopeOf(userOf(request)));
      return { items: await listRefs(rows) };
    },
  );

  app.get(
    '/api/lists/:ownerOrgId/:level',
    {
      config: { auth: 'list.read' },
      schema: {
        tags: ['lists'],
        summary:
          'One list: stored items, the catalogue’s service items and the routing rules’ duties, with refusals',
        params: ListParams,
        response: { 200: ListView },
      },
    },
    async (request) => {
      const scope = scopeOf(userOf(request));
      // The owner must be inside the caller's subtree or above it (what binds it); anything else is 404.
      await ownerOrThrow(db, dialect, scope, request.params.ownerOrgId);
      const now = contextOf(request).now;
      return listView(request.params.ownerOrgId, request.params.level, now, { since: now - 365 * DAY_MS });
    },
  );

  app.get(
    '/api/lists/:ownerOrgId/:level/versions',
    {
      config: { auth: 'list.read' },
      schema: {
        tags: ['lists'],
        summary: 'The versions of a list, newest first',
        params: ListParams,
        response: { 200: Type.Object({ items: Type.Array(VersionSchema) }) },
      },
    },
    async (request) => {
      const level = levelOrThrow(request.params.level);
      const owner = await ownerOrThrow(db, dialect, scopeOf(userOf(request)), request.params.ownerOrgId);
      const rows = await listRepository(db, dialect).versions(owner.id, level, 200);
      return {
        items: rows.map((v) => ({
          version: v.version,
          catalogueVersion: v.catalogue_version,
          note: v.note,
          createdAt: v.created_at,
        })),
      };
    },
  );

  app.get(
    '/api/lists/:ownerOrgId/:level/versions/:version',
    {
      config: { auth: 'list.read' },
      schema: {
        tags: ['lists'],
        summary: 'A list as it read at one version',
        params: Type.Object({
          ownerOrgId: Id,
          level: Type.String({ maxLength: 16 }),
          version: Type.Integer({ minimum: 1 }),
        }),
        response: {
          200: Type.Object({ version: VersionSchema, items: Type.Array(ItemSchema) }),
        },
      },
    },
    async (request) => {
      const level = levelOrThrow(request.params.level);
      const owner = await ownerOrThrow(db, dialect, scopeOf(userOf(request)), request.params.ownerOrgId);
      const v = await listRepository(db, dialect).findVersion(owner.id, level, request.params.version);
      if (v === undefined) {
        throw notFound();
      }
      const items = JSON.parse(v.snapshot) as Parameters<typeof presentItem>[0][];
      return {
        version: {
          version: v.version,
          catalogueVersion: v.catalogue_version,
          note: v.note,
          createdAt: v.created_at,
        },
        items: items.map((i) => presentItem(i)),
      };
    },
  );

  app.post(
    '/api/lists/items',
    {
      config: { auth: 'list.write' },
      schema: {
        tags: ['lists'],
        summary: 'Add an item to a list (a new version of the list)',
        body: ItemBody,
        response: { 200: Type.Object({ id: Type.String() }) },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const row = await saveListItem(database, contextOf(request), actor, scopeOf(actor), null, request.body);
      return { id: row.id };
    },
  );

  app.put(
    '/api/lists/items/:id',
    {
      config: { auth: 'list.write' },
      schema: {
        tags: ['lists'],
        summary:
          'Change an item (withdraw it by status); cat:<code> adds the detail of a catalogue service item, and a ' +
          'linked service item changes its case category too',
        params: Type.Object({ id: Id }),
        body: ItemBody,
        response: { 200: Type.Object({ id: Type.String() }) },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const row = await saveListItem(
        database,
        contextOf(request),
        actor,
        scopeOf(actor),
        request.params.id,
        request.body,
      );
      return { id: row.id };
    },
  );

  app.post(
    '/api/imports/lists',
    {
      config: { auth: 'list.write' },
      bodyLimit: MAX_UPLOAD_BYTES,
      schema: {
        tags: ['lists'],
        summary:
          'Import list items from .xlsx or .csv: dry run by default, or commit all rows as one version',
        consumes: ['multipart/form-data'],
        querystring: Type.Intersect([ImportQuery, Type.Object({ ownerOrgId: Id, level: Level })]),
        response: { 200: ImportReportSchema },
      },
    },
    async (request) => {
      const actor = userOf(request);
      return importListItems(database, contextOf(request), actor, scopeOf(actor), {
        ownerOrgId: request.query.ownerOrgId,
        level: request.query.level,
        bytes: await uploadedFile(request),
        dryRun: request.query.dryRun ?? true,
      });
    },
  );

  app.get(
    '/api/lists/:ownerOrgId/:level/export',
    {
      config: { auth: 'list.read' },
      schema: {
        tags: ['lists'],
        summary: 'A list as .xlsx, in the layout the import reads',
        params: ListParams,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (request, reply) => {
      const level = levelOrThrow(request.params.level);
      const owner = await ownerOrThrow(db, dialect, scopeOf(userOf(request)), request.params.ownerOrgId);
      const { filename, bytes } = await exportList(database, owner, level, contextOf(request).now);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="list.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        )
        .send(bytes);
    },
  );

  // ---------------------------------------------------------------- public pages

  app.get(
    '/api/public/lists',
    {
      config: { auth: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['lists'],
        summary: 'Every published list, for residents',
        response: { 200: Type.Object({ items: Type.Array(ListRefSchema) }) },
      },
    },
    async () => ({ items: await listRefs(await listRepository(db, dialect).publishedLists()) }),
  );

  app.get(
    '/api/public/lists/search',
    {
      config: { auth: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['lists'],
        summary: 'Find a matter in the published lists: who handles it, with what documents and in how long',
        querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 50 }) }),
        response: { 200: Type.Object({ items: Type.Array(ItemSchema) }) },
      },
    },
    async (request) => {
      const now = contextOf(request).now;
      const q = request.query.q.trim();
      const root = await orgDirectory(db, dialect).findRoot();
      // The district's list carries the catalogue's services: search them as composed, then the stored items.
      const district = root === undefined ? [] : await composeList(db, dialect, root, 'district', now);
      const hits = district.filter(
        (i) =>
          i.status !== 'withdrawn' &&
          i.status !== 'expired' &&
          (i.title.includes(q) || i.responsible.includes(q)),
      );
      const seen = new Set(hits.map((i) => i.id));
      const stored = await listRepository(db, dialect).searchPublished(q, 50);
      for (const r of stored) {
        const i = itemOfRow(r, now);
        if (!seen.has(i.id) && i.status !== 'expired') {
          hits.push(i);
        }
      }
      return { items: hits.slice(0, 50).map((i) => presentItem(i)) };
    },
  );

  app.get(
    '/api/public/lists/:ownerOrgId/:level',
    {
      config: { auth: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['lists'],
        summary: 'One published list with each item’s process chart (items in force only)',
        params: ListParams,
        response: { 200: ListView },
      },
    },
    async (request) =>
      listView(request.params.ownerOrgId, request.params.level, contextOf(request).now, null),
  );

  // ---------------------------------------------------------------- grid task admission

  app.get(
    '/api/admissions',
    {
      config: { auth: 'list.read' },
      schema: {
        tags: ['lists'],
        summary: 'Grid task admission items the caller may see (applications and the admitted list)',
        querystring: Type.Object({
          status: Type.Optional(literals(admissionStatuses)),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(AdmissionSchema) }) },
      },
    },
    async (request) => {
      const rows = await listRepository(db, dialect).admissionsVisible(
        scopeOf(userOf(request)),
        request.query.status,
        request.query.limit ?? 200,
      );
      const now = contextOf(request).now;
      return { items: rows.map((r) => presentAdmission(r, now)) };
    },
  );

  app.post(
    '/api/admissions',
    {
      config: { auth: 'admission.apply' },
      schema: {
        tags: ['lists'],
        summary:
          'Apply to add a task to the grid task admission list (reason, expected weekly load, duration)',
        body: ApplyBody,
        response: { 200: Type.Object({ item: AdmissionSchema }) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const row = await applyForTask(database, ctx, userOf(request), request.body);
      return { item: presentAdmission(row, ctx.now) };
    },
  );

  app.post(
    '/api/admissions/:id/decision',
    {
      config: { auth: 'admission.decide' },
      schema: {
        tags: ['lists'],
        summary:
          'The district approves or refuses an application; an approved one with a duration expires by itself',
        params: Type.Object({ id: Id }),
        body: Type.Object({
          approve: Type.Boolean(),
          note: Type.Union([Type.Null(), Type.String({ maxLength: 1000 })]),
        }),
        response: { 200: Type.Object({ item: AdmissionSchema }) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const actor = userOf(request);
      const row = await decideApplication(
        database,
        ctx,
        actor,
        scopeOf(actor),
        request.params.id,
        request.body,
      );
      return { item: presentAdmission(row, ctx.now) };
    },
  );

  app.post(
    '/api/admissions/:id/withdraw',
    {
      config: { auth: 'admission.decide' },
      schema: {
        tags: ['lists'],
        summary: 'Take an admitted task off the grid task admission list',
        params: Type.Object({ id: Id }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const actor = userOf(request);
      await withdrawAdmission(database, contextOf(request), actor, scopeOf(actor), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/grid-tasks',
    {
      config: { auth: 'admission.assign' },
      schema: {
        tags: ['lists'],
        summary: 'Put an admitted task on a grid’s worker; an unlisted or negative-listed task is refused',
        body: Type.Object({
          gridId: Id,
          taskCode: Type.String({ minLength: 1, maxLength: 60 }),
          note: Type.Optional(Text(500)),
        }),
        response: {
          200: Type.Object({ id: Type.String(), workerName: Type.String(), title: Type.String() }),
        },
      },
    },
    async (request) => assignGridTask(database, contextOf(request), userOf(request), request.body),
  );

  app.get(
    '/api/grid-tasks/my',
    {
      config: { auth: 'list.read' },
      schema: {
        tags: ['lists'],
        summary: 'The tasks put on the caller as a grid worker, newest first',
        response: { 200: Type.Object({ items: Type.Array(TaskSchema) }) },
      },
    },
    async (request) => {
      const rows = await listRepository(db, dialect).assignmentsOfWorker(userOf(request).userId, 200);
      return { items: rows.map(presentTask) };
    },
  );

  app.get(
    '/api/admissions/burden',
    {
      config: { auth: 'list.read' },
      schema: {
        tags: ['lists'],
        summary: 'The burden meter: tasks per grid worker and week by kind, against the admitted list',
        querystring: Type.Object({ weeks: Type.Optional(Type.Integer({ minimum: 1, maximum: 26 })) }),
        response: {
          200: Type.Object({
            weeks: Type.Array(Type.String()),
            workers: Type.Array(
              Type.Object({
                workerUserId: Type.Union([Type.Null(), Type.String()]),
                workerName: Type.String(),
                gridId: Type.String(),
                weeks: Type.Array(
                  Type.Object({
                    week: Type.String(),
                    byKind: Type.Record(Type.String(), Type.Integer()),
                    total: Type.Integer(),
                  }),
                ),
                admittedTasks: Type.Integer(),
                admittedWeeklyLoad: Type.Integer(),
                isOverLoad: Type.Boolean(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const actor = userOf(request);
      if (actor.active.orgLevel === 'department') {
        throw new AppError('auth.forbidden');
      }
      return burdenMeter(database, scopeOf(actor), contextOf(request).now, request.query.weeks ?? 8);
    },
  );
};
