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
