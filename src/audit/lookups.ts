// Names for the audit log's people and records. Accounts, cases, organisations and members are modules that record
// into the log, so they cannot be imported here; src/modules.ts hands their look-ups in instead.
import type { Kysely } from 'kysely';
import type { Scope } from '../access/index.js';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';

export type AuditReader = { db: Kysely<DB>; dialect: Dialect; scope: Scope; isDistrictWide: boolean };

/** Display names (and usernames) of accounts by id; missing ids are simply absent. */
export type AuditAccountNames = (
  db: Kysely<DB>,
  ids: readonly string[],
) => Promise<Map<string, { displayName: string; username: string }>>;

/**
 * Ids of the accounts whose display name or username contains the text (at most `limit`), across the district: the
 * ids only narrow a search of entries already held to the reader's scope, so an account outside it shows nothing.
 */
export type AuditAccountSearch = (
  db: Kysely<DB>,
  dialect: Dialect,
  text: string,
  limit: number,
) => Promise<string[]>;

/**
 * What a record of one type is called (a case's tracking code, an organisation's name, a member's masked name), by
 * id; a record outside the reader's scope is left out (its entry then shows what the entry itself kept).
 */
export type AuditSubjectLabels = (
  reader: AuditReader,
  ids: readonly string[],
) => Promise<Map<string, string>>;

type Accounts = { names: AuditAccountNames; search: AuditAccountSearch };

let accounts: Accounts | null = null;
const subjects = new Map<string, AuditSubjectLabels>();

export function provideAuditAccounts(lookUp: Accounts): void {
  accounts = lookUp;
}

/** One labeller per record type; a type without one shows its id. */
export function provideAuditSubjects(entityType: string, labels: AuditSubjectLabels): void {
  subjects.set(entityType, labels);
}

export function auditAccounts(): Accounts {
  if (accounts === null) {
    throw new Error('audit: no account look-up was provided (src/modules.ts registers it)');
  }
  return accounts;
}

export function auditSubjects(entityType: string): AuditSubjectLabels | undefined {
  return subjects.get(entityType);
}

/** Whether a record at this org path lies in the reader's scope (for labellers whose look-up is unscoped). */
export function isInReach(reader: AuditReader, path: string): boolean {
  return path.startsWith(reader.scope.path);
}
