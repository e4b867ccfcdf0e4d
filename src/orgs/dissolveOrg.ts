// Dissolves an empty organisation: it keeps its records and history, with status 'dissolved'. The caller must hold 'org.write'.
import type { Scope } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { AppError, notFound } from '../platform/errors.js';
import { isOrgLevel, orgMetric } from './levels.js';
import { recordOrgChange } from './orgChange.js';
import { orgRepository, type OrgRow } from './repository.js';

/** Roll-up metrics that must be zero before an org may be dissolved. */
const PEOPLE_METRICS = ['member', 'centralHousehold', 'household'];

export async function dissolveOrg(
  database: Database,
  ctx: RequestContext,
  scope: Scope,
  input: { id: string; reason: string },
): Promise<OrgRow> {
  return database.db.transaction().execute(async (trx) => {
    const repo = orgRepository(trx, database.dialect);
    const org = await repo.findById(scope, input.id);
    if (org === undefined || org.path === scope.path) {
      throw notFound();
    }
    if (org.status !== 'active' || !isOrgLevel(org.level)) {
      throw new AppError('org.dissolved');
    }
    const totals = await repo.rollup(org.id);
    if ((await repo.countActiveChildren(org.id)) > 0 || PEOPLE_METRICS.some((m) => (totals[m] ?? 0) > 0)) {
      throw new AppError('org.not_empty');
    }
    await repo.markDissolved(org.id, ctx.now);
    await repo.adjustRollup(org.path, orgMetric(org.level), -1);
    await recordOrgChange(trx, repo, ctx, org, 'dissolve', { reason: input.reason });
    return { ...org, status: 'dissolved', dissolved_at: ctx.now };
  });
}
