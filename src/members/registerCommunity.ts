// 双报到: registers a member (or ends the registration) with the community where they live. The caller must hold 'member.write'.
import type { Scope } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { orgDirectory } from '../orgs/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { AppError, notFound } from '../platform/errors.js';
import { isCommunity } from './placement.js';
import { memberRepository } from './repository.js';

export async function registerCommunity(
  database: Database,
  ctx: RequestContext,
  scope: Scope,
  input: { memberId: string; communityId: string | null },
): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    const members = memberRepository(trx, database.dialect);
    const member = await members.findById(scope, input.memberId);
    if (member === undefined) {
      throw notFound();
    }
    let community: { id: string; path: string } | null = null;
    if (input.communityId !== null) {
      const found = await orgDirectory(trx, database.dialect).findByIdUnscoped(input.communityId);
      if (!isCommunity(found)) {
        throw new AppError('request.invalid', {
          errors: [{ field: 'communityId', message: 'not a community' }],
        });
      }
      community = found;
    }
    await members.setCommunity(member.id, community, ctx.now);
    await recordAudit(trx, ctx, {
      action: 'member.registerCommunity',
      entityType: 'member',
      entityId: member.id,
      orgPath: member.org_path,
      detail: { communityId: community?.id ?? null },
    });
  });
}
