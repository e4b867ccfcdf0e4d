// A member signs up for an activity on the phone, or withdraws before it starts. Any community's activity is open to
// any member; places are counted on the active sign-ups.
import { recordAudit } from '../audit/index.js';
import type { MemberListRow } from '../members/index.js';
import type { RequestContext } from '../platform/context.js';
import { AppError, notFound } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import type { VolunteerDeps } from './deps.js';
import { volunteerRepository, type SignupRow } from './repository.js';

export async function signUp(
  deps: VolunteerDeps,
  ctx: RequestContext,
  input: { activityId: string; member: MemberListRow; userId: string },
): Promise<SignupRow> {
  return deps.database.db.transaction().execute(async (trx) => {
    const repo = volunteerRepository(trx, deps.database.dialect);
    const activity = await repo.findActivityById(input.activityId);
    if (activity === undefined) {
      throw notFound();
    }
    if (activity.status !== 'open' || activity.ends_at <= ctx.now) {
      throw new AppError('workflow.transition_not_allowed');
    }
    const existing = await repo.findSignup(activity.id, input.member.id);
    if (existing !== undefined && existing.cancelled_at === null) {
      throw new AppError('volunteer.already_signed_up');
    }
    const taken = (await repo.activeSignupCounts([activity.id])).get(activity.id) ?? 0;
    if (taken >= activity.places) {
      throw new AppError('volunteer.full');
    }
    let row: SignupRow;
    if (existing === undefined) {
      row = {
        id: newId(ctx.now),
        activity_id: activity.id,
        member_id: input.member.id,
        user_id: input.userId,
        member_name: input.member.name,
        org_path: input.member.org_path,
        signed_up_at: ctx.now,
        cancelled_at: null,
        sign_in_at: null,
        sign_in_lng: null,
        sign_in_lat: null,
        sign_out_at: null,
        sign_out_lng: null,
        sign_out_lat: null,
      };
      await repo.insertSignups([row]);
    } else {
      row = { ...existing, cancelled_at: null, signed_up_at: ctx.now };
      await repo.updateSignup(existing.id, { cancelled_at: null, signed_up_at: ctx.now });
    }
    await recordAudit(trx, ctx, {
      action: 'volunteer.activity.signUp',
      entityType: 'volunteerActivity',
      entityId: activity.id,
      orgPath: activity.org_path,
      detail: { memberId: input.member.id },
    });
    return row;
  });
}

export async function withdrawSignup(
  deps: VolunteerDeps,
  ctx: RequestContext,
  input: { activityId: string; member: MemberListRow },
): Promise<void> {
  await deps.database.db.transaction().execute(async (trx) => {
    const repo = volunteerRepository(trx, deps.database.dialect);
    const activity = await repo.findActivityById(input.activityId);
    const signup = activity === undefined ? undefined : await repo.findSignup(activity.id, input.member.id);
    if (activity === undefined || signup === undefined || signup.cancelled_at !== null) {
      throw new AppError('volunteer.not_signed_up');
    }
    if (signup.sign_in_at !== null || activity.status !== 'open') {
      throw new AppError('workflow.transition_not_allowed');
    }
    await repo.updateSignup(signup.id, { cancelled_at: ctx.now });
    await recordAudit(trx, ctx, {
      action: 'volunteer.activity.withdraw',
      entityType: 'volunteerActivity',
      entityId: activity.id,
      orgPath: activity.org_path,
      detail: { memberId: input.member.id },
    });
  });
}
