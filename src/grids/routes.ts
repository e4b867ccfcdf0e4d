// HTTP routes of the grid module (一张网).
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { scopeOf, isInScope } from '../access/index.js';
import { contextOf, userOf } from '../platform/http/request.js';
import type { ModuleRoutes } from '../platform/http/module.js';
import { notFound } from '../platform/errors.js';
import { orgDirectory } from '../orgs/index.js';
import { addGridStaff } from './addGridStaff.js';
import { checkCoverage } from './checkCoverage.js';
import { createGrid } from './createGrid.js';
import { crsList, toWgs84 } from './crs.js';
import { exportGrids } from './exportGrids.js';
import { requireGrid } from './gridChange.js';
import { importGrids } from './importGrids.js';
import { getGridIndex } from './indexService.js';
import { mergeGrids } from './mergeGrids.js';
import {
  GridDetailSchema,
  GridSummarySchema,
  presentGridDetail,
  presentGridSummary,
  presentStaff,
  StaffSchema,
} from './presenter.js';
import { redrawGrid } from './redrawGrid.js';
import { removeGridStaff } from './removeGridStaff.js';
import { gridRepository, type GridFilter } from './repository.js';
import { retireGrid } from './retireGrid.js';
import { splitGrid } from './splitGrid.js';
import { updateGrid } from './updateGrid.js';
import { gridSubTypes, gridTypes, nets, partyOrgKinds, staffRoles } from './vocabulary.js';

const lit = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Geometry = Type.Unknown({ description: 'GeoJSON Polygon or MultiPolygon, WGS-84' });
const Reason = Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()]));
const PartyOrg = Type.Optional(
  Type.Union([
    Type.Object({ kind: lit(partyOrgKinds), id: Type.String({ minLength: 1, maxLength: 64 }) }),
    Type.Null(),
  ]),
);
const OrgRef = Type.Object({
  id: Type.String(),
  name: Type.String(),
  code: Type.Union([Type.String(), Type.Null()]),
});

