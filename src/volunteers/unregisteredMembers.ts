// The branch's list of who has not registered (双报到) or whose confirmation has lapsed after half a year, with the
// employer (the unit or new-field organisation the branch sits in) to which the list also goes.
import type { Scope } from '../access/index.js';
import { memberDirectory } from '../members/index.js';
import { orgDirectory } from '../orgs/index.js';
import type { Database } from '../platform/db/database.js';
import { AppError, notFound } from '../platform/errors.js';
import { employerOf } from './employer.js';
import { volunteerRepository } from './repository.js';

export type UnregisteredMember = {
  memberId: string;
  name: string;
  /** none: never registered (or refused/ended); lapsed: confirmed more than half a year ago; pending: waiting. */
  state: 'none' | 'lapsed' | 'pending';
  communityName: string | null;
};

export type UnregisteredList = {
  branch: { id: string; name: string };
  employer: { id: string; name: string } | null;
  members: number;
  registered: number;
  items: UnregisteredMember[];
};

const MAX_MEMBERS = 5000;

export async function unregisteredMembers(
  database: Database,
  scope: Scope,
  orgId: string,
  now: number,
): Promise<UnregisteredList> {
  const { db, dialect } = database;
  const org = await orgDirectory(db, dialect).findById(scope, orgId);
  if (org === undefined) {
    throw notFound();
  }
  if (org.level !== 'branch' && org.level !== 'group') {
    throw new AppError('request.invalid', {
      errors: [{ field: 'orgId', message: 'a branch or party group' }],
    });
  }
  const members = await memberDirectory(db, dialect).list(scope, { underPath: org.path, limit: MAX_MEMBERS });
  const repo = volunteerRepository(db, dialect);
  const regs = await repo.listRegistrations(scope, {
    homePath: org.path,
    kind: 'member',
    limit: MAX_MEMBERS * 2,
  });
  // Newest first: the first registration seen of a member is the one that counts.
  const latest = new Map<string, (typeof regs)[number]>();
  for (const r of regs) {
    if (r.member_id !== null && !latest.has(r.member_id)) {
      latest.set(r.member_id, r);
    }
  }
  const communities = new Map(
    (await orgDirectory(db, dialect).byIds([...new Set(regs.map((r) => r.community_id))])).map((o) => [
      o.id,
      o.name,
    ]),
  );
  const items: UnregisteredMember[] = [];
  let registered = 0;
  for (const m of members) {
    const r = latest.get(m.id);
    const state: UnregisteredMember['state'] | 'ok' =
      r === undefined || r.status === 'refused' || r.status === 'ended'
        ? 'none'
        : r.status === 'pending'
          ? 'pending'
          : (r.valid_until ?? 0) > now
            ? 'ok'
            : 'lapsed';
    if (state === 'ok') {
      registered++;
      continue;
    }
    items.push({
      memberId: m.id,
      name: m.name,
      state,
      communityName: r === undefined ? null : (communities.get(r.community_id) ?? null),
    });
  }
  const employer = await employerOf(db, dialect, org.path);
  return {
    branch: { id: org.id, name: org.name },
    employer: employer === null ? null : { id: employer.id, name: employer.name },
    members: members.length,
    registered,
    items,
  };
}
