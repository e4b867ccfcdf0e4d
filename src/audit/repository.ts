// Reading the audit log (writes go through recordAudit only).
import type { Kysely } from 'kysely';
import type { Scope } from '../access/index.js';
import { subtreeUpper } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';

/** The action of a sign-in: recorded before anyone is signed in, so the account signing in is its operator. */
export const SIGN_IN_ACTION = 'auth.login';

/** Who did it: the text typed (an account id, perhaps) and the accounts whose name or username contains it. */
export type ActorFilter = { text: string; accountIds: readonly string[] };

export type AuditFilter = {
  actor?: ActorFilter;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: number;
  to?: number;
  beforeId?: number;
  limit: number;
};

export function auditRepository(db: Kysely<DB>) {
  return {
    /** Newest first. Entries without an organisation (sign-ins, tokens) are shown to district-wide scopes only. */
    async list(scope: Scope, isDistrictWide: boolean, f: AuditFilter) {
      let q = db.selectFrom('audit_log').selectAll();
      q = isDistrictWide
        ? q.where((eb) =>
            eb.or([
              eb('org_path', 'is', null),
              eb.and([eb('org_path', '>=', scope.path), eb('org_path', '<', subtreeUpper(scope.path))]),
            ]),
          )
        : q.where('org_path', '>=', scope.path).where('org_path', '<', subtreeUpper(scope.path));
      const actor = f.actor;
      if (actor !== undefined) {
        const ids = [actor.text, ...actor.accountIds];
        // Each branch has its index (audit_actor, audit_entity); a name's accounts come in as ids.
        q = q.where((eb) =>
          eb.or([
            eb('actor_id', 'in', ids),
            eb.and([
              eb('entity_type', '=', 'user'),
              eb('entity_id', 'in', ids),
              eb('action', '=', SIGN_IN_ACTION),
              eb('actor_id', 'is', null),
            ]),
          ]),
        );
      }
      if (f.action !== undefined) {
        q = q.where('action', '=', f.action);
      }
      if (f.entityType !== undefined) {
        q = q.where('entity_type', '=', f.entityType);
      }
      if (f.entityId !== undefined) {
        q = q.where('entity_id', '=', f.entityId);
      }
      if (f.from !== undefined) {
        q = q.where('at', '>=', f.from);
      }
      if (f.to !== undefined) {
        q = q.where('at', '<', f.to);
      }
      if (f.beforeId !== undefined) {
        q = q.where('id', '<', f.beforeId);
      }
      return q.orderBy('id', 'desc').limit(f.limit).execute();
    },
  };
}

export type AuditRow = Awaited<ReturnType<ReturnType<typeof auditRepository>['list']>>[number];
