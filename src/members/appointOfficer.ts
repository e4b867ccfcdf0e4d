// Gives a member a post in an organisation above them (secretary, committee, group leader) or takes it away.
// The caller must hold 'member.write'.
import type { Scope } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { orgDirectory } from '../orgs/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { AppError, notFound } from '../platform/errors.js';
import { localDate } from '../platform/time.js';
import { memberRepository } from './repository.js';
import type { MemberRole } from './vocabulary.js';

export async function appointOfficer(
  database: Database,
  ctx: RequestContext,
  scope: Scope,
  input: { orgId: string; memberId: string; role: MemberRole; isAppointed: boolean },
): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    const org = await orgDirectory(trx, database.dialect).findById(scope, input.orgId);
    const members = memberRepository(trx, database.dialect);
    const member = await members.findById(scope, input.memberId);
    if (org === undefined || member === undefined) {
      throw notFound();
    }
    // A post is held in one's own organisation or one above it (a branch secretary may lead the village's general branch).
    if (org.status !== 'active' || !member.org_path.startsWith(org.path)) {
      throw new AppError('request.invalid', {
        errors: [{ field: 'memberId', message: 'the member does not belong to this organisation' }],
      });
    }
    if (input.role === 'groupLeader' && org.level !== 'group') {
      throw new AppError('request.invalid', {
        errors: [{ field: 'role', message: 'group leaders lead party groups' }],
      });
    }
    if (input.isAppointed) {
      await members.insertRoles([
        {
          member_id: member.id,
          org_id: org.id,
          role: input.role,
          since: localDate(ctx.now),
        },
      ]);
    } else {
      await members.removeRole(member.id, org.id, input.role);
    }
    await recordAudit(trx, ctx, {
      action: input.isAppointed ? 'member.appoint' : 'member.dismiss',
      entityType: 'member',
      entityId: member.id,
      orgPath: org.path,
      detail: { orgId: org.id, role: input.role },
    });
  });
}
