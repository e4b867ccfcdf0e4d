// Calls of /api/assessment: the years' trees, cycles and sheets, the sheet workflow, notices, objections and awards.
import { api } from '../api/client';
import { fetchOrgChildren, fetchRootOrgs } from '../api/orgs';
import type { Org } from '../api/types';
import type { ApiAnswer, ApiBody, ApiQuery } from '../api/wire';

const enc = encodeURIComponent;

export type SheetStatus = NonNullable<ApiQuery<'/api/assessment/cycles/{year}/sheets'>['status']>;
export type SelfScoreBody = ApiBody<'/api/assessment/sheets/{id}/lines/{code}/self', 'put'>;
export type ReviewLineBody = ApiBody<'/api/assessment/sheets/{id}/lines/{code}/review', 'put'>;
export type ReturnBody = ApiBody<'/api/assessment/sheets/{id}/return'>;
export type EvidenceBody = ApiBody<'/api/assessment/sheets/{id}/evidence'>;
export type EvidenceKind = EvidenceBody['kind'];
export type AnswerBody = ApiBody<'/api/assessment/objections/{id}/answer'>;
export type NoticeBody = NonNullable<ApiBody<'/api/assessment/cycles/{year}/notices'>>;
export type TreeBody = ApiBody<'/api/assessment/trees/{year}', 'put'>;
export type TreeDefinition = TreeBody['tree'];
export type StarDefinition = TreeDefinition['stars'][number];
export type LineDefinition = TreeDefinition['basics'][number];
export type ScoringRule = LineDefinition['rule'];
export type Message = LineDefinition['name'];

export const sheetStatuses = [
  'draft',
  'submitted',
  'returned',
  'reviewed',
  'approved',
  'notice',
  'final',
] as const satisfies readonly SheetStatus[];

export const evidenceKinds = ['file', 'record', 'link'] as const satisfies readonly EvidenceKind[];

// The people in charge (考核评价): one post's score sheets of a year, ranked.
export type LeaderPost = NonNullable<ApiQuery<'/api/assessment/cycles/{year}/leaders'>['post']>;
export type LeadersQuery = { post: LeaderPost; townId?: string };
export type LeadersView = ApiAnswer<'/api/assessment/cycles/{year}/leaders'>;
export type LeaderSheet = LeadersView['items'][number];
export type LeaderSchemeLine = LeadersView['scheme']['lines'][number];

export const leaderPosts = [
  'villageSecretary',
  'townLeader',
  'departmentHead',
] as const satisfies readonly LeaderPost[];

// The read views below carry no response schema on the server yet, so their shape is written here once, built
// from the generated pieces above; the fields follow src/assessment/views.ts and presenter.ts.
export type LineKind = 'basic' | 'item' | 'deduction' | 'bonus' | 'veto';

export type StarRef = { code: string; name: Message };

export type Notice = {
  id: string;
  year: number;
  title: string;
  startsAt: number;
  endsAt: number;
  status: string;
  closedAt: number | null;
};

export type Cycle = {
  year: number;
  status: string;
  treeId: string;
  openedAt: number;
  counts: Partial<Record<SheetStatus, number>>;
  notices: Notice[];
};

export type Award = {
  id: string;
  year: number;
  sheetId: string;
  orgId: string;
  orgName: string;
  level: number;
  previousLevel: number;
  stars: string[];
  movement: string;
  reason: string;
  reasonText: string | null;
  decidedAt: number;
};

export type Sheet = {
  id: string;
  year: number;
  orgId: string;
  orgName: string;
  townName: string;
  status: SheetStatus;
  noticeId: string | null;
  computedAt: number | null;
  submittedAt: number | null;
  reviewedAt: number | null;
  approvedAt: number | null;
  updatedAt: number;
};

export type StarResult = { code: string; score: number; isEarned: boolean };

export type SheetRow = Sheet & {
  rank: number;
  stars: StarResult[];
  basicsPassed: boolean;
  earned: number;
  total: number;
  previousLevel: number;
  award: Award | null;
};

export type SheetsView = {
  year: number;
  status: string;
  stars: StarRef[];
  counts: Partial<Record<SheetStatus, number>>;
  items: SheetRow[];
};

export type Evidence = {
  id: string;
  kind: EvidenceKind;
  title: string;
  url: string;
  note: string | null;
  createdAt: number;
};

export type SourceRecords = {
  kind: string;
  orgId: string;
  from: number;
  to: number;
  ids?: string[];
  count?: number;
};

