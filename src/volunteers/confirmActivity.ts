// The organiser confirms an activity: the hours of everyone who signed in and out (the time on site within the
// activity's hours, in quarter hours, or the organiser's figure for a member) go into the ledger as one act. Hours
// count only from here. The caller holds 'volunteer.manage' and the activity lies in its subtree (404 otherwise).
import { recordAudit } from '../audit/index.js';
import type { Scope, UserActor } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { activityOrThrow, approverOf, type VolunteerDeps } from './deps.js';
import { postLedgerAct, type LedgerLine, type PostedAct } from './ledger.js';
import { volunteerRepository, type ActivityRow, type SignupRow } from './repository.js';

const QUARTER_HOUR_MS = 15 * 60_000;

/** Minutes on site within the activity's hours, rounded down to quarter hours; 0 without both sign-in and out. */
export function minutesServed(activity: ActivityRow, s: SignupRow): number {
  if (s.cancelled_at !== null || s.sign_in_at === null || s.sign_out_at === null) {
    return 0;
  }
  const from = Math.max(s.sign_in_at, activity.starts_at);
  const to = Math.min(s.sign_out_at, activity.ends_at);
  return to <= from ? 0 : (Math.floor((to - from) / QUARTER_HOUR_MS) * QUARTER_HOUR_MS) / 60_000;
}

export async function confirmActivity(
  deps: VolunteerDeps,
  ctx: RequestContext,
  scope: Scope,
  user: UserActor,
  input: { activityId: string; adjustments: { signupId: string; minutes: number }[] },
): Promise<{ activity: ActivityRow; posted: PostedAct | null }> {
  return deps.database.db.transaction().execute(async (trx) => {
    const repo = volunteerRepository(trx, deps.database.dialect);
    const activity = await activityOrThrow(repo, scope, input.activityId);
    if (activity.status !== 'open' || ctx.now < activity.starts_at) {
      throw new AppError('workflow.transition_not_allowed');
    }
    const signups = await repo.signupsOf(activity.id);
    const byId = new Map(signups.map((s) => [s.id, s]));
    const adjusted = new Map<string, number>();
    for (const a of input.adjustments) {
      const s = byId.get(a.signupId);
      if (s === undefined || s.cancelled_at !== null) {
        throw new AppError('request.invalid', {
          errors: [{ field: 'adjustments', message: `unknown sign-up ${a.signupId}` }],
        });
      }
      adjusted.set(a.signupId, a.minutes);
    }
    const lines: LedgerLine[] = signups.flatMap((s) => {
      const minutes = adjusted.get(s.id) ?? minutesServed(activity, s);
      return minutes > 0
        ? [
            {
              memberId: s.member_id,
              memberName: s.member_name,
              branchPath: s.org_path,
              communityPath: activity.org_path,
              amount: minutes,
            },
          ]
        : [];
    });
    const posted =
      lines.length === 0
        ? null
        : await postLedgerAct(trx, deps.database.dialect, ctx.now, {
            ruleCode: 'service',
            lines,
            evidence: `${activity.title}（${activity.place_name}）签到签退记录`,
            note: adjusted.size > 0 ? `组织者核定 ${adjusted.size} 人的时长` : null,
            occurredAt: activity.starts_at,
            orgPath: activity.org_path,
            approver: approverOf(user),
            sourceType: 'activity',
            sourceId: activity.id,
          });
    const patch = {
      status: 'confirmed',
      confirmed_at: ctx.now,
      confirmed_by: user.userId,
      act_id: posted?.act.id ?? null,
      updated_at: ctx.now,
    };
    await repo.updateActivity(activity.id, patch);
    await recordAudit(trx, ctx, {
      action: 'volunteer.activity.confirm',
      entityType: 'volunteerActivity',
      entityId: activity.id,
      orgPath: activity.org_path,
      detail: {
        actId: posted?.act.id ?? null,
        members: lines.length,
        minutes: lines.reduce((n, l) => n + l.amount, 0),
        adjusted: Object.fromEntries(adjusted),
      },
    });
    return { activity: { ...activity, ...patch }, posted };
  });
}
