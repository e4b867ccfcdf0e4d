// A unit joins an alliance by signing its commitment (共建协议: what it brings); signing again renews it, leaving ends
// the membership (its open items are withdrawn). Members sit inside the convener's area: a town's alliance takes the
// units, new-field organisations and communities of the town; the district's takes any organisation of the district.
import type { Kysely } from 'kysely';
import { scopeOf, type UserActor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { maskPersonalText } from '../cases/index.js';
import { orgDirectory } from '../orgs/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { AppError, notFound } from '../platform/errors.js';
import { msg } from '../platform/i18n.js';
import { invalid, isConvener } from './access.js';
import { allianceRepository, type AllianceRow, type MemberRow } from './repository.js';

const MEMBER_LEVELS = ['town', 'village', 'unit', 'newField', 'branch', 'department'];

export async function signMember(
  trx: Kysely<DB>,
  dialect: Dialect,
  ctx: RequestContext,
  actor: UserActor,
  alliance: AllianceRow,
  input: { orgId: string; commitment: string },
): Promise<MemberRow> {
  if (!isConvener(actor, alliance)) {
    throw new AppError('auth.forbidden', {
      detail: msg('只有牵头单位可以吸纳成员单位', 'Only the convener takes in members'),
    });
  }
  // The convener holds the alliance's organisation, so every organisation of its area is in the caller's scope.
  const org = await orgDirectory(trx, dialect).findById(scopeOf(actor), input.orgId);
  if (org === undefined || !org.path.startsWith(alliance.org_path)) {
    throw notFound();
  }
  if (org.id !== alliance.org_id && !MEMBER_LEVELS.includes(org.level)) {
    throw invalid(
      'orgId',
      '成员单位须是驻区单位、两新组织、村（社区）或镇（街道）',
      'A member is a unit, a new-field organisation, a village or a town',
    );
  }
  const commitment = maskPersonalText(input.commitment.trim());
  if (commitment === '') {
    throw invalid('commitment', '请写明成员单位的共建承诺', 'Write what the member commits to');
  }
  const row: MemberRow = {
    alliance_id: alliance.id,
    org_id: org.id,
    org_path: org.path,
    commitment,
    signed_at: ctx.now,
    left_at: null,
  };
  await allianceRepository(trx).upsertMember(row);
  await recordAudit(trx, ctx, {
    action: 'alliance.member.sign',
    entityType: 'alliance',
    entityId: alliance.id,
    orgPath: alliance.org_path,
    detail: { orgId: org.id },
  });
  return row;
}