export const gridRoutes: ModuleRoutes = async (base, { deps }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { database } = deps;
  const repo = gridRepository(database.db);
  const orgs = orgDirectory(database.db, database.dialect);

  const detail = async (row: Parameters<typeof presentGridDetail>[0]) => {
    const ids = [row.village_id, row.town_id, ...(row.party_org_id === null ? [] : [row.party_org_id])];
    const found = new Map((await orgs.byIds(ids)).map((o) => [o.id, o]));
    const ref = (id: string) => {
      const o = found.get(id);
      return o === undefined ? null : { id: o.id, name: o.name, code: o.code };
    };
    const party = row.party_org_id === null ? null : found.get(row.party_org_id);
    return presentGridDetail(row, {
      village: ref(row.village_id),
      town: ref(row.town_id),
      partyOrg:
        party !== undefined && party !== null
          ? { kind: row.party_org_kind ?? 'branch', id: party.id, name: party.name }
          : row.central_household_id !== null
            ? { kind: 'centralHousehold', id: row.central_household_id, name: row.central_household_id }
            : null,
      staff: await repo.staffOf([row.id]),
    });
  };

  app.get(
    '/api/grids/map-config',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['grids'],
        summary: 'Map settings for the console: the tile URL template (none means no base layer)',
        response: { 200: Type.Object({ tileUrl: Type.Union([Type.String(), Type.Null()]) }) },
      },
    },
    () => ({ tileUrl: deps.config.tileUrl }),
  );

  const ListQuery = Type.Object({
    orgId: Type.Optional(Type.String({ maxLength: 64 })),
    type: Type.Optional(lit(gridTypes)),
    net: Type.Optional(lit(nets)),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('retired')])),
    q: Type.Optional(Type.String({ maxLength: 50 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 20 })),
  });

  const filterOf = async (
    request: { query: { orgId?: string; type?: string; net?: string; status?: string; q?: string } },
    scope: { path: string },
  ): Promise<GridFilter> => {
    const q = request.query;
    let underPath: string | undefined;
    if (q.orgId !== undefined) {
      const org = await orgs.findById(scope, q.orgId);
      if (org === undefined) {
        throw notFound();
      }
      underPath = org.path;
    }
    return { underPath, type: q.type, net: q.net, status: q.status, q: q.q?.trim() };
  };

  app.get(
    '/api/grids',
    {
      config: { auth: 'grid.read' },
      schema: {
        tags: ['grids'],
        summary: 'Grids in scope, filtered, in code order',
        querystring: ListQuery,
        response: {
          200: Type.Object({
            items: Type.Array(GridSummarySchema),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
            total: Type.Integer(),
          }),
        },
      },
    },
    async (request) => {
      const scope = scopeOf(userOf(request));
      const filter = await filterOf(request, scope);
      const limit = request.query.limit ?? 50;
      const rows = await repo.list(scope, filter, limit + 1, request.query.cursor ?? null);
      const page = rows.slice(0, limit);
      return {
        items: page.map(presentGridSummary),
        nextCursor: rows.length > limit ? (page.at(-1)?.code ?? null) : null,
        total: await repo.count(scope, filter),
      };
    },
  );

  app.get(
    '/api/grids/layer',
    {
      config: { auth: 'grid.read' },
      schema: {
        tags: ['grids'],
        summary: 'Grid outlines in scope as GeoJSON, for the map',
        querystring: Type.Object({ orgId: Type.Optional(Type.String({ maxLength: 64 })) }),
        response: {
          200: Type.Object({
            type: Type.Literal('FeatureCollection'),
            features: Type.Array(
              Type.Object({
                type: Type.Literal('Feature'),
                id: Type.String(),
                properties: Type.Object({
                  id: Type.String(),
                  code: Type.String(),
                  name: Type.String(),
                  type: Type.String(),
                  subType: Type.Union([Type.String(), Type.Null()]),
                  nets: Type.Array(Type.String()),
                  villageId: Type.String(),
                }),
                geometry: Type.Unknown(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const scope = scopeOf(userOf(request));
      const filter = await filterOf(request, scope);
      const rows = await repo.withGeometry(scope, { ...filter, status: 'active' });
      return {
        type: 'FeatureCollection' as const,
        features: rows.map((r) => ({
          type: 'Feature' as const,
          id: r.id,
          properties: {
            id: r.id,
            code: r.code,
            name: r.name,
            type: r.type,
            subType: r.sub_type,
            nets: JSON.parse(r.nets) as string[],
            villageId: r.village_id,
          },
          geometry: JSON.parse(r.geometry) as unknown,
        })),
      };
    },
  );

  app.get(
    '/api/grids/outlines',
    {
      config: { auth: 'grid.read' },
      schema: {
        tags: ['grids'],
        summary: 'District, town or village outlines in scope as GeoJSON',
        querystring: Type.Object({
          level: Type.Union([Type.Literal('district'), Type.Literal('town'), Type.Literal('village')]),
          orgId: Type.Optional(Type.String({ maxLength: 64 })),
        }),
        response: {
          200: Type.Object({
            type: Type.Literal('FeatureCollection'),
            features: Type.Array(
              Type.Object({
                type: Type.Literal('Feature'),
                id: Type.String(),
                properties: Type.Object({ orgId: Type.String(), name: Type.String(), level: Type.String() }),
                geometry: Type.Unknown(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const scope = scopeOf(actor);
      let under = scope.path;
      if (request.query.orgId !== undefined) {
        const org = await orgs.findById(scope, request.query.orgId);
        if (org === undefined) {
          throw notFound();
        }
        under = org.path;
      }
      // The outline of the caller's own area is shown even when it is the level above what they manage.
      const rows = await repo.outlines({ path: '/' }, request.query.level, '/');
      const visible = rows.filter(
        (r) => isInScope({ path: under }, r.org_path) || under.startsWith(r.org_path),
      );
      const names = new Map((await orgs.byIds(visible.map((r) => r.org_id))).map((o) => [o.id, o.name]));
      return {
        type: 'FeatureCollection' as const,
        features: visible.map((r) => ({
          type: 'Feature' as const,
          id: r.org_id,
          properties: { orgId: r.org_id, name: names.get(r.org_id) ?? '', level: r.level },
          geometry: JSON.parse(r.geometry) as unknown,
        })),
      };
    },
  );

  app.get(
    '/api/grids/locate',
    {
      config: { auth: 'grid.read' },
      schema: {
        tags: ['grids'],
        summary: 'The grid, village and town of a point (WGS-84 or GCJ-02)',
        querystring: Type.Object({
          lng: Type.Number({ minimum: -180, maximum: 180 }),
          lat: Type.Number({ minimum: -90, maximum: 90 }),
          crs: Type.Optional(lit(crsList)),
        }),
        response: {
          200: Type.Object({
            grid: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }),
            village: OrgRef,
            town: OrgRef,
            wgs84: Type.Object({ lng: Type.Number(), lat: Type.Number() }),
          }),
        },
      },
    },
    async (request) => {
      const scope = scopeOf(userOf(request));
      const [lng, lat] = toWgs84(request.query.lng, request.query.lat, request.query.crs ?? 'wgs84');
      const hit = (await getGridIndex(database)).locate(lng, lat);
      const grid = hit === null ? undefined : await repo.findById(scope, hit.gridId);
      if (hit === null || grid === undefined) {
        throw notFound();
      }
      const found = new Map((await orgs.byIds([hit.villageId, hit.townId])).map((o) => [o.id, o]));
      const ref = (id: string) => {
        const o = found.get(id);
        return { id, name: o?.name ?? '', code: o?.code ?? null };
      };
      return {
        grid: { id: grid.id, code: grid.code, name: grid.name },
        village: ref(hit.villageId),
        town: ref(hit.townId),
        wgs84: { lng, lat },
      };
    },
  );

  app.get(
    '/api/grids/coverage',
    {
      config: { auth: 'grid.read' },
      schema: {
        tags: ['grids'],
        summary: 'Coverage check of a village, town or the district: gaps and overlaps with areas',
        querystring: Type.Object({ orgId: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: {
          200: Type.Object({
            org: Type.Object({ id: Type.String(), name: Type.String(), level: Type.String() }),
            hasOutline: Type.Boolean(),
            outlineAreaM2: Type.Number(),
            gridCount: Type.Integer(),
            gridAreaM2: Type.Number(),
            gapAreaM2: Type.Number(),
            overlapAreaM2: Type.Number(),
            gaps: Type.Array(Type.Object({ areaM2: Type.Number(), geometry: Type.Unknown() })),
            overlaps: Type.Array(
              Type.Object({
                gridIds: Type.Array(Type.String()),
                codes: Type.Array(Type.String()),
                areaM2: Type.Number(),
                geometry: Type.Unknown(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const report = await checkCoverage(database, contextOf(request), request.query.orgId);
      return { ...report, org: { id: report.org.id, name: report.org.name, level: report.org.level } };
    },
  );

  app.get(
    '/api/grids/export',
    {
      config: { auth: 'grid.read' },
      schema: {
        tags: ['grids'],
        summary: 'Active grids as a GeoJSON FeatureCollection (WGS-84)',
        querystring: Type.Object({ orgId: Type.Optional(Type.String({ maxLength: 64 })) }),
        response: {
          200: Type.Object({
            type: Type.Literal('FeatureCollection'),
            features: Type.Array(
              Type.Object({
                type: Type.Literal('Feature'),
                id: Type.String(),
                properties: Type.Object({
                  code: Type.String(),
                  name: Type.String(),
                  type: Type.String(),
                  subType: Type.Union([Type.String(), Type.Null()]),
                  nets: Type.Array(Type.String()),
                  villageCode: Type.Union([Type.String(), Type.Null()]),
                  villageName: Type.Union([Type.String(), Type.Null()]),
                }),
                geometry: Type.Unknown(),
              }),
            ),
          }),
        },
      },
    },
    async (request, reply) => {
      const collection = await exportGrids(database, contextOf(request), request.query.orgId ?? null);
      void reply.header('content-disposition', 'attachment; filename="grids.geojson"');
      // The file as it is: its own serialiser, so the schema documents it and drops nothing.
      return reply
        .type('application/geo+json')
        .serializer((payload) => JSON.stringify(payload))
        .send(collection);
    },
  );

  app.post(
    '/api/grids/import',
    {
      config: { auth: 'grid.write' },
      bodyLimit: 50 * 1024 * 1024,
      schema: {
        tags: ['grids'],
        summary: 'Import grids from GeoJSON: all features are checked; a file with any error changes nothing',
        body: Type.Object({ file: Type.Unknown(), dryRun: Type.Optional(Type.Boolean()) }),
        response: {
          200: Type.Object({
            created: Type.Integer(),
            updated: Type.Integer(),
            dryRun: Type.Boolean(),
            rows: Type.Array(
              Type.Object({
                index: Type.Integer(),
                code: Type.Union([Type.String(), Type.Null()]),
                action: Type.Union([Type.String(), Type.Null()]),
                errors: Type.Array(Type.String()),
              }),
            ),
          }),
        },
      },
    },
    async (request) =>
      importGrids(database, contextOf(request), {
        file: request.body.file,
        dryRun: request.body.dryRun ?? false,
      }),
  );

  app.get(
    '/api/grids/mine',
    {
      config: { auth: 'patrol.own' },
      schema: {
        tags: ['grids'],
        summary: 'The grids the caller works in as leader or worker',
        response: { 200: Type.Object({ items: Type.Array(GridSummarySchema) }) },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const ids = await repo.gridIdsOfUser(actor.userId);
      const rows = [];
      for (const id of ids) {
        const row = await repo.findById(scopeOf(actor), id);
        if (row?.status === 'active') {
          rows.push(row);
        }
      }
      return { items: rows.map(presentGridSummary) };
    },
  );

  app.get(
    '/api/grids/:id',
    {
      config: { auth: 'grid.read' },
      schema: {
        tags: ['grids'],
        summary: 'One grid with its outline, staff (phones masked), party organisation and household count',
        params: IdParams,
        response: { 200: Type.Object({ item: GridDetailSchema }) },
      },
    },
    async (request) => {
      const grid = await requireGrid(database.db, contextOf(request), request.params.id);
      return { item: await detail(grid) };
    },
  );

  app.get(
    '/api/grids/:id/history',
    {
      config: { auth: 'grid.read' },
      schema: {
        tags: ['grids'],
        summary: 'Versions of a grid: created, redrawn, split, merged, retired, imported',
        params: IdParams,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                version: Type.Integer(),
                change: Type.String(),
                code: Type.String(),
                related: Type.Array(Type.String()),
                reason: Type.Union([Type.String(), Type.Null()]),
                at: Type.Number(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const grid = await requireGrid(database.db, contextOf(request), request.params.id);
      const rows = await repo.history(grid.id);
      return {
        items: rows.map((r) => ({
          version: r.version,
          change: r.change,
          code: r.code,
          related: r.related === null ? [] : (JSON.parse(r.related) as string[]),
          reason: r.reason,
          at: r.at,
        })),
      };
    },
  );

  const Created = { 200: Type.Object({ item: GridDetailSchema }) };

  app.post(
    '/api/grids',
    {
      config: { auth: 'grid.write' },
      schema: {
        tags: ['grids'],
        summary:
          'Create a grid; refused (grid.overlap) when it overlaps neighbours, unless overridden with a reason',
        body: Type.Object({
          villageId: Type.String({ minLength: 1, maxLength: 64 }),
          name: Type.Optional(Type.String({ maxLength: 100 })),
          type: lit(gridTypes),
          subType: Type.Optional(Type.Union([lit(gridSubTypes), Type.Null()])),
          nets: Type.Array(lit(nets), { uniqueItems: true }),
          geometry: Geometry,
          partyOrg: PartyOrg,
          overrideReason: Reason,
        }),
        response: Created,
      },
    },
    async (request) => ({ item: await detail(await createGrid(database, contextOf(request), request.body)) }),
  );

  app.put(
    '/api/grids/:id/geometry',
    {
      config: { auth: 'grid.write' },
      schema: {
        tags: ['grids'],
        summary: 'Redraw a grid; the overlap rule applies',
        params: IdParams,
        body: Type.Object({ geometry: Geometry, overrideReason: Reason }),
        response: Created,
      },
    },
    async (request) => ({
      item: await detail(
        await redrawGrid(database, contextOf(request), { gridId: request.params.id, ...request.body }),
      ),
    }),
  );

  app.patch(
    '/api/grids/:id',
    {
      config: { auth: 'grid.write' },
      schema: {
        tags: ['grids'],
        summary: 'Change name, type, nets or party organisation',
        params: IdParams,
        body: Type.Object({
          name: Type.Optional(Type.String({ maxLength: 100 })),
          type: Type.Optional(lit(gridTypes)),
          subType: Type.Optional(Type.Union([lit(gridSubTypes), Type.Null()])),
          nets: Type.Optional(Type.Array(lit(nets), { uniqueItems: true })),
          partyOrg: PartyOrg,
        }),
        response: Created,
      },
    },
    async (request) => ({
      item: await detail(
        await updateGrid(database, contextOf(request), { gridId: request.params.id, ...request.body }),
      ),
    }),
  );

  app.post(
    '/api/grids/:id/retire',
    {
      config: { auth: 'grid.write' },
      schema: {
        tags: ['grids'],
        summary: 'Retire a grid',
        params: IdParams,
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }),
        response: Created,
      },
    },
    async (request) => ({
      item: await detail(
        await retireGrid(database, contextOf(request), {
          gridId: request.params.id,
          reason: request.body.reason,
        }),
      ),
    }),
  );

  app.post(
    '/api/grids/merge',
    {
      config: { auth: 'grid.write' },
      schema: {
        tags: ['grids'],
        summary: 'Merge grids of one village into the first one',
        body: Type.Object({
          gridIds: Type.Array(Type.String({ maxLength: 64 }), { minItems: 2, maxItems: 20 }),
          reason: Reason,
        }),
        response: Created,
      },
    },
    async (request) => ({ item: await detail(await mergeGrids(database, contextOf(request), request.body)) }),
  );

  app.post(
    '/api/grids/:id/split',
    {
      config: { auth: 'grid.write' },
      schema: {
        tags: ['grids'],
        summary: 'Split a grid into parts that cover it exactly',
        params: IdParams,
        body: Type.Object({ parts: Type.Array(Geometry, { minItems: 2, maxItems: 20 }), reason: Reason }),
        response: { 200: Type.Object({ items: Type.Array(GridSummarySchema) }) },
      },
    },
    async (request) => {
      const rows = await splitGrid(database, contextOf(request), {
        gridId: request.params.id,
        ...request.body,
      });
      return { items: rows.map(presentGridSummary) };
    },
  );

  app.post(
    '/api/grids/:id/staff',
    {
      config: { auth: 'grid.write' },
      schema: {
        tags: ['grids'],
        summary: 'Add a grid leader or grid worker',
        params: IdParams,
        body: Type.Object({
          name: Type.String({ minLength: 1, maxLength: 50 }),
          phone: Type.Optional(Type.Union([Type.String({ pattern: '^1\\d{10}$' }), Type.Null()])),
          role: lit(staffRoles),
          userId: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
        }),
        response: { 200: Type.Object({ item: StaffSchema }) },
      },
    },
    async (request) => {
      const row = await addGridStaff(database, deps.services.cipher, contextOf(request), {
        gridId: request.params.id,
        name: request.body.name,
        phone: request.body.phone ?? null,
        role: request.body.role,
        userId: request.body.userId ?? null,
      });
      return { item: presentStaff(row) };
    },
  );

  app.delete(
    '/api/grids/:id/staff/:staffId',
    {
      config: { auth: 'grid.write' },
      schema: {
        tags: ['grids'],
        summary: 'Remove a grid leader or worker',
        params: Type.Object({ id: Type.String({ maxLength: 64 }), staffId: Type.String({ maxLength: 64 }) }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await removeGridStaff(database, contextOf(request), {
        gridId: request.params.id,
        staffId: request.params.staffId,
      });
      return reply.code(204).send(null);
    },
  );
};
