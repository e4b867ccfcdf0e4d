// Shows a member's full ID and phone numbers to a caller who gave a reason; every reveal is in the audit log.
// The caller must hold 'member.reveal'.
import type { Scope } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import type { RequestContext } from '../platform/context.js';
import type { FieldCipher } from '../platform/crypto.js';
import type { Database } from '../platform/db/database.js';
import { AppError, notFound } from '../platform/errors.js';
import { memberRepository } from './repository.js';

export async function revealMember(
  database: Database,
  cipher: FieldCipher,
  ctx: RequestContext,
  scope: Scope,
  input: { memberId: string; reason: string },
): Promise<{ idNumber: string; phone: string | null }> {
  const reason = input.reason.trim();
  if (reason.length < 2) {
    throw new AppError('personal.reason_required');
  }
  return database.db.transaction().execute(async (trx) => {
    const members = memberRepository(trx, database.dialect);
    const member = await members.findById(scope, input.memberId);
    const secrets = member === undefined ? undefined : await members.secretsOf(member.id);
    if (member === undefined || secrets === undefined) {
      throw notFound();
    }
    await recordAudit(trx, ctx, {
      action: 'member.reveal',
      entityType: 'member',
      entityId: member.id,
      orgPath: member.org_path,
      detail: { reason, fields: ['idNumber', 'phone'] },
    });
    return {
      idNumber: cipher.decrypt(secrets.id_number_enc),
      phone: secrets.phone_enc === null ? null : cipher.decrypt(secrets.phone_enc),
    };
  });
}
