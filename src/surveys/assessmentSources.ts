// The survey's computed item of the five-star assessment: a village's resident satisfaction (人民满意度测评) in the
// year's latest closed survey that covers it, as a share (points ÷ 100). No figure while the village's answers
// fall short of the survey's coverage or its fewest answers: a score from too few households does not count.
// Bound into the assessment's registry by src/modules.ts; the assessment never imports this module.
import type { AssessmentSource } from '../assessment/index.js';
import { msg } from '../platform/i18n.js';
import { surveyRepository } from './repository.js';

export const surveyAssessmentSources: readonly AssessmentSource[] = [
  {
    code: 'surveys.satisfaction',
    module: 'surveys',
    name: msg('人民满意度测评得分率', 'Residents’ satisfaction in the yearly survey'),
    unit: 'rate',
    async compute(ctx, org, p) {
      const rows = await surveyRepository(ctx.database.db).closedVillageFigures(org.id, p.year, ctx.now);
      const latest = rows[0];
      const records = {
        kind: 'surveys',
        orgId: org.id,
        from: p.from,
        to: p.to,
        count: latest?.answered ?? 0,
      };
      if (
        latest === undefined ||
        latest.sampled === 0 ||
        latest.answered < latest.min_answers ||
        latest.answered / latest.sampled < latest.coverage ||
        latest.scored === 0
      ) {
        return { value: null, records };
      }
      return {
        value: Math.round((latest.score_sum / latest.scored / 100) * 10_000) / 10_000,
        records: { ...records, ids: [latest.id] },
      };
    },
  },
];
