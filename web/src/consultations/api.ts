// Calls of /api/councils, /api/topics, /api/meetings, /api/decisions, /api/outcomes and their public pages.
import { api, request } from '../api/client';
import type { ApiAnswer, ApiBody, ItemOf } from '../api/wire';

const enc = encodeURIComponent;

export type Council = ItemOf<ApiAnswer<'/api/councils'>['items']>;
export type Topic = ApiAnswer<'/api/topics/{id}/review', 'post'>['item'];
export type Meeting = ApiAnswer<'/api/councils/{id}/meetings', 'post'>['item'];
export type Decision = ApiAnswer<'/api/decisions/{id}'>['item'];
export type TallyResult = NonNullable<Decision['result']>;
export type Outcome = ApiAnswer<'/api/outcomes/{id}/progress', 'post'>['item'];

// The read views below carry no response schema on the server yet, so their shape is written here once, built
// from the generated pieces above; the fields follow src/consultations/views.ts and presenter.ts.
export type CouncilMember = {
  id: string;
  name: string;
  kind: string;
  unit: string | null;
  phone: string | null;
  isConvener: boolean;
};

export type ProgressSummary = { progress: number | null; outcomes: number };

/** The actions the caller may take on a record now, answered with it (src/consultations/abilities.ts). */
export type CouncilListAbility = ApiAnswer<'/api/councils'>['abilities'][number];
export type CouncilAbility = 'openTopic' | 'schedule' | 'publishOutcome' | 'settings' | 'addMember';
export type TopicAbility = 'approve' | 'merge' | 'decline' | 'schedule' | 'publishOutcome';
export type MeetingAbility = 'edit' | 'attendance' | 'openVote' | 'minutes' | 'close' | 'checkIn';
export type DecisionAbility = 'vote' | 'clerkVote' | 'close' | 'publishOutcome';
export type OutcomeAbility = 'progress';

/** A topic in its council's list, with what the caller may do with it. */
export type CouncilTopic = Topic & { abilities: TopicAbility[] };

export type CouncilView = {
  item: Council;
  abilities: CouncilAbility[];
  members: CouncilMember[];
  topics: CouncilTopic[];
  meetings: Meeting[];
  outcomes: Outcome[];
  progress: ProgressSummary;
};

export type TopicHotspot = { categoryCode: string; caseCount: number; windowFrom: number; windowTo: number };
export type LinkedCase = { id: string; trackingCode: string; state: string; categoryCode: string };
export type TopicView = {
  item: Topic;
  abilities: TopicAbility[];
  outcomes: Outcome[];
  progress: ProgressSummary;
  /** Set when the platform proposed the topic from a recurring appeal. */
  hotspot: TopicHotspot | null;
  linkedCases: LinkedCase[];
};

export type Participant = {
  id: string;
  name: string;
  role: string;
  isInvited: boolean;
  registeredAt: number | null;
  attendedAt: number | null;
  attendedVia: string | null;
};

export type Attendance = {
  invited: number;
  registered: number;
  attended: number;
  quorum: number;
  hasQuorum: boolean;
};

/** A decision on its meeting's page, with what the caller may do with it. */
export type MeetingDecision = Decision & { abilities: DecisionAbility[] };

/** The caller's own place on the meeting's list (a participant linked to their account), or null. */
export type MeetingViewer = { participantId: string; isPresent: boolean; votedDecisionIds: string[] } | null;

export type MeetingView = {
  item: Meeting;
  viewer: MeetingViewer;
  /** Shown while the meeting is open; null once it is closed. */
  checkinToken: string | null;
  agenda: Topic[];
  participants: Participant[];
  attendance: Attendance;
  decisions: MeetingDecision[];
  abilities: MeetingAbility[];
};

export type ProgressEntry = {
  at: number;
  kind: string;
  progress: number;
  note: string | null;
  evidence: string | null;
};

export type OutcomeView = { item: Outcome; progress: ProgressEntry[]; abilities: OutcomeAbility[] };

export type PublicMeeting = { id: string; kind: string; title: string; place: string; startsAt: number };

export type PublicCouncilView = {
  item: { id: string; level: string; name: string; place: string };
  upcomingMeetings: PublicMeeting[];
  topics: Topic[];
  decisions: Decision[];
  outcomes: Outcome[];
  progress: ProgressSummary;
};

export type PublicCouncilRef = ItemOf<ApiAnswer<'/api/public/councils'>['items']>;

