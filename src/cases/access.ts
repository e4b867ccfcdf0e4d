// Who sees which cases, and which seat a caller occupies on one case. Decided here, once, from role and scope.
import type { Kysely } from 'kysely';
import { gridDirectory } from '../grids/index.js';
import type { UserActor } from '../access/index.js';
import type { DB } from '../platform/db/schema.js';
import type { CaseRow, CaseScope } from './repository.js';
import type { Seat } from './workflow/stateMachine.js';

/** A grid worker's grids, read once per request (the actor object lives as long as its request). */
const gridsOfActor = new WeakMap<UserActor, Promise<string[]>>();
function gridIdsOf(db: Kysely<DB>, actor: UserActor): Promise<string[]> {
  let grids = gridsOfActor.get(actor);
  if (grids === undefined) {
    grids = gridDirectory(db).gridIdsOfUser(actor.userId);
    gridsOfActor.set(actor, grids);
  }
  return grids;
}

export async function caseScopeOf(db: Kysely<DB>, actor: UserActor): Promise<CaseScope> {
  const a = actor.active;
  switch (a.role) {
    case 'districtAdmin':
    case 'orgDepartment':
    case 'districtCommand':
    case 'townCommand':
    case 'villageCadre':
      return { kind: 'org', path: a.orgPath };
    case 'departmentHandler':
      return { kind: 'department', path: a.orgPath };
    case 'gridWorker': {
      const gridIds = await gridIdsOf(db, actor);
      // He reports what he sees anywhere in his village (intake allows it), so he must be able to follow it there.
      return gridIds.length > 0
        ? { kind: 'grids', gridIds, reportedBy: { userId: actor.userId, path: a.orgPath } }
        : { kind: 'org', path: a.orgPath };
    }
    case 'partyMember':
    case 'resident':
      return { kind: 'reporter', userId: actor.userId };
    case 'townAdmin':
      // Configuration only: a town's users and roles, not its cases.
      return { kind: 'none' };
  }
}

const within = (path: string | null, scopePath: string): boolean =>
  path !== null && path.startsWith(scopePath);

/** The seats the caller holds on this case (none when it is outside their scope). */
export async function seatsOf(db: Kysely<DB>, actor: UserActor, c: CaseRow): Promise<Seat[]> {
  const a = actor.active;
  const out: Seat[] = [];
  switch (a.role) {
    case 'districtCommand':
      if (within(c.org_path, a.orgPath)) {
        out.push('command');
      }
      break;
    case 'townCommand':
      if (within(c.org_path, a.orgPath) && c.level !== 'district') {
        out.push('command');
      }
      break;
    case 'departmentHandler':
      if (within(c.department_path, a.orgPath)) {
        out.push('handler');
      }
      break;
    case 'gridWorker': {
      const grids = await gridIdsOf(db, actor);
      if (
        (c.grid_id !== null && grids.includes(c.grid_id)) ||
        (grids.length === 0 && within(c.org_path, a.orgPath))
      ) {
        out.push('gridWorker');
      }
      break;
    }
    case 'villageCadre':
      if (within(c.org_path, a.orgPath)) {
        out.push('villageCadre');
      }
      break;
    case 'districtAdmin':
    case 'townAdmin':
    case 'orgDepartment':
    case 'partyMember':
    case 'resident':
      break;
  }
  if (c.reporter_user_id === actor.userId) {
    out.push('reporter');
  }
  return out;
}
