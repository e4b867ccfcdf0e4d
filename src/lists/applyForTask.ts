// A department (or command centre) applies to put a task on grid workers: it joins the admission list once the
// district approves. An emergency addition must say how long it runs, and runs out by itself.
// The caller holds admission.apply; the list is the district's (or a town's inside the caller's reach).
import { recordAudit } from '../audit/index.js';
import { maskPersonalText } from '../cases/index.js';
import type { UserActor } from '../access/index.js';
import { orgDirectory } from '../orgs/index.js';
import type { RequestContext } from '../platform/context.js';
import { toDbBool, type Database } from '../platform/db/database.js';
import { AppError, notFound } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { listRepository, type AdmissionItemRow } from './repository.js';
import type { TaskKind } from './vocabulary.js';

export type ApplyInput = {
  ownerOrgId?: string;
  taskKind: TaskKind;
  taskCode: string;
  title: string;
  reason: string;
  weeklyLoad: number;
  durationDays: number | null;
  isEmergency: boolean;
};

export async function applyForTask(
  database: Database,
  ctx: RequestContext,
  actor: UserActor,
  input: ApplyInput,
): Promise<AdmissionItemRow> {
  if (input.isEmergency && input.durationDays === null) {
    throw new AppError('request.invalid', {
      errors: [{ field: 'durationDays', message: 'an emergency addition says how many days it runs' }],
    });
  }
  return database.db.transaction().execute(async (trx) => {
    const orgs = orgDirectory(trx, database.dialect);
    // Unscoped on purpose: a department applies to the district's list, which lies above its own subtree.
    const owner =
      input.ownerOrgId === undefined ? await orgs.findRoot() : await orgs.findByIdUnscoped(input.ownerOrgId);
    if (owner === undefined || (owner.level !== 'district' && owner.level !== 'town')) {
      throw notFound();
    }
    const a = actor.active;
    const row: AdmissionItemRow = {
      id: newId(ctx.now),
      owner_org_id: owner.id,
      owner_path: owner.path,
      task_kind: input.taskKind,
      task_code: input.taskCode,
      title: input.title,
      department_id: a.orgLevel === 'department' ? a.orgId : null,
      department_name: a.orgName,
      reason: maskPersonalText(input.reason.trim()),
      weekly_load: input.weeklyLoad,
      duration_days: input.durationDays,
      is_emergency: toDbBool(input.isEmergency),
      status: 'pending',
      starts_at: null,
      expires_at: null,
      applied_by: actor.userId,
      decided_by: null,
      decided_at: null,
      decision_note: null,
      created_at: ctx.now,
      updated_at: ctx.now,
    };
    await listRepository(trx, database.dialect).insertAdmission(row);
    await recordAudit(trx, ctx, {
      action: 'admission.apply',
      entityType: 'admissionItem',
      entityId: row.id,
      orgPath: owner.path,
      detail: { taskCode: row.task_code, isEmergency: input.isEmergency },
    });
    return row;
  });
}
