// Attaches a piece of evidence to a village once: a link to a record of the platform or an outside file. Every line
// and every later year may cite it by id, so nothing is uploaded again for each inspection.
// The caller holds assessment.self; the sheet (and so the village) must be in scope.
import { recordAudit } from '../audit/index.js';
import type { Scope } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { maskPersonalText } from '../cases/index.js';
import { sheetOrThrow, type AssessmentDeps } from './deps.js';
import { assessmentRepository, type EvidenceRow } from './repository.js';

export const evidenceKinds = ['file', 'record', 'link'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

export type EvidenceInput = {
  sheetId: string;
  kind: EvidenceKind;
  title: string;
  url: string;
  note?: string | null;
};

/** A platform record ('/cases/…') or an http(s) address; nothing that runs script in the console. */
const isSafeUrl = (url: string) => /^\/[^/\\]/.test(url) || /^https?:\/\/[^\s]+$/i.test(url);

export async function attachEvidence(
  deps: AssessmentDeps,
  ctx: RequestContext,
  scope: Scope,
  input: EvidenceInput,
): Promise<EvidenceRow> {
  const url = input.url.trim();
  if (!isSafeUrl(url)) {
    throw new AppError('request.invalid', {
      errors: [{ field: 'url', message: 'a path of the platform or an http(s) address' }],
    });
  }
  return deps.database.db.transaction().execute(async (trx) => {
    const repo = assessmentRepository(trx);
    const sheet = await sheetOrThrow(repo, scope, input.sheetId);
    const note = input.note?.trim() ?? '';
    const row: EvidenceRow = {
      id: newId(ctx.now),
      org_id: sheet.org_id,
      org_path: sheet.org_path,
      kind: input.kind,
      title: maskPersonalText(input.title.trim()),
      url,
      note: note === '' ? null : maskPersonalText(note),
      created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      created_at: ctx.now,
    };
    await repo.insertEvidence(row);
    await recordAudit(trx, ctx, {
      action: 'assessment.evidence.attach',
      entityType: 'assessmentEvidence',
      entityId: row.id,
      orgPath: row.org_path,
      detail: { kind: row.kind },
    });
    return row;
  });
}
