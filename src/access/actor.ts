// Who is calling: the authenticated user with the role assignment they act under, or nobody.
import type { Role } from './policies.js';

export type Assignment = {
  id: string;
  role: Role;
  orgId: string;
  orgName: string;
  orgLevel: string;
  /** Materialised path of the org: the subtree this assignment may see. */
  orgPath: string;
};

export type UserActor = {
  kind: 'user';
  userId: string;
  username: string;
  displayName: string;
  assignments: Assignment[];
  active: Assignment;
  via: 'session' | 'token';
  /** Set for session callers: the secret that CSRF tokens derive from. */
  sessionSecret: string | null;
  /** After an administrator's reset: every API but changing the password answers 403 until it is changed. */
  mustChangePassword: boolean;
};

export type Actor = UserActor | { kind: 'anonymous' };

/** The org subtree a caller may see. Repositories filter on it; records outside answer 404. */
export type Scope = { path: string };

export function scopeOf(actor: UserActor): Scope {
  return { path: actor.active.orgPath };
}

export function isInScope(scope: Scope, recordPath: string): boolean {
  return recordPath.startsWith(scope.path);
}
