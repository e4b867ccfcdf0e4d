// Changes the step limits and the indicator weights and grade bands (either or both), audited.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../audit/index.js';
import type { RequestContext } from '../../platform/context.js';
import type { DB } from '../../platform/db/schema.js';
import { loadCaseSettings, saveCaseSettings, type CaseSettings } from '../caseSettings.js';

export async function updateCaseSettings(
  db: Kysely<DB>,
  ctx: RequestContext,
  change: Partial<CaseSettings>,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await loadCaseSettings(trx);
    const indicators = change.indicators ?? current.indicators;
    const next: CaseSettings = {
      stepLimits: change.stepLimits ?? current.stepLimits,
      // Bands and grades are read highest first.
      indicators: {
        ...indicators,
        countBands: [...indicators.countBands].sort((a, b) => b.min - a.min),
        grades: [...indicators.grades].sort((a, b) => b.min - a.min),
      },
    };
    await saveCaseSettings(trx, next, ctx.now);
    await recordAudit(trx, ctx, {
      action: 'cases.settings',
      entityType: 'setting',
      entityId: 'cases.settings',
      orgPath: null,
    });
  });
}
