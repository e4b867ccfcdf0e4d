// Sign in and out on site: the activity's QR code proves the member stands where the code is shown, and the phone's
// position must lie within the activity's radius and the time within its window. A second sign-in (or sign-out) is
// refused; the condition sits in the UPDATE, so two taps at once record one.
import { recordAudit } from '../audit/index.js';
import type { MemberListRow } from '../members/index.js';
import type { RequestContext } from '../platform/context.js';
import { AppError, notFound } from '../platform/errors.js';
import { metresBetween, type VolunteerDeps } from './deps.js';
import { volunteerRepository, type ActivityRow, type SignupRow } from './repository.js';

/** Sign-in opens half an hour before the start; sign-out closes two hours after the end. */
export const SIGN_IN_EARLY_MS = 30 * 60_000;
export const SIGN_OUT_LATE_MS = 2 * 3_600_000;

export type Position = { lng: number; lat: number };

export function isAtPlace(activity: ActivityRow, at: Position): boolean {
  return metresBetween(activity.lng, activity.lat, at.lng, at.lat) <= activity.radius_m;
}

export async function checkInOut(
  deps: VolunteerDeps,
  ctx: RequestContext,
  input: {
    activityId: string;
    member: MemberListRow;
    token: string;
    position: Position;
    direction: 'in' | 'out';
  },
): Promise<SignupRow> {
  return deps.database.db.transaction().execute(async (trx) => {
    const repo = volunteerRepository(trx, deps.database.dialect);
    const activity = await repo.findActivityById(input.activityId);
    if (activity === undefined) {
      throw notFound();
    }
    if (activity.status !== 'open') {
      throw new AppError('workflow.transition_not_allowed');
    }
    if (input.token !== activity.checkin_token) {
      throw new AppError('volunteer.invalid_checkin');
    }
    const signup = await repo.findSignup(activity.id, input.member.id);
    if (signup === undefined || signup.cancelled_at !== null) {
      throw new AppError('volunteer.not_signed_up');
    }
    const { lng, lat } = input.position;
    if (input.direction === 'in') {
      if (signup.sign_in_at !== null) {
        throw new AppError('volunteer.already_signed_in');
      }
      if (ctx.now < activity.starts_at - SIGN_IN_EARLY_MS || ctx.now > activity.ends_at) {
        throw new AppError('volunteer.checkin_outside_window');
      }
      if (!isAtPlace(activity, input.position)) {
        throw new AppError('volunteer.checkin_far');
      }
      if (!(await repo.signInOnce(signup.id, ctx.now, lng, lat))) {
        throw new AppError('volunteer.already_signed_in');
      }
    } else {
      if (signup.sign_in_at === null) {
        throw new AppError('volunteer.not_signed_in');
      }
      if (signup.sign_out_at !== null) {
        throw new AppError('volunteer.already_signed_out');
      }
      if (ctx.now > activity.ends_at + SIGN_OUT_LATE_MS) {
        throw new AppError('volunteer.checkin_outside_window');
      }
      if (!isAtPlace(activity, input.position)) {
        throw new AppError('volunteer.checkin_far');
      }
      if (!(await repo.signOutOnce(signup.id, ctx.now, lng, lat))) {
        throw new AppError('volunteer.already_signed_out');
      }
    }
    await recordAudit(trx, ctx, {
      action: input.direction === 'in' ? 'volunteer.activity.signIn' : 'volunteer.activity.signOut',
      entityType: 'volunteerActivity',
      entityId: activity.id,
      orgPath: activity.org_path,
      detail: { memberId: input.member.id, lng, lat },
    });
    return input.direction === 'in'
      ? { ...signup, sign_in_at: ctx.now, sign_in_lng: lng, sign_in_lat: lat }
      : { ...signup, sign_out_at: ctx.now, sign_out_lng: lng, sign_out_lat: lat };
  });
}
