// Calls of the linkage API, with its wire types read from the generated schema.
import { api } from '../api/client';
import type { ApiAnswer, ApiBody, ApiSchema } from '../api/wire';

export type HouseholdRecord = ApiAnswer<'/api/linkage/my/households/{id}'>;
export type LinkedHousehold = HouseholdRecord['item'];
export type Visit = HouseholdRecord['visits'][number];
export type VisitPlan = ApiSchema<'LinkageVisitPlan'>;
export type HouseholdCase = HouseholdRecord['cases'][number];
export type HouseholdTopic = HouseholdRecord['topics'][number];
export type HouseholdRelief = HouseholdRecord['relief'];
export type Appeal = ApiSchema<'LinkageAppeal'>;
export type AppealDetail = ApiAnswer<'/api/linkage/appeals/{id}'>;
export type CaseLink = NonNullable<AppealDetail['case']>;
export type AppealStep = AppealDetail['steps'][number];
export type IndicatorsView = ApiAnswer<'/api/linkage/indicators'>;
export type UnitIndicators = IndicatorsView['unit'];
export type Indicators = UnitIndicators['indicators'];
export type OverdueVisit = ApiAnswer<'/api/linkage/overdue-visits'>['items'][number];

export type HouseholdListItem = ApiAnswer<'/api/linkage/my/households'>['items'][number];
export const fetchMyHouseholds = (signal?: AbortSignal) =>
  api.get<{ items: HouseholdListItem[] }>('/api/linkage/my/households', { signal });

export const fetchHouseholdRecord = (id: string, signal?: AbortSignal) =>
  api.get<HouseholdRecord>(`/api/linkage/my/households/${id}`, { signal });

export const revealAddress = (id: string, reason: string) =>
  api.post<{ address: string }>(`/api/linkage/my/households/${id}/reveal`, { reason });

export type VisitBody = ApiBody<'/api/linkage/my/households/{id}/visits'>;
export const logVisit = (id: string, body: VisitBody) =>
  api.post<{ item: Visit }>(`/api/linkage/my/households/${id}/visits`, body);

export const recordAppeal = (id: string, body: { text: string; isKeptByHead?: boolean }) =>
  api.post<{ item: Appeal }>(`/api/linkage/my/households/${id}/appeals`, body);

export const fetchAppeals = (view: 'mine' | 'all', signal?: AbortSignal) =>
  api.get<{ items: Appeal[]; nextBefore: string | null }>('/api/linkage/appeals', {
    query: { view, limit: 100 },
    signal,
  });

export const fetchAppeal = (id: string, signal?: AbortSignal) =>
  api.get<AppealDetail>(`/api/linkage/appeals/${id}`, { signal });

export type AppealVerb = 'settle' | 'answer' | 'pass-up' | 'to-case' | 'to-topic' | 'confirm';
export const actOnAppeal = (id: string, verb: AppealVerb, body: Record<string, unknown>) =>
  api.post<{ item: Appeal }>(`/api/linkage/appeals/${id}/${verb}`, body);

export const fetchIndicators = (orgId: string | undefined, signal?: AbortSignal) =>
  api.get<IndicatorsView>('/api/linkage/indicators', {
    query: { orgId },
    signal,
  });

export const fetchOverdueVisits = (orgId: string | undefined, signal?: AbortSignal) =>
  api.get<{ items: OverdueVisit[] }>('/api/linkage/overdue-visits', { query: { orgId }, signal });

// The time each level of the chain has for an appeal.
export type LimitsView = ApiAnswer<'/api/linkage/limits'>;
export type Limits = LimitsView['limits'];
export type LimitUnit = Limits['central']['unit'];
export const chainLevels = [
  'central',
  'group',
  'branch',
  'village',
  'town',
  'district',
] as const satisfies readonly (keyof Limits)[];
export const limitUnits = [
  'workDays',
  'workHours',
  'days',
  'hours',
  'minutes',
] as const satisfies readonly LimitUnit[];

export const fetchLimits = (signal?: AbortSignal) => api.get<LimitsView>('/api/linkage/limits', { signal });

export const saveLimits = (body: ApiBody<'/api/linkage/limits', 'put'>) =>
  api.put<LimitsView>('/api/linkage/limits', body);
