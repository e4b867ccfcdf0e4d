// Indicators and rankings from the fact table, with the period before and the same period a year earlier. Without a
// period the last 30 days are read (today included), so the first day of a month does not compare a day with a month.
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { gridDirectory } from '../../grids/index.js';
import { scopeOf } from '../../access/index.js';
import { holdersOfRolesUnder } from '../../identity/index.js';
import { orgDirectory } from '../../orgs/index.js';
import { AppError, notFound } from '../../platform/errors.js';
import { DAY_MS, startOfLocalDay } from '../../platform/time.js';
import { userOf } from '../../platform/http/request.js';
import type { ModuleRoutes } from '../../platform/http/module.js';
import { loadCaseSettings } from '../caseSettings.js';
import { caseRepository } from '../repository.js';
import { comparisonPeriods, countsByUnit, indicatorsFrom, type Period } from './computeIndicators.js';
import { personUnit } from './facts.js';

const PeriodQuery = {
  from: Type.Optional(Type.Integer({ minimum: 0, description: 'Start instant; with `to`, or neither' })),
  to: Type.Optional(
    Type.Integer({ minimum: 0, description: 'End instant (exclusive); default: the last 30 days' }),
  ),
};

/** The default window: the 30 district days ending with today. */
export const DEFAULT_PERIOD_DAYS = 30;

export const rankLevels = ['town', 'village', 'grid', 'department', 'person'] as const;
type RankLevel = (typeof rankLevels)[number];

/** What a scope ranks first: the level below it (a district its towns, a town its villages, a village its grids). */
export function defaultRankLevel(orgLevel: string): RankLevel {
  switch (orgLevel) {
    case 'district':
      return 'town';
    case 'town':
      return 'village';
    case 'department':
      return 'person';
    default:
      return 'grid';
  }
}

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
  const db = database.db;
  const repo = caseRepository(db, database.dialect);

  const periodOf = (q: { from?: number; to?: number }, now: number): Period => {
    if (q.from === undefined && q.to === undefined) {
      const to = startOfLocalDay(now) + DAY_MS;
      return { from: to - DEFAULT_PERIOD_DAYS * DAY_MS, to };
    }
    if (q.from === undefined || q.to === undefined) {
      const field = q.from === undefined ? 'from' : 'to';
      throw new AppError('request.invalid', {
        errors: [{ field, message: 'give both from and to, or neither' }],
      });
    }
    if (q.to <= q.from || q.to - q.from > 3 * 366 * DAY_MS) {
      throw new AppError('request.invalid', {
        errors: [{ field: 'to', message: 'must be after from, within three years' }],
      });
    }
    return { from: q.from, to: q.to };
  };

  app.get(
    '/api/indicators',
    {
      config: { auth: 'indicator.read' },
      schema: {
        tags: ['indicators'],
        summary:
          'Case indicators of one unit (org, grid, department or person) for a period, with the previous period and last year',
        querystring: Type.Object({ unitId: Type.Optional(Type.String({ maxLength: 70 })), ...PeriodQuery }),
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
    async (request) => {
      const actor = userOf(request);
      const period = periodOf(request.query, request.now);
      const unit = request.query.unitId ?? actor.active.orgId;
      // The unit must be inside the caller's scope: an org or department in the subtree, a grid there, or the caller.
      const isOwn = unit === personUnit(actor.userId);
      let about: { kind: 'org' | 'grid' | 'person'; level: string | null; name: string };
      if (isOwn) {
        about = { kind: 'person', level: null, name: actor.displayName };
      } else {
        const scope = scopeOf(actor);
        const org = await orgDirectory(db, database.dialect).findById(scope, unit);
        const grid = org === undefined ? await gridDirectory(db).findById(scope, unit) : undefined;
        if (org !== undefined) {
          about = { kind: 'org', level: org.level, name: org.name };
        } else if (grid !== undefined) {
          about = { kind: 'grid', level: null, name: `${grid.name} ${grid.code}` };
        } else {
          throw notFound();
        }
      }
      const settings = await loadCaseSettings(db);
      const cmp = comparisonPeriods(period);
      const [now, prev, last] = await Promise.all([
        countsByUnit(repo, [unit], period),
        countsByUnit(repo, [unit], cmp.previous),
        countsByUnit(repo, [unit], cmp.lastYear),
      ]);
      return {
        unitId: unit,
        unit: about,
        period,
        comparison: cmp,
        current: indicatorsFrom(now.get(unit)!, settings.indicators),
        previous: indicatorsFrom(prev.get(unit)!, settings.indicators),
        lastYear: indicatorsFrom(last.get(unit)!, settings.indicators),
      };
    },
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
          ...PeriodQuery,
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
    async (request) => {
      const actor = userOf(request);
      const scope = scopeOf(actor);
      const period = periodOf(request.query, request.now);
      const level = request.query.level ?? defaultRankLevel(actor.active.orgLevel);
      const orgs = orgDirectory(db, database.dialect);
      let under: { id: string; name: string; path: string } | null = null;
      if (request.query.underId !== undefined) {
        const org = await orgs.findById(scope, request.query.underId);
        if (org === undefined) {
          throw notFound();
        }
        under = { id: org.id, name: org.name, path: org.path };
      }
      const underPath = under?.path ?? scope.path;
      let units: { id: string; name: string }[];
      if (level === 'grid') {
        units = (await gridDirectory(db).list(scope, { underPath }, 5000, null)).map((g) => ({
          id: g.id,
          name: `${g.name} ${g.code}`,
        }));
      } else if (level === 'person') {
        const holders = await holdersOfRolesUnder(db, underPath, ['departmentHandler', 'gridWorker']);
        units = holders.map((h) => ({ id: personUnit(h.userId), name: h.displayName }));
      } else {
        units = (await orgs.subtree(scope, underPath))
          .filter((o) => o.level === level && o.status === 'active')
          .map((o) => ({ id: o.id, name: o.name }));
      }
      const settings = await loadCaseSettings(db);
      const counts = await countsByUnit(
        repo,
        units.map((u) => u.id),
        period,
      );
      const items = units
        .map((u) => ({ ...u, ...indicatorsFrom(counts.get(u.id)!, settings.indicators) }))
        .sort((a, b) => (b.composite ?? -1) - (a.composite ?? -1) || b.counts.closed - a.counts.closed);
      return {
        level,
        period,
        under: under === null ? null : { id: under.id, name: under.name },
        items: items.map((x, i) => ({ rank: i + 1, ...x })),
      };
    },
  );
};
