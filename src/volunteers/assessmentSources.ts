// The volunteers' computed items of the five-star assessment: a village's service hours per party member and its
// 双报到 coverage over the assessed period. Bound into the assessment's registry by src/modules.ts; the assessment
// never imports this module.
import type { AssessmentSource, SourceContext, SourceOrg, SourcePeriod } from '../assessment/index.js';
import { msg } from '../platform/i18n.js';
import { volunteerNumbers, type VolunteerNumbers } from './numbers.js';

const numbersOf = (ctx: SourceContext, org: SourceOrg, p: SourcePeriod): Promise<VolunteerNumbers> =>
  ctx.once(`volunteers:${org.id}:${p.from}`, () =>
    volunteerNumbers(
      ctx.database.db,
      ctx.database.dialect,
      org.path,
      { from: p.from, to: p.to },
      Math.min(ctx.now, p.to),
    ),
  );

const records = (org: SourceOrg, p: SourcePeriod, count: number) => ({
  kind: 'volunteers',
  orgId: org.id,
  from: p.from,
  to: p.to,
  count,
});

export const volunteerAssessmentSources: readonly AssessmentSource[] = [
  {
    code: 'volunteers.hoursPerMember',
    module: 'volunteers',
    name: msg('志愿服务人均时长（小时）', 'Volunteer hours per party member'),
    unit: 'count',
    async compute(ctx, org, p) {
      const n = await numbersOf(ctx, org, p);
      const value = n.total.members === 0 ? null : Math.round((n.total.hours / n.total.members) * 10) / 10;
      return { value, records: records(org, p, n.total.membersServing) };
    },
  },
  {
    code: 'volunteers.dualRegistrationCoverage',
    module: 'volunteers',
    name: msg('党员双报到覆盖率', 'Share of party members registered with their community'),
    unit: 'share',
    async compute(ctx, org, p) {
      const n = await numbersOf(ctx, org, p);
      return { value: n.total.registrationCoverage, records: records(org, p, n.total.membersRegistered) };
    },
  },
];
