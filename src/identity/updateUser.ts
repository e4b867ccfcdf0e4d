// Edits an account's display name or home organisation. The caller holds 'admin.users'; scope is checked here.
import { recordAudit } from '../audit/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import type { UserActor } from '../access/index.js';
import { requireManageable, requireOrgInScope, requireUser } from './userAdmin.js';
import { userRepository } from './userRepository.js';

export async function updateUser(
  database: Database,
  ctx: RequestContext,
  actor: UserActor,
  input: { userId: string; displayName?: string; orgId?: string },
): Promise<void> {
  const target = await requireUser(database, actor, input.userId);
  requireManageable(actor, target);
  const home = input.orgId === undefined ? null : await requireOrgInScope(database, actor, input.orgId);
  await database.db.transaction().execute(async (trx) => {
    await userRepository(trx, database.dialect).update(
      target.user.id,
      {
        ...(input.displayName === undefined ? {} : { display_name: input.displayName }),
        ...(home === null ? {} : { org_id: home.id }),
      },
      ctx.now,
    );
    await recordAudit(trx, ctx, {
      action: 'user.update',
      entityType: 'user',
      entityId: target.user.id,
      orgPath: home?.path ?? target.user.orgPath,
      detail: {
        username: target.user.username,
        ...(input.displayName === undefined
          ? {}
          : { displayName: { from: target.user.displayName, to: input.displayName } }),
        ...(home === null ? {} : { orgId: { from: target.user.orgId, to: home.id } }),
      },
    });
  });
}
