// The branch approves an entry of the rule catalogue for one or many members in one act (a study session attended
// by the whole branch, a deduction for one member). The caller holds 'points.approve'; each member must belong to
// the caller's subtree (404 otherwise) — for points their own branch, for hours their branch or community.
import { recordAudit } from '../audit/index.js';
import { isInScope, type Scope, type UserActor } from '../access/index.js';
import { memberDirectory } from '../members/index.js';
import type { RequestContext } from '../platform/context.js';
import { AppError, notFound } from '../platform/errors.js';
import { approverOf, type VolunteerDeps } from './deps.js';
import { postLedgerAct, type PostedAct } from './ledger.js';
import { ruleOf } from './rules.js';

export async function awardPoints(
  deps: VolunteerDeps,
  ctx: RequestContext,
  scope: Scope,
  user: UserActor,
  input: {
    ruleCode: string;
    lines: { memberId: string; amount: number }[];
    evidence: string;
    note?: string | null;
    occurredAt: number;
  },
): Promise<PostedAct> {
  const rule = ruleOf(input.ruleCode);
  if (rule === undefined) {
    throw new AppError('volunteer.unknown_rule');
  }
  if (input.occurredAt > ctx.now) {
    throw new AppError('request.invalid', {
      errors: [{ field: 'occurredOn', message: 'not in the future' }],
    });
  }
  const { database } = deps;
  return database.db.transaction().execute(async (trx) => {
    const members = memberDirectory(trx, database.dialect);
    const lines = [];
    for (const l of input.lines) {
      const m = await members.findById(scope, l.memberId);
      if (m === undefined || (rule.approvedBy === 'branch' && !isInScope(scope, m.org_path))) {
        throw notFound();
      }
      lines.push({
        memberId: m.id,
        memberName: m.name,
        branchPath: m.org_path,
        communityPath: m.community_path,
        amount: l.amount,
      });
    }
    const posted = await postLedgerAct(trx, database.dialect, ctx.now, {
      ruleCode: rule.code,
      lines,
      evidence: input.evidence,
      note: input.note ?? null,
      occurredAt: input.occurredAt,
      orgPath: scope.path,
      approver: approverOf(user),
      sourceType: 'manual',
    });
    await recordAudit(trx, ctx, {
      action: 'points.approve',
      entityType: 'pointsAct',
      entityId: posted.act.id,
      orgPath: scope.path,
      detail: {
        rule: rule.code,
        members: lines.length,
        total: lines.reduce((n, l) => n + l.amount, 0),
      },
    });
    return posted;
  });
}
