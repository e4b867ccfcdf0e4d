// Where a case may be dispatched: the four platform offices of the case's own town and the district departments.
// One rule for dispatch, bulk dispatch and the console's department picker, so a town never hands work to another.
import type { Kysely } from 'kysely';
import { orgDirectory, type OrgRow } from '../../orgs/index.js';
import type { Dialect } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import type { UserActor } from '../../access/index.js';
import { AppError, notFound } from '../../platform/errors.js';
import { msg } from '../../platform/i18n.js';
import { caseScopeOf } from '../access.js';
import { caseRepository, type CaseRow } from '../repository.js';

type CasePlace = Pick<CaseRow, 'district_id' | 'town_id'>;

/** The organisations whose departments serve this case: the district's, and its town's platform offices. */
const ownersOf = (c: CasePlace): string[] =>
  c.town_id === null ? [c.district_id] : [c.district_id, c.town_id];

const isDepartment = (o: OrgRow): boolean => o.level === 'department' && o.status === 'active';

/** Every department the case may be dispatched to, district departments first. */
export async function dispatchTargetsOf(db: Kysely<DB>, dialect: Dialect, c: CasePlace): Promise<OrgRow[]> {
  const orgs = orgDirectory(db, dialect);
  const out: OrgRow[] = [];
  for (const owner of ownersOf(c)) {
    // The whole tree on purpose: where a case may go depends on the case's town, not on the caller's scope.
    out.push(...(await orgs.children({ path: '/' }, owner, 1000, null)).filter(isDepartment));
  }
  return out;
}

/** The department named for a dispatch of this case, or a problem: not an active department, or not one it may use. */
export async function dispatchTargetOf(
  db: Kysely<DB>,
  dialect: Dialect,
  c: CasePlace,
  departmentId: string | undefined,
): Promise<OrgRow> {
  // Unscoped: the department named may lie outside the caller's subtree (a district department); checked below.
  const dept = await orgDirectory(db, dialect).findByIdUnscoped(departmentId ?? '');
  if (dept === undefined || !isDepartment(dept)) {
    throw new AppError('request.invalid', {
      errors: [{ field: 'departmentId', message: 'not an active department' }],
    });
  }
  if (dept.parent_id === null || !ownersOf(c).includes(dept.parent_id)) {
    throw new AppError('case.dispatch_target_outside_town', {
      detail: msg(
        `“${dept.name}”不是本事件所在镇（街道）的平台或区级部门，不能派遣`,
        `${dept.name} is neither a platform office of the case's town nor a district department`,
      ),
      extra: { departmentId: dept.id },
    });
  }
  return dept;
}

/** The dispatch targets of a case the caller can open (else not found): what the console's picker offers. */
export async function listDispatchTargets(
  db: Kysely<DB>,
  dialect: Dialect,
  actor: UserActor,
  caseId: string,
): Promise<OrgRow[]> {
  const c = await caseRepository(db, dialect).findVisible(await caseScopeOf(db, actor), caseId);
  if (c === undefined) {
    throw notFound();
  }
  return dispatchTargetsOf(db, dialect, c);
}
