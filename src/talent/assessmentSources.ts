// The talent pool's computed items for the assessment: talents of a village put to work in the assessed period, and
// the share of its filed talents kept current (confirmed within a year at the period's end). Bound into the
// assessment's registry by src/modules.ts; the assessment never imports this module.
import type { AssessmentSource, SourceContext, SourceOrg, SourcePeriod } from '../assessment/index.js';
import { msg } from '../platform/i18n.js';
import { talentNumbers, type TalentNumbers } from './numbers.js';

const numbersOf = (ctx: SourceContext, org: SourceOrg, p: SourcePeriod): Promise<TalentNumbers> =>
  ctx.once(`talent:${org.id}:${p.from}`, () =>
    talentNumbers(ctx.database.db, org.path, { from: p.from, to: p.to }, Math.min(ctx.now, p.to)),
  );

const records = (org: SourceOrg, p: SourcePeriod, count: number) => ({
  kind: 'talent',
  orgId: org.id,
  from: p.from,
  to: p.to,
  count,
});

export const talentAssessmentSources: readonly AssessmentSource[] = [
  {
    code: 'talent.engaged',
    module: 'talent',
    name: msg('人才参与任用人数', 'Talents put to work'),
    unit: 'count',
    async compute(ctx, org, p) {
      const n = await numbersOf(ctx, org, p);
      return { value: n.engaged, records: records(org, p, n.engaged) };
    },
  },
  {
    code: 'talent.currentShare',
    module: 'talent',
    name: msg('人才信息年度更新率', 'Share of talent profiles kept current'),
    unit: 'share',
    async compute(ctx, org, p) {
      const n = await numbersOf(ctx, org, p);
      return {
        value: n.total === 0 ? null : (n.total - n.stale) / n.total,
        records: records(org, p, n.total),
      };
    },
  },
];
