// The time each level of the chain has for an appeal, as the district sets it: read with the defaults filled in, and
// replaced whole with a reason (audited). A new limit applies to appeals reaching a level after the change; an
// appeal already waiting keeps the due time it was given on arrival.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/index.js';
import type { LimitUnit } from '../calendar/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { AppError } from '../platform/errors.js';
import { putSetting } from '../platform/settings.js';
import { chainLevels, LIMITS_SETTING, loadLevelLimits, type LevelLimits } from './chain.js';

export const limitUnits = [
  'minutes',
  'hours',
  'days',
  'workHours',
  'workDays',
] as const satisfies readonly LimitUnit[];

/** At most 90 days (or working days) at one level: a longer limit is a typing slip, not a rule. */
const MAX_AMOUNT: Record<LimitUnit, number> = {
  minutes: 90 * 24 * 60,
  hours: 90 * 24,
  days: 90,
  workHours: 90 * 8,
  workDays: 90,
};

export async function readLevelLimits(db: Kysely<DB>): Promise<LevelLimits> {
  return loadLevelLimits(db);
}

export async function saveLevelLimits(
  database: Database,
  ctx: RequestContext,
  input: { limits: LevelLimits; reason: string },
): Promise<LevelLimits> {
  const errors = chainLevels.flatMap((level) => {
    const limit = input.limits[level];
    return Number.isInteger(limit.amount) && limit.amount >= 1 && limit.amount <= MAX_AMOUNT[limit.unit]
      ? []
      : [{ field: `limits.${level}.amount`, message: `1–${MAX_AMOUNT[limit.unit]}` }];
  });
  if (errors.length > 0) {
    throw new AppError('linkage.limit_invalid', { errors });
  }
  const reason = input.reason.trim();
  if (reason === '') {
    throw new AppError('linkage.limit_invalid', { errors: [{ field: 'reason', message: 'required' }] });
  }
  return database.db.transaction().execute(async (trx) => {
    const before = await loadLevelLimits(trx);
    const limits = Object.fromEntries(
      chainLevels.map((l) => [l, { amount: input.limits[l].amount, unit: input.limits[l].unit }]),
    ) as LevelLimits;
    await putSetting(trx, LIMITS_SETTING, JSON.stringify(limits), ctx.now);
    await recordAudit(trx, ctx, {
      action: 'linkage.limits.save',
      entityType: 'setting',
      entityId: LIMITS_SETTING,
      orgPath: null,
      detail: { before, after: limits, reason },
    });
    return limits;
  });
}
