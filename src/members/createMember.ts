// Registers a party member in a branch the caller can see. The caller must hold 'member.write'.
import type { Scope } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { orgDirectory, orgRollups } from '../orgs/index.js';
import type { RequestContext } from '../platform/context.js';
import type { FieldCipher } from '../platform/crypto.js';
import type { Database } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { maskIdNumber, maskPhone, normaliseIdNumber, parseIdNumber } from './idNumber.js';
import { isCommunity, placementOf } from './placement.js';
import { memberRepository, type MemberRow } from './repository.js';

export type CreateMemberInput = {
  name: string;
  ethnicity: string;
  education: string;
  idNumber: string;
  phone: string | null;
  joinedOn: string;
  status: string;
  branchId: string;
  groupId: string | null;
  communityId: string | null;
};

/** The stored row of a new member: personal numbers encrypted, indexed and masked, never in plain text. */
export function memberRowOf(
  cipher: FieldCipher,
  input: Omit<CreateMemberInput, 'branchId' | 'groupId' | 'communityId'>,
  place: { branchId: string; groupId: string | null; orgPath: string },
  community: { id: string; path: string } | null,
  now: number,
  id: string = newId(now),
): MemberRow {
  const idNumber = normaliseIdNumber(input.idNumber);
  const facts = parseIdNumber(idNumber);
  if (facts === null) {
    throw new AppError('member.invalid_id_number');
  }
  return {
    id,
    name: input.name.trim(),
    gender: facts.gender,
    birth_date: facts.birthDate,
    ethnicity: input.ethnicity,
    education: input.education,
    id_number_enc: cipher.encrypt(idNumber),
    id_number_idx: cipher.blindIndex(idNumber),
    id_number_masked: maskIdNumber(idNumber),
    phone_enc: input.phone === null ? null : cipher.encrypt(input.phone),
    phone_masked: input.phone === null ? null : maskPhone(input.phone),
    joined_on: input.joinedOn,
    status: input.status,
    branch_id: place.branchId,
    group_id: place.groupId,
    org_path: place.orgPath,
    community_id: community?.id ?? null,
    community_path: community?.path ?? null,
    created_at: now,
    updated_at: now,
  };
}

export async function createMember(
  database: Database,
  cipher: FieldCipher,
  ctx: RequestContext,
  scope: Scope,
  input: CreateMemberInput,
): Promise<MemberRow> {
  return database.db.transaction().execute(async (trx) => {
    const orgs = orgDirectory(trx, database.dialect);
    const rollups = orgRollups(trx, database.dialect);
    const members = memberRepository(trx, database.dialect);
    const branch = await orgs.findById(scope, input.branchId);
    const group = input.groupId === null ? null : await orgs.findById(scope, input.groupId);
    const place = placementOf(branch, group);
    let community: { id: string; path: string } | null = null;
    if (input.communityId !== null) {
      const found = await orgs.findByIdUnscoped(input.communityId);
      if (!isCommunity(found)) {
        throw new AppError('request.invalid', {
          errors: [{ field: 'communityId', message: 'not a community' }],
        });
      }
      community = found;
    }
    const row = memberRowOf(cipher, input, place, community, ctx.now);
    if ((await members.existingIdIndexes([row.id_number_idx])).size > 0) {
      throw new AppError('member.duplicate_id_number');
    }
    await members.insertMany([row]);
    await members.insertTransfer({
      member_id: row.id,
      kind: 'join',
      from_branch_id: null,
      to_branch_id: place.branchId,
      at: ctx.now,
      actor_id: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      reason: null,
    });
    await rollups.adjustRollup(place.orgPath, 'member', 1);
    await recordAudit(trx, ctx, {
      action: 'member.create',
      entityType: 'member',
      entityId: row.id,
      orgPath: place.orgPath,
      detail: { branchId: place.branchId },
    });
    return row;
  });
}
