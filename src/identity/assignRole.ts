// Grants a role at an organisation to an account, or revokes one of its assignments. The caller holds 'admin.users';
// a town admin grants only town-level roles inside their town (see userAdmin.ts).
import { recordAudit } from '../audit/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { AppError, notFound } from '../platform/errors.js';
import type { UserActor } from '../access/index.js';
import type { Role } from '../access/index.js';
import { identityRepository } from './repository.js';
import { requireGrantable, requireManageable, requireUser } from './userAdmin.js';
import { userRepository } from './userRepository.js';

export async function assignRole(
  database: Database,
  ctx: RequestContext,
  actor: UserActor,
  input: { userId: string; role: Role; orgId: string },
): Promise<string> {
  const target = await requireUser(database, actor, input.userId);
  requireManageable(actor, target);
  const org = await requireGrantable(database, actor, input.role, input.orgId);
  if (target.assignments.some((a) => a.role === input.role && a.orgId === org.id)) {
    throw new AppError('user.duplicate_assignment');
  }
  return database.db.transaction().execute(async (trx) => {
    const id = await identityRepository(trx).addRole({
      userId: target.user.id,
      role: input.role,
      orgId: org.id,
      now: ctx.now,
    });
    await recordAudit(trx, ctx, {
      action: 'user.role.assign',
      entityType: 'user',
      entityId: target.user.id,
      orgPath: org.path,
      detail: { username: target.user.username, assignmentId: id, role: input.role, orgId: org.id },
    });
    return id;
  });
}

export async function revokeRole(
  database: Database,
  ctx: RequestContext,
  actor: UserActor,
  input: { userId: string; assignmentId: string },
): Promise<void> {
  const target = await requireUser(database, actor, input.userId);
  requireManageable(actor, target);
  const assignment = target.assignments.find((a) => a.id === input.assignmentId);
  if (assignment === undefined) {
    throw notFound();
  }
  await database.db.transaction().execute(async (trx) => {
    await userRepository(trx, database.dialect).removeAssignment(assignment.id);
    await recordAudit(trx, ctx, {
      action: 'user.role.revoke',
      entityType: 'user',
      entityId: target.user.id,
      orgPath: assignment.orgPath,
      detail: {
        username: target.user.username,
        assignmentId: assignment.id,
        role: assignment.role,
        orgId: assignment.orgId,
      },
    });
  });
}
