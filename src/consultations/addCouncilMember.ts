// Adds a standing member (常设成员) to a council: the convener, party members, resident and unit representatives,
// deputies (两代表一委员). The caller holds council.write; the council must be in scope.
import { recordAudit } from '../audit/index.js';
import { activeAccountInScope } from '../identity/index.js';
import type { Scope } from '../access/index.js';
import { maskPhone } from '../members/index.js';
import type { RequestContext } from '../platform/context.js';
import { toDbBool } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { councilOrThrow, type ConsultationDeps } from './deps.js';
import { consultationRepository, type CouncilMemberRow } from './repository.js';

export const memberKinds = ['convener', 'partyMember', 'residentRep', 'unitRep', 'deputy'] as const;
export type MemberKind = (typeof memberKinds)[number];

export type AddMemberInput = {
  councilId: string;
  name: string;
  kind: MemberKind;
  unit?: string | null;
  phone?: string | null;
  userId?: string | null;
};

export async function addCouncilMember(
  deps: ConsultationDeps,
  ctx: RequestContext,
  scope: Scope,
  input: AddMemberInput,
): Promise<CouncilMemberRow> {
  return deps.database.db.transaction().execute(async (trx) => {
    const repo = consultationRepository(trx, deps.database.dialect);
    const council = await councilOrThrow(repo, scope, input.councilId);
    // A member's account (for invitations and notices) must exist and be active; members come from departments and
    // units too, so it need not hold a role inside the council's own area.
    if (
      input.userId !== undefined &&
      input.userId !== null &&
      (await activeAccountInScope(trx, input.userId, '/')) === undefined
    ) {
      throw new AppError('request.invalid', {
        errors: [{ field: 'userId', message: 'no active account of that id' }],
      });
    }
    const phone = input.phone?.trim() ?? '';
    const row: CouncilMemberRow = {
      id: newId(ctx.now),
      council_id: council.id,
      org_path: council.org_path,
      name: input.name.trim(),
      kind: input.kind,
      unit: input.unit?.trim() ?? null,
      user_id: input.userId ?? null,
      phone_enc: phone === '' ? null : deps.cipher.encrypt(phone),
      phone_masked: phone === '' ? null : maskPhone(phone),
      phone_key: phone === '' ? null : deps.cipher.blindIndex(phone),
      is_convener: toDbBool(input.kind === 'convener'),
      active: 1,
      created_at: ctx.now,
    };
    await repo.insertMember(row);
    if (input.kind === 'convener') {
      await repo.updateCouncil(council.id, { convener_name: row.name, updated_at: ctx.now });
    }
    await recordAudit(trx, ctx, {
      action: 'council.member.add',
      entityType: 'council',
      entityId: council.id,
      orgPath: council.org_path,
      detail: { memberId: row.id, kind: row.kind },
    });
    return row;
  });
}
