// Calls of /api/lists, /api/imports/lists, /api/admissions, /api/grid-tasks and the residents' /api/public/lists.
import { api } from '../api/client';
import { uploadSpreadsheet } from '../api/upload';
import type { ApiAnswer, ApiBody, ApiQuery, ItemOf } from '../api/wire';

const enc = encodeURIComponent;

export type ListRef = ItemOf<ApiAnswer<'/api/lists'>['items']>;
export type ListView = ApiAnswer<'/api/lists/{ownerOrgId}/{level}'>;
export type ListItem = ItemOf<ListView['items']>;
export type ListVersion = ItemOf<ApiAnswer<'/api/lists/{ownerOrgId}/{level}/versions'>['items']>;
export type ListVersionView = ApiAnswer<'/api/lists/{ownerOrgId}/{level}/versions/{version}'>;
export type ItemBody = ApiBody<'/api/lists/items'>;
export type TimeLimit = NonNullable<ItemBody['timeLimit']>;
export type ListLevel = ItemBody['level'];
export type ItemKind = ItemBody['kind'];
export type Governance = ItemBody['governance'];
export type StoredStatus = ItemBody['status'];
export type ImportReport = ApiAnswer<'/api/imports/lists', 'post'>;

export type Admission = ItemOf<ApiAnswer<'/api/admissions'>['items']>;
export type AdmissionStatus = NonNullable<ApiQuery<'/api/admissions'>['status']>;
export type ApplyBody = ApiBody<'/api/admissions'>;
export type TaskKind = ApplyBody['taskKind'];
export type DecisionBody = ApiBody<'/api/admissions/{id}/decision'>;
export type AssignBody = ApiBody<'/api/grid-tasks'>;
export type Assigned = ApiAnswer<'/api/grid-tasks', 'post'>;
export type GridTask = ItemOf<ApiAnswer<'/api/grid-tasks/my'>['items']>;
export type Burden = ApiAnswer<'/api/admissions/burden'>;
export type WorkerBurden = ItemOf<Burden['workers']>;

export const listLevels = ['district', 'town', 'village', 'grid'] as const satisfies readonly ListLevel[];
export const itemKinds = ['power', 'duty', 'service', 'negative'] as const satisfies readonly ItemKind[];
export const governances = ['administrative', 'selfGovernance'] as const satisfies readonly Governance[];
export const storedStatuses = [
  'inForce',
  'temporary',
  'withdrawn',
] as const satisfies readonly StoredStatus[];
export const limitUnits = [
  'workDays',
  'workHours',
  'days',
  'hours',
  'minutes',
] as const satisfies readonly TimeLimit['unit'][];
export const taskKinds = [
  'caseStep',
  'patrol',
  'survey',
  'dataCollection',
] as const satisfies readonly TaskKind[];
export const admissionStatuses = [
  'pending',
  'admitted',
  'refused',
  'withdrawn',
] as const satisfies readonly AdmissionStatus[];

// Lists (staff)
export const fetchLists = (signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/lists'>>('/api/lists', { signal });

export const fetchList = (ownerOrgId: string, level: string, signal?: AbortSignal) =>
  api.get<ListView>(`/api/lists/${enc(ownerOrgId)}/${enc(level)}`, { signal });

export const fetchVersions = (ownerOrgId: string, level: string, signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/lists/{ownerOrgId}/{level}/versions'>>(
    `/api/lists/${enc(ownerOrgId)}/${enc(level)}/versions`,
    { signal },
  );

export const fetchVersion = (ownerOrgId: string, level: string, version: number, signal?: AbortSignal) =>
  api.get<ListVersionView>(`/api/lists/${enc(ownerOrgId)}/${enc(level)}/versions/${version}`, { signal });

export const addItem = (body: ItemBody) =>
  api.post<ApiAnswer<'/api/lists/items', 'post'>>('/api/lists/items', body);

/** An id of the form cat:<code> adds the detail of a catalogue service item; the server answers its stored id. */
export const saveItem = (id: string, body: ItemBody) =>
  api.put<ApiAnswer<'/api/lists/items/{id}', 'put'>>(`/api/lists/items/${enc(id)}`, body);

export const exportUrl = (ownerOrgId: string, level: string): string =>
  `/api/lists/${enc(ownerOrgId)}/${enc(level)}/export`;

/** Uploads a spreadsheet as multipart form data; a refused commit carries its report in the problem. */
export const uploadListImport = (
  target: { ownerOrgId: string; level: ListLevel },
  file: File,
  dryRun: boolean,
  csrfToken: string,
): Promise<ImportReport> => {
  const query = new URLSearchParams({
    dryRun: String(dryRun),
    ownerOrgId: target.ownerOrgId,
    level: target.level,
  });
  return uploadSpreadsheet<ImportReport>(`/api/imports/lists?${query.toString()}`, file, csrfToken);
};

// Grid task admission
export const fetchAdmissions = (status: AdmissionStatus | undefined, signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/admissions'>>('/api/admissions', { query: { status, limit: 500 }, signal });

export const applyForTask = (body: ApplyBody) =>
  api.post<ApiAnswer<'/api/admissions', 'post'>>('/api/admissions', body);

export const decideAdmission = (id: string, body: DecisionBody) =>
  api.post<ApiAnswer<'/api/admissions/{id}/decision', 'post'>>(`/api/admissions/${enc(id)}/decision`, body);

export const withdrawAdmission = (id: string) => api.post<undefined>(`/api/admissions/${enc(id)}/withdraw`);

export const assignTask = (body: AssignBody) => api.post<Assigned>('/api/grid-tasks', body);

export const fetchMyTasks = (signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/grid-tasks/my'>>('/api/grid-tasks/my', { signal });

export const fetchBurden = (weeks: number, signal?: AbortSignal) =>
  api.get<Burden>('/api/admissions/burden', { query: { weeks }, signal });

// Public: no account
export const fetchPublicLists = (signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/public/lists'>>('/api/public/lists', { signal });

export const fetchPublicList = (ownerOrgId: string, level: string, signal?: AbortSignal) =>
  api.get<ListView>(`/api/public/lists/${enc(ownerOrgId)}/${enc(level)}`, { signal });

export const searchPublicItems = (q: string, signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/public/lists/search'>>('/api/public/lists/search', { query: { q }, signal });

// Where the pages live
export const staffPaths = {
  home: '/lists',
  items: '/lists/items',
  admission: '/lists/admission',
  myTasks: '/lists/my-tasks',
};

export const publicPaths = {
  home: '/guide',
  list: (ownerOrgId: string, level: string) => `/guide/${enc(ownerOrgId)}/${enc(level)}`,
};

/** The key of a list in the picker. */
export const listKey = (ref: { ownerOrgId: string; level: string }): string =>
  `${ref.ownerOrgId}:${ref.level}`;
