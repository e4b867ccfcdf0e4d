// What the volunteer use cases are given, and the look-ups they share: the caller's own party member, the approver
// named on ledger acts, and scoped finds that answer 404 outside the caller's subtree.
import type { Kysely } from 'kysely';
import { memberIdOfUser } from '../identity/index.js';
import { type Scope, type UserActor } from '../access/index.js';
import { memberDirectory, type MemberListRow } from '../members/index.js';
import type { Database, Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { AppError, notFound } from '../platform/errors.js';
import type { Approver } from './ledger.js';
import type { VolunteerRepository } from './repository.js';

export type VolunteerDeps = { database: Database };

/** The whole district: for the demo stage, public reads and a member's own record. */
export const DISTRICT_SCOPE: Scope = { path: '/' };

/** The party member the signed-in account is; a member's own record is read whatever the scope of the role. */
export async function callerMember(
  db: Kysely<DB>,
  dialect: Dialect,
  user: UserActor,
): Promise<MemberListRow> {
  const memberId = await memberIdOfUser(db, dialect, user.userId);
  const member =
    memberId === null ? undefined : await memberDirectory(db, dialect).findById(DISTRICT_SCOPE, memberId);
  if (member === undefined) {
    throw new AppError('volunteer.not_member');
  }
  return member;
}

export const approverOf = (user: UserActor): Approver => ({ id: user.userId, name: user.displayName });

export async function activityOrThrow(repo: VolunteerRepository, scope: Scope, id: string) {
  const row = await repo.findActivity(scope, id);
  if (row === undefined) {
    throw notFound();
  }
  return row;
}

export async function postOrThrow(repo: VolunteerRepository, scope: Scope, id: string) {
  const row = await repo.findPost(scope, id);
  if (row === undefined) {
    throw notFound();
  }
  return row;
}

/** Metres between two WGS-84 points (haversine). */
export function metresBetween(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
}
