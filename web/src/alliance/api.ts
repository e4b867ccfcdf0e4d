// Calls of /api/alliances (the regional party-building alliance) and the residents' /api/public/alliances.
import { api } from '../api/client';
import type { ApiAnswer, ApiBody, ApiQuery, ItemOf } from '../api/wire';

const enc = encodeURIComponent;

export type Alliance = ItemOf<ApiAnswer<'/api/alliances'>['items']>;
export type AllianceView = ApiAnswer<'/api/alliances/{id}'>;
export type Member = ItemOf<AllianceView['members']>;
export type Numbers = AllianceView['numbers'];
export type ItemsQuery = ApiQuery<'/api/alliances/{id}/items'>;
export type Item = ItemOf<ApiAnswer<'/api/alliances/{id}/items'>['items']>;
export type ItemView = ApiAnswer<'/api/alliances/{id}/items/{itemId}'>;
export type Match = ItemOf<ItemView['matches']>;
export type Suggestion = ItemOf<ApiAnswer<'/api/alliances/{id}/items/{itemId}/suggestions'>['items']>;
export type ItemBody = ApiBody<'/api/alliances/{id}/items'>;
export type MemberBody = ApiBody<'/api/alliances/{id}/members'>;
export type MatchBody = ApiBody<'/api/alliances/{id}/items/{itemId}/matches'>;
export type DeliveryBody = ApiBody<'/api/alliances/{id}/matches/{matchId}/delivery'>;
export type EvaluationBody = ApiBody<'/api/alliances/{id}/matches/{matchId}/evaluation'>;
export type PublicAlliance = ApiAnswer<'/api/public/alliances/{id}'>;
export type PublicItem = ItemOf<PublicAlliance['demands']>;
export type ReasonBody = ApiBody<'/api/alliances/{id}/items/{itemId}/withdraw'>;
export type Meeting = ItemOf<ApiAnswer<'/api/alliances/{id}/meetings'>['items']>;
export type MeetingBody = ApiBody<'/api/alliances/{id}/meetings'>;
export type HeldBody = ApiBody<'/api/alliances/{id}/meetings/{meetingId}/held'>;
export type BrandsQuery = ApiQuery<'/api/alliances/{id}/brands'>;
export type Brand = ItemOf<ApiAnswer<'/api/alliances/{id}/brands'>['items']>;
export type BrandView = ApiAnswer<'/api/alliances/{id}/brands/{brandId}'>;
export type BrandEvent = ItemOf<BrandView['events']>;
export type BrandBody = ApiBody<'/api/alliances/{id}/brands'>;
export type PartnerBody = ApiBody<'/api/alliances/{id}/brands/{brandId}/partners'>;
export type MilestoneBody = ApiBody<'/api/alliances/{id}/brands/{brandId}/milestones'>;
export type MilestoneDoneBody = ApiBody<'/api/alliances/{id}/brands/{brandId}/milestones/{eventId}/done'>;
export type ReviewBody = ApiBody<'/api/alliances/{id}/brands/{brandId}/reviews'>;
export type StageBody = ApiBody<'/api/alliances/{id}/brands/{brandId}/stage'>;
export type PublicBrand = ItemOf<ApiAnswer<'/api/public/alliances/{id}/brands'>['items']>;

export type ListName = Item['list'];
export type ItemKind = Item['kind'];
export type ItemStatus = Item['status'];
export type MatchStatus = Match['status'];
export type DemandSource = NonNullable<ItemBody['source']>;
export type MeetingStatus = Meeting['status'];
export type BrandStage = Brand['stage'];

export const listNames = ['demand', 'resource', 'project'] as const satisfies readonly ListName[];
export const itemKinds = [
  'venue',
  'expert',
  'funds',
  'volunteers',
  'equipment',
  'service',
] as const satisfies readonly ItemKind[];
export const itemStatuses = ['open', 'matched', 'done', 'withdrawn'] as const satisfies readonly ItemStatus[];
export const matchStatuses = [
  'agreed',
  'delivered',
  'evaluated',
  'cancelled',
] as const satisfies readonly MatchStatus[];
export const demandSources = ['own', 'appeal', 'consultation'] as const satisfies readonly DemandSource[];
export const brandStages = [
  'declared',
  'incubating',
  'filling',
  'strengthening',
  'declined',
] as const satisfies readonly BrandStage[];

/**
 * The pipeline's next stage (申报 → 孵化 → 补链 → 强链), which the convener's move names; whether the move is allowed is
 * the server's `abilities.move`, and its guards (a partner, a review, milestones done) are the server's too.
 */
const forward: Partial<Record<BrandStage, BrandStage>> = {
  declared: 'incubating',
  incubating: 'filling',
  filling: 'strengthening',
};
export const nextStage = (stage: BrandStage): BrandStage | undefined => forward[stage];

