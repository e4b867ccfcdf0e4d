// Sets or clears the caller's own e-mail address for notifications; audited without the address itself.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/index.js';
import type { RequestContext } from '../platform/context.js';
import type { DB } from '../platform/db/schema.js';
import { notificationRepository } from './repository.js';

export async function setMyEmail(
  db: Kysely<DB>,
  ctx: RequestContext,
  userId: string,
  email: string | null,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await notificationRepository(trx).setEmail(userId, email, ctx.now);
    await recordAudit(trx, ctx, {
      action: email === null ? 'user.email.clear' : 'user.email.set',
      entityType: 'user',
      entityId: userId,
      orgPath: null,
    });
  });
}