export type CouncilSettingsBody = ApiBody<'/api/councils/{id}', 'patch'>;
export type ScheduleBody = ApiBody<'/api/councils/{id}/meetings'>;
export type Invitee = ScheduleBody['invitees'][number];
export type InviteeRole = Invitee['role'];
export type PublishOutcomeBody = ApiBody<'/api/councils/{id}/outcomes'>;
export type OpenTopicBody = ApiBody<'/api/councils/{id}/topics'>;
export type StaffTopicSource = OpenTopicBody['source'];
export type AddMemberBody = ApiBody<'/api/councils/{id}/members'>;
export type MemberKind = AddMemberBody['kind'];
export type ReviewBody = ApiBody<'/api/topics/{id}/review'>;
export type OpenVoteBody = ApiBody<'/api/meetings/{id}/decisions'>;
export type DecisionType = OpenVoteBody['type'];
export type AttendanceBody = ApiBody<'/api/meetings/{id}/attendance'>;
export type ClerkVoteBody = ApiBody<'/api/decisions/{id}/clerk-votes'>;
export type ProgressBody = ApiBody<'/api/outcomes/{id}/progress'>;
export type ProposeBody = ApiBody<'/api/public/councils/{id}/topics'>;
export type RatingBody = ApiBody<'/api/public/outcomes/{id}/ratings'>;
export type Rating = RatingBody['rating'];

export const decisionTypes = [
  'consensus',
  'showOfHands',
  'approval',
  'rankedChoice',
  'score',
  'dotVote',
  'timePoll',
] as const satisfies readonly DecisionType[];

export const staffTopicSources = [
  'branch',
  'partyMember',
  'case',
] as const satisfies readonly StaffTopicSource[];

export const memberKinds = [
  'convener',
  'partyMember',
  'residentRep',
  'unitRep',
  'deputy',
] as const satisfies readonly MemberKind[];

export const inviteeRoles = [
  'department',
  'expert',
  'party',
  'resident',
] as const satisfies readonly InviteeRole[];

export const ratings = [
  'verySatisfied',
  'satisfied',
  'basic',
  'dissatisfied',
  'veryDissatisfied',
] as const satisfies readonly Rating[];

