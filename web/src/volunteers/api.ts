// Calls of /api/volunteers and /api/points: the community's desk (scoped to the caller's subtree) and the member's
// own pages under /api/volunteers/my and /api/points/my.
import { api } from '../api/client';
import type { ApiAnswer, ApiBody, ApiQuery, ItemOf } from '../api/wire';

const enc = encodeURIComponent;

export type Registration = ItemOf<ApiAnswer<'/api/volunteers/registrations'>['items']>;
export type Community = ItemOf<ApiAnswer<'/api/volunteers/communities'>['items']>;
export type Post = ItemOf<ApiAnswer<'/api/volunteers/posts'>['items']>;
export type Activity = ItemOf<ApiAnswer<'/api/volunteers/activities'>['items']>;
export type ActivityView = ApiAnswer<'/api/volunteers/activities/{id}'>;
export type Signup = ItemOf<ActivityView['signups']>;
export type Act = ItemOf<ApiAnswer<'/api/points/acts'>['items']>;
export type ActView = ApiAnswer<'/api/points/acts/{id}'>;
export type Entry = ItemOf<ActView['entries']>;
export type Numbers = ApiAnswer<'/api/volunteers/numbers'>;
export type PathHours = ItemOf<Numbers['communities']>;
export type Ranking = ApiAnswer<'/api/points/ranking'>;
export type RankRow = ItemOf<Ranking['items']>;
export type Rule = ItemOf<ApiAnswer<'/api/volunteers/rules'>['items']>;
export type MyState = ApiAnswer<'/api/volunteers/my'>;
export type MyActivities = ApiAnswer<'/api/volunteers/my/activities'>;
export type MySignup = ItemOf<MyActivities['mine']>;
export type MyLedger = ApiAnswer<'/api/points/my'>;
export type CheckInAnswer = ApiAnswer<'/api/volunteers/activities/{id}/check-in', 'post'>;
export type Certificate = ItemOf<ApiAnswer<'/api/volunteers/certificates'>['items']>;
export type CertificateDecision = ApiBody<'/api/volunteers/certificates/{id}/decision'>['decision'];
export type PublicCertificate = ApiAnswer<'/api/public/certificates/{code}'>;
export type EmployerReport = ApiAnswer<'/api/volunteers/employer-report'>;
export type EmployerLine = ItemOf<EmployerReport['lines']>;
export type Pairing = ItemOf<ApiAnswer<'/api/relief/pairings'>['items']>;
export type PairingBody = ApiBody<'/api/relief/pairings'>;
export type ReliefVisit = ItemOf<ApiAnswer<'/api/relief/pairings/{id}/visits'>['items']>;
export type VisitBody = ApiBody<'/api/relief/visits'>;

export type RegistrationQuery = ApiQuery<'/api/volunteers/registrations'>;
export type Decision = ApiBody<'/api/volunteers/registrations/{id}/decision'>['decision'];
export type PostBody = ApiBody<'/api/volunteers/posts'>;
export type ActivityBody = ApiBody<'/api/volunteers/activities'>;
export type ServiceCategory = PostBody['category'];
export type Adjustment = NonNullable<
  ApiBody<'/api/volunteers/activities/{id}/confirm'>['adjustments']
>[number];
export type CheckInBody = ApiBody<'/api/volunteers/activities/{id}/check-in'>;
export type Direction = CheckInBody['direction'];
export type ActKind = NonNullable<ApiQuery<'/api/points/acts'>['kind']>;

export const serviceCategories = [
  'organisationBuilding',
  'legalAid',
  'needyAndDisabled',
  'communityGovernance',
  'health',
  'cultureSport',
  'safetyPatrol',
  'other',
] as const satisfies readonly ServiceCategory[];

