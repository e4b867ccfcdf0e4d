// Calls of the public case API: no account, no cookie.
import { api } from '../api/client';
import type { ApiAnswer, ApiBody, ItemOf } from '../api/wire';
import { postIdempotent, type Category, type ReportBody } from '../cases/api';

export type PublicCase = {
  trackingCode: string;
  state: string;
  isOpen: boolean;
  categoryCode: string;
  description: string;
  address: string | null;
  reportedAt: number;
  deadlineAt: number | null;
  closedAt: number | null;
  light: string;
  rating: number | null;
  canRate: boolean;
  mergedInto: string | null;
  photoIds: string[];
  timeline: { at: number; action: string; toState: string; reply: string | null }[];
};

export type PublicReportAnswer = {
  trackingCode: string;
  state: string;
  /** How many similar reports are open nearby: the public learns nothing more of them. */
  duplicateCount: number;
};

export const TRACKING_CODE = /^TZ[0-9]{6}[2-9A-Z]{10}$/;

const enc = encodeURIComponent;

export const fetchPublicCatalogue = (signal?: AbortSignal) =>
  api.get<{ items: Category[] }>('/api/public/catalogue', { signal });

export const suggestCategories = (text: string, signal?: AbortSignal) =>
  api.get<{ items: Category[] }>('/api/public/suggest', { query: { text }, signal });

export const submitPublicReport = (
  body: Omit<ReportBody, 'source' | 'orgId' | 'handleLocally'>,
  key: string,
) => postIdempotent<PublicReportAnswer>('/api/public/cases', body, key, null);

export const fetchPublicCase = (code: string, signal?: AbortSignal) =>
  api.get<PublicCase>(`/api/public/cases/${enc(code)}`, { signal });

export const ratePublicCase = (code: string, rating: number, comment: string | undefined) =>
  api.post<PublicCase>(`/api/public/cases/${enc(code)}/rating`, { rating, comment });

export const publicPhotoUrl = (code: string, photoId: string): string =>
  `/api/public/cases/${enc(code)}/photos/${enc(photoId)}`;

export type PublicFollowup = ItemOf<ApiAnswer<'/api/public/cases/{code}/followups'>['items']>;

export type PublicFollowupBody = ApiBody<'/api/public/cases/{code}/followups'>;

export const fetchPublicFollowups = (code: string, signal?: AbortSignal) =>
  api.get<{ items: PublicFollowup[] }>(`/api/public/cases/${enc(code)}/followups`, { signal });

export const addPublicFollowup = (code: string, body: PublicFollowupBody) =>
  api.post<{ items: PublicFollowup[] }>(`/api/public/cases/${enc(code)}/followups`, body);