export type SheetLine = {
  code: string;
  kind: LineKind;
  star: string | null;
  name: Message;
  maxPoints: number;
  rule: ScoringRule;
  evidenceRule: Message | null;
  source: string | null;
  sourceName: Message | null;
  isComputed: boolean;
  figure: number | null;
  figurePoints: number | null;
  records: SourceRecords | null;
  selfPoints: number | null;
  selfNote: string | null;
  adjustedPoints: number | null;
  adjustedReason: string | null;
  adjustedAt: number | null;
  points: number;
  evidence: Evidence[];
};

export type StarScore = {
  code: string;
  items: number;
  deductions: number;
  bonuses: number;
  score: number;
  threshold: number;
  vetoedBy: string[];
  isEarned: boolean;
};

export type Change = {
  id: number;
  code: string | null;
  kind: string;
  from: number | null;
  to: number | null;
  reason: string | null;
  actorName: string;
  at: number;
};

export type Objection = {
  id: string;
  noticeId: string;
  sheetId: string;
  lineCode: string | null;
  body: string;
  status: 'open' | 'answered';
  answer: string | null;
  changedPoints: number | null;
  answeredAt: number | null;
  createdAt: number;
};

/** What the caller may do with the sheet now, as the server decides it. */
export type SheetAbilities = {
  canSelfAssess: boolean;
  canReview: boolean;
  canReturn: boolean;
  canApprove: boolean;
};

export type SheetView = {
  item: Sheet;
  tree: { name: Message; threshold: number; stars: StarRef[] };
  lines: SheetLine[];
  score: {
    basics: { code: string; isPassed: boolean }[];
    basicsPassed: boolean;
    stars: StarScore[];
    earned: string[];
    total: number;
  };
  changes: Change[];
  objections: Objection[];
  award: Award | null;
  abilities: SheetAbilities;
};

export type TreeLine = {
  code: string;
  kind: LineKind;
  star: string | null;
  source: string | null;
  isComputed: boolean;
};

export type TreeView = {
  id: string | null;
  year: number;
  version: number;
  isSaved: boolean;
  frozenAt: number | null;
  tree: TreeDefinition;
  lines: TreeLine[];
  computedShare: { computedPoints: number; totalPoints: number; share: number };
};

export type Source = { code: string; module: string; name: Message; unit: string };

// Staff
export const fetchCycles = (signal?: AbortSignal) =>
  api.get<{ items: Cycle[] }>('/api/assessment/cycles', { signal });

export const openCycle = (year: number) =>
  api.post<ApiAnswer<'/api/assessment/cycles/{year}', 'post'>>(`/api/assessment/cycles/${year}`);

export const fetchSheets = (year: number, status: SheetStatus | undefined, signal?: AbortSignal) =>
  api.get<SheetsView>(`/api/assessment/cycles/${year}/sheets`, { query: { status }, signal });

/** The towns of the caller's scope: the roots that are towns and the towns under the roots that are districts. */
export const fetchTowns = async (signal?: AbortSignal): Promise<Org[]> => {
  const { items: roots } = await fetchRootOrgs(signal);
  const under = await Promise.all(
    roots
      .filter((o) => o.level === 'district')
      .map(async (d) => (await fetchOrgChildren(d.id, { limit: 500 }, signal)).items),
  );
  return [...roots, ...under.flat()].filter((o) => o.level === 'town');
};

export const fetchAwards = (year: number, signal?: AbortSignal) =>
  api.get<{ items: Award[] }>(`/api/assessment/cycles/${year}/awards`, { signal });

export const fetchTree = (year: number, signal?: AbortSignal) =>
  api.get<TreeView>(`/api/assessment/trees/${year}`, { signal });

export const fetchSources = (signal?: AbortSignal) =>
  api.get<{ items: Source[] }>('/api/assessment/sources', { signal });

export const fetchSheet = (id: string, signal?: AbortSignal) =>
  api.get<SheetView>(`/api/assessment/sheets/${enc(id)}`, { signal });

export const refreshSheet = (id: string) => api.post<SheetView>(`/api/assessment/sheets/${enc(id)}/refresh`);

export const enterSelfScore = (id: string, code: string, body: SelfScoreBody) =>
  api.put<ApiAnswer<'/api/assessment/sheets/{id}/lines/{code}/self', 'put'>>(
    `/api/assessment/sheets/${enc(id)}/lines/${enc(code)}/self`,
    body,
  );

export const reviewLine = (id: string, code: string, body: ReviewLineBody) =>
  api.put<ApiAnswer<'/api/assessment/sheets/{id}/lines/{code}/review', 'put'>>(
    `/api/assessment/sheets/${enc(id)}/lines/${enc(code)}/review`,
    body,
  );

export const fetchEvidence = (id: string, signal?: AbortSignal) =>
  api.get<{ items: Evidence[] }>(`/api/assessment/sheets/${enc(id)}/evidence`, { signal });

