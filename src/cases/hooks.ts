// Hooks through which other modules take part in case work without cases importing them (src/modules.ts registers
// them): guards that may refuse an action before it is written (the negative list, grid task admission), and
// listeners told when the catalogue gets a new version (the published service list).
import type { Kysely } from 'kysely';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { AppError, type AppErrorOptions, type ErrorCode } from '../platform/errors.js';
import type { CaseLevel, CaseState } from './workflow/stateMachine.js';

/** What an action is about to do to a case, as a guard sees it. */
export type CaseMove = {
  caseId: string;
  categoryCode: string;
  action: string;
  orgPath: string;
  townId: string | null;
  villageId: string | null;
  gridId: string | null;
  fromLevel: CaseLevel;
  toLevel: CaseLevel;
  fromState: CaseState;
  toState: CaseState;
  /** The department the case is with after the action (dispatch names it), or null. */
  departmentId: string | null;
  actorUserId: string | null;
  now: number;
};

/**
 * A refusal by a guard. The action's transaction rolls back; `record` then runs outside it, so the attempt is
 * still counted (recordGuardRefusal, called by whoever ran the transaction).
 */
export class CaseGuardRefusal extends AppError {
  constructor(
    code: ErrorCode,
    options: AppErrorOptions,
    readonly record: (db: Kysely<DB>) => Promise<void>,
  ) {
    super(code, options);
  }
}

/** A guard throws (a CaseGuardRefusal, usually) to refuse; it may also write in the action's transaction. */
export type CaseGuard = (trx: Kysely<DB>, dialect: Dialect, move: CaseMove) => Promise<void>;

const guards = new Map<string, CaseGuard>();

/** Registers a guard under a module's name (registering again replaces it). */
export function onCaseAction(name: string, guard: CaseGuard): void {
  guards.set(name, guard);
}

export async function runCaseGuards(trx: Kysely<DB>, dialect: Dialect, move: CaseMove): Promise<void> {
  for (const guard of guards.values()) {
    await guard(trx, dialect, move);
  }
}

/** After a rolled-back transaction: counts a guard's refusal, if that is what ended it. */
export async function recordGuardRefusal(db: Kysely<DB>, error: unknown): Promise<void> {
  if (error instanceof CaseGuardRefusal) {
    await error.record(db);
  }
}

/** A category saved as a new catalogue version, or a routing rule added or retired (areaOrgId: its town or village). */
export type CatalogueSaved =
  | { what: 'category'; version: number; code: string; actorUserId: string | null; now: number }
  | {
      what: 'routingRule';
      version: number;
      areaOrgId: string | null;
      actorUserId: string | null;
      now: number;
    };
export type CatalogueListener = (trx: Kysely<DB>, dialect: Dialect, e: CatalogueSaved) => Promise<void>;

const catalogueListeners = new Map<string, CatalogueListener>();

/** Registers a listener told, inside the saving transaction, of a change to the catalogue or the routing rules. */
export function onCatalogueSaved(name: string, listener: CatalogueListener): void {
  catalogueListeners.set(name, listener);
}

export async function tellCatalogueSaved(
  trx: Kysely<DB>,
  dialect: Dialect,
  e: CatalogueSaved,
): Promise<void> {
  for (const listener of catalogueListeners.values()) {
    await listener(trx, dialect, e);
  }
}