// Desk: reference data
export const fetchCommunities = (signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/volunteers/communities'>>('/api/volunteers/communities', { signal });

export const fetchRules = (signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/volunteers/rules'>>('/api/volunteers/rules', { signal });

// Desk: registrations (双报到)
export const fetchRegistrations = (query: RegistrationQuery, signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/volunteers/registrations'>>('/api/volunteers/registrations', { query, signal });

export const decideRegistration = (id: string, decision: Decision, reason: string | null) =>
  api.post<ApiAnswer<'/api/volunteers/registrations/{id}/decision', 'post'>>(
    `/api/volunteers/registrations/${enc(id)}/decision`,
    { decision, reason },
  );

// Desk: posts and activities
export const fetchPosts = (orgId: string | undefined, signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/volunteers/posts'>>('/api/volunteers/posts', {
    query: { orgId, limit: 300 },
    signal,
  });

export const publishPost = (body: PostBody) =>
  api.post<ApiAnswer<'/api/volunteers/posts', 'post'>>('/api/volunteers/posts', body);

export const closePost = (id: string) =>
  api.post<ApiAnswer<'/api/volunteers/posts/{id}/close', 'post'>>(`/api/volunteers/posts/${enc(id)}/close`);

export const fetchActivities = (orgId: string | undefined, signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/volunteers/activities'>>('/api/volunteers/activities', {
    query: { orgId, limit: 300 },
    signal,
  });

export const scheduleActivity = (body: ActivityBody) =>
  api.post<ApiAnswer<'/api/volunteers/activities', 'post'>>('/api/volunteers/activities', body);

export const fetchActivity = (id: string, signal?: AbortSignal) =>
  api.get<ActivityView>(`/api/volunteers/activities/${enc(id)}`, { signal });

export const confirmActivity = (id: string, adjustments: Adjustment[]) =>
  api.post<ApiAnswer<'/api/volunteers/activities/{id}/confirm', 'post'>>(
    `/api/volunteers/activities/${enc(id)}/confirm`,
    { adjustments },
  );

// Desk: numbers, ranking and the ledger
export const fetchNumbers = (orgId: string | undefined, days: number, signal?: AbortSignal) =>
  api.get<Numbers>('/api/volunteers/numbers', { query: { orgId, days }, signal });

export const fetchRanking = (orgId: string, year: number, signal?: AbortSignal) =>
  api.get<Ranking>('/api/points/ranking', { query: { orgId, year }, signal });

export const fetchActs = (
  query: { orgId?: string; kind?: ActKind; before?: string; limit?: number },
  signal?: AbortSignal,
) => api.get<ApiAnswer<'/api/points/acts'>>('/api/points/acts', { query, signal });

export const fetchAct = (id: string, signal?: AbortSignal) =>
  api.get<ActView>(`/api/points/acts/${enc(id)}`, { signal });

export const reverseAct = (id: string, reason: string, memberIds?: string[]) =>
  api.post<ApiAnswer<'/api/points/acts/{id}/reverse', 'post'>>(`/api/points/acts/${enc(id)}/reverse`, {
    reason,
    memberIds,
  });

// The member's own pages
export const fetchMy = (year: number | undefined, signal?: AbortSignal) =>
  api.get<MyState>('/api/volunteers/my', { query: { year }, signal });

export const registerMyself = (communityId: string) =>
  api.post<ApiAnswer<'/api/volunteers/my/registration', 'post'>>('/api/volunteers/my/registration', {
    communityId,
  });

export const fetchMyActivities = (isAll: boolean, signal?: AbortSignal) =>
  api.get<MyActivities>('/api/volunteers/my/activities', {
    query: { isAll: isAll ? 'true' : undefined },
    signal,
  });

export const signUp = (activityId: string) =>
  api.post<ApiAnswer<'/api/volunteers/activities/{id}/sign-up', 'post'>>(
    `/api/volunteers/activities/${enc(activityId)}/sign-up`,
  );

export const withdraw = (activityId: string) =>
  api.post<ApiAnswer<'/api/volunteers/activities/{id}/withdraw', 'post'>>(
    `/api/volunteers/activities/${enc(activityId)}/withdraw`,
  );

export const checkIn = (activityId: string, body: CheckInBody) =>
  api.post<CheckInAnswer>(`/api/volunteers/activities/${enc(activityId)}/check-in`, body);

export const fetchMyPosts = (signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/volunteers/my/posts'>>('/api/volunteers/my/posts', { signal });

export const claimPost = (postId: string) =>
  api.post<ApiAnswer<'/api/volunteers/posts/{id}/claim', 'post'>>(
    `/api/volunteers/posts/${enc(postId)}/claim`,
  );

export const fetchMyLedger = (year: number, signal?: AbortSignal) =>
  api.get<MyLedger>('/api/points/my', { query: { year }, signal });

// Desk: service-hours certificates and their public notice
export const fetchCertificates = (orgId: string | undefined, signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/volunteers/certificates'>>('/api/volunteers/certificates', {
    query: { orgId },
    signal,
  });

export const proposeCertificate = (memberId: string, year: number) =>
  api.post<ApiAnswer<'/api/volunteers/certificates', 'post'>>('/api/volunteers/certificates', {
    memberId,
    year,
  });

export const decideCertificate = (id: string, decision: CertificateDecision, note: string) =>
  api.post<ApiAnswer<'/api/volunteers/certificates/{id}/decision', 'post'>>(
    `/api/volunteers/certificates/${enc(id)}/decision`,
    { decision, note },
  );

// Desk: the quarterly feedback to employers
export const fetchEmployerReport = (unitOrgId: string, quarter: string, signal?: AbortSignal) =>
  api.get<EmployerReport>('/api/volunteers/employer-report', { query: { unitOrgId, quarter }, signal });

// Desk: a branch's members not registered with a community, and the quarterly feedback the platform sent
export type UnregisteredState = 'none' | 'lapsed' | 'pending';
export type UnregisteredMember = {
  memberId: string;
  /** Masked by the server where the caller may not see it whole. */
  name: string;
  state: UnregisteredState;
  communityName: string | null;
};
export type UnregisteredList = {
  branch: { id: string; name: string };
  employer: { id: string; name: string } | null;
  members: number;
  registered: number;
  items: UnregisteredMember[];
};

export type FeedbackKind = 'employer' | 'branch';
export type SentFeedback = {
  id: string;
  kind: FeedbackKind;
  org: { id: string; name: string };
  /** The quarter, as the server names it: "2026-Q3". */
  period: string;
  members: number;
  unregistered: number;
  behindBar: number;
  hours: number;
  /** The accounts the feedback reached; 0 when nobody could be sent it. */
  recipients: number;
  sentAt: number;
};
export type SentFeedbackQuery = { orgId?: string; period?: string; kind?: FeedbackKind; limit?: number };

export const fetchUnregistered = (branchOrgId: string, signal?: AbortSignal): Promise<UnregisteredList> =>
  api.get<UnregisteredList>('/api/volunteers/unregistered', { query: { orgId: branchOrgId }, signal });

export const fetchSentFeedback = (
  query: SentFeedbackQuery,
  signal?: AbortSignal,
): Promise<{ items: SentFeedback[] }> =>
  api.get<{ items: SentFeedback[] }>('/api/volunteers/feedback', { query, signal });

// Desk and phone: sunshine relief (阳光扶贫)
export const fetchPairings = (orgId: string | undefined, signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/relief/pairings'>>('/api/relief/pairings', { query: { orgId }, signal });

export const pairHousehold = (body: PairingBody) =>
  api.post<ApiAnswer<'/api/relief/pairings', 'post'>>('/api/relief/pairings', body);

export const fetchVisits = (pairingId: string, signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/relief/pairings/{id}/visits'>>(`/api/relief/pairings/${enc(pairingId)}/visits`, {
    signal,
  });

export const fetchMyPairings = (signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/relief/my'>>('/api/relief/my', { signal });

export const recordVisit = (body: VisitBody) =>
  api.post<ApiAnswer<'/api/relief/visits', 'post'>>('/api/relief/visits', body);

// Public: anyone verifies a certificate and may object while its notice runs
export const fetchPublicCertificate = (code: string, signal?: AbortSignal) =>
  api.get<PublicCertificate>(`/api/public/certificates/${enc(code)}`, { signal });

export const objectToCertificate = (code: string, text: string) =>
  api.post<undefined>(`/api/public/certificates/${enc(code)}/objection`, { text });

// Where the pages live
export const deskPaths = {
  tab: (tab: string) => `/volunteers?tab=${enc(tab)}`,
  activity: (id: string) => `/volunteers/activities/${enc(id)}`,
};

export const myPaths = {
  home: '/my/volunteering',
  ledger: '/my/volunteering/ledger',
  relief: '/my/volunteering/relief',
  checkIn: (activityId: string, token?: string) =>
    `/my/volunteering/check-in/${enc(activityId)}${token === undefined ? '' : `?token=${enc(token)}`}`,
};

export const publicPaths = {
  verify: (code?: string) => (code === undefined ? '/verify' : `/verify/${enc(code)}`),
};

/** The last path segment: the id of the organisation a materialised path ends at. */
export const orgIdOfPath = (path: string): string =>
  path
    .split('/')
    .filter((s) => s !== '')
    .at(-1) ?? '';
