// Indicators and rankings from the fact table, with month-on-month and year-on-year.
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { gridDirectory } from '../../grids/index.js';
import { scopeOf } from '../../access/index.js';
import { holdersOfRolesUnder } from '../../identity/index.js';
import { orgDirectory } from '../../orgs/index.js';
import { AppError, notFound } from '../../platform/errors.js';
import { userOf } from '../../platform/http/request.js';
import type { ModuleRoutes } from '../../platform/http/module.js';
import { loadCaseSettings } from '../caseSettings.js';
import { caseRepository } from '../repository.js';
import { comparisonPeriods, countsByUnit, indicatorsFrom, type Period } from './computeIndicators.js';
import { personUnit } from './facts.js';

const PeriodQuery = {
  from: Type.Integer({ minimum: 0 }),
  to: Type.Integer({ minimum: 0 }),
};

export const indicatorRoutes: ModuleRoutes = async (base, { deps }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { database } = deps;
  const db = database.db;
  const repo = caseRepository(db, database.dialect);

  const periodOf = (q: { from: number; to: number }): Period => {
    if (q.to <= q.from || q.to - q.from > 3 * 366 * 86_400_000) {
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
      },
    },
    async (request) => {
      const actor = userOf(request);
      const period = periodOf(request.query);
      const unit = request.query.unitId ?? actor.active.orgId;
      // The unit must be inside the caller's scope: an org or department in the subtree, a grid there, or the caller.
      const isOwn = unit === personUnit(actor.userId);
      if (!isOwn) {
        const scope = scopeOf(actor);
        const org = await orgDirectory(db, database.dialect).findById(scope, unit);
        const grid = org === undefined ? await gridDirectory(db).findById(scope, unit) : undefined;
        if (org === undefined && grid === undefined) {
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
        period,
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
        summary: 'Rank towns, villages, grids, departments or people in scope by the composite score',
        querystring: Type.Object({
          level: Type.Union(['town', 'village', 'grid', 'department', 'person'].map((l) => Type.Literal(l))),
          ...PeriodQuery,
        }),
      },
    },
    async (request) => {
      const actor = userOf(request);
      const scope = scopeOf(actor);
      const period = periodOf(request.query);
      const level = request.query.level;
      let units: { id: string; name: string }[];
      if (level === 'grid') {
        units = (await gridDirectory(db).list(scope, {}, 5000, null)).map((g) => ({
          id: g.id,
          name: `${g.name} ${g.code}`,
        }));
      } else if (level === 'person') {
        const holders = await holdersOfRolesUnder(db, scope.path, ['departmentHandler', 'gridWorker']);
        units = holders.map((h) => ({ id: personUnit(h.userId), name: h.displayName }));
      } else {
        const orgs = await orgDirectory(db, database.dialect).subtree(scope, scope.path);
        units = orgs
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
      return { level, period, items: items.map((x, i) => ({ rank: i + 1, ...x })) };
    },
  );
};
