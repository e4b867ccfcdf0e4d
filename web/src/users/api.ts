// Calls of /api/admin/users, /api/imports/users and /api/auth/password.
import { api } from '../api/client';
import { uploadSpreadsheet } from '../api/upload';
import type { Me } from '../api/types';
import type { ApiAnswer, ApiBody, ApiQuery, ItemOf, Narrowed } from '../api/wire';
import type { Messages } from '../i18n/messages';

export type RoleName = keyof Messages['roles'];
export type GridRole = 'worker' | 'leader';
/** A role the caller may grant (the server's role list). */
export type GrantableRole = ItemOf<ApiAnswer<'/api/admin/users/grantable-roles'>['items']>['role'];

type WireDetail = ApiAnswer<'/api/admin/users/{id}'>['item'];

// The server types roles and grid roles as strings; the console narrows them to the values it has labels for.
export type UserAssignment = Narrowed<ItemOf<WireDetail['assignments']>, { role: RoleName }>;

export type UserSummary = Narrowed<
  ItemOf<ApiAnswer<'/api/admin/users'>['items']>,
  { assignments: UserAssignment[] }
>;

export type UserGridLink = Narrowed<ItemOf<WireDetail['grids']>, { role: GridRole }>;

export type UserDetail = Narrowed<WireDetail, { assignments: UserAssignment[]; grids: UserGridLink[] }>;

export type UserFilter = ApiQuery<'/api/admin/users'> & { page: number; pageSize: number };

const base = '/api/admin/users';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const fetchUsers = (f: UserFilter, signal?: AbortSignal) =>
  api.get<Narrowed<ApiAnswer<'/api/admin/users'>, { items: UserSummary[] }>>(base, { query: f, signal });

export const fetchUser = (id: string, signal?: AbortSignal) =>
  api.get<{ item: UserDetail }>(one(id), { signal });

export const fetchGrantableRoles = (signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/admin/users/grantable-roles'>>(`${base}/grantable-roles`, { signal });

export type CreateUserBody = ApiBody<'/api/admin/users'>;
export const createUser = (body: CreateUserBody) =>
  api.post<Narrowed<ApiAnswer<'/api/admin/users', 'post'>, { item: UserDetail }>>(base, body);

export const setActive = (id: string, isActive: boolean) =>
  api.post<{ item: UserDetail }>(`${one(id)}/${isActive ? 'reactivate' : 'deactivate'}`);

type AssignmentBody = ApiBody<'/api/admin/users/{id}/assignments'>;
export const addAssignment = (id: string, role: AssignmentBody['role'], orgId: string) =>
  api.post<{ item: UserDetail }>(`${one(id)}/assignments`, { role, orgId } satisfies AssignmentBody);

export const revokeAssignment = (id: string, assignmentId: string) =>
  api.delete<{ item: UserDetail }>(`${one(id)}/assignments/${encodeURIComponent(assignmentId)}`);

export const resetPassword = (id: string) =>
  api.post<ApiAnswer<'/api/admin/users/{id}/password-reset', 'post'>>(`${one(id)}/password-reset`);

export const linkMember = (id: string, memberId: string | null) =>
  api.put<{ item: UserDetail }>(`${one(id)}/member`, {
    memberId,
  } satisfies ApiBody<'/api/admin/users/{id}/member', 'put'>);

export const linkGrids = (id: string, grids: ApiBody<'/api/admin/users/{id}/grids', 'put'>['grids']) =>
  api.put<{ item: UserDetail }>(`${one(id)}/grids`, { grids });

export const changeOwnPassword = (currentPassword: string, newPassword: string) =>
  api.put<Me>('/api/auth/password', {
    currentPassword,
    newPassword,
  } satisfies ApiBody<'/api/auth/password', 'put'>);

export type UserImportReport = ApiAnswer<'/api/imports/users', 'post'>;

/** Uploads the file; a refused commit still answers its report (inside the problem document). */
export const uploadUsers = (file: File, dryRun: boolean, csrfToken: string): Promise<UserImportReport> =>
  uploadSpreadsheet<UserImportReport>(`/api/imports/users?dryRun=${String(dryRun)}`, file, csrfToken);
