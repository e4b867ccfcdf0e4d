// Table type of the append-only audit log.
import type { Generated } from 'kysely';

export type AuditLogTable = {
  id: Generated<number>;
  at: number;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  ip: string | null;
  request_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  org_path: string | null;
  detail: string | null;
};

export type AuditTables = {
  audit_log: AuditLogTable;
};
