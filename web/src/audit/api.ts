// Calls of /api/audit: the search and its vocabulary, with their wire types.
import { api } from '../api/client';
import type { ApiAnswer, ApiQuery, ItemOf } from '../api/wire';

export type AuditEntry = ItemOf<ApiAnswer<'/api/audit'>['items']>;
export type AuditFilter = Omit<ApiQuery<'/api/audit'>, 'limit' | 'cursor'>;
export type AuditVocabulary = ApiAnswer<'/api/audit/vocabulary'>;

export const fetchAuditPage = (
  filter: AuditFilter,
  page: { cursor: string | null; limit: number },
  signal?: AbortSignal,
) =>
  api.get<ApiAnswer<'/api/audit'>>('/api/audit', {
    query: { ...filter, limit: page.limit, cursor: page.cursor ?? undefined },
    signal,
  });

/** The action codes and record types with their words in the console's language. */
export const fetchAuditVocabulary = (signal?: AbortSignal) =>
  api.get<AuditVocabulary>('/api/audit/vocabulary', { signal });
