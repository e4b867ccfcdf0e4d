// Reading the audit log (writes go through recordAudit only).
import type { Kysely } from 'kysely';
import type { Scope } from '../access/index.js';
import { subtreeUpper } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';

export type AuditFilter = {
  actorId?: string;
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
      if (f.actorId !== undefined) {
        q = q.where('actor_id', '=', f.actorId);
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
