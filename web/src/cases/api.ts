// Calls of /api/cases, /api/departments and /api/catalogue, with their wire types.
import { api, ApiError, NetworkError, type Problem } from '../api/client';
import { currentLocale } from '../i18n';
import type { ApiAnswer, ApiBody, ItemOf } from '../api/wire';

export type Light = 'green' | 'yellow' | 'red';

export type CaseSummary = {
  id: string;
  trackingCode: string;
  state: string;
  level: string;
  source: string;
  kind: string;
  categoryCode: string;
  net: string;
  platform: string;
  urgency: string;
  description: string;
  address: string | null;
  lng: number | null;
  lat: number | null;
  gridId: string | null;
  villageId: string | null;
  townId: string | null;
  departmentId: string | null;
  reportedAt: number;
  deadlineAt: number | null;
  isDeadlineProvisional?: boolean;
  stepDeadlineAt: number | null;
  closedAt: number | null;
  light: string;
  supervision: string | null;
  isPaused: boolean;
  pendingRequest: string | null;
  reworkCount: number;
  returnCount: number;
  rating: number | null;
  photoCount: number;
  reporterPhoneMasked: string | null;
  isAnonymous: boolean;
  updatedAt: number;
  version: number;
};

export type CaseStep = {
  seq: number;
  at: number;
  action: string;
  fromState: string | null;
  toState: string;
  actorName: string | null;
  actorRole: string | null;
  /** user, system, reporter, resident or anonymous: the console names all but a user. */
  actorKind: string;
  comment: string | null;
  /** A coded reason (cases.reasons) given instead of, or beside, a comment. */
  reasonCode: string | null;
  isPublic: boolean;
  data: Record<string, unknown> | null;
};

export type CaseDetail = {
  item: CaseSummary;
  extra: Record<string, unknown> | null;
  steps: CaseStep[];
  parties: { role: string; userId: string | null; orgId: string | null; name: string | null }[];
  photos: { id: string; stepSeq: number; width: number; height: number }[];
  duplicates: { id: string; description: string; distanceM: number; reportedAt: number }[];
  suggestedDepartmentId: string | null;
  routeReason: string;
  allowedActions: string[];
  /** What each allowed workflow action's request must carry (needs) and may carry (accepts). */
  actionInputs: Record<string, { needs: ActionInput[]; accepts: ActionInput[] }>;
  names: Record<string, string>;
};

export type ActionInput = 'comment' | 'department' | 'minutes' | 'target' | 'photo' | 'card' | 'isPublic';

export type CaseFilter = {
  state?: string;
  category?: string;
  net?: string;
  platform?: string;
  source?: string;
  orgId?: string;
  light?: Light;
  card?: 'yellow' | 'red';
  from?: number;
  to?: number;
  closedFrom?: number;
  closedTo?: number;
  due?: 'today';
  q?: string;
  gridId?: string;
  departmentId?: string;
  queue?: 'actionable' | 'watching';
};

export type Department = { id: string; name: string; type: string; parentId: string | null };

export type FieldType = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

export type ExtraField = {
  code: string;
  type: string;
  name: string;
  required: boolean;
  values: { key: string; name: string }[];
};

export type Category = {
  code: string;
  parentCode: string | null;
  depth: number;
  name: string;
  kind: string;
  net: string;
  platform: string;
  selfHandle: boolean;
  fields: ExtraField[];
};

export type Limit = { amount: number; unit: string };

export type AdminCategory = Category & {
  limits: { urgent: Limit; normal: Limit };
  department: string;
  active: boolean;
  nameZh: string;
  nameEn: string;
  keywords: string[];
  duplicateRadiusM: number;
  registrationCondition: string;
  closingCondition: string;
  /** Every extra field with its names in both languages. */
  fieldDefs: {
    code: string;
    type: string;
    name: { zh: string; en: string };
    required: boolean;
    values?: { key: string; name: { zh: string; en: string } }[];
  }[];
};

export type PhotoUpload = { data: string };

export type ActionBody = {
  action: string;
  comment?: string;
  isPublic?: boolean;
  departmentId?: string;
  minutes?: number;
  targetCaseId?: string;
  card?: 'yellow' | 'red';
  photos?: PhotoUpload[];
};

export type ReportBody = {
  categoryCode: string;
  description: string;
  urgency?: 'urgent' | 'normal';
  lng?: number;
  lat?: number;
  crs?: 'wgs84' | 'gcj02';
  address?: string;
  orgId?: string;
  reporterName?: string;
  reporterPhone?: string;
  isAnonymous?: boolean;
  extra?: Record<string, unknown>;
  photos?: PhotoUpload[];
  source?: string;
  handleLocally?: boolean;
};

export type StaffReportAnswer = {
  id: string;
  trackingCode: string;
  state: string;
  gridId: string | null;
  duplicates: {
    id: string;
    categoryCode: string;
    description: string;
    address: string | null;
    reportedAt: number;
    distanceM: number;
  }[];
};

const enc = encodeURIComponent;

