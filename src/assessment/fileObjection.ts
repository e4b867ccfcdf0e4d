// A resident objects to a village's result while its notice runs: about the sheet or one of its lines. The text is
// stored with phone and ID numbers masked; the answer is read back with the code returned. No account needed.
import { maskPersonalText } from '../cases/index.js';
import type { RequestContext } from '../platform/context.js';
import { AppError, notFound } from '../platform/errors.js';
import { newId, newSecret } from '../platform/ids.js';
import { DISTRICT_SCOPE, lineRefOrThrow, treeOf, type AssessmentDeps } from './deps.js';
import { assessmentRepository, type ObjectionRow } from './repository.js';

export async function fileObjection(
  deps: AssessmentDeps,
  ctx: RequestContext,
  input: { noticeId: string; sheetId: string; lineCode?: string | null; body: string },
): Promise<ObjectionRow> {
  return deps.database.db.transaction().execute(async (trx) => {
    const repo = assessmentRepository(trx);
    const notice = await repo.findNotice(input.noticeId);
    const sheet = await repo.findSheet(DISTRICT_SCOPE, input.sheetId);
    if (notice === undefined || sheet === undefined || sheet.notice_id !== notice.id) {
      throw notFound();
    }
    if (notice.status !== 'open' || ctx.now >= notice.ends_at) {
      throw new AppError('assessment.notice_closed');
    }
    const lineCode = input.lineCode ?? null;
    if (lineCode !== null) {
      lineRefOrThrow(await treeOf(repo, sheet.tree_id), lineCode);
    }
    const row: ObjectionRow = {
      id: newId(ctx.now),
      code: newSecret(9),
      notice_id: notice.id,
      sheet_id: sheet.id,
      org_path: sheet.org_path,
      line_code: lineCode,
      body: maskPersonalText(input.body.trim()),
      status: 'open',
      answer: null,
      changed_points: null,
      answered_by: null,
      answered_at: null,
      created_at: ctx.now,
    };
    await repo.insertObjection(row);
    return row;
  });
}
