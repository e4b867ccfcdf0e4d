// Calls of /api/talents (the talent pool, 人才资源库): search, numbers, one profile, filing and editing, the yearly
// confirmation, the audited reveal, assignments, and the needs talents are suggested for.
import { api } from '../api/client';
import type { ApiAnswer, ApiBody, ApiQuery, ItemOf } from '../api/wire';

const enc = encodeURIComponent;

export type TalentQuery = ApiQuery<'/api/talents'>;
export type TalentPage = ApiAnswer<'/api/talents'>;
export type Talent = ItemOf<TalentPage['items']>;
export type TalentView = ApiAnswer<'/api/talents/{id}'>;
export type Assignment = ItemOf<TalentView['assignments']>;
export type TalentNumbers = ApiAnswer<'/api/talents/numbers'>;
export type Need = ItemOf<ApiAnswer<'/api/talents/needs'>['items']>;
export type SuggestionsView = ApiAnswer<'/api/talents/suggestions'>;
export type Suggestion = ItemOf<SuggestionsView['items']>;
export type NeedAssignment = ItemOf<SuggestionsView['assignments']>;
export type ProfileBody = ApiBody<'/api/talents'>;
export type AssignBody = ApiBody<'/api/talents/{id}/assignments'>;
export type CompleteBody = ApiBody<'/api/talents/{id}/assignments/{assignmentId}/complete'>;

export type TalentKind = Talent['kind'];
export type TargetKind = Assignment['targetKind'];
export type NeedKind = Need['kind'];
export type Reason = ItemOf<Suggestion['reasons']>;

export const talentKinds = [
  'industryLeader',
  'entrepreneur',
  'localExpert',
  'ecommerce',
  'massOrgHead',
  'volunteerLead',
] as const satisfies readonly TalentKind[];
export const needKinds = ['demand', 'post', 'topic'] as const satisfies readonly NeedKind[];

/** The search as the pool page holds it; booleans go on the wire as words. */
export type TalentFilter = {
  orgId?: string;
  skill?: string;
  kind?: TalentKind;
  consent?: boolean;
  stale?: boolean;
};

const flag = (v: boolean | undefined): string | undefined => (v === undefined ? undefined : String(v));

export const fetchTalents = (filter: TalentFilter, cursor: string | null, signal?: AbortSignal) =>
  api.get<TalentPage>('/api/talents', {
    query: {
      orgId: filter.orgId,
      skill: filter.skill,
      kind: filter.kind,
      consent: flag(filter.consent),
      stale: flag(filter.stale),
      cursor,
      limit: 50,
    },
    signal,
  });

export const fetchTalentNumbers = (orgId: string | undefined, signal?: AbortSignal) =>
  api.get<TalentNumbers>('/api/talents/numbers', { query: { orgId }, signal });

export const fetchTalent = (id: string, signal?: AbortSignal) =>
  api.get<TalentView>(`/api/talents/${enc(id)}`, { signal });

export const fileTalent = (body: ProfileBody) => api.post<TalentView>('/api/talents', body);

export const editTalent = (id: string, body: ProfileBody) =>
  api.put<TalentView>(`/api/talents/${enc(id)}`, body);

export const confirmTalent = (id: string) => api.post<TalentView>(`/api/talents/${enc(id)}/confirm`);

export const revealTalent = (id: string, reason: string) =>
  api.post<ApiAnswer<'/api/talents/{id}/reveal', 'post'>>(`/api/talents/${enc(id)}/reveal`, { reason });

export const assignTalent = (id: string, body: AssignBody) =>
  api.post<ApiAnswer<'/api/talents/{id}/assignments', 'post'>>(`/api/talents/${enc(id)}/assignments`, body);

export const completeAssignment = (id: string, assignmentId: string, body: CompleteBody) =>
  api.post<ApiAnswer<'/api/talents/{id}/assignments/{assignmentId}/complete', 'post'>>(
    `/api/talents/${enc(id)}/assignments/${enc(assignmentId)}/complete`,
    body,
  );

export const fetchNeeds = (kind: NeedKind, signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/talents/needs'>>('/api/talents/needs', { query: { kind }, signal });

export const fetchSuggestions = (need: NeedKind, id: string, signal?: AbortSignal) =>
  api.get<SuggestionsView>('/api/talents/suggestions', { query: { need, id }, signal });
