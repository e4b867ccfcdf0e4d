// The community's side of 双报到: confirm a registration (and confirm it again every half year), refuse it with a
// reason, or end it. Only the community registered with (the caller's subtree holds it) decides; anyone else
// gets 404. A member's confirmed community is written on the member record.
import { recordAudit } from '../audit/index.js';
import { isInScope, type Scope } from '../access/index.js';
import { setMemberCommunity } from '../members/index.js';
import type { RequestContext } from '../platform/context.js';
import { AppError, notFound } from '../platform/errors.js';
import { DAY_MS } from '../platform/time.js';
import type { VolunteerDeps } from './deps.js';
import { volunteerRepository, type RegistrationRow } from './repository.js';

/** A confirmation holds for half a year; then the community confirms again. */
export const CONFIRMATION_VALID_MS = 183 * DAY_MS;

export const registrationDecisions = ['confirm', 'refuse', 'end'] as const;
export type RegistrationDecision = (typeof registrationDecisions)[number];

export async function decideRegistration(
  deps: VolunteerDeps,
  ctx: RequestContext,
  scope: Scope,
  input: { id: string; decision: RegistrationDecision; reason?: string | null; userId: string },
): Promise<RegistrationRow> {
  const { database } = deps;
  return database.db.transaction().execute(async (trx) => {
    const repo = volunteerRepository(trx, database.dialect);
    const row = await repo.findRegistration(scope, input.id);
    if (row === undefined || !isInScope(scope, row.community_path)) {
      throw notFound();
    }
    const reason = input.reason?.trim() ?? '';
    let patch: Partial<RegistrationRow>;
    switch (input.decision) {
      case 'confirm':
        if (row.status !== 'pending' && row.status !== 'confirmed') {
          throw new AppError('workflow.transition_not_allowed');
        }
        patch = {
          status: 'confirmed',
          confirmed_at: ctx.now,
          confirmed_by: input.userId,
          valid_until: ctx.now + CONFIRMATION_VALID_MS,
          confirmations: row.confirmations + 1,
        };
        break;
      case 'refuse':
        if (row.status !== 'pending') {
          throw new AppError('workflow.transition_not_allowed');
        }
        if (reason === '') {
          throw new AppError('request.invalid', {
            errors: [{ field: 'reason', message: 'a reason is required' }],
          });
        }
        patch = { status: 'refused', reason, ended_at: ctx.now };
        break;
      case 'end':
        if (row.status !== 'pending' && row.status !== 'confirmed') {
          throw new AppError('workflow.transition_not_allowed');
        }
        patch = { status: 'ended', reason: reason === '' ? null : reason, ended_at: ctx.now };
        break;
    }
    const next = { ...row, ...patch, updated_at: ctx.now };
    await repo.updateRegistration(row.id, { ...patch, updated_at: ctx.now });
    // The member record follows a confirmation, and the end of a confirmed registration.
    if (row.member_id !== null && (next.status === 'confirmed' || row.status === 'confirmed')) {
      await setMemberCommunity(
        trx,
        database.dialect,
        row.member_id,
        next.status === 'confirmed' ? { id: row.community_id, path: row.community_path } : null,
        ctx.now,
      );
    }
    await recordAudit(trx, ctx, {
      action: `volunteer.registration.${input.decision}`,
      entityType: 'volunteerRegistration',
      entityId: row.id,
      orgPath: row.community_path,
      detail: { kind: row.kind, memberId: row.member_id, unitOrgId: row.unit_org_id, reason: next.reason },
    });
    return next;
  });
}
