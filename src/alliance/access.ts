// Who may do what in an alliance: its convener (a caller whose scope holds the convening organisation) keeps the
// alliance, its members and every list; a member (a caller whose scope holds the member organisation) keeps its own
// items, records what it delivered and evaluates what it received.
import { scopeOf, type UserActor } from '../access/index.js';
import { AppError } from '../platform/errors.js';
import { msg } from '../platform/i18n.js';
import type { AllianceRow } from './repository.js';

export const holds = (actor: UserActor, path: string): boolean => path.startsWith(scopeOf(actor).path);

export const isConvener = (actor: UserActor, alliance: AllianceRow): boolean =>
  holds(actor, alliance.org_path);

export function requireSide(
  actor: UserActor,
  alliance: AllianceRow,
  orgPath: string,
  zh: string,
  en: string,
): void {
  if (!isConvener(actor, alliance) && !holds(actor, orgPath)) {
    throw new AppError('auth.forbidden', { detail: msg(zh, en) });
  }
}

export const invalid = (field: string, zh: string, en: string): AppError =>
  new AppError('alliance.invalid', { detail: msg(zh, en), errors: [{ field, message: en }] });
