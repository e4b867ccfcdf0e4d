// Calls of /api/orgs.
import { api } from './client';
import type { Org, OrgDetail, Page } from './types';

export const fetchRootOrgs = (signal?: AbortSignal): Promise<{ items: Org[] }> =>
  api.get<{ items: Org[] }>('/api/orgs/roots', { signal });

export const fetchOrg = (id: string, signal?: AbortSignal): Promise<{ item: OrgDetail }> =>
  api.get<{ item: OrgDetail }>(`/api/orgs/${encodeURIComponent(id)}`, { signal });

export const fetchOrgChildren = (
  id: string,
  page: { cursor?: string | null; limit?: number } = {},
  signal?: AbortSignal,
): Promise<Page<Org>> =>
  api.get<Page<Org>>(`/api/orgs/${encodeURIComponent(id)}/children`, {
    query: { limit: page.limit ?? 50, cursor: page.cursor },
    signal,
  });

export const searchOrgs = (q: string, limit = 20, signal?: AbortSignal): Promise<{ items: Org[] }> =>
  api.get<{ items: Org[] }>('/api/orgs', { query: { q, limit }, signal });

export type OrgWrite =
  | { op: 'create'; parentId: string; level: string; type: string; name: string; code: string | null }
  | { op: 'rename'; id: string; name: string }
  | { op: 'move'; id: string; parentId: string }
  | { op: 'merge'; id: string; intoId: string }
  | { op: 'dissolve'; id: string; reason: string };

/** One organisation operation; the server checks levels, cycles and emptiness. */
export const writeOrg = (w: OrgWrite): Promise<{ item: Org }> => {
  switch (w.op) {
    case 'create':
      return api.post('/api/orgs', {
        parentId: w.parentId,
        level: w.level,
        type: w.type,
        name: w.name,
        code: w.code,
      });
    case 'rename':
      return api.post(`/api/orgs/${encodeURIComponent(w.id)}/rename`, { name: w.name });
    case 'move':
      return api.post(`/api/orgs/${encodeURIComponent(w.id)}/move`, { parentId: w.parentId });
    case 'merge':
      return api.post(`/api/orgs/${encodeURIComponent(w.id)}/merge`, { intoId: w.intoId });
    case 'dissolve':
      return api.post(`/api/orgs/${encodeURIComponent(w.id)}/dissolve`, { reason: w.reason });
  }
};
