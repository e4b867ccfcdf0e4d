// Creates an account in the caller's scope with a one-time password (shown once, changed at first sign-in) and its
// first role assignments. The caller holds 'admin.users'.
import { recordAudit } from '../audit/index.js';
import type { OrgRow } from '../orgs/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import type { UserActor } from '../access/index.js';
import { hashPassword } from './passwords.js';
import { oneTimePassword } from './passwordPolicy.js';
import type { Role } from '../access/index.js';
import { identityRepository } from './repository.js';
import { requireGrantable, requireOrgInScope } from './userAdmin.js';
import { userRepository } from './userRepository.js';

export type CreateUserInput = {
  username: string;
  displayName: string;
  orgId: string;
  roles: { role: Role; orgId: string }[];
};

export async function createUser(
  database: Database,
  ctx: RequestContext,
  actor: UserActor,
  input: CreateUserInput,
): Promise<{ userId: string; oneTimePassword: string }> {
  const home = await requireOrgInScope(database, actor, input.orgId);
  const grants: { role: Role; org: OrgRow }[] = [];
  for (const r of input.roles) {
    const org = await requireGrantable(database, actor, r.role, r.orgId);
    if (grants.some((g) => g.role === r.role && g.org.id === org.id)) {
      throw new AppError('user.duplicate_assignment');
    }
    grants.push({ role: r.role, org });
  }
  const users = userRepository(database.db, database.dialect);
  if ((await users.takenUsernames([input.username])).size > 0) {
    throw new AppError('user.username_taken');
  }
  const password = oneTimePassword(input.username);
  const passwordHash = await hashPassword(password);
  const userId = await database.db.transaction().execute(async (trx) => {
    const repo = identityRepository(trx);
    const id = await repo.createUser({
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      orgId: home.id,
      mustChangePassword: true,
      now: ctx.now,
    });
    for (const g of grants) {
      await repo.addRole({ userId: id, role: g.role, orgId: g.org.id, now: ctx.now });
    }
    await recordAudit(trx, ctx, {
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      orgPath: home.path,
      detail: {
        username: input.username,
        orgId: home.id,
        roles: grants.map((g) => ({ role: g.role, orgId: g.org.id })),
      },
    });
    return id;
  });
  return { userId, oneTimePassword: password };
}
