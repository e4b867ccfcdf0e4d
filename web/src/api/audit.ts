// Calls of /api/audit.
import { api } from './client';
import type { AuditEntry, AuditFilter, Page } from './types';

export const fetchAudit = (
  filter: AuditFilter,
  page: { cursor?: string | null; limit?: number } = {},
  signal?: AbortSignal,
): Promise<Page<AuditEntry>> =>
  api.get<Page<AuditEntry>>('/api/audit', {
    query: { ...filter, limit: page.limit ?? 50, cursor: page.cursor },
    signal,
  });
