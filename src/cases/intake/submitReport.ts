// A report with an Idempotency-Key: a retried submission returns the first answer and never makes a second case.
import { createHash } from 'node:crypto';
import type { Database } from '../../platform/db/database.js';
import type { RequestContext } from '../../platform/context.js';
import type { UserActor } from '../../access/index.js';
import { AppError } from '../../platform/errors.js';
import { catalogueRepository } from '../catalogue/repository.js';
import { caseRepository, type CaseRow } from '../repository.js';
import { caseScopeOf } from '../access.js';
import { countDuplicates, findDuplicates, type Duplicate } from './findDuplicates.js';
import { countReport, reportCase, type ReportDeps, type ReportInput } from './reportCase.js';

export type ReportAnswer = {
  id: string;
  trackingCode: string;
  state: string;
  gridId: string | null;
  /** Possible duplicates the performer may open (none for the public, who learn only the count). */
  duplicates: Duplicate[];
  duplicateCount: number;
};

export type SubmitResult = { answer: ReportAnswer; isReplay: boolean; row: CaseRow | null };

export async function submitReport(
  database: Database,
  deps: ReportDeps,
  ctx: RequestContext,
  performer: UserActor | null,
  input: ReportInput,
  idempotency: { key: string; namespace: string } | null,
): Promise<SubmitResult> {
  const requestHash = createHash('sha256')
    .update(
      JSON.stringify({
        ...input,
        photos: (input.photos ?? []).map((p) => createHash('sha256').update(p.bytes).digest('hex')),
      }),
    )
    .digest('hex');
  return database.db.transaction().execute(async (trx) => {
    const repo = caseRepository(trx, database.dialect);
    const key = idempotency === null ? null : `${idempotency.namespace}:${idempotency.key}`;
    if (key !== null && !(await repo.claimIdempotency(key, requestHash, ctx.now))) {
      const held = await repo.findIdempotency(key);
      if (held === undefined || held.request_hash !== requestHash) {
        throw new AppError('request.idempotency_conflict');
      }
      if (held.response === null) {
        throw new AppError('record.conflict');
      }
      // Answers stored before duplicateCount existed carry only the list.
      const stored = JSON.parse(held.response) as Omit<ReportAnswer, 'duplicateCount'> & {
        duplicateCount?: number;
      };
      const answer = { ...stored, duplicateCount: stored.duplicateCount ?? stored.duplicates.length };
      return { answer, isReplay: true, row: null };
    }
    const row = await reportCase(trx, { ...deps, deferCounters: true }, ctx, performer, input);
    const radius = (await catalogueRepository(trx).find(row.category_code))?.duplicateRadiusM ?? 100;
    const duplicates =
      performer === null ? [] : await findDuplicates(repo, await caseScopeOf(trx, performer), row, radius);
    const duplicateCount = performer === null ? await countDuplicates(repo, row, radius) : duplicates.length;
    const answer: ReportAnswer = {
      id: row.id,
      trackingCode: row.tracking_code,
      state: row.state,
      gridId: row.grid_id,
      duplicates,
      duplicateCount,
    };
    if (key !== null) {
      await repo.completeIdempotency(key, row.id, JSON.stringify(answer));
    }
    await countReport(trx, database.dialect, row);
    return { answer, isReplay: false, row };
  });
}