export const fetchCases = (filter: CaseFilter, cursor: string | null, signal?: AbortSignal) =>
  api.get<{ items: CaseSummary[]; nextCursor: string | null }>('/api/cases', {
    query: { ...filter, cursor, limit: 50 },
    signal,
  });

/** The export is a plain download link carrying the same filters as the list. */
export const exportUrl = (filter: CaseFilter): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== '' && key !== 'queue') {
      params.set(key, String(value));
    }
  }
  const search = params.toString();
  return search === '' ? '/api/cases/export.xlsx' : `/api/cases/export.xlsx?${search}`;
};

export const fetchCase = (id: string, signal?: AbortSignal) =>
  api.get<CaseDetail>(`/api/cases/${enc(id)}`, { signal });

export const applyAction = (id: string, body: ActionBody) =>
  api.post<{ item: CaseSummary; step: CaseStep }>(`/api/cases/${enc(id)}/actions`, body);

export const revealReporter = (id: string, reason: string) =>
  api.post<{ name: string | null; phone: string | null }>(`/api/cases/${enc(id)}/reveal`, { reason });

export const recordCallBack = (id: string, result: 'solved' | 'reopen', comment: string) =>
  api.post<undefined>(`/api/cases/${enc(id)}/callback`, { result, comment });

export const bulkDispatch = (caseIds: string[], departmentId: string | undefined) =>
  api.post<{ dispatched: string[]; failed: { id: string; code: string }[] }>('/api/cases/bulk-dispatch', {
    caseIds,
    departmentId,
  });

export const photoUrl = (caseId: string, photoId: string): string =>
  `/api/cases/${enc(caseId)}/photos/${enc(photoId)}`;

export const fetchDepartments = (signal?: AbortSignal) =>
  api.get<{ items: Department[] }>('/api/departments', { signal });

/** Where this case may be dispatched: its town's platform offices and the district departments. */
export const fetchDispatchTargets = (caseId: string, signal?: AbortSignal) =>
  api.get<{ items: Department[] }>(`/api/cases/${encodeURIComponent(caseId)}/dispatch-targets`, { signal });

export const fetchCatalogue = (signal?: AbortSignal) =>
  api.get<{ version: number; items: AdminCategory[] }>('/api/catalogue', { signal });

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/**
 * POST with an Idempotency-Key header, which the shared client cannot set: the same key on every retry of one
 * submission makes the server answer the first result instead of a second case.
 */
export const postIdempotent = async <T>(
  path: string,
  body: unknown,
  key: string,
  /** The session's CSRF token for staff; null for residents, whose request carries no cookie at all. */
  csrfToken: string | null,
): Promise<T> => {
  const headers = new Headers({
    Accept: 'application/json',
    'Accept-Language': currentLocale(),
    'Content-Type': 'application/json',
    'Idempotency-Key': key,
  });
  if (csrfToken !== null) {
    headers.set('x-csrf-token', csrfToken);
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers,
      credentials: csrfToken === null ? 'omit' : 'same-origin',
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new NetworkError(error);
  }
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    parsed = text;
  }
  if (!response.ok) {
    const problem: Problem =
      isRecord(parsed) && typeof parsed.title === 'string'
        ? {
            type: typeof parsed.type === 'string' ? parsed.type : 'about:blank',
            title: parsed.title,
            status: response.status,
            detail: typeof parsed.detail === 'string' ? parsed.detail : undefined,
            code: typeof parsed.code === 'string' ? parsed.code : `http.${response.status}`,
          }
        : { type: 'about:blank', title: `HTTP ${response.status}`, status: response.status, code: 'http' };
    throw new ApiError(problem);
  }
  return parsed as T;
};

export const reportStaffCase = (body: ReportBody, key: string, csrfToken: string) =>
  postIdempotent<StaffReportAnswer>('/api/cases', body, key, csrfToken);

/** The caller's home: the queue (overdue first, then the nearest deadline), the scope's figures, recent ratings. */
export type CaseHome = ApiAnswer<'/api/cases/home'>;

/** What a resident added to a case after reporting, or a call-back they asked for (phone masked). */
export type Followup = ItemOf<ApiAnswer<'/api/cases/{id}/followups'>['items']>;

/** A town's leader in charge of each platform, and the town's accounts one may name. */
export type TownLeaders = ApiAnswer<'/api/cases/town-leaders/{townId}'>;

export type TownLeaderBody = ApiBody<'/api/cases/town-leaders/{townId}', 'put'>;

export const fetchCaseHome = (signal?: AbortSignal) => api.get<CaseHome>('/api/cases/home', { signal });

export const fetchFollowups = (id: string, signal?: AbortSignal) =>
  api.get<{ items: Followup[] }>(`/api/cases/${enc(id)}/followups`, { signal });

export const fetchTownLeaders = (townId: string, signal?: AbortSignal) =>
  api.get<TownLeaders>(`/api/cases/town-leaders/${enc(townId)}`, { signal });

export const saveTownLeader = (townId: string, body: TownLeaderBody) =>
  api.put<TownLeaders>(`/api/cases/town-leaders/${enc(townId)}`, body);
