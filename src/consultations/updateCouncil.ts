// A council's settings (议事会设置): its name, its room, and the support rule for residents' topics (how many
// supporters within how many days send a topic to the branch). A topic already collecting keeps the rule it opened
// with, so nobody's count changes under them. The caller holds council.write over the council.
import { recordAudit } from '../audit/index.js';
import type { Scope } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { councilOrThrow, type ConsultationDeps } from './deps.js';
import { consultationRepository, type CouncilRow } from './repository.js';

export type CouncilSettings = {
  name?: string;
  place?: string;
  supportThreshold?: number;
  supportDays?: number;
};

export async function updateCouncil(
  deps: ConsultationDeps,
  ctx: RequestContext,
  scope: Scope,
  councilId: string,
  input: CouncilSettings,
): Promise<CouncilRow> {
  const patch: Partial<CouncilRow> = {};
  if (input.name !== undefined) {
    patch.name = input.name.trim();
  }
  if (input.place !== undefined) {
    patch.place = input.place.trim();
  }
  if (input.supportThreshold !== undefined) {
    patch.support_threshold = input.supportThreshold;
  }
  if (input.supportDays !== undefined) {
    patch.support_days = input.supportDays;
  }
  if (patch.name === '' || patch.place === '') {
    throw new AppError('request.invalid', {
      errors: [{ field: patch.name === '' ? 'name' : 'place', message: 'must not be blank' }],
    });
  }
  return deps.database.db.transaction().execute(async (trx) => {
    const repo = consultationRepository(trx, deps.database.dialect);
    const council = await councilOrThrow(repo, scope, councilId);
    if (Object.keys(patch).length === 0) {
      return council;
    }
    const next = { ...patch, updated_at: ctx.now };
    await repo.updateCouncil(council.id, next);
    const before: Record<string, unknown> = {};
    for (const key of Object.keys(patch) as (keyof CouncilRow)[]) {
      before[key] = council[key];
    }
    await recordAudit(trx, ctx, {
      action: 'council.update',
      entityType: 'consultationCouncil',
      entityId: council.id,
      orgPath: council.org_path,
      detail: { before, after: patch },
    });
    return { ...council, ...next };
  });
}
