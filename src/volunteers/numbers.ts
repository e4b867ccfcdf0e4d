// The volunteer numbers of a subtree over a period, for the five-star assessment and the command view (exported
// from index.ts): service hours per community, branch and member, registration (双报到) coverage, posts filled,
// activities held, relief visits done. The caller passes a path it has decided its reader may see.
import type { Kysely } from 'kysely';
import { orgRollups } from '../orgs/index.js';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { pathIds } from './employer.js';
import { volunteerRepository } from './repository.js';
import { YEARLY_BAR_MINUTES } from './rules.js';

export type VolunteerTotals = {
  /** Confirmed service hours (minutes in the ledger / 60, one decimal). */
  hours: number;
  membersServing: number;
  members: number;
  membersRegistered: number;
  membersPending: number;
  registrationsDue: number;
  unitsRegistered: number;
  /** membersRegistered / members, null without members. */
  registrationCoverage: number | null;
  posts: number;
  postsFilled: number;
  places: number;
  placesFilled: number;
  activitiesHeld: number;
  activitiesOpen: number;
  reliefVisits: number;
};

export type PathHours = { orgPath: string; hours: number; members: number };
export type MemberHours = {
  memberId: string;
  name: string;
  branchPath: string;
  hours: number;
  isBelowBar: boolean;
};

export type VolunteerNumbers = {
  total: VolunteerTotals;
  communities: PathHours[];
  branches: PathHours[];
  members: MemberHours[];
};

const hoursOf = (minutes: number) => Math.round(minutes / 6) / 10;

export async function volunteerNumbers(
  db: Kysely<DB>,
  dialect: Dialect,
  underPath: string,
  period: { from: number; to: number },
  now: number,
): Promise<VolunteerNumbers> {
  const repo = volunteerRepository(db, dialect);
  const [byCommunity, byBranch, perMember, posts, activities, regs, visits] = await Promise.all([
    repo.minutesBy('community_path', underPath, period.from, period.to),
    repo.minutesBy('branch_path', underPath, period.from, period.to),
    repo.minutesPerMember(underPath, period.from, period.to),
    repo.postNumbers(underPath, period.from, period.to),
    repo.activityNumbers(underPath, period.from, period.to),
    repo.registrationCounts(underPath, now),
    repo.reliefVisitCount(underPath, period.from, period.to),
  ]);
  const orgId = pathIds(underPath).at(-1);
  const members = orgId === undefined ? 0 : ((await orgRollups(db, dialect).rollup(orgId)).member ?? 0);
  const minutes = perMember.reduce((n, m) => n + m.minutes, 0);
  return {
    total: {
      hours: hoursOf(minutes),
      membersServing: perMember.filter((m) => m.minutes > 0).length,
      members,
      membersRegistered: regs.membersConfirmed,
      membersPending: regs.membersPending,
      registrationsDue: regs.dueForReconfirmation,
      unitsRegistered: regs.unitsConfirmed,
      registrationCoverage:
        members === 0 ? null : Math.round((Math.min(regs.membersConfirmed, members) / members) * 1000) / 1000,
      posts: posts.posts,
      postsFilled: posts.postsFilled,
      places: posts.places,
      placesFilled: posts.placesFilled,
      activitiesHeld: activities.get('confirmed') ?? 0,
      activitiesOpen: activities.get('open') ?? 0,
      reliefVisits: visits,
    },
    communities: byCommunity
      .filter((c) => c.path !== 'null')
      .map((c) => ({ orgPath: c.path, hours: hoursOf(c.minutes), members: c.members })),
    branches: byBranch.map((b) => ({ orgPath: b.path, hours: hoursOf(b.minutes), members: b.members })),
    members: perMember
      .map((m) => ({
        memberId: m.memberId,
        name: m.memberName,
        branchPath: m.branchPath,
        hours: hoursOf(m.minutes),
        isBelowBar: m.minutes < YEARLY_BAR_MINUTES,
      }))
      .sort((a, b) => b.hours - a.hours || a.memberId.localeCompare(b.memberId)),
  };
}
