// Searches the audit log in the reader's scope and names what it finds. The caller has checked 'audit.read'.
import type { Locale } from '../platform/i18n.js';
import { auditAccounts, auditSubjects, type AuditReader } from './lookups.js';
import { actorIdOf, presentAuditEntry, type AuditNames } from './presenter.js';
import { auditRepository, type AuditRow } from './repository.js';

export type AuditQuery = {
  /** An account id, or part of a person's name or username. */
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: number;
  to?: number;
  cursor?: number;
  limit: number;
};

/** How many accounts a name may match (a common surname alone); a name that matches more is typed more fully. */
const MAX_MATCHED_ACCOUNTS = 1000;

async function namesOf(reader: AuditReader, rows: readonly AuditRow[]): Promise<AuditNames> {
  const actorIds = rows.map(actorIdOf).filter((id): id is string => id !== null);
  const idsByType = new Map<string, Set<string>>();
  for (const r of rows) {
    if (r.entity_id !== null) {
      const ids = idsByType.get(r.entity_type) ?? new Set<string>();
      ids.add(r.entity_id);
      idsByType.set(r.entity_type, ids);
    }
  }
  const accounts = await auditAccounts().names(reader.db, [...new Set(actorIds)]);
  const subjects = new Map<string, Map<string, string>>();
  for (const [type, ids] of idsByType) {
    const labels = auditSubjects(type);
    if (labels !== undefined) {
      subjects.set(type, await labels(reader, [...ids]));
    }
  }
  return { accounts, subjects };
}

export async function searchAudit(reader: AuditReader, locale: Locale, query: AuditQuery) {
  const text = query.actor?.trim() ?? '';
  const actor =
    text === ''
      ? undefined
      : {
          text,
          accountIds: await auditAccounts().search(reader.db, reader.dialect, text, MAX_MATCHED_ACCOUNTS),
        };
  const rows = await auditRepository(reader.db).list(reader.scope, reader.isDistrictWide, {
    actor,
    action: query.action,
    entityType: query.entityType,
    entityId: query.entityId,
    from: query.from,
    to: query.to,
    beforeId: query.cursor,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const names = await namesOf(reader, page);
  return {
    items: page.map((r) => presentAuditEntry(r, names, locale)),
    nextCursor: rows.length > query.limit ? String(page.at(-1)!.id) : null,
  };
}
