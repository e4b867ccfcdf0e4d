// Calls of /api/auth.
import { api } from './client';
import type { Me } from './types';

export const fetchMe = (signal?: AbortSignal): Promise<Me> =>
  api.get<Me>('/api/auth/me', { signal, isUnauthorizedExpected: true });

export const login = (username: string, password: string): Promise<{ csrfToken: string }> =>
  api.post<{ csrfToken: string }>(
    '/api/auth/login',
    { username, password },
    { isUnauthorizedExpected: true },
  );

export const logout = (): Promise<void> =>
  api.post<undefined>('/api/auth/logout', undefined, { isUnauthorizedExpected: true });

export const switchScope = (assignmentId: string): Promise<Me> =>
  api.put<Me>('/api/auth/scope', { assignmentId });