// Staff
export const fetchCouncils = (level: 'town' | 'village' | undefined, signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/councils'>>('/api/councils', { query: { level, limit: 300 }, signal });

export const fetchCouncil = (id: string, signal?: AbortSignal) =>
  api.get<CouncilView>(`/api/councils/${enc(id)}`, { signal });

export const establishCouncils = () =>
  api.post<ApiAnswer<'/api/councils/establish', 'post'>>('/api/councils/establish');

export const openTopic = (councilId: string, body: OpenTopicBody) =>
  api.post<ApiAnswer<'/api/councils/{id}/topics', 'post'>>(`/api/councils/${enc(councilId)}/topics`, body);

export const addCouncilMember = (councilId: string, body: AddMemberBody) =>
  api.post<ApiAnswer<'/api/councils/{id}/members', 'post'>>(`/api/councils/${enc(councilId)}/members`, body);

export const updateCouncil = (id: string, body: CouncilSettingsBody) =>
  request<ApiAnswer<'/api/councils/{id}', 'patch'>>('PATCH', `/api/councils/${enc(id)}`, { body });

export const scheduleMeeting = (councilId: string, body: ScheduleBody) =>
  api.post<ApiAnswer<'/api/councils/{id}/meetings', 'post'>>(
    `/api/councils/${enc(councilId)}/meetings`,
    body,
  );

export const publishOutcome = (councilId: string, body: PublishOutcomeBody) =>
  api.post<ApiAnswer<'/api/councils/{id}/outcomes', 'post'>>(
    `/api/councils/${enc(councilId)}/outcomes`,
    body,
  );

export const fetchTopic = (id: string, signal?: AbortSignal) =>
  api.get<TopicView>(`/api/topics/${enc(id)}`, { signal });

export const reviewTopic = (id: string, body: ReviewBody) =>
  api.post<ApiAnswer<'/api/topics/{id}/review', 'post'>>(`/api/topics/${enc(id)}/review`, body);

export const fetchMeeting = (id: string, signal?: AbortSignal) =>
  api.get<MeetingView>(`/api/meetings/${enc(id)}`, { signal });

export const recordAttendance = (id: string, body: AttendanceBody) =>
  api.post<ApiAnswer<'/api/meetings/{id}/attendance', 'post'>>(`/api/meetings/${enc(id)}/attendance`, body);

export const saveMinutes = (id: string, minutes: string) =>
  api.put<ApiAnswer<'/api/meetings/{id}/minutes', 'put'>>(`/api/meetings/${enc(id)}/minutes`, { minutes });

export type MeetingChange = ApiBody<'/api/meetings/{id}', 'patch'>;
export const changeMeeting = (id: string, body: MeetingChange) =>
  api.patch<ApiAnswer<'/api/meetings/{id}', 'patch'>>(`/api/meetings/${enc(id)}`, body);

export const closeMeeting = (id: string) =>
  api.post<ApiAnswer<'/api/meetings/{id}/close', 'post'>>(`/api/meetings/${enc(id)}/close`);

export const openVote = (meetingId: string, body: OpenVoteBody) =>
  api.post<ApiAnswer<'/api/meetings/{id}/decisions', 'post'>>(
    `/api/meetings/${enc(meetingId)}/decisions`,
    body,
  );

/** Checks the caller in with their own account, by the room's code. */
export const checkInSignedIn = (meetingId: string, token: string) =>
  api.post<ApiAnswer<'/api/meetings/{id}/check-in', 'post'>>(`/api/meetings/${enc(meetingId)}/check-in`, {
    token,
  });

/** The caller's own ballot, cast online as a participant present at the meeting. */
export const castVote = (decisionId: string, ballot: unknown) =>
  api.post<ApiAnswer<'/api/decisions/{id}/votes', 'post'>>(`/api/decisions/${enc(decisionId)}/votes`, {
    ballot,
  });

export const castClerkVote = (decisionId: string, body: ClerkVoteBody) =>
  api.post<ApiAnswer<'/api/decisions/{id}/clerk-votes', 'post'>>(
    `/api/decisions/${enc(decisionId)}/clerk-votes`,
    body,
  );

/** Closes the vote; consensus and a show of hands pass the chair's record. */
export const closeDecision = (decisionId: string, record?: unknown) =>
  api.post<ApiAnswer<'/api/decisions/{id}/close', 'post'>>(`/api/decisions/${enc(decisionId)}/close`, {
    record,
  });

export const fetchOutcome = (id: string, signal?: AbortSignal) =>
  api.get<OutcomeView>(`/api/outcomes/${enc(id)}`, { signal });

export const reportProgress = (id: string, body: ProgressBody) =>
  api.post<ApiAnswer<'/api/outcomes/{id}/progress', 'post'>>(`/api/outcomes/${enc(id)}/progress`, body);

// Public: no account
export const searchPublicCouncils = (q: string, signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/public/councils'>>('/api/public/councils', { query: { q }, signal });

export const fetchPublicCouncil = (id: string, signal?: AbortSignal) =>
  api.get<PublicCouncilView>(`/api/public/councils/${enc(id)}`, { signal });

export const proposeTopic = (councilId: string, body: ProposeBody) =>
  api.post<ApiAnswer<'/api/public/councils/{id}/topics', 'post'>>(
    `/api/public/councils/${enc(councilId)}/topics`,
    body,
  );

export const supportTopic = (topicId: string, phone: string) =>
  api.post<ApiAnswer<'/api/public/topics/{id}/support', 'post'>>(
    `/api/public/topics/${enc(topicId)}/support`,
    {
      phone,
    },
  );

export const registerForMeeting = (meetingId: string, name: string, phone: string) =>
  api.post<ApiAnswer<'/api/public/meetings/{id}/register', 'post'>>(
    `/api/public/meetings/${enc(meetingId)}/register`,
    { name, phone },
  );

export const checkIn = (meetingId: string, token: string, phone: string) =>
  api.post<ApiAnswer<'/api/public/meetings/{id}/check-in', 'post'>>(
    `/api/public/meetings/${enc(meetingId)}/check-in`,
    { token, phone },
  );

export const rateOutcome = (outcomeId: string, body: RatingBody) =>
  api.post<ApiAnswer<'/api/public/outcomes/{id}/ratings', 'post'>>(
    `/api/public/outcomes/${enc(outcomeId)}/ratings`,
    body,
  );

// Where the pages live
export const staffPaths = {
  councils: '/consultations',
  council: (id: string) => `/consultations/councils/${enc(id)}`,
  topic: (id: string) => `/consultations/topics/${enc(id)}`,
  meeting: (id: string) => `/consultations/meetings/${enc(id)}`,
  outcome: (id: string) => `/consultations/outcomes/${enc(id)}`,
};

export const publicPaths = {
  find: '/consult',
  council: (id: string) => `/consult/${enc(id)}`,
  propose: (id: string) => `/consult/${enc(id)}/propose`,
  checkIn: (councilId: string, meetingId: string, token: string) =>
    `/consult/${enc(councilId)}/meetings/${enc(meetingId)}/check-in?token=${enc(token)}`,
  rate: (councilId: string, outcomeId: string) =>
    `/consult/${enc(councilId)}/outcomes/${enc(outcomeId)}/rate`,
};

/** A mainland mobile number, as the server checks it. */
export const PHONE = /^1\d{10}$/;
