// Calls of /api/members, /api/orgs/:id/{officers,events,export} and the spreadsheet imports, with their wire types.
import { api, ApiError, type Problem } from '../api/client';
import { currentLocale } from '../i18n';
import type { Page } from '../api/types';

export type OrgRef = { id: string; name: string; level: string };

export type Member = {
  id: string;
  name: string;
  gender: string;
  birthYear: number;
  ethnicity: string;
  education: string;
  idNumber: string;
  phone: string | null;
  joinedOn: string;
  status: string;
  branch: OrgRef;
  group: OrgRef | null;
  community: OrgRef | null;
};

export type MemberDetail = Member & {
  roles: { role: string; org: OrgRef }[];
  centralHousehold: { id: string; name: string } | null;
  transfers: {
    id: string;
    kind: string;
    from: OrgRef | null;
    to: OrgRef;
    at: number;
    reason: string | null;
  }[];
};

export type MemberFilter = {
  orgId?: string;
  name?: string;
  status?: string;
  gender?: string;
  education?: string;
};

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

export const fetchMember = (id: string, signal?: AbortSignal): Promise<{ item: MemberDetail }> =>
  api.get<{ item: MemberDetail }>(`/api/members/${encodeURIComponent(id)}`, { signal });

export const revealMember = (
  id: string,
  reason: string,
): Promise<{ idNumber: string; phone: string | null }> =>
  api.post(`/api/members/${encodeURIComponent(id)}/reveal`, { reason });

export const transferMember = (
  id: string,
  body: { branchId: string; groupId: string | null; reason: string },
): Promise<{ ok: boolean }> => api.post(`/api/members/${encodeURIComponent(id)}/transfer`, body);

export type Officer = { role: string; memberId: string; name: string };
export const fetchOfficers = (orgId: string, signal?: AbortSignal): Promise<{ items: Officer[] }> =>
  api.get(`/api/orgs/${encodeURIComponent(orgId)}/officers`, { signal });

export type OrgEvent = {
  id: string;
  kind: string;
  at: number;
  actorName: string | null;
  detail: Record<string, unknown> | null;
};
export const fetchOrgEvents = (orgId: string, signal?: AbortSignal): Promise<{ items: OrgEvent[] }> =>
  api.get(`/api/orgs/${encodeURIComponent(orgId)}/events`, { signal });

export const exportUrl = (orgId: string, reason: string): string =>
  `/api/orgs/${encodeURIComponent(orgId)}/export?reason=${encodeURIComponent(reason)}`;

export type ImportKind = 'orgs' | 'members';
export type ImportReport = {
  kind: string;
  dryRun: boolean;
  committed: boolean;
  total: number;
  valid: number;
  issueCount: number;
  issues: { row: number; column: string; reason: string }[];
  columns: string[];
  preview: { row: number; values: Record<string, string> }[];
};

/** Uploads a spreadsheet as multipart form data; a refused commit carries its report in the problem. */
export const uploadImport = async (
  kind: ImportKind,
  file: File,
  dryRun: boolean,
  csrfToken: string,
  onProgress: (percent: number) => void,
): Promise<ImportReport> =>
  new Promise<ImportReport>((resolve, reject) => {
    const form = new FormData();
    form.append('file', file);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/imports/${kind}?dryRun=${String(dryRun)}`);
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.setRequestHeader('Accept-Language', currentLocale());
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) {
        onProgress(Math.round((e.loaded / e.total) * 100));
      }
    };
    xhr.onerror = () => reject(new Error('network'));
    xhr.onload = () => {
      const body = JSON.parse(xhr.responseText) as ImportReport | (Problem & { report?: ImportReport });
      if (xhr.status === 200) {
        resolve(body as ImportReport);
      } else if ('report' in body && body.report !== undefined) {
        resolve(body.report);
      } else {
        reject(new ApiError(body as Problem));
      }
    };
    xhr.send(form);
  });
