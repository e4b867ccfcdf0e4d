// Shows a talent's full phone number to a caller who holds 'talent.reveal' and gave a reason, only when the talent
// agreed to be contacted; every reveal is in the audit log (the reason masked like any typed text).
import type { Scope } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { maskPersonalText } from '../cases/index.js';
import type { RequestContext } from '../platform/context.js';
import type { FieldCipher } from '../platform/crypto.js';
import type { Database } from '../platform/db/database.js';
import { AppError, notFound } from '../platform/errors.js';
import { talentRepository } from './repository.js';

export async function revealTalent(
  database: Database,
  cipher: FieldCipher,
  ctx: RequestContext,
  scope: Scope,
  input: { id: string; reason: string },
): Promise<{ phone: string | null }> {
  const reason = input.reason.trim();
  if (reason.length < 2) {
    throw new AppError('personal.reason_required');
  }
  return database.db.transaction().execute(async (trx) => {
    const repo = talentRepository(trx);
    const profile = await repo.findById(scope, input.id);
    if (profile === undefined) {
      throw notFound();
    }
    if (profile.consent !== 1) {
      throw new AppError('talent.no_consent');
    }
    const phone = await repo.phoneOf(profile.id);
    await recordAudit(trx, ctx, {
      action: 'talent.reveal',
      entityType: 'talent',
      entityId: profile.id,
      orgPath: profile.org_path,
      detail: { reason: maskPersonalText(reason), fields: ['phone'] },
    });
    return { phone: phone === null || phone === undefined ? null : cipher.decrypt(phone) };
  });
}
