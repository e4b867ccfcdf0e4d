// Routes for the district admin: the versioned catalogue, routing rules (responsibility list), settings.
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { LimitUnitSchema } from '../../calendar/index.js';
import { contextOf } from '../../platform/http/request.js';
import type { ModuleRoutes } from '../../platform/http/module.js';
import { loadCaseSettings } from '../caseSettings.js';
import { CategorySchema } from '../publicRoutes.js';
import { addRoutingRule, retireRoutingRule } from '../routing/addRoutingRule.js';
import { caseKinds, fieldTypes, nets, platforms } from './defaultCatalogue.js';
import { catalogueRepository } from './repository.js';
import { adminCatalogue, routingRuleList } from './reads.js';
import { saveCategory } from './saveCategory.js';
import { updateCaseSettings } from './updateCaseSettings.js';

const LimitSchema = Type.Object({
  amount: Type.Number({ exclusiveMinimum: 0, maximum: 10000 }),
  unit: LimitUnitSchema,
});
const Lit = (xs: readonly string[]) => Type.Union(xs.map((x) => Type.Literal(x)));
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

// What the admin routes answer of a category beyond its public face: limits, and extra fields in both languages.
const LimitAnswer = Type.Object({ amount: Type.Number(), unit: LimitUnitSchema });
const BothNames = Type.Object({ zh: Type.String(), en: Type.String() });
const FieldDefAnswer = Type.Object({
  code: Type.String(),
  type: Type.String(),
  name: BothNames,
  required: Type.Boolean(),
  values: Type.Optional(Type.Array(Type.Object({ key: Type.String(), name: BothNames }))),
});

const CategoryBody = Type.Object({
  parentCode: Type.Union([Type.String({ maxLength: 20 }), Type.Null()]),
  depth: Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)]),
  nameZh: Type.String({ minLength: 1, maxLength: 50 }),
  nameEn: Type.String({ minLength: 1, maxLength: 100 }),
  kind: Lit(caseKinds),
  net: Lit(nets),
  platform: Lit(platforms),
  registrationCondition: Type.String({ maxLength: 500 }),
  closingCondition: Type.String({ maxLength: 500 }),
  limits: Type.Object({ urgent: LimitSchema, normal: LimitSchema }),
  department: Type.String({ minLength: 1, maxLength: 40 }),
  selfHandle: Type.Boolean(),
  duplicateRadiusM: Type.Integer({ minimum: 0, maximum: 5000 }),
  fields: Type.Array(
    Type.Object({
      code: Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]{0,30}$' }),
      type: Lit(fieldTypes),
      name: Type.Object({ zh: Type.String({ maxLength: 50 }), en: Type.String({ maxLength: 100 }) }),
      required: Type.Boolean(),
      values: Type.Optional(
        Type.Array(
          Type.Object({
            key: Type.String({ maxLength: 40 }),
            name: Type.Object({ zh: Type.String(), en: Type.String() }),
          }),
        ),
      ),
    }),
    { maxItems: 20 },
  ),
  keywords: Type.Array(Type.String({ maxLength: 20 }), { maxItems: 30 }),
  active: Type.Boolean(),
  note: Type.Optional(Type.String({ maxLength: 200 })),
});

const Minutes = Type.Integer({ minimum: 1, maximum: 60 * 24 * 30 });
const Tiered = Type.Object({ urgent: Minutes, normal: Minutes });
const Points = Type.Number({ minimum: 0, maximum: 100 });

/** Whole objects only: a half-written setting would leave the clock or the scores without a value. */
const StepLimitsSchema = Type.Object({
  accept: Tiered,
  register: Tiered,
  dispatch: Tiered,
  sign: Tiered,
  check: Type.Object({ community: Minutes, village: Minutes }),
  callBack: Minutes,
});

const IndicatorWeightsSchema = Type.Object({
  closeRate: Points,
  onTimeHandleRate: Points,
  noReworkRate: Points,
  countBands: Type.Array(Type.Object({ min: Type.Integer({ minimum: 0 }), points: Points }), {
    maxItems: 10,
  }),
  grades: Type.Array(
    Type.Object({
      grade: Type.Union([Type.Literal('A'), Type.Literal('B'), Type.Literal('C'), Type.Literal('D')]),
      min: Points,
    }),
    { minItems: 1, maxItems: 4 },
  ),
  threeRates: Type.Object({ response: Points, solve: Points, satisfaction: Points }),
});

