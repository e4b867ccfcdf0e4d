// Calls of /api/surveys (the owner's console, the results and the interviewer's samples and calls) and of
// /api/public/surveys (the household's phone page behind its link).
import { api } from '../api/client';
import type { ApiAnswer, ApiBody, ApiQuery, ItemOf } from '../api/wire';

const enc = encodeURIComponent;

export type SurveyItem = ItemOf<ApiAnswer<'/api/surveys'>['items']>;
export type SurveyDetail = ApiAnswer<'/api/surveys/{id}'>['item'];
export type SurveyBody = ApiBody<'/api/surveys'>;
export type Questionnaire = SurveyBody['questionnaire'];
export type Question = ItemOf<Questionnaire['questions']>;
export type QuestionOption = NonNullable<Question['options']>[number];
export type QuestionKind = Question['kind'];
export type Results = ApiAnswer<'/api/surveys/{id}/results'>;
export type VillageFigure = ItemOf<Results['villages']>;
export type Tally = ItemOf<Results['tallies']>;
export type Sample = ItemOf<ApiAnswer<'/api/surveys/{id}/villages/{villageId}/samples'>['items']>;
export type TextAnswer = ItemOf<ApiAnswer<'/api/surveys/{id}/villages/{villageId}/texts'>['items']>;
export type Answers = ApiBody<'/api/surveys/{id}/interviews'>['answers'];
export type Answer = Answers[string];
export type PublicSurvey = ApiAnswer<'/api/public/surveys/{token}'>;
export type SurveyState = SurveyItem['state'];

export const fetchSurveys = (query: ApiQuery<'/api/surveys'>, signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/surveys'>>('/api/surveys', { query, signal });

export const fetchSurvey = (id: string, signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/surveys/{id}'>>(`/api/surveys/${enc(id)}`, { signal });

export const createSurvey = (body: SurveyBody) =>
  api.post<ApiAnswer<'/api/surveys', 'post'>>('/api/surveys', body);

export const openSurvey = (id: string) =>
  api.post<ApiAnswer<'/api/surveys/{id}/open', 'post'>>(`/api/surveys/${enc(id)}/open`);

export const closeSurvey = (id: string) =>
  api.post<ApiAnswer<'/api/surveys/{id}/close', 'post'>>(`/api/surveys/${enc(id)}/close`);

export const fetchResults = (id: string, orgId: string | undefined, signal?: AbortSignal) =>
  api.get<Results>(`/api/surveys/${enc(id)}/results`, { query: { orgId }, signal });

export const fetchTexts = (id: string, villageId: string, signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/surveys/{id}/villages/{villageId}/texts'>>(
    `/api/surveys/${enc(id)}/villages/${enc(villageId)}/texts`,
    { signal },
  );

export const fetchSamples = (id: string, villageId: string, signal?: AbortSignal) =>
  api.get<ApiAnswer<'/api/surveys/{id}/villages/{villageId}/samples'>>(
    `/api/surveys/${enc(id)}/villages/${enc(villageId)}/samples`,
    { query: { limit: 200 }, signal },
  );

export const enterInterview = (id: string, householdId: string, answers: Answers) =>
  api.post<null>(`/api/surveys/${enc(id)}/interviews`, { householdId, answers });

export const fetchPublicSurvey = (token: string, signal?: AbortSignal) =>
  api.get<PublicSurvey>(`/api/public/surveys/${enc(token)}`, { signal });

export const answerPublicSurvey = (token: string, answers: Answers) =>
  api.post<null>(`/api/public/surveys/${enc(token)}`, { answers });

export const surveyPaths = {
  list: '/surveys',
  survey: (id: string) => `/surveys/${enc(id)}`,
  phone: (token: string) => `/survey/${enc(token)}`,
};
