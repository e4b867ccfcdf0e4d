// A signed-in user changes their own password: the current one is required, the new one must pass the policy, and
// the user's other sessions end. Clears a forced change after an administrator's reset. Any signed-in caller.
import { recordAudit } from '../audit/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { sha256 } from '../platform/hash.js';
import type { UserActor } from '../access/index.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { passwordProblem } from './passwordPolicy.js';
import { userRepository } from './userRepository.js';

export async function changePassword(
  database: Database,
  ctx: RequestContext,
  actor: UserActor,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const users = userRepository(database.db, database.dialect);
  const stored = await users.passwordHashOf(actor.userId);
  if (stored === undefined || !(await verifyPassword(stored, input.currentPassword))) {
    throw new AppError('auth.current_password_wrong');
  }
  const problem = passwordProblem(input.newPassword, actor.username);
  if (problem !== null) {
    throw new AppError(problem);
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError('password.unchanged');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await database.db.transaction().execute(async (trx) => {
    const repo = userRepository(trx, database.dialect);
    await repo.update(
      actor.userId,
      { password_hash: passwordHash, must_change_password: 0, password_changed_at: ctx.now },
      ctx.now,
    );
    const keep = actor.sessionSecret === null ? null : sha256(actor.sessionSecret);
    const ended = await repo.endSessions(actor.userId, keep);
    await recordAudit(trx, ctx, {
      action: 'user.password.change',
      entityType: 'user',
      entityId: actor.userId,
      orgPath: null,
      detail: { sessionsEnded: ended },
    });
  });
}