export const attachEvidence = (id: string, body: EvidenceBody) =>
  api.post<{ item: Evidence }>(`/api/assessment/sheets/${enc(id)}/evidence`, body);

export type SheetMove = 'submit' | 'complete-review' | 'approve';

export const moveSheet = (id: string, move: SheetMove) =>
  api.post<SheetView>(`/api/assessment/sheets/${enc(id)}/${move}`);

export const returnSheet = (id: string, body: ReturnBody) =>
  api.post<SheetView>(`/api/assessment/sheets/${enc(id)}/return`, body);

export const publishNotice = (year: number, body: NoticeBody) =>
  api.post<{ item: Notice; sheets: number }>(`/api/assessment/cycles/${year}/notices`, body);

export const closeNotice = (id: string) =>
  api.post<{ item: Notice; awards: Award[] }>(`/api/assessment/notices/${enc(id)}/close`);

export type ObjectionsQuery = ApiQuery<'/api/assessment/objections'>;

/** A page of a year's objections in scope, newest first. */
export const fetchObjections = (
  query: { year: number; status: ObjectionsQuery['status']; cursor: string | null },
  signal?: AbortSignal,
) =>
  api.get<{ items: Objection[]; nextCursor: string | null }>('/api/assessment/objections', {
    query: { year: query.year, status: query.status, cursor: query.cursor ?? undefined },
    signal,
  });

export const answerObjection = (id: string, body: AnswerBody) =>
  api.post<{ item: Objection }>(`/api/assessment/objections/${enc(id)}/answer`, body);

export const fetchLeaders = (year: number, q: LeadersQuery, signal?: AbortSignal) =>
  api.get<LeadersView>(`/api/assessment/cycles/${year}/leaders`, { query: q, signal });

export const rankLeaders = (year: number) =>
  api.post<ApiAnswer<'/api/assessment/cycles/{year}/leaders', 'post'>>(
    `/api/assessment/cycles/${year}/leaders`,
  );

/** The spreadsheet is a plain download link with the same query; the session cookie authorises it. */
export const leadersXlsxUrl = (year: number, q: LeadersQuery): string => {
  const params = new URLSearchParams({ post: q.post });
  if (q.townId !== undefined) {
    params.set('townId', q.townId);
  }
  return `/api/assessment/cycles/${year}/leaders.xlsx?${params.toString()}`;
};

// Where the pages live
export const assessmentPaths = {
  cycles: '/assessment',
  /**
   * A year's page, on a tab, its sheets narrowed to a unit (?orgId=: a town, a village or the district) and to the
   * villages awarded a level (?level=).
   */
  cycle: (year: number, tab?: string, orgId?: string, level?: number) => {
    const q = new URLSearchParams();
    if (tab !== undefined) {
      q.set('tab', tab);
    }
    if (orgId !== undefined) {
      q.set('orgId', orgId);
    }
    if (level !== undefined) {
      q.set('level', String(level));
    }
    const query = q.toString();
    return `/assessment/cycles/${year}${query === '' ? '' : `?${query}`}`;
  },
  sheet: (id: string) => `/assessment/sheets/${enc(id)}`,
  tree: (year: number) => `/assessment/trees/${year}`,
};

// The public notice (公示) of star results, for residents without an account; types from the generated schema.
export type PublicNoticeView = ApiAnswer<'/api/public/assessment/notices/{id}'>;
export type PublicNotice = PublicNoticeView['item'];
export type PublicVillage = PublicNoticeView['villages'][number];
export type PublicNoticeLine = PublicNoticeView['lines'][number];
export type PublicObjectionBody = ApiBody<'/api/public/assessment/notices/{id}/objections'>;
export type PublicObjectionAnswer = ApiAnswer<'/api/public/assessment/objections/{code}'>['item'];

export const publicNoticePaths = {
  list: '/notice',
  notice: (id: string) => `/notice/${enc(id)}`,
  objection: (code?: string) => (code === undefined ? '/notice/objection' : `/notice/objection/${enc(code)}`),
};

export const fetchPublicNotices = (signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/public/assessment/notices'>>('/api/public/assessment/notices', { signal });

export const fetchPublicNotice = (id: string, signal?: AbortSignal) =>
  api.get<PublicNoticeView>(`/api/public/assessment/notices/${enc(id)}`, { signal });

export const filePublicObjection = (noticeId: string, body: PublicObjectionBody) =>
  api.post<ApiAnswer<'/api/public/assessment/notices/{id}/objections', 'post'>>(
    `/api/public/assessment/notices/${enc(noticeId)}/objections`,
    body,
  );

export const fetchPublicObjection = (code: string, signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/public/assessment/objections/{code}'>>(
    `/api/public/assessment/objections/${enc(code)}`,
    { signal },
  );