export const catalogueRoutes: ModuleRoutes = async (base, { deps }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { database } = deps;
  const db = database.db;

  app.get(
    '/api/catalogue',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags: ['catalogue'],
        summary: 'The whole catalogue with limits and routing defaults, and its version',
        response: {
          200: Type.Object({
            version: Type.Integer(),
            items: Type.Array(
              Type.Intersect([
                CategorySchema,
                Type.Object({
                  limits: Type.Object({ urgent: LimitAnswer, normal: LimitAnswer }),
                  department: Type.String(),
                  active: Type.Boolean(),
                  nameZh: Type.String(),
                  nameEn: Type.String(),
                  keywords: Type.Array(Type.String()),
                  duplicateRadiusM: Type.Integer(),
                  registrationCondition: Type.String(),
                  closingCondition: Type.String(),
                  /** The extra fields in both languages, as the editor saves them. */
                  fieldDefs: Type.Array(FieldDefAnswer),
                }),
              ]),
            ),
          }),
        },
      },
    },
    async (request) => adminCatalogue(db, request.headers['accept-language']?.startsWith('en') === true),
  );

  app.get(
    '/api/catalogue/versions',
    {
      config: { auth: 'catalogue.write' },
      schema: {
        tags: ['catalogue'],
        summary: 'Catalogue versions (cases keep the version they were registered under)',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                version: Type.Integer(),
                createdAt: Type.Number(),
                createdBy: Nullable(Type.String()),
                note: Nullable(Type.String()),
              }),
            ),
          }),
        },
      },
    },
    async () => ({
      items: (await catalogueRepository(db).versions()).map((v) => ({
        version: v.version,
        createdAt: v.created_at,
        createdBy: v.created_by,
        note: v.note,
      })),
    }),
  );

  app.put(
    '/api/catalogue/:code',
    {
      config: { auth: 'catalogue.write' },
      schema: {
        tags: ['catalogue'],
        summary: 'Create or change a category; makes a new catalogue version',
        params: Type.Object({ code: Type.String({ pattern: '^[0-9]{2}([0-9]{2}){0,2}$' }) }),
        body: CategoryBody,
        response: { 200: Type.Object({ version: Type.Integer() }) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const b = request.body;
      const version = await db.transaction().execute((trx) =>
        saveCategory(
          trx,
          database.dialect,
          ctx,
          {
            code: request.params.code,
            parentCode: b.parentCode,
            depth: b.depth,
            name: { zh: b.nameZh, en: b.nameEn },
            kind: b.kind,
            net: b.net,
            platform: b.platform,
            registrationCondition: b.registrationCondition,
            closingCondition: b.closingCondition,
            limits: b.limits,
            department: b.department,
            selfHandle: b.selfHandle,
            duplicateRadiusM: b.duplicateRadiusM,
            fields: b.fields,
            keywords: b.keywords,
            active: b.active,
          },
          b.note ?? null,
        ),
      );
      return { version };
    },
  );

  const RuleSchema = Type.Object({
    id: Type.String(),
    categoryCode: Type.Union([Type.String(), Type.Null()]),
    areaOrgId: Type.Union([Type.String(), Type.Null()]),
    areaName: Type.Union([Type.String(), Type.Null()]),
    departmentName: Type.Union([Type.String(), Type.Null()]),
    gridId: Type.Union([Type.String(), Type.Null()]),
    platform: Type.Union([Type.String(), Type.Null()]),
    departmentId: Type.String(),
    limit: Nullable(LimitAnswer),
    note: Type.Union([Type.String(), Type.Null()]),
  });

  app.get(
    '/api/routing-rules',
    {
      config: { auth: 'case.read' },
      schema: {
        tags: ['catalogue'],
        summary: 'Routing rules: the responsibility list as data',
        querystring: Type.Object({
          category: Type.Optional(Type.String({ maxLength: 20 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 2000, default: 500 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(RuleSchema) }) },
      },
    },
    async (request) => routingRuleList(database, request.query.limit ?? 500, request.query.category),
  );

  app.post(
    '/api/routing-rules',
    {
      config: { auth: 'catalogue.write' },
      schema: {
        tags: ['catalogue'],
        summary: 'Add a routing rule (category and/or area → department, optional limit)',
        body: Type.Object({
          categoryCode: Type.Optional(Type.String({ maxLength: 20 })),
          areaOrgId: Type.Optional(Type.String({ maxLength: 64 })),
          gridId: Type.Optional(Type.String({ maxLength: 64 })),
          platform: Type.Optional(Lit(platforms)),
          departmentId: Type.String({ maxLength: 64 }),
          limit: Type.Optional(LimitSchema),
          note: Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: { 201: Type.Object({ id: Type.String() }) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const id = await db
        .transaction()
        .execute((trx) => addRoutingRule(trx, database.dialect, ctx, request.body));
      return reply.code(201).send({ id });
    },
  );

  app.delete(
    '/api/routing-rules/:id',
    {
      config: { auth: 'catalogue.write' },
      schema: {
        tags: ['catalogue'],
        summary: 'Retire a routing rule',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      await db
        .transaction()
        .execute((trx) => retireRoutingRule(trx, database.dialect, ctx, request.params.id));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/cases/settings',
    {
      config: { auth: 'case.read' },
      schema: {
        tags: ['catalogue'],
        summary: 'Step limits, indicator weights and grade bands',
        response: { 200: Type.Object({ stepLimits: StepLimitsSchema, indicators: IndicatorWeightsSchema }) },
      },
    },
    async () => loadCaseSettings(db),
  );

  app.put(
    '/api/cases/settings',
    {
      config: { auth: 'catalogue.write' },
      schema: {
        tags: ['catalogue'],
        summary: 'Change step limits, indicator weights and grade bands',
        body: Type.Object({
          stepLimits: Type.Optional(StepLimitsSchema),
          indicators: Type.Optional(IndicatorWeightsSchema),
        }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await updateCaseSettings(db, contextOf(request), request.body);
      return reply.code(204).send(null);
    },
  );
};
