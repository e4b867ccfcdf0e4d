// HTTP routes of the command view: the screen of a scope with its tiles, the grid map's colours, the live feed of
// new red cards and alerts, early-warning rules and alerts with what was done about them, and the briefings.
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { scopeOf } from '../access/index.js';
import { openCaseFigures, redCardsSince } from '../cases/index.js';
import { orgDirectory } from '../orgs/index.js';
import { AppError } from '../platform/errors.js';
import { pick } from '../platform/i18n.js';
import { contextOf, userOf } from '../platform/http/request.js';
import type { ModuleRoutes } from '../platform/http/module.js';
import { localDate } from '../platform/time.js';
import { streamXlsx, type Cell } from '../platform/xlsx/streamXlsx.js';
import { actOnAlert, finishAlert } from './actOnAlert.js';
import { loadBriefing } from './briefing.js';
import { presentAlert, presentRule, presentTile } from './presenter.js';
import { commandRepository, type AlertRow } from './repository.js';
import { createRule, updateRule } from './saveRule.js';
import { loadScreen, resolveScreenUnit } from './screen.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const IdParams = Type.Object({ id: Id });
const OrgQuery = Type.Object({ orgId: Type.Optional(Id) });
const Level = Type.Union([
  Type.Literal('district'),
  Type.Literal('town'),
  Type.Literal('village'),
  Type.Literal('grid'),
]);
const Format = Type.Union([
  Type.Literal('count'),
  Type.Literal('percent'),
  Type.Literal('hours'),
  Type.Literal('score'),
  Type.Literal('stars'),
]);
const Tone = Type.Union([
  Type.Literal('normal'),
  Type.Literal('good'),
  Type.Literal('warning'),
  Type.Literal('danger'),
]);
const RuleKind = Type.Union([
  Type.Literal('cluster'),
  Type.Literal('trend'),
  Type.Literal('repeat'),
  Type.Literal('surge'),
]);
const RuleArea = Type.Union([Type.Literal('grid'), Type.Literal('village')]);
const Severity = Type.Union([Type.Literal('normal'), Type.Literal('high')]);
const AlertAction = Type.Union([
  Type.Literal('topic'),
  Type.Literal('supervise'),
  Type.Literal('patrol'),
  Type.Literal('dismiss'),
]);
const AlertStatus = Type.Union([
  Type.Literal('open'),
  Type.Literal('acting'),
  Type.Literal('done'),
  Type.Literal('dismissed'),
]);
const Period = Type.Union([Type.Literal('week'), Type.Literal('month')]);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const UnitRef = Type.Object({ id: Type.String(), name: Type.String(), level: Level });
const FigureSchema = Type.Object({
  key: Type.String(),
  label: Type.String(),
  value: Nullable(Type.Number()),
  format: Format,
  tone: Tone,
  link: Nullable(Type.String()),
});
const TileSchema = Type.Object({
  code: Type.String(),
  module: Type.String(),
  title: Type.String(),
  owner: Type.String(),
  asOf: Type.Integer(),
  live: Type.Boolean(),
  failed: Type.Boolean(),
  figures: Type.Array(FigureSchema),
  byChild: Nullable(
    Type.Object({
      label: Type.String(),
      format: Format,
      items: Type.Array(
        Type.Object({ id: Type.String(), value: Nullable(Type.Number()), link: Nullable(Type.String()) }),
      ),
    }),
  ),
  items: Type.Array(
    Type.Object({
      label: Type.String(),
      detail: Nullable(Type.String()),
      tone: Tone,
      link: Nullable(Type.String()),
    }),
  ),
});
const AlertSchema = Type.Object({
  id: Type.String(),
  ruleId: Type.String(),
  ruleName: Type.String(),
  kind: RuleKind,
  severity: Severity,
  orgId: Type.String(),
  orgName: Type.String(),
  gridId: Nullable(Type.String()),
  categoryCode: Nullable(Type.String()),
  count: Type.Integer(),
  baseline: Nullable(Type.Integer()),
  windowFrom: Type.Integer(),
  windowTo: Type.Integer(),
  caseIds: Type.Array(Type.String()),
  status: AlertStatus,
  action: Nullable(
    Type.Object({
      kind: AlertAction,
      ref: Nullable(Type.String()),
      note: Type.String(),
      at: Type.Integer(),
      by: Nullable(Type.String()),
    }),
  ),
  outcome: Nullable(Type.Object({ note: Type.String(), at: Type.Integer() })),
  raisedAt: Type.Integer(),
  abilities: Type.Object({ act: Type.Boolean(), finish: Type.Boolean() }),
});
const RuleSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: RuleKind,
  categoryCode: Nullable(Type.String()),
  area: RuleArea,
  windowHours: Type.Integer(),
  threshold: Type.Integer(),
  ratio: Nullable(Type.Number()),
  severity: Severity,
  isActive: Type.Boolean(),
  orgId: Type.String(),
  orgName: Type.String(),
  updatedAt: Type.Integer(),
});
const RuleBody = Type.Object({
  name: Type.String({ minLength: 2, maxLength: 60 }),
  kind: RuleKind,
  categoryCode: Nullable(Type.String({ minLength: 1, maxLength: 20 })),
  area: RuleArea,
  windowHours: Type.Integer({ minimum: 1, maximum: 24 * 90 }),
  threshold: Type.Integer({ minimum: 2, maximum: 1000 }),
  ratio: Nullable(Type.Number({ minimum: 1, maximum: 20 })),
  severity: Severity,
});
const RulePatchBody = Type.Partial(
  Type.Object({
    name: Type.String({ minLength: 2, maxLength: 60 }),
    isActive: Type.Boolean(),
    windowHours: Type.Integer({ minimum: 1, maximum: 24 * 90 }),
    threshold: Type.Integer({ minimum: 2, maximum: 1000 }),
    ratio: Nullable(Type.Number({ minimum: 1, maximum: 20 })),
    severity: Severity,
  }),
  { minProperties: 1 },
);
const BriefingQuery = Type.Object({
  orgId: Type.Optional(Id),
  period: Type.Optional(Period),
  at: Type.Optional(Type.Integer({ minimum: 0 })),
});
const LIVE_LOOKBACK_MS = 24 * 3_600_000;

