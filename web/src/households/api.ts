// Calls of /api/central-households and /api/households: which households each party-member central household serves.
import { api } from '../api/client';
import type { Page } from '../api/types';

export type CentralHousehold = {
  id: string;
  name: string;
  status: string;
  head: { id: string; name: string };
  group: { id: string; name: string };
  linkedCount: number;
};

export type Household = {
  id: string;
  headName: string;
  address: string;
  size: number;
  villageId: string;
  centralHouseholdId: string | null;
  gridId: string | null;
};

export const fetchCentralHouseholds = (
  orgId: string | undefined,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<CentralHousehold>> =>
  api.get('/api/central-households', { query: { orgId, cursor, limit: 50 }, signal });

export const fetchCentralHousehold = (
  id: string,
  signal?: AbortSignal,
): Promise<{ item: CentralHousehold; households: Household[] }> =>
  api.get(`/api/central-households/${encodeURIComponent(id)}`, { signal });

export const fetchHouseholds = (
  query: { orgId?: string; unlinked?: boolean; q?: string },
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<Household>> =>
  api.get('/api/households', {
    query: { ...query, unlinked: query.unlinked === true ? 'true' : undefined, cursor, limit: 50 },
    signal,
  });

export const linkHousehold = (id: string, centralHouseholdId: string): Promise<{ ok: boolean }> =>
  api.post(`/api/households/${encodeURIComponent(id)}/link`, { centralHouseholdId });

export const unlinkHousehold = (id: string): Promise<{ ok: boolean }> =>
  api.post(`/api/households/${encodeURIComponent(id)}/unlink`);
