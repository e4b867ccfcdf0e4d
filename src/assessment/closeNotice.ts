// Closes a notice once its days have run and every objection is answered: the sheets are scored as they now stand and
// stars are awarded, kept, raised or lowered (one level a year, quotas per level), each with its reason in the log.
// The caller holds assessment.approve.
import { recordAudit } from '../audit/index.js';
import type { RequestContext } from '../platform/context.js';
import { AppError, notFound } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { changeOf, isComputedLine, statesOf, treeOf, type AssessmentDeps } from './deps.js';
import { assessmentRepository, type AwardRow, type NoticeRow } from './repository.js';
import { scoreSheet } from './scoring.js';
import { awardLevels } from './stars.js';

export async function closeNotice(
  deps: AssessmentDeps,
  ctx: RequestContext,
  noticeId: string,
): Promise<{ notice: NoticeRow; awards: AwardRow[] }> {
  return deps.database.db.transaction().execute(async (trx) => {
    const repo = assessmentRepository(trx);
    const notice = await repo.findNotice(noticeId);
    if (notice === undefined) {
      throw notFound();
    }
    if (notice.status !== 'open') {
      throw new AppError('workflow.transition_not_allowed');
    }
    if (ctx.now < notice.ends_at) {
      throw new AppError('assessment.notice_running');
    }
    if ((await repo.objectionsOfNotice(notice.id)).some((o) => o.status === 'open')) {
      throw new AppError('assessment.objections_open');
    }
    const cycle = await repo.findCycle(notice.year);
    if (cycle === undefined) {
      throw notFound();
    }
    const tree = await treeOf(repo, cycle.tree_id);
    const sheets = await repo.sheetsOfNotice(notice.id);
    const lines = await repo.linesOfSheets(sheets.map((s) => s.id));
    const previous = await repo.previousLevels(
      sheets.map((s) => s.org_id),
      notice.year,
    );
    const candidates = sheets.map((s) => {
      const score = scoreSheet(tree, statesOf(lines.filter((l) => l.sheet_id === s.id)), isComputedLine);
      return {
        sheetId: s.id,
        orgId: s.org_id,
        earned: score.earned,
        total: score.total,
        previousLevel: previous.get(s.org_id) ?? 0,
        basicsPassed: score.basicsPassed,
      };
    });
    const awards = awardLevels(
      tree,
      candidates,
      await repo.countSheets(notice.year),
      await repo.levelCounts(notice.year),
    );
    const byId = new Map(sheets.map((s) => [s.id, s]));
    const rows: AwardRow[] = awards.map((a) => {
      const s = byId.get(a.sheetId)!;
      return {
        id: newId(ctx.now),
        year: notice.year,
        sheet_id: s.id,
        org_id: s.org_id,
        org_path: s.org_path,
        org_name: s.org_name,
        level: a.level,
        previous_level: previous.get(s.org_id) ?? 0,
        stars: JSON.stringify(a.stars),
        movement: a.movement,
        reason: a.reason,
        decided_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        decided_at: ctx.now,
      };
    });
    await repo.insertAwards(rows);
    await repo.insertChanges(
      rows.map((r) =>
        changeOf(ctx, byId.get(r.sheet_id)!, {
          code: null,
          kind: `star.${r.movement}`,
          from_value: r.previous_level,
          to_value: r.level,
          reason: r.reason,
        }),
      ),
    );
    for (const s of sheets) {
      await repo.updateSheet(s.id, { status: 'final', updated_at: ctx.now });
    }
    const closed = { ...notice, status: 'closed', closed_at: ctx.now };
    await repo.updateNotice(notice.id, { status: 'closed', closed_at: ctx.now });
    const counts = await repo.statusCounts({ path: '/' }, notice.year);
    if (Object.entries(counts).every(([status, n]) => status === 'final' || n === 0)) {
      await repo.updateCycle(notice.year, { status: 'closed' });
    }
    await recordAudit(trx, ctx, {
      action: 'assessment.notice.close',
      entityType: 'assessmentNotice',
      entityId: notice.id,
      orgPath: null,
      detail: { awards: rows.length },
    });
    return { notice: closed, awards: rows };
  });
}
