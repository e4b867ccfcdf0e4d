// Who is who in the linkage: the central-household head (a party member with an account) and the seat a caller
// holds on the chain through the role assignment they act under. See index.ts for the mapping.
import type { Kysely } from 'kysely';
import { householdDirectory, type CentralHouseholdRow } from '../households/index.js';
import { type UserActor } from '../access/index.js';
import { memberIdOfUser } from '../identity/index.js';
import { memberDirectory } from '../members/index.js';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { AppError } from '../platform/errors.js';
import type { ChainLevel } from './chain.js';

export type HeadSeat = { userId: string; name: string; central: CentralHouseholdRow };

/** A caller's place on the chain: the level and organisation they answer for, and whether they may act there. */
export type ChainSeat = {
  userId: string;
  name: string;
  level: ChainLevel;
  orgId: string;
  orgPath: string;
  canHandle: boolean;
};

/** The central household the caller heads (through the party member their account is linked to), or null. */
export async function headSeatOf(
  db: Kysely<DB>,
  dialect: Dialect,
  actor: UserActor,
): Promise<HeadSeat | null> {
  const memberId = await memberIdOfUser(db, dialect, actor.userId);
  if (memberId === null) {
    return null;
  }
  const central = await householdDirectory(db, dialect).headedBy(memberId);
  return central === undefined ? null : { userId: actor.userId, name: actor.displayName, central };
}

export async function requireHeadSeat(db: Kysely<DB>, dialect: Dialect, actor: UserActor): Promise<HeadSeat> {
  const seat = await headSeatOf(db, dialect, actor);
  if (seat === null) {
    throw new AppError('linkage.not_head');
  }
  return seat;
}

const OFFICER_POSTS: Partial<Record<ChainLevel, readonly string[]>> = {
  group: ['groupLeader'],
  branch: ['secretary', 'deputySecretary'],
};

/**
 * The chain seat of the caller's active assignment: a party member acting at a group they lead or a branch whose
 * secretary they are; a village cadre at the village; a town command centre at the town; the district command
 * centre at the district. The organisation department and district admin read the district without acting.
 */
export async function chainSeatOf(
  db: Kysely<DB>,
  dialect: Dialect,
  actor: UserActor,
): Promise<ChainSeat | null> {
  const a = actor.active;
  const seat = (level: ChainLevel, canHandle: boolean): ChainSeat => ({
    userId: actor.userId,
    name: actor.displayName,
    level,
    orgId: a.orgId,
    orgPath: a.orgPath,
    canHandle,
  });
  switch (a.role) {
    case 'villageCadre':
      return a.orgLevel === 'village' ? seat('village', true) : null;
    case 'townCommand':
      return a.orgLevel === 'town' ? seat('town', true) : null;
    case 'districtCommand':
      return a.orgLevel === 'district' ? seat('district', true) : null;
    case 'districtAdmin':
    case 'orgDepartment':
      return a.orgLevel === 'district' ? seat('district', false) : null;
    case 'partyMember': {
      if (a.orgLevel !== 'group' && a.orgLevel !== 'branch') {
        return null;
      }
      const level: ChainLevel = a.orgLevel;
      const memberId = await memberIdOfUser(db, dialect, actor.userId);
      if (memberId === null) {
        return null;
      }
      const posts = await memberDirectory(db, dialect).rolesOfMember(memberId);
      const isOfficer = posts.some(
        (p) => p.org_id === a.orgId && (OFFICER_POSTS[level] ?? []).includes(p.role),
      );
      return isOfficer ? seat(level, true) : null;
    }
    case 'townAdmin':
    case 'departmentHandler':
    case 'gridWorker':
    case 'resident':
      return null;
  }
}
