// The database type: every module declares its own tables, composed here for Kysely.
import type { AuditTables } from '../../audit/tables.js';
import type { IdentityTables } from '../../identity/tables.js';
import type { OrgTables } from '../../orgs/tables.js';
import type { PlatformTables } from '../tables.js';

export type DB = PlatformTables & OrgTables & IdentityTables & AuditTables;
