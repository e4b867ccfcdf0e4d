// Table types of the surveys module: the survey with its questionnaire and rules, its villages' running figures, the
// sampled households with their link tokens, and the answers kept apart from the households that gave them.
export type SurveyTable = {
  id: string;
  title: string;
  year: number;
  owner_org_id: string;
  /** The owner's path: the survey covers the villages below it. */
  org_path: string;
  status: string;
  /** The questionnaire (questionnaire.ts Questionnaire) as JSON. */
  body: string;
  /** Share of each village's households sampled, and the fewest per village (or all, when fewer). */
  share: number;
  min_per_village: number;
  /** Share of the sample that must answer for a village's score to count. */
  coverage: number;
  dont_know_rule: string;
  /** Fewest answers before a village's figures are shown (so no answer can be told apart). */
  min_answers: number;
  ends_at: number;
  created_by: string | null;
  created_at: number;
  opened_at: number | null;
  closed_at: number | null;
  updated_at: number;
};

export type SurveyVillageTable = {
  survey_id: string;
  village_id: string;
  village_path: string;
  village_name: string;
  town_name: string;
  households: number;
  sampled: number;
  answered: number;
  /** Answers with a score (some answer only "don't know"), and the sum of their scores. */
  scored: number;
  score_sum: number;
};

export type SurveySampleTable = {
  id: string;
  survey_id: string;
  household_id: string;
  village_id: string;
  village_path: string;
  token_hash: string;
  token_enc: string;
  /** The district-local day it was answered (no time of day, so an answer cannot be matched to it). */
  answered_on: string | null;
  channel: string | null;
};

export type SurveyAnswerTable = {
  id: string;
  survey_id: string;
  village_id: string;
  /** The answers (questionnaire.ts Answers) as JSON, personal numbers in texts masked. */
  answers: string;
  score: number | null;
  channel: string;
  answered_on: string;
};

export type SurveyTables = {
  survey: SurveyTable;
  survey_village: SurveyVillageTable;
  survey_sample: SurveySampleTable;
  survey_answer: SurveyAnswerTable;
};
