// Calls of /api/members, /api/orgs/:id/{officers,events,export} and the spreadsheet imports, with their wire types.
import { api } from '../api/client';
import { uploadSpreadsheet } from '../api/upload';
import type { Page } from '../api/types';
import type { ApiAnswer, ApiBody, ApiQuery, ApiSchema, ItemOf } from '../api/wire';

export type Member = ApiSchema<'Member'>;

export type OrgRef = Member['branch'];

export type MemberDetail = ApiAnswer<'/api/members/{id}'>['item'];

export type MemberFilter = Omit<ApiQuery<'/api/members'>, 'limit' | 'cursor' | 'registeredIn'>;

export const educations = [
  'postgraduate',
  'university',
  'college',
  'secondary',
  'highSchool',
  'middleSchool',
  'primary',
] as const;

export const fetchMembers = (
  filter: MemberFilter,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<Member>> =>
  api.get<Page<Member>>('/api/members', { query: { ...filter, cursor, limit: 50 }, signal });

export const fetchMember = (id: string, signal?: AbortSignal): Promise<ApiAnswer<'/api/members/{id}'>> =>
  api.get(`/api/members/${encodeURIComponent(id)}`, { signal });

export const revealMember = (
  id: string,
  reason: string,
): Promise<ApiAnswer<'/api/members/{id}/reveal', 'post'>> =>
  api.post(`/api/members/${encodeURIComponent(id)}/reveal`, { reason });

export const transferMember = (
  id: string,
  body: ApiBody<'/api/members/{id}/transfer'>,
): Promise<ApiAnswer<'/api/members/{id}/transfer', 'post'>> =>
  api.post(`/api/members/${encodeURIComponent(id)}/transfer`, body);

export type Officer = ItemOf<ApiAnswer<'/api/orgs/{id}/officers'>['items']>;
export const fetchOfficers = (
  orgId: string,
  signal?: AbortSignal,
): Promise<ApiAnswer<'/api/orgs/{id}/officers'>> =>
  api.get(`/api/orgs/${encodeURIComponent(orgId)}/officers`, { signal });

export type OrgEvent = ItemOf<ApiAnswer<'/api/orgs/{id}/events'>['items']>;
export const fetchOrgEvents = (
  orgId: string,
  signal?: AbortSignal,
): Promise<ApiAnswer<'/api/orgs/{id}/events'>> =>
  api.get(`/api/orgs/${encodeURIComponent(orgId)}/events`, { signal });

export const exportUrl = (orgId: string, reason: string): string =>
  `/api/orgs/${encodeURIComponent(orgId)}/export?reason=${encodeURIComponent(reason)}`;

export type ImportKind = 'orgs' | 'members';
export type ImportReport = ApiAnswer<'/api/imports/members', 'post'>;

/** Uploads a spreadsheet as multipart form data; a refused commit carries its report in the problem. */
export const uploadImport = (
  kind: ImportKind,
  file: File,
  dryRun: boolean,
  csrfToken: string,
  onProgress: (percent: number) => void,
): Promise<ImportReport> =>
  uploadSpreadsheet<ImportReport>(
    `/api/imports/${kind}?dryRun=${String(dryRun)}`,
    file,
    csrfToken,
    onProgress,
  );
