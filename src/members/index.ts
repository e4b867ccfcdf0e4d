// What other modules may use of party members: ID-number and phone helpers, labels, the reads the org export and
// households need, the use cases tests build with, and the hooks through which members follow org moves and merges.
import type { Kysely } from 'kysely';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import type { OrgHook, OrgMerge, OrgRepath, OrgReparent } from '../orgs/index.js';
import { memberRepository, type MemberRepository } from './repository.js';

export type { MemberListRow, MemberRow } from './repository.js';
export {
  isValidIdNumber,
  isValidPhone,
  makeIdNumber,
  maskIdNumber,
  maskName,
  maskPhone,
  normaliseIdNumber,
  parseIdNumber,
} from './idNumber.js';
export {
  educations,
  educationZh,
  genders,
  genderZh,
  memberStatuses,
  statusZh,
  type Education,
  type Gender,
  type MemberStatus,
} from './vocabulary.js';
export { createMember, type CreateMemberInput } from './createMember.js';
export { maskedMemberNames } from './maskedNames.js';
export { transferMember } from './transferMember.js';
export { importMembers, MEMBER_COLUMNS } from './importMembers.js';
export { memberRoutes } from './routes.js';
export { provideHeadedHouseholdLookup, type HeadedHouseholdLookup } from './headedHousehold.js';

/**
 * Scoped reads of members for other modules (the org export lists a subtree's members; households check a head).
 * officersOf is unscoped: the post holders of an organisation the caller has already found in its scope (assessment).
 */
export type MemberDirectory = Pick<MemberRepository, 'findById' | 'list' | 'rolesOfMember' | 'officersOf'>;

export function memberDirectory(db: Kysely<DB>, dialect: Dialect): MemberDirectory {
  return memberRepository(db, dialect);
}

/**
 * For the volunteers' 双报到 flow: writes the community the member is registered with, once the community has
 * confirmed it (or null when the registration ends). The caller has checked scope and records the audit entry.
 */
export async function setMemberCommunity(
  db: Kysely<DB>,
  dialect: Dialect,
  memberId: string,
  community: { id: string; path: string } | null,
  now: number,
): Promise<void> {
  await memberRepository(db, dialect).setCommunity(memberId, community, now);
}

/** For the demo generator only: bulk inserts of prepared rows, roll-ups summed by the caller. */
export type MemberSeeding = Pick<MemberRepository, 'insertMany' | 'insertTransfers' | 'insertRoles'>;

export function memberSeeding(db: Kysely<DB>, dialect: Dialect): MemberSeeding {
  return memberRepository(db, dialect);
}

/** Org hook: members' org and community paths follow a moved subtree. */
export const repathMembers: OrgHook<OrgRepath> = (db, dialect, e) =>
  memberRepository(db, dialect).repath(e.oldPrefix, e.newPrefix);

/** Org hook: a party group moved to another branch takes its members along (with transfer records). */
export const followGroupMembers: OrgHook<OrgReparent> = async (db, dialect, e) => {
  if (e.org.level === 'group' && e.parent.level === 'branch') {
    await memberRepository(db, dialect).followGroup(e.org.id, e.parent.id, e.at, e.actorId);
  }
};

/** Org hook: members attached to a merged branch or group now belong to the target. */
export const reassignMembers: OrgHook<OrgMerge> = (db, dialect, e) =>
  memberRepository(db, dialect).reassign(e.from, e.to, e.at, e.actorId);
