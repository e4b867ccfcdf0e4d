// Calls of /api/admin/users, /api/imports/users and /api/auth/password.
import { api } from '../api/client';
import { uploadSpreadsheet } from '../api/upload';
import type { Me } from '../api/types';
import type { Messages } from '../i18n/messages';

export type RoleName = keyof Messages['roles'];

export type UserAssignment = { id: string; role: RoleName; orgId: string; orgName: string; orgLevel: string };

export type UserSummary = {
  id: string;
  username: string;
  displayName: string;
  status: 'active' | 'inactive';
  org: { id: string; name: string; level: string } | null;
  assignments: UserAssignment[];
  mustChangePassword: boolean;
  lastLoginAt: number | null;
  deactivatedAt: number | null;
  createdAt: number;
};

export type UserDetail = UserSummary & {
  passwordChangedAt: number | null;
  updatedAt: number;
  isManageable: boolean;
  member: { id: string; name: string | null } | null;
  grids: {
    staffId: string;
    gridId: string;
    code: string | null;
    name: string | null;
    role: 'worker' | 'leader';
  }[];
};

export type UserFilter = {
  q?: string;
  role?: string;
  orgId?: string;
  status?: string;
  page: number;
  pageSize: number;
};

const base = '/api/admin/users';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const fetchUsers = (f: UserFilter, signal?: AbortSignal) =>
  api.get<{ items: UserSummary[]; total: number }>(base, { query: f, signal });

export const fetchUser = (id: string, signal?: AbortSignal) =>
  api.get<{ item: UserDetail }>(one(id), { signal });

export const fetchGrantableRoles = (signal?: AbortSignal) =>
  api.get<{ items: { role: RoleName; orgLevels: string[] }[] }>(`${base}/grantable-roles`, { signal });

export const createUser = (body: {
  username: string;
  displayName: string;
  orgId: string;
  roles: { role: string; orgId: string }[];
}) => api.post<{ item: UserDetail; oneTimePassword: string }>(base, body);

export const setActive = (id: string, isActive: boolean) =>
  api.post<{ item: UserDetail }>(`${one(id)}/${isActive ? 'reactivate' : 'deactivate'}`);

export const addAssignment = (id: string, role: string, orgId: string) =>
  api.post<{ item: UserDetail }>(`${one(id)}/assignments`, { role, orgId });

export const revokeAssignment = (id: string, assignmentId: string) =>
  api.delete<{ item: UserDetail }>(`${one(id)}/assignments/${encodeURIComponent(assignmentId)}`);

export const resetPassword = (id: string) =>
  api.post<{ oneTimePassword: string }>(`${one(id)}/password-reset`);

export const linkMember = (id: string, memberId: string | null) =>
  api.put<{ item: UserDetail }>(`${one(id)}/member`, { memberId });

export const linkGrids = (id: string, grids: { gridId: string; role: 'worker' | 'leader' }[]) =>
  api.put<{ item: UserDetail }>(`${one(id)}/grids`, { grids });

export const changeOwnPassword = (currentPassword: string, newPassword: string) =>
  api.put<Me>('/api/auth/password', { currentPassword, newPassword });

export type UserImportReport = {
  dryRun: boolean;
  committed: boolean;
  total: number;
  valid: number;
  issueCount: number;
  issues: { row: number; column: string; reason: string }[];
  columns: string[];
  preview: { row: number; values: Record<string, string> }[];
  credentials: { username: string; displayName: string; oneTimePassword: string }[];
};

/** Uploads the file; a refused commit still answers its report (inside the problem document). */
export const uploadUsers = (file: File, dryRun: boolean, csrfToken: string): Promise<UserImportReport> =>
  uploadSpreadsheet<UserImportReport>(`/api/imports/users?dryRun=${String(dryRun)}`, file, csrfToken);
