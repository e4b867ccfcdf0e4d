// 双报到: a member registers with the community where they live (on their phone, or entered by staff), a unit with
// the community where it sits; the registration waits for the community's confirmation. The caller has resolved
// the member or unit within its scope (a member's own record, or staff's subtree).
import { recordAudit } from '../audit/index.js';
import type { MemberListRow } from '../members/index.js';
import { orgDirectory, type OrgRow } from '../orgs/index.js';
import type { RequestContext } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import type { VolunteerDeps } from './deps.js';
import { volunteerRepository, type RegistrationRow } from './repository.js';

export type Registrant = { member: MemberListRow } | { unit: OrgRow };

/** Units that register: resident units (驻区单位) and new-field organisations (新兴领域) of the org tree. */
export const isRegisteringUnit = (org: OrgRow): boolean =>
  (org.level === 'unit' || org.level === 'newField') && org.status === 'active';

export async function registerWithCommunity(
  deps: VolunteerDeps,
  ctx: RequestContext,
  input: { registrant: Registrant; communityId: string },
): Promise<RegistrationRow> {
  const { database } = deps;
  return database.db.transaction().execute(async (trx) => {
    const repo = volunteerRepository(trx, database.dialect);
    // Unscoped on purpose: one registers with the community one lives in, wherever one's branch is.
    const community = await orgDirectory(trx, database.dialect).findByIdUnscoped(input.communityId);
    if (community === undefined || community.level !== 'village' || community.status !== 'active') {
      throw new AppError('volunteer.not_community');
    }
    const r = input.registrant;
    if ('unit' in r && !isRegisteringUnit(r.unit)) {
      throw new AppError('volunteer.not_unit');
    }
    const open = await repo.openRegistrationOf(
      'member' in r ? { memberId: r.member.id } : { unitOrgId: r.unit.id },
    );
    if (open !== undefined) {
      throw new AppError('volunteer.already_registered');
    }
    const row: RegistrationRow = {
      id: newId(ctx.now),
      kind: 'member' in r ? 'member' : 'unit',
      member_id: 'member' in r ? r.member.id : null,
      unit_org_id: 'unit' in r ? r.unit.id : null,
      name: 'member' in r ? r.member.name : r.unit.name,
      home_path: 'member' in r ? r.member.org_path : r.unit.path,
      community_id: community.id,
      community_path: community.path,
      status: 'pending',
      requested_at: ctx.now,
      confirmed_at: null,
      confirmed_by: null,
      valid_until: null,
      confirmations: 0,
      reason: null,
      ended_at: null,
      created_at: ctx.now,
      updated_at: ctx.now,
    };
    await repo.insertRegistrations([row]);
    await recordAudit(trx, ctx, {
      action: 'volunteer.register',
      entityType: 'volunteerRegistration',
      entityId: row.id,
      orgPath: community.path,
      detail: { kind: row.kind, memberId: row.member_id, unitOrgId: row.unit_org_id },
    });
    return row;
  });
}