export const commandRoutes: ModuleRoutes = async (base, { deps }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { database } = deps;
  const { db, dialect } = database;
  const repo = commandRepository(db);

  /** Alerts as the caller sees them, with their rules' and organisations' names. */
  const alertsView = async (request: FastifyRequest, rows: AlertRow[]) => {
    const actor = userOf(request);
    const rules = new Map(
      (await repo.rulesByIds([...new Set(rows.map((r) => r.rule_id))])).map((r) => [r.id, r]),
    );
    const orgs = new Map(
      (await orgDirectory(db, dialect).byIds([...new Set(rows.map((r) => r.org_id))])).map((o) => [
        o.id,
        o.name,
      ]),
    );
    return rows.map((a) => {
      const rule = rules.get(a.rule_id);
      return presentAlert(
        a,
        { rule: rule?.name ?? '', kind: rule?.kind ?? 'cluster', org: orgs.get(a.org_id) ?? '' },
        actor,
      );
    });
  };

  app.get(
    '/api/command/screen',
    {
      config: { auth: 'command.read' },
      schema: {
        tags: ['command'],
        summary:
          'The command screen of a district, town, village or grid in scope: trail, children and tiles',
        querystring: OrgQuery,
        response: {
          200: Type.Object({
            org: UnitRef,
            trail: Type.Array(UnitRef),
            children: Type.Array(UnitRef),
            generatedAt: Type.Integer(),
            tiles: Type.Array(TileSchema),
          }),
        },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const screen = await loadScreen(database, userOf(request), request.query.orgId, request.now, ctx.log);
      return {
        org: { id: screen.unit.id, name: screen.unit.name, level: screen.unit.level },
        trail: screen.trail,
        children: screen.children.map((c) => ({ id: c.id, name: c.name, level: c.level })),
        generatedAt: request.now,
        tiles: screen.tiles.map((t) => presentTile(t, ctx.locale)),
      };
    },
  );

  app.get(
    '/api/command/map',
    {
      config: { auth: 'command.read' },
      schema: {
        tags: ['command'],
        summary: 'Open cases and lights per grid under a unit in scope, for the map',
        querystring: OrgQuery,
        response: {
          200: Type.Object({
            asOf: Type.Integer(),
            items: Type.Array(
              Type.Object({
                gridId: Type.String(),
                open: Type.Integer(),
                yellow: Type.Integer(),
                red: Type.Integer(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const { unit } = await resolveScreenUnit(database, userOf(request), request.query.orgId);
      const figures = await openCaseFigures(
        db,
        { path: unit.path, gridId: unit.gridId },
        'grid_id',
        request.now,
      );
      return {
        asOf: request.now,
        items: [...figures.byUnit].map(([gridId, f]) => ({
          gridId,
          open: f.open,
          yellow: f.yellow,
          red: f.red,
        })),
      };
    },
  );

  app.get(
    '/api/command/live',
    {
      config: { auth: 'command.read' },
      schema: {
        tags: ['command'],
        summary: 'What happened under a unit since an instant (at most a day back): new red cards and alerts',
        querystring: Type.Object({
          orgId: Type.Optional(Id),
          since: Type.Optional(Type.Integer({ minimum: 0 })),
        }),
        response: {
          200: Type.Object({
            now: Type.Integer(),
            redCards: Type.Array(
              Type.Object({
                caseId: Type.String(),
                trackingCode: Type.String(),
                categoryCode: Type.String(),
                at: Type.Integer(),
              }),
            ),
            alerts: Type.Array(AlertSchema),
          }),
        },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const { unit } = await resolveScreenUnit(database, actor, request.query.orgId);
      const since = Math.max(request.query.since ?? request.now - 3_600_000, request.now - LIVE_LOOKBACK_MS);
      const [cards, alerts] = await Promise.all([
        redCardsSince(db, { path: unit.path }, since, 20),
        repo.listAlerts(scopeOf(actor), { underPath: unit.path, since, limit: 20 }),
      ]);
      return {
        now: request.now,
        redCards: cards.map((c) => ({
          caseId: c.id,
          trackingCode: c.trackingCode,
          categoryCode: c.categoryCode,
          at: c.at,
        })),
        alerts: await alertsView(request, alerts),
      };
    },
  );

  app.get(
    '/api/command/alerts',
    {
      config: { auth: 'command.read' },
      schema: {
        tags: ['command'],
        summary: 'Early-warning alerts under a unit in scope, newest first',
        querystring: Type.Object({
          orgId: Type.Optional(Id),
          status: Type.Optional(Type.String({ maxLength: 60, pattern: '^[a-z,]*$' })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 30 })),
          cursor: Type.Optional(Type.String({ maxLength: 100 })),
        }),
        response: {
          200: Type.Object({ items: Type.Array(AlertSchema), nextCursor: Nullable(Type.String()) }),
        },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const { unit } = await resolveScreenUnit(database, actor, request.query.orgId);
      let after: { raisedAt: number; id: string } | undefined;
      if (request.query.cursor !== undefined) {
        const [at, id] = Buffer.from(request.query.cursor, 'base64url').toString().split(':');
        if (at === undefined || id === undefined || !/^\d+$/.test(at)) {
          throw new AppError('request.invalid', { errors: [{ field: 'cursor', message: 'invalid cursor' }] });
        }
        after = { raisedAt: Number(at), id };
      }
      const limit = request.query.limit ?? 30;
      const rows = await repo.listAlerts(scopeOf(actor), {
        underPath: unit.path,
        statuses: request.query.status?.split(',').filter((s) => s !== ''),
        after,
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: await alertsView(request, page),
        nextCursor:
          rows.length > limit && last !== undefined
            ? Buffer.from(`${last.raised_at}:${last.id}`).toString('base64url')
            : null,
      };
    },
  );

  app.post(
    '/api/command/alerts/:id/act',
    {
      config: { auth: 'command.warn' },
      schema: {
        tags: ['command'],
        summary:
          'Act on an open alert: a consultation topic, supervision of its cases, a patrol focus, or dismissal',
        params: IdParams,
        body: Type.Object({ kind: AlertAction, note: Type.String({ maxLength: 500 }) }),
        response: { 200: Type.Object({ item: AlertSchema }) },
      },
    },
    async (request) => {
      const actor = userOf(request);
      if (request.body.kind === 'dismiss' && request.body.note.trim() === '') {
        throw new AppError('request.invalid', {
          errors: [{ field: 'note', message: 'a dismissal needs a reason' }],
        });
      }
      const row = await db
        .transaction()
        .execute((trx) =>
          actOnAlert(trx, dialect, contextOf(request), actor, request.params.id, request.body),
        );
      return { item: (await alertsView(request, [row]))[0]! };
    },
  );

  app.post(
    '/api/command/alerts/:id/finish',
    {
      config: { auth: 'command.warn' },
      schema: {
        tags: ['command'],
        summary: 'Record what came of an alert that was acted on',
        params: IdParams,
        body: Type.Object({ note: Type.String({ minLength: 1, maxLength: 500 }) }),
        response: { 200: Type.Object({ item: AlertSchema }) },
      },
    },
    async (request) => {
      const row = await db
        .transaction()
        .execute((trx) =>
          finishAlert(trx, contextOf(request), userOf(request), request.params.id, request.body),
        );
      return { item: (await alertsView(request, [row]))[0]! };
    },
  );

  const rulesView = async (rows: Awaited<ReturnType<typeof repo.rulesFor>>) => {
    const names = new Map(
      (await orgDirectory(db, dialect).byIds([...new Set(rows.map((r) => r.org_id))])).map((o) => [
        o.id,
        o.name,
      ]),
    );
    return rows.map((r) => presentRule(r, names.get(r.org_id) ?? ''));
  };

  app.get(
    '/api/command/rules',
    {
      config: { auth: 'command.read' },
      schema: {
        tags: ['command'],
        summary: 'Early-warning rules kept in scope and those watching it from above',
        response: { 200: Type.Object({ items: Type.Array(RuleSchema) }) },
      },
    },
    async (request) => ({ items: await rulesView(await repo.rulesFor(scopeOf(userOf(request)))) }),
  );

  app.post(
    '/api/command/rules',
    {
      config: { auth: 'command.warn' },
      schema: {
        tags: ['command'],
        summary: 'A new early-warning rule for the caller’s organisation and its subtree',
        body: RuleBody,
        response: { 200: Type.Object({ item: RuleSchema }) },
      },
    },
    async (request) => {
      const row = await db
        .transaction()
        .execute((trx) => createRule(trx, contextOf(request), userOf(request), request.body));
      return { item: (await rulesView([row]))[0]! };
    },
  );

  app.patch(
    '/api/command/rules/:id',
    {
      config: { auth: 'command.warn' },
      schema: {
        tags: ['command'],
        summary: 'Change, turn on or turn off a rule kept in scope',
        params: IdParams,
        body: RulePatchBody,
        response: { 200: Type.Object({ item: RuleSchema }) },
      },
    },
    async (request) => {
      const row = await db
        .transaction()
        .execute((trx) =>
          updateRule(trx, contextOf(request), userOf(request), request.params.id, request.body),
        );
      return { item: (await rulesView([row]))[0]! };
    },
  );

  const briefingOf = (
    request: FastifyRequest,
    q: { orgId?: string; period?: 'week' | 'month'; at?: number },
  ) =>
    loadBriefing(database, userOf(request), {
      orgId: q.orgId,
      kind: q.period ?? 'week',
      at: q.at ?? request.now,
    });

  app.get(
    '/api/command/briefing',
    {
      config: { auth: 'command.read' },
      schema: {
        tags: ['command'],
        summary: 'The weekly or monthly briefing of a unit in scope',
        querystring: BriefingQuery,
        response: {
          200: Type.Object({
            org: UnitRef,
            period: Type.Object({
              kind: Type.String(),
              from: Type.Integer(),
              to: Type.Integer(),
              label: Type.String(),
            }),
            generatedAt: Type.Integer(),
            figures: Type.Array(
              Type.Intersect([FigureSchema, Type.Object({ previous: Nullable(Type.Number()) })]),
            ),
            ranking: Type.Object({
              label: Type.String(),
              items: Type.Array(
                Type.Object({
                  rank: Type.Integer(),
                  id: Type.String(),
                  name: Type.String(),
                  value: Nullable(Type.Number()),
                  grade: Nullable(Type.String()),
                  link: Nullable(Type.String()),
                }),
              ),
            }),
            topCategories: Type.Array(
              Type.Object({ categoryCode: Type.String(), name: Type.String(), count: Type.Integer() }),
            ),
            alerts: Type.Array(AlertSchema),
          }),
        },
      },
    },
    async (request) => {
      const locale = contextOf(request).locale;
      const b = await briefingOf(request, request.query);
      return {
        org: { id: b.unit.id, name: b.unit.name, level: b.unit.level },
        period: {
          kind: b.period.kind,
          from: b.period.from,
          to: b.period.to,
          label: pick(b.period.label, locale),
        },
        generatedAt: request.now,
        figures: b.figures.map((f) => ({ ...f, label: pick(f.label, locale) })),
        ranking: { label: pick(b.ranking.label, locale), items: b.ranking.items },
        topCategories: b.topCategories.map((c) => ({ ...c, name: pick(c.name, locale) })),
        alerts: await alertsView(request, b.alerts),
      };
    },
  );

  app.get(
    '/api/command/briefing.xlsx',
    {
      config: { auth: 'command.read' },
      schema: {
        tags: ['command'],
        summary: 'The briefing as a spreadsheet (figures, ranking, top categories, alerts)',
        querystring: BriefingQuery,
      },
    },
    async (request, reply) => {
      const locale = contextOf(request).locale;
      const b = await briefingOf(request, request.query);
      const zh = locale !== 'en';
      const fmt = (v: number | null, format: string): Cell =>
        v === null ? null : format === 'percent' ? Math.round(v * 1000) / 10 : v;
      async function* rows(): AsyncIterable<Cell[]> {
        yield [b.unit.name, pick(b.period.label, locale), null, null];
        yield [zh ? '指标' : 'Figure', zh ? '本期' : 'This period', zh ? '上期' : 'Previous', null];
        for (const f of b.figures) {
          yield [
            pick(f.label, locale) + (f.format === 'percent' ? ' (%)' : ''),
            fmt(f.value, f.format),
            fmt(f.previous, f.format),
            null,
          ];
        }
        yield [null, null, null, null];
        yield [
          pick(b.ranking.label, locale),
          zh ? '单位' : 'Unit',
          zh ? '综合得分' : 'Score',
          zh ? '等次' : 'Grade',
        ];
        for (const r of b.ranking.items) {
          yield [r.rank, r.name, r.value, r.grade];
        }
        yield [null, null, null, null];
        yield [zh ? '高发类别' : 'Most reported', zh ? '件数' : 'Cases', null, null];
        for (const c of b.topCategories) {
          yield [pick(c.name, locale), c.count, null, null];
        }
        yield [null, null, null, null];
        yield [
          zh ? '预警' : 'Alerts',
          zh ? '件（人）数' : 'Count',
          zh ? '状态' : 'Status',
          zh ? '处置' : 'Action',
        ];
        for (const a of await alertsView(request, b.alerts)) {
          yield [`${a.ruleName} ${a.orgName}`, a.count, a.status, a.action?.note ?? null];
        }
      }
      void reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="briefing-${b.period.kind}-${localDate(b.period.from)}.xlsx"`,
        );
      return reply.send(
        streamXlsx(
          {
            name: zh ? '简报' : 'Briefing',
            columns: [
              { header: zh ? '项目' : 'Item', width: 32 },
              { header: zh ? '数值' : 'Value', width: 18 },
              { header: zh ? '对比' : 'Compare', width: 18 },
              { header: zh ? '备注' : 'Note', width: 30 },
            ],
          },
          rows(),
        ),
      );
    },
  );
};
