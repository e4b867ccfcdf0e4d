// Wire types of the server contract used by the web console.
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

export type Org = {
  id: string;
  name: string;
  code: string | null;
  level: OrgLevel;
  type: string;
  parentId: string | null;
  status: OrgStatus;
  childCount: number;
};

export type OrgRef = { id: string; name: string; level: OrgLevel };

export type OrgDetail = Org & { ancestors: OrgRef[]; counts: Record<string, number> };

export type Page<T> = { items: T[]; nextCursor: string | null };

export type Assignment = { id: string; role: RoleKey; orgId: string; orgName: string; orgLevel: OrgLevel };

export type Me = {
  user: { id: string; username: string; displayName: string };
  assignments: Assignment[];
  activeAssignmentId: string;
  abilities: string[];
  csrfToken: string;
};

export type AuditEntry = {
  id: string;
  at: number;
  actorId: string | null;
  actorName: string | null;
  ip: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  /** In the written contract; the server does not send it yet. */
  orgId?: string | null;
  actorRole?: string | null;
  detail: Record<string, unknown> | null;
};

export type AuditFilter = {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: number;
  to?: number;
};
