// Wire types of the server contract used across the console, read from the generated schema (see wire.ts).
import type { ApiAnswer, ApiQuery, ApiSchema, ItemOf, Narrowed } from './wire';

// The values the console has labels for; the server's schemas type these fields as plain strings.
export type RoleKey =
  | 'districtAdmin'
  | 'orgDepartment'
  | 'districtCommand'
  | 'townCommand'
  | 'departmentHandler'
  | 'villageCadre'
  | 'gridWorker'
  | 'partyMember'
  | 'resident';

export type OrgLevel =
  'district' | 'town' | 'village' | 'branch' | 'group' | 'department' | 'unit' | 'newField';

export type OrgStatus = 'active' | 'dissolved';

export type Org = Narrowed<ApiSchema<'Org'>, { level: OrgLevel; status: OrgStatus }>;

type WireOrgDetail = ApiAnswer<'/api/orgs/{id}'>['item'];

export type OrgRef = Narrowed<ItemOf<WireOrgDetail['ancestors']>, { level: OrgLevel }>;

export type OrgDetail = Narrowed<WireOrgDetail, { level: OrgLevel; status: OrgStatus; ancestors: OrgRef[] }>;

/** A keyset page: the cursor of the next page, null on the last. */
export type Page<T> = { items: T[]; nextCursor: string | null };

type WireMe = ApiAnswer<'/api/auth/me'>;

export type Assignment = Narrowed<ItemOf<WireMe['assignments']>, { role: RoleKey; orgLevel: OrgLevel }>;

/** The console signs in with a session cookie, so its CSRF token is always set (null only for bearer tokens). */
export type Me = Narrowed<WireMe, { assignments: Assignment[]; csrfToken: string }>;

export type AuditEntry = ItemOf<ApiAnswer<'/api/audit'>['items']>;

export type AuditFilter = Omit<ApiQuery<'/api/audit'>, 'limit' | 'cursor'>;