export const fetchAlliances = (signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/alliances'>>('/api/alliances', { signal });

export const fetchAlliance = (id: string, signal?: AbortSignal) =>
  api.get<AllianceView>(`/api/alliances/${enc(id)}`, { signal });

export const signMember = (id: string, body: MemberBody) =>
  api.post<ApiAnswer<'/api/alliances/{id}/members', 'post'>>(`/api/alliances/${enc(id)}/members`, body);

export const fetchItems = (id: string, query: ItemsQuery, signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/alliances/{id}/items'>>(`/api/alliances/${enc(id)}/items`, { query, signal });

export const postItem = (id: string, body: ItemBody) =>
  api.post<ApiAnswer<'/api/alliances/{id}/items', 'post'>>(`/api/alliances/${enc(id)}/items`, body);

export const fetchItem = (id: string, itemId: string, signal?: AbortSignal) =>
  api.get<ItemView>(`/api/alliances/${enc(id)}/items/${enc(itemId)}`, { signal });

export const fetchSuggestions = (id: string, itemId: string, signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/alliances/{id}/items/{itemId}/suggestions'>>(
    `/api/alliances/${enc(id)}/items/${enc(itemId)}/suggestions`,
    { signal },
  );

export const agreeMatch = (id: string, itemId: string, body: MatchBody) =>
  api.post<ApiAnswer<'/api/alliances/{id}/items/{itemId}/matches', 'post'>>(
    `/api/alliances/${enc(id)}/items/${enc(itemId)}/matches`,
    body,
  );

export const recordDelivery = (id: string, matchId: string, body: DeliveryBody) =>
  api.post<ApiAnswer<'/api/alliances/{id}/matches/{matchId}/delivery', 'post'>>(
    `/api/alliances/${enc(id)}/matches/${enc(matchId)}/delivery`,
    body,
  );

export const evaluateDelivery = (id: string, matchId: string, body: EvaluationBody) =>
  api.post<ApiAnswer<'/api/alliances/{id}/matches/{matchId}/evaluation', 'post'>>(
    `/api/alliances/${enc(id)}/matches/${enc(matchId)}/evaluation`,
    body,
  );

export const withdrawItem = (id: string, itemId: string, body: ReasonBody) =>
  api.post<ApiAnswer<'/api/alliances/{id}/items/{itemId}/withdraw', 'post'>>(
    `/api/alliances/${enc(id)}/items/${enc(itemId)}/withdraw`,
    body,
  );

export const cancelMatch = (id: string, matchId: string, body: ReasonBody) =>
  api.post<ApiAnswer<'/api/alliances/{id}/matches/{matchId}/cancel', 'post'>>(
    `/api/alliances/${enc(id)}/matches/${enc(matchId)}/cancel`,
    body,
  );

// Joint meetings (联席会议)
export const fetchMeetings = (id: string, signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/alliances/{id}/meetings'>>(`/api/alliances/${enc(id)}/meetings`, { signal });

export const scheduleMeeting = (id: string, body: MeetingBody) =>
  api.post<ApiAnswer<'/api/alliances/{id}/meetings', 'post'>>(`/api/alliances/${enc(id)}/meetings`, body);

export const holdMeeting = (id: string, meetingId: string, body: HeldBody) =>
  api.post<ApiAnswer<'/api/alliances/{id}/meetings/{meetingId}/held', 'post'>>(
    `/api/alliances/${enc(id)}/meetings/${enc(meetingId)}/held`,
    body,
  );

export const cancelMeeting = (id: string, meetingId: string, body: ReasonBody) =>
  api.post<ApiAnswer<'/api/alliances/{id}/meetings/{meetingId}/cancel', 'post'>>(
    `/api/alliances/${enc(id)}/meetings/${enc(meetingId)}/cancel`,
    body,
  );

// Brand projects (品牌项目)
const brandPath = (id: string, brandId: string) => `/api/alliances/${enc(id)}/brands/${enc(brandId)}`;

export const fetchBrands = (id: string, query: BrandsQuery, signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/alliances/{id}/brands'>>(`/api/alliances/${enc(id)}/brands`, { query, signal });

export const declareBrand = (id: string, body: BrandBody) =>
  api.post<ApiAnswer<'/api/alliances/{id}/brands', 'post'>>(`/api/alliances/${enc(id)}/brands`, body);

export const fetchBrand = (id: string, brandId: string, signal?: AbortSignal) =>
  api.get<BrandView>(brandPath(id, brandId), { signal });

export const addPartner = (id: string, brandId: string, body: PartnerBody) =>
  api.post<BrandView>(`${brandPath(id, brandId)}/partners`, body);

export const addMilestone = (id: string, brandId: string, body: MilestoneBody) =>
  api.post<BrandView>(`${brandPath(id, brandId)}/milestones`, body);

export const completeMilestone = (id: string, brandId: string, eventId: string, body: MilestoneDoneBody) =>
  api.post<BrandView>(`${brandPath(id, brandId)}/milestones/${enc(eventId)}/done`, body);

export const reviewBrand = (id: string, brandId: string, body: ReviewBody) =>
  api.post<BrandView>(`${brandPath(id, brandId)}/reviews`, body);

export const moveBrand = (id: string, brandId: string, body: StageBody) =>
  api.post<BrandView>(`${brandPath(id, brandId)}/stage`, body);

// Public: no account
export const fetchPublicAlliance = (id: string, signal?: AbortSignal) =>
  api.get<PublicAlliance>(`/api/public/alliances/${enc(id)}`, { signal });

export const fetchPublicBrands = (id: string, signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/public/alliances/{id}/brands'>>(`/api/public/alliances/${enc(id)}/brands`, {
    signal,
  });

// Where the pages live
export const staffPaths = {
  home: '/alliance',
  alliance: (id: string) => `/alliance/${enc(id)}`,
};

export const publicPaths = {
  alliance: (id: string) => `/alliance-public/${enc(id)}`,
};
