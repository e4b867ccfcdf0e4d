// Publishes the public notice (公示) of every approved sheet of a year: the notice runs the tree's notice days (5 by
// default) and the public may object while it runs. The caller holds assessment.approve (the district).
import { recordAudit } from '../audit/index.js';
import type { RequestContext } from '../platform/context.js';
import { AppError, notFound } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { DAY_MS } from '../platform/time.js';
import { treeOf, type AssessmentDeps } from './deps.js';
import { assessmentRepository, type NoticeRow } from './repository.js';

export async function publishNotice(
  deps: AssessmentDeps,
  ctx: RequestContext,
  input: { year: number; days?: number; title?: string },
): Promise<{ notice: NoticeRow; sheets: number }> {
  return deps.database.db.transaction().execute(async (trx) => {
    const repo = assessmentRepository(trx);
    const cycle = await repo.findCycle(input.year);
    if (cycle === undefined) {
      throw notFound();
    }
    const tree = await treeOf(repo, cycle.tree_id);
    const days = input.days ?? tree.noticeDays;
    const notice: NoticeRow = {
      id: newId(ctx.now),
      year: input.year,
      title: input.title?.trim() || `${input.year} 年度五星争创评定结果公示`,
      starts_at: ctx.now,
      ends_at: ctx.now + days * DAY_MS,
      status: 'open',
      created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      created_at: ctx.now,
      closed_at: null,
    };
    await repo.insertNotice(notice);
    const sheets = await repo.placeInNotice(input.year, notice.id, ctx.now);
    if (sheets === 0) {
      throw new AppError('assessment.nothing_approved');
    }
    await recordAudit(trx, ctx, {
      action: 'assessment.notice.publish',
      entityType: 'assessmentNotice',
      entityId: notice.id,
      orgPath: null,
      detail: { year: input.year, sheets, days },
    });
    return { notice, sheets };
  });
}
