// Calls of /api/central-households and /api/households: which households each party-member central household serves.
import { api } from '../api/client';
import type { Page } from '../api/types';
import type { ApiAnswer, ApiSchema } from '../api/wire';

export type CentralHousehold = ApiSchema<'CentralHousehold'>;

export type Household = ApiSchema<'Household'>;

export const fetchCentralHouseholds = (
  orgId: string | undefined,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<CentralHousehold>> =>
  api.get('/api/central-households', { query: { orgId, cursor, limit: 50 }, signal });

export const fetchCentralHousehold = (
  id: string,
  signal?: AbortSignal,
): Promise<ApiAnswer<'/api/central-households/{id}'>> =>
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

export const linkHousehold = (
  id: string,
  centralHouseholdId: string,
): Promise<ApiAnswer<'/api/households/{id}/link', 'post'>> =>
  api.post(`/api/households/${encodeURIComponent(id)}/link`, { centralHouseholdId });

export const unlinkHousehold = (id: string): Promise<ApiAnswer<'/api/households/{id}/unlink', 'post'>> =>
  api.post(`/api/households/${encodeURIComponent(id)}/unlink`);
