// A correction: a new act whose entries reverse an act's entries (all of them, or those of some members). Nothing
// posted is ever edited. The caller holds 'points.approve' and the act lies in its subtree (404 otherwise).
import { recordAudit } from '../audit/index.js';
import type { Scope, UserActor } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import { AppError, notFound } from '../platform/errors.js';
import { approverOf, type VolunteerDeps } from './deps.js';
import { reverseLedgerEntries, type PostedAct } from './ledger.js';
import { volunteerRepository } from './repository.js';

export async function reverseEntries(
  deps: VolunteerDeps,
  ctx: RequestContext,
  scope: Scope,
  user: UserActor,
  input: { actId: string; memberIds?: string[]; reason: string },
): Promise<PostedAct> {
  const { database } = deps;
  return database.db.transaction().execute(async (trx) => {
    const repo = volunteerRepository(trx, database.dialect);
    const act = await repo.findAct(scope, input.actId);
    if (act === undefined) {
      throw notFound();
    }
    if (act.source_type === 'reversal') {
      throw new AppError('volunteer.already_reversed');
    }
    const all = await repo.entriesOfAct(act.id);
    const reversed = await repo.reversalsOf(all.map((e) => e.id));
    let chosen = all.filter((e) => !reversed.has(e.id));
    if (input.memberIds !== undefined) {
      const wanted = new Set(input.memberIds);
      if (input.memberIds.some((id) => !all.some((e) => e.member_id === id))) {
        throw new AppError('request.invalid', {
          errors: [{ field: 'memberIds', message: 'a member not credited by this act' }],
        });
      }
      chosen = all.filter((e) => wanted.has(e.member_id));
    }
    const posted = await reverseLedgerEntries(trx, database.dialect, ctx.now, {
      act,
      entries: chosen,
      reason: input.reason,
      orgPath: act.org_path,
      approver: approverOf(user),
    });
    await recordAudit(trx, ctx, {
      action: 'points.reverse',
      entityType: 'pointsAct',
      entityId: posted.act.id,
      orgPath: act.org_path,
      detail: { reverses: act.id, members: chosen.map((e) => e.member_id), reason: input.reason },
    });
    return posted;
  });
}
