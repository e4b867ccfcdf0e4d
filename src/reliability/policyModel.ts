// The expected answers of the permission matrix, derived from the policy table (access: roles, roleMay) and the scope
// rules, not written by hand: which status a role gets from a route's auth declaration, and which records it sees.
import { isRole, roleMay, type Action, type Role } from '../access/index.js';
import type { RouteAuth } from '../platform/http/app.js';
import type { FixtureCase, RoleUser } from './fixtures.js';

export type Caller = { kind: 'anonymous' } | { kind: 'user'; role: Role };

/** What the auth hook must answer: refused (401 or 403 auth.forbidden) or let through to validation and the handler. */
export type AuthExpectation = { kind: 'refused'; status: 401 | 403; code: string } | { kind: 'through' };

export function expectedAuth(auth: RouteAuth, caller: Caller): AuthExpectation {
  if (auth === 'public') {
    return { kind: 'through' };
  }
  if (caller.kind === 'anonymous') {
    return { kind: 'refused', status: 401, code: 'auth.required' };
  }
  if (auth === 'authenticated') {
    return { kind: 'through' };
  }
  return roleMay(caller.role, auth)
    ? { kind: 'through' }
    : { kind: 'refused', status: 403, code: 'auth.forbidden' };
}

/** The policy action a route declares, if it declares one. */
export function actionOf(auth: RouteAuth): Action | null {
  return auth === 'public' || auth === 'authenticated' ? null : auth;
}

const ORG_SCOPED: readonly Role[] = [
  'districtAdmin',
  'orgDepartment',
  'districtCommand',
  'townCommand',
  'villageCadre',
];

/**
 * Whether a case is in a user's case scope: the org subtree for command centres and cadres, the department's subtree
 * for handlers, the worker's own grids (and what he reported) for grid workers, what they reported for members and
 * residents, nothing for a town's administrator.
 */
export function caseVisible(user: RoleUser, c: FixtureCase): boolean {
  const role = user.role;
  if (ORG_SCOPED.includes(role)) {
    return c.orgPath.startsWith(user.orgPath);
  }
  switch (role) {
    case 'departmentHandler':
      return c.departmentPath !== null && c.departmentPath.startsWith(user.orgPath);
    case 'gridWorker':
      return user.gridIds.length > 0
        ? (c.gridId !== null && user.gridIds.includes(c.gridId)) || c.reporterUserId === user.userId
        : c.orgPath.startsWith(user.orgPath);
    case 'partyMember':
    case 'resident':
      return c.reporterUserId === user.userId;
    case 'districtAdmin':
    case 'townAdmin':
    case 'orgDepartment':
    case 'districtCommand':
    case 'townCommand':
    case 'villageCadre':
      return false;
  }
}

/** The expected status of a read of one record: 403 without the action, 200 in scope, 404 outside. */
export function expectedRead(user: RoleUser, action: Action, visible: boolean): 200 | 403 | 404 {
  if (!roleMay(user.role, action)) {
    return 403;
  }
  return visible ? 200 : 404;
}

export { isRole };
