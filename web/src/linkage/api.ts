// Calls of the linkage API. Written to match src/linkage/presenter.ts until the generated wire types cover it.
import { api } from '../api/client';

export type LinkedHousehold = {
  id: string;
  headName: string;
  address: string;
  size: number;
  gridId: string | null;
  lastVisitAt: number | null;
  openAppeals: number;
};
export type Visit = {
  id: string;
  householdId: string;
  visitedAt: number;
  kind: string;
  heard: string;
  hasPosition: boolean;
  createdAt: number;
};
export type Appeal = {
  id: string;
  trackingCode: string;
  householdId: string;
  centralHouseholdId: string;
  text: string;
  status: string;
  level: string;
  highestLevel: string;
  concludedLevel: string | null;
  outcome: string | null;
  caseId: string | null;
  isOverdue: boolean;
  levelSince: number;
  dueAt: number | null;
  recordedAt: number;
  concludedAt: number | null;
};
export type CaseLink = { trackingCode: string; state: string; closedAt: number | null };
export type AppealStep = {
  seq: number;
  at: number;
  actorName: string | null;
  action: string;
  fromLevel: string | null;
  toLevel: string;
  fromStatus: string | null;
  toStatus: string;
  reason: string | null;
};
export type AppealDetail = {
  item: Appeal;
  steps: AppealStep[];
  household: { id: string; headName: string; address: string } | null;
  case: CaseLink | null;
  canAct: boolean;
};
export type Indicators = {
  received: number;
  pending: number;
  settledAt: Record<string, number>;
  answeredAt: Record<string, number>;
  casesAt: Record<string, number>;
  passedUp: number;
  cases: number;
  concluded: number;
  onTime: number;
  overdue: number;
  shareWithinVillage: number | null;
  shareWithinTown: number | null;
  linkedHouseholds: number;
  visitedLastQuarter: number;
  coverage: number | null;
  neverVisited: number;
};
export type UnitIndicators = { id: string; name: string; level: string; indicators: Indicators };
export type OverdueVisit = {
  household: LinkedHousehold;
  centralHouseholdId: string;
  centralName: string;
  headName: string;
};

export const fetchMyHouseholds = (signal?: AbortSignal) =>
  api.get<{ items: LinkedHousehold[] }>('/api/linkage/my/households', { signal });

export const fetchHouseholdRecord = (id: string, signal?: AbortSignal) =>
  api.get<{ item: LinkedHousehold; visits: Visit[]; appeals: { item: Appeal; case: CaseLink | null }[] }>(
    `/api/linkage/my/households/${id}`,
    { signal },
  );

export const revealAddress = (id: string, reason: string) =>
  api.post<{ address: string }>(`/api/linkage/my/households/${id}/reveal`, { reason });

export type VisitBody = { visitedOn: string; kind: string; heard: string; lng?: number; lat?: number };
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

export type AppealVerb = 'settle' | 'answer' | 'pass-up' | 'to-case' | 'confirm';
export const actOnAppeal = (id: string, verb: AppealVerb, body: Record<string, unknown>) =>
  api.post<{ item: Appeal }>(`/api/linkage/appeals/${id}/${verb}`, body);

export const fetchIndicators = (orgId: string | undefined, signal?: AbortSignal) =>
  api.get<{ unit: UnitIndicators; parts: UnitIndicators[] }>('/api/linkage/indicators', {
    query: { orgId },
    signal,
  });

export const fetchOverdueVisits = (orgId: string | undefined, signal?: AbortSignal) =>
  api.get<{ items: OverdueVisit[] }>('/api/linkage/overdue-visits', { query: { orgId }, signal });
