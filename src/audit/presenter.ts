// Audit entries as a reader sees them: codes with their words, people and records by name, and the stored fields
// (the name the entry kept, the detail) where a look-up no longer answers.
import { fromDbJson } from '../platform/db/database.js';
import type { Locale } from '../platform/i18n.js';
import { actionLabel, entityLabel } from './labels.js';
import { SIGN_IN_ACTION, type AuditRow } from './repository.js';

export type AuditNames = {
  accounts: Map<string, { displayName: string; username: string }>;
  /** entity type → id → label */
  subjects: Map<string, Map<string, string>>;
};

// Detail fields that name the record on entries written with them. A person's record (a member, a household) is
// never named from its detail: its label is the masked name its module gives.
const LABEL_FIELDS = ['trackingCode', 'name', 'title', 'code', 'username'] as const;
const PERSONAL_TYPES: ReadonlySet<string> = new Set(['member', 'household']);

const labelFromDetail = (entityType: string, detail: Record<string, unknown> | null): string | null => {
  if (detail === null || PERSONAL_TYPES.has(entityType)) {
    return null;
  }
  for (const field of LABEL_FIELDS) {
    const value = detail[field];
    if (typeof value === 'string' && value !== '') {
      return value;
    }
  }
  return null;
};

/** A sign-in is recorded before anyone is signed in: the account signing in is who did it. */
export const isSignIn = (row: Pick<AuditRow, 'action' | 'actor_id' | 'entity_type'>): boolean =>
  row.action === SIGN_IN_ACTION && row.actor_id === null && row.entity_type === 'user';

export function actorIdOf(row: AuditRow): string | null {
  return isSignIn(row) ? row.entity_id : row.actor_id;
}

export function presentAuditEntry(row: AuditRow, names: AuditNames, locale: Locale) {
  const detail = fromDbJson<Record<string, unknown>>(row.detail);
  const actorId = actorIdOf(row);
  const account = actorId === null ? undefined : names.accounts.get(actorId);
  const subject =
    row.entity_id === null ? undefined : names.subjects.get(row.entity_type)?.get(row.entity_id);
  return {
    id: String(row.id),
    at: row.at,
    actorId,
    actorName: account?.displayName ?? row.actor_name,
    actorUsername: account?.username ?? null,
    actorRole: row.actor_role,
    ip: row.ip,
    action: row.action,
    actionLabel: actionLabel(row.action, locale),
    entityType: row.entity_type,
    entityTypeLabel: entityLabel(row.entity_type, locale),
    entityId: row.entity_id,
    subjectLabel: subject ?? labelFromDetail(row.entity_type, detail),
    detail,
  };
}
