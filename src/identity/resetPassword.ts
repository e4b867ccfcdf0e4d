// An administrator resets an account's password to a one-time password (shown once): every session of the account
// ends at once and the next sign-in must change it. The caller holds 'admin.users'; scope is checked here.
import { recordAudit } from '../audit/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import type { UserActor } from '../access/index.js';
import { hashPassword } from './passwords.js';
import { oneTimePassword } from './passwordPolicy.js';
import { requireManageable, requireUser } from './userAdmin.js';
import { userRepository } from './userRepository.js';

export async function resetPassword(
  database: Database,
  ctx: RequestContext,
  actor: UserActor,
  userId: string,
): Promise<{ oneTimePassword: string }> {
  const target = await requireUser(database, actor, userId);
  requireManageable(actor, target);
  const password = oneTimePassword(target.user.username);
  const passwordHash = await hashPassword(password);
  await database.db.transaction().execute(async (trx) => {
    const users = userRepository(trx, database.dialect);
    await users.update(
      target.user.id,
      { password_hash: passwordHash, must_change_password: 1, password_changed_at: ctx.now },
      ctx.now,
    );
    const ended = await users.endSessions(target.user.id);
    await recordAudit(trx, ctx, {
      action: 'user.password.reset',
      entityType: 'user',
      entityId: target.user.id,
      orgPath: target.user.orgPath,
      detail: { username: target.user.username, sessionsEnded: ended },
    });
  });
  return { oneTimePassword: password };
}
