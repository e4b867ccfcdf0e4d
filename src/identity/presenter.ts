// What a client may see of accounts: never the password hash or session data; dates as epoch milliseconds.
import { Type, type Static } from '@fastify/type-provider-typebox';
import type { UserDetail } from './readUsers.js';
import type { AssignmentRecord, UserRecord } from './userRepository.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const UserAssignmentSchema = Type.Object({
  id: Type.String(),
  role: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  orgLevel: Type.String(),
});

export const UserSummarySchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  status: Type.Union([Type.Literal('active'), Type.Literal('inactive')]),
  org: Nullable(Type.Object({ id: Type.String(), name: Type.String(), level: Type.String() })),
  assignments: Type.Array(UserAssignmentSchema),
  mustChangePassword: Type.Boolean(),
  lastLoginAt: Nullable(Type.Number()),
  deactivatedAt: Nullable(Type.Number()),
  createdAt: Type.Number(),
});

export const UserDetailSchema = Type.Object({
  ...UserSummarySchema.properties,
  ...Type.Object({
    passwordChangedAt: Nullable(Type.Number()),
    updatedAt: Type.Number(),
    /** Whether the caller may change this account (a town admin may not touch one holding a district role). */
    isManageable: Type.Boolean(),
    member: Nullable(Type.Object({ id: Type.String(), name: Nullable(Type.String()) })),
    grids: Type.Array(
      Type.Object({
        staffId: Type.String(),
        gridId: Type.String(),
        code: Nullable(Type.String()),
        name: Nullable(Type.String()),
        role: Type.String(),
      }),
    ),
  }).properties,
});

export function presentUserSummary(
  user: UserRecord,
  assignments: AssignmentRecord[],
): Static<typeof UserSummarySchema> {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    status: user.status === 'active' ? 'active' : 'inactive',
    org:
      user.orgId === null || user.orgName === null
        ? null
        : { id: user.orgId, name: user.orgName, level: user.orgLevel ?? '' },
    assignments: assignments.map((a) => ({
      id: a.id,
      role: a.role,
      orgId: a.orgId,
      orgName: a.orgName,
      orgLevel: a.orgLevel,
    })),
    mustChangePassword: user.mustChangePassword === 1,
    lastLoginAt: user.lastLoginAt,
    deactivatedAt: user.deactivatedAt,
    createdAt: user.createdAt,
  };
}

export function presentUserDetail(detail: UserDetail): Static<typeof UserDetailSchema> {
  return {
    ...presentUserSummary(detail.user, detail.assignments),
    passwordChangedAt: detail.user.passwordChangedAt,
    updatedAt: detail.user.updatedAt,
    isManageable: detail.isManageable,
    member: detail.member,
    grids: detail.grids,
  };
}
