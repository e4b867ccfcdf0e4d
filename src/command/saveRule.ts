// Early-warning rules are data: a command centre keeps rules for its own subtree (a town for the town, the district
// for the whole district), turns them on and off and tunes their window and threshold. Every change is audited.
import type { Kysely } from 'kysely';
import { scopeOf, type UserActor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { findCategory, maskPersonalText } from '../cases/index.js';
import type { RequestContext } from '../platform/context.js';
import { toDbBool } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { AppError, notFound } from '../platform/errors.js';
import { msg } from '../platform/i18n.js';
import { newId } from '../platform/ids.js';
import { commandRepository, type RuleRow } from './repository.js';
import type { RuleArea, RuleKind, Severity } from './warnings.js';

export type RuleInput = {
  name: string;
  kind: RuleKind;
  categoryCode: string | null;
  area: RuleArea;
  windowHours: number;
  threshold: number;
  ratio: number | null;
  severity: Severity;
};

export type RulePatch = Partial<
  Pick<RuleInput, 'name' | 'windowHours' | 'threshold' | 'ratio' | 'severity'>
> & {
  isActive?: boolean;
};

const invalid = (field: string, zh: string, en: string) =>
  new AppError('command.invalid_rule', { detail: msg(zh, en), errors: [{ field, message: en }] });

/** The combinations a rule must keep, whichever way it was written. */
function checkRule(r: Pick<RuleRow, 'kind' | 'window_hours' | 'threshold' | 'ratio'>): void {
  if (r.kind === 'trend' && (r.ratio === null || r.ratio < 1.1)) {
    throw invalid('ratio', '同比上升规则需要不小于 1.1 的倍数', 'A trend rule needs a ratio of at least 1.1');
  }
  if (r.kind !== 'trend' && r.ratio !== null) {
    throw invalid('ratio', '只有同比上升规则使用倍数', 'Only a trend rule takes a ratio');
  }
  if (r.kind === 'surge' && r.window_hours > 72) {
    throw invalid(
      'windowHours',
      '突发聚集规则的时间窗不超过 72 小时',
      'A surge rule watches at most 72 hours',
    );
  }
  if (r.kind === 'trend' && r.window_hours < 24 * 7) {
    throw invalid('windowHours', '同比上升规则的时间窗至少 7 天', 'A trend rule watches at least 7 days');
  }
}

export async function createRule(
  trx: Kysely<DB>,
  ctx: RequestContext,
  actor: UserActor,
  input: RuleInput,
): Promise<RuleRow> {
  if (input.categoryCode !== null && (await findCategory(trx, input.categoryCode)) === undefined) {
    throw invalid('categoryCode', '没有这个事件类别', 'No such category');
  }
  const row: RuleRow = {
    id: newId(ctx.now),
    org_id: actor.active.orgId,
    org_path: actor.active.orgPath,
    name: maskPersonalText(input.name.trim()),
    kind: input.kind,
    category_code: input.categoryCode,
    area: input.kind === 'cluster' ? input.area : 'village',
    window_hours: input.windowHours,
    threshold: input.threshold,
    ratio: input.ratio,
    severity: input.kind === 'surge' ? 'high' : input.severity,
    is_active: toDbBool(true),
    created_at: ctx.now,
    updated_at: ctx.now,
  };
  checkRule(row);
  await commandRepository(trx).insertRule(row);
  await recordAudit(trx, ctx, {
    action: 'command.rule.create',
    entityType: 'warningRule',
    entityId: row.id,
    orgPath: row.org_path,
    detail: {
      kind: row.kind,
      categoryCode: row.category_code,
      windowHours: row.window_hours,
      threshold: row.threshold,
    },
  });
  return row;
}

/** Changes a rule kept in the caller's subtree; a rule watching it from above is not found. */
export async function updateRule(
  trx: Kysely<DB>,
  ctx: RequestContext,
  actor: UserActor,
  id: string,
  patch: RulePatch,
): Promise<RuleRow> {
  const repo = commandRepository(trx);
  const rule = await repo.findRule(scopeOf(actor), id);
  if (rule === undefined) {
    throw notFound();
  }
  const next: RuleRow = {
    ...rule,
    name: patch.name === undefined ? rule.name : maskPersonalText(patch.name.trim()),
    window_hours: patch.windowHours ?? rule.window_hours,
    threshold: patch.threshold ?? rule.threshold,
    ratio: patch.ratio === undefined ? rule.ratio : patch.ratio,
    severity: rule.kind === 'surge' ? 'high' : (patch.severity ?? rule.severity),
    is_active: patch.isActive === undefined ? rule.is_active : toDbBool(patch.isActive),
    updated_at: ctx.now,
  };
  checkRule(next);
  await repo.updateRule(id, next);
  await recordAudit(trx, ctx, {
    action: 'command.rule.update',
    entityType: 'warningRule',
    entityId: id,
    orgPath: rule.org_path,
    detail: { ...patch },
  });
  return next;
}
