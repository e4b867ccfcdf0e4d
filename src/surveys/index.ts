// The surveys module's door (人民满意度测评): the routes for src/modules.ts, the job that closes a survey at its end,
// the computed item it gives the five-star assessment, the org hook and the demo stage.
//
// A survey belongs to the district or a town and covers the villages below it. Opening it draws a share of every
// village's households; each sampled household answers once, through the link on its QR slip or by phone with an
// interviewer. Answers are kept apart from the households that gave them (village and day only), and a village's
// figures show only once enough households have answered.
import type { OrgHook, OrgRepath } from '../orgs/index.js';
import { surveyRepository } from './repository.js';

export { surveyRoutes } from './routes.js';
export { surveyJobHandlers } from './openSurvey.js';
export { surveyAssessmentSources } from './assessmentSources.js';
export { seedSurveyDemo } from './demo.js';
export { defaultQuestionnaire, type Questionnaire } from './questionnaire.js';

/** Org hook: surveys, their village rows and samples follow a moved subtree (answers carry no path). */
export const repathSurveys: OrgHook<OrgRepath> = (db, _dialect, e) =>
  surveyRepository(db).repath(e.oldPrefix, e.newPrefix);
