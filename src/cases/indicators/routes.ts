// HTTP routes of the indicators and rankings (reads.ts computes them from the fact table).
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { userOf } from '../../platform/http/request.js';
import type { ModuleRoutes } from '../../platform/http/module.js';
import { rankingOf, unitIndicatorsOf } from './reads.js';

const PeriodQueryProps = {
  from: Type.Optional(Type.Integer({ minimum: 0, description: 'Start instant; with `to`, or neither' })),
  to: Type.Optional(
    Type.Integer({ minimum: 0, description: 'End instant (exclusive); default: the last 30 days' }),
  ),
};

const rankLevelSchema = (options: { description?: string } = {}) =>
  Type.Union(
    [
      Type.Literal('town'),
      Type.Literal('village'),
      Type.Literal('grid'),
      Type.Literal('department'),
      Type.Literal('person'),
    ],
    options,
  );
const PeriodSchema = Type.Object({ from: Type.Integer(), to: Type.Integer() });
const Nullable = <T extends ReturnType<typeof Type.Number>>(t: T) => Type.Union([t, Type.Null()]);
const IndicatorProps = {
  counts: Type.Record(Type.String(), Type.Integer()),
  rates: Type.Record(Type.String(), Nullable(Type.Number())),
  threeRatesScore: Nullable(Type.Number()),
  composite: Nullable(Type.Number()),
  grade: Type.Union([Type.String(), Type.Null()]),
};
const IndicatorsSchema = Type.Object(IndicatorProps);

export const indicatorRoutes: ModuleRoutes = async (base, { deps }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { database } = deps;

  app.get(
    '/api/indicators',
    {
      config: { auth: 'indicator.read' },
      schema: {
        tags: ['indicators'],
        summary:
          'Case indicators of one unit (org, grid, department or person) for a period, with the previous period and last year',
        querystring: Type.Object({
          unitId: Type.Optional(Type.String({ maxLength: 70 })),
          ...PeriodQueryProps,
        }),
        response: {
          200: Type.Object({
            unitId: Type.String(),
            /** What the unit is (an org and its level, a grid, a person), so a figure can open its cases. */
            unit: Type.Object({
              kind: Type.Union([Type.Literal('org'), Type.Literal('grid'), Type.Literal('person')]),
              level: Type.Union([Type.String(), Type.Null()]),
              name: Type.String(),
            }),
            /** The period read: the one asked for, or the default window. */
            period: PeriodSchema,
            /** The periods `previous` and `lastYear` were read for. */
            comparison: Type.Object({ previous: PeriodSchema, lastYear: PeriodSchema }),
            current: IndicatorsSchema,
            previous: IndicatorsSchema,
            lastYear: IndicatorsSchema,
          }),
        },
      },
    },
    async (request) => unitIndicatorsOf(database, userOf(request), request.query, request.now),
  );

  app.get(
    '/api/indicators/ranking',
    {
      config: { auth: 'indicator.read' },
      schema: {
        tags: ['indicators'],
        summary:
          'Rank towns, villages, grids, departments or people in scope (or under one org of it) by the composite score',
        querystring: Type.Object({
          level: Type.Optional(
            rankLevelSchema({
              description: 'Default: the level below the caller’s scope (a district ranks its towns)',
            }),
          ),
          underId: Type.Optional(
            Type.String({ maxLength: 64, description: 'Rank only under this organisation of the scope' }),
          ),
          ...PeriodQueryProps,
        }),
        response: {
          200: Type.Object({
            level: rankLevelSchema(),
            period: PeriodSchema,
            under: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
            items: Type.Array(
              Type.Object({
                rank: Type.Integer(),
                id: Type.String(),
                name: Type.String(),
                ...IndicatorProps,
              }),
            ),
          }),
        },
      },
    },
    async (request) => rankingOf(database, userOf(request), request.query, request.now),
  );
};
