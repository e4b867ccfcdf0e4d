// Puts several open cases under supervision (督办) in one go, as the caller: the command view's answer to an early
// warning. Each case goes through applyCaseAction like a supervision from the case page (seat, scope, step, notices);
// a case the caller may not supervise, already under that card or red, or finished is left as it is and counted.
import type { Kysely } from 'kysely';
import type { UserActor } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { AppError } from '../platform/errors.js';
import { CaseGuardRefusal } from './hooks.js';
import { applyCaseAction } from './workflow/applyCaseAction.js';

export async function superviseCases(
  trx: Kysely<DB>,
  dialect: Dialect,
  ctx: RequestContext,
  actor: UserActor,
  caseIds: readonly string[],
  input: { card: 'yellow' | 'red'; comment: string },
): Promise<{ supervised: string[]; skipped: number }> {
  const supervised: string[] = [];
  let skipped = 0;
  for (const id of caseIds) {
    try {
      await applyCaseAction(trx, dialect, ctx, { kind: 'user', actor }, id, {
        action: 'supervise',
        card: input.card,
        comment: input.comment,
      });
      supervised.push(id);
    } catch (err) {
      // Refusals raised before any write are skipped; a guard's refusal comes after writes and must roll back.
      if (!(err instanceof AppError) || err instanceof CaseGuardRefusal) {
        throw err;
      }
      skipped += 1;
    }
  }
  return { supervised, skipped };
}
