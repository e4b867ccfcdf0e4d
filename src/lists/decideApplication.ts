// The district approves or refuses an application to add a grid task; an approved one with a duration (every
// emergency addition has one) expires by itself that many days later. Withdrawing takes an admitted task off.
// The caller holds admission.decide and acts for the district.
import { recordAudit } from '../audit/index.js';
import { maskPersonalText } from '../cases/index.js';
import type { Scope, UserActor } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { AppError, notFound } from '../platform/errors.js';
import { DAY_MS } from '../platform/time.js';
import { listRepository, type AdmissionItemRow } from './repository.js';

export async function decideApplication(
  database: Database,
  ctx: RequestContext,
  actor: UserActor,
  scope: Scope,
  id: string,
  decision: { approve: boolean; note: string | null },
): Promise<AdmissionItemRow> {
  if (actor.active.orgLevel !== 'district') {
    throw new AppError('auth.forbidden');
  }
  return database.db.transaction().execute(async (trx) => {
    const repo = listRepository(trx, database.dialect);
    const item = await repo.findAdmission(scope, id);
    if (item === undefined) {
      throw notFound();
    }
    const patch: Partial<AdmissionItemRow> = {
      status: decision.approve ? 'admitted' : 'refused',
      decided_by: actor.userId,
      decided_at: ctx.now,
      decision_note: decision.note === null ? null : maskPersonalText(decision.note.trim()),
      starts_at: decision.approve ? ctx.now : null,
      expires_at:
        decision.approve && item.duration_days !== null ? ctx.now + item.duration_days * DAY_MS : null,
      updated_at: ctx.now,
    };
    if (!(await repo.decideAdmission(id, patch))) {
      throw new AppError('list.application_decided');
    }
    await recordAudit(trx, ctx, {
      action: decision.approve ? 'admission.approve' : 'admission.refuse',
      entityType: 'admissionItem',
      entityId: id,
      orgPath: item.owner_path,
    });
    return { ...item, ...patch };
  });
}

export async function withdrawAdmission(
  database: Database,
  ctx: RequestContext,
  actor: UserActor,
  scope: Scope,
  id: string,
): Promise<void> {
  if (actor.active.orgLevel !== 'district') {
    throw new AppError('auth.forbidden');
  }
  await database.db.transaction().execute(async (trx) => {
    const repo = listRepository(trx, database.dialect);
    const item = await repo.findAdmission(scope, id);
    if (item?.status !== 'admitted') {
      throw notFound();
    }
    await repo.updateAdmission(id, { status: 'withdrawn', updated_at: ctx.now });
    await recordAudit(trx, ctx, {
      action: 'admission.withdraw',
      entityType: 'admissionItem',
      entityId: id,
      orgPath: item.owner_path,
    });
  });
}
