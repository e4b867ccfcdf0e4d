// Deactivates an account (every session ends at once; sign-in and API tokens stop working) or reactivates it.
// The caller holds 'admin.users'; scope is checked here.
import { recordAudit } from '../audit/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import type { UserActor } from '../access/index.js';
import { requireManageable, requireUser } from './userAdmin.js';
import { userRepository } from './userRepository.js';

export async function setUserActive(
  database: Database,
  ctx: RequestContext,
  actor: UserActor,
  input: { userId: string; isActive: boolean },
): Promise<void> {
  const target = await requireUser(database, actor, input.userId);
  requireManageable(actor, target);
  if (!input.isActive && target.user.id === actor.userId) {
    throw new AppError('user.cannot_deactivate_self');
  }
  const wasActive = target.user.status === 'active';
  if (wasActive === input.isActive) {
    return;
  }
  await database.db.transaction().execute(async (trx) => {
    const users = userRepository(trx, database.dialect);
    await users.update(
      target.user.id,
      input.isActive
        ? { status: 'active', deactivated_at: null }
        : { status: 'inactive', deactivated_at: ctx.now },
      ctx.now,
    );
    const ended = input.isActive ? 0 : await users.endSessions(target.user.id);
    await recordAudit(trx, ctx, {
      action: input.isActive ? 'user.reactivate' : 'user.deactivate',
      entityType: 'user',
      entityId: target.user.id,
      orgPath: target.user.orgPath,
      detail: { username: target.user.username, ...(input.isActive ? {} : { sessionsEnded: ended }) },
    });
  });
}
