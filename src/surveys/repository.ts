// All SQL of the surveys module. A survey is seen by callers at or above its owner (its org path is an ancestor of
// theirs or lies in their subtree); a village's figures and samples only within the caller's subtree.
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { Scope } from '../access/index.js';
import { repathColumn, subtreeUpper } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import type { SurveyAnswerTable, SurveySampleTable, SurveyTable, SurveyVillageTable } from './tables.js';

export type SurveyRow = Selectable<SurveyTable>;
export type SurveyVillageRow = Selectable<SurveyVillageTable>;
export type SurveySampleRow = Selectable<SurveySampleTable>;
export type SurveyAnswerRow = Selectable<SurveyAnswerTable>;

/** The paths from the root down to this one: '/a/b/' → ['/', '/a/', '/a/b/']. */
export function ancestorPaths(path: string): string[] {
  const parts = path.split('/').filter((s) => s !== '');
  const out = ['/'];
  let acc = '/';
  for (const part of parts) {
    acc += `${part}/`;
    out.push(acc);
  }
  return out;
}

export function surveyRepository(db: Kysely<DB> | Transaction<DB>) {
  const visible = (scope: Scope) =>
    db
      .selectFrom('survey')
      .where((eb) =>
        eb.or([
          eb('survey.org_path', 'in', ancestorPaths(scope.path)),
          eb.and([
            eb('survey.org_path', '>=', scope.path),
            eb('survey.org_path', '<', subtreeUpper(scope.path)),
          ]),
        ]),
      );

  return {
    async insertSurvey(row: Insertable<SurveyTable>) {
      await db.insertInto('survey').values(row).execute();
    },

    async findSurvey(scope: Scope, id: string) {
      return visible(scope).selectAll().where('survey.id', '=', id).executeTakeFirst();
    },

    async listSurveys(scope: Scope, f: { year?: number; status?: string; limit: number }) {
      let q = visible(scope).selectAll();
      if (f.year !== undefined) {
        q = q.where('survey.year', '=', f.year);
      }
      if (f.status !== undefined) {
        q = q.where('survey.status', '=', f.status);
      }
      return q.orderBy('survey.created_at', 'desc').limit(f.limit).execute();
    },

    async updateSurvey(id: string, set: Partial<Insertable<SurveyTable>>) {
      await db.updateTable('survey').set(set).where('id', '=', id).execute();
    },

    async insertVillages(rows: Insertable<SurveyVillageTable>[]) {
      for (let i = 0; i < rows.length; i += 200) {
        await db
          .insertInto('survey_village')
          .values(rows.slice(i, i + 200))
          .execute();
      }
    },

    async villages(scope: Scope, surveyId: string) {
      return db
        .selectFrom('survey_village')
        .selectAll()
        .where('survey_id', '=', surveyId)
        .where('village_path', '>=', scope.path)
        .where('village_path', '<', subtreeUpper(scope.path))
        .orderBy('village_path')
        .execute();
    },

    async village(scope: Scope, surveyId: string, villageId: string) {
      return db
        .selectFrom('survey_village')
        .selectAll()
        .where('survey_id', '=', surveyId)
        .where('village_id', '=', villageId)
        .where('village_path', '>=', scope.path)
        .where('village_path', '<', subtreeUpper(scope.path))
        .executeTakeFirst();
    },

    /** A village's figures in the year's surveys that have ended, latest first (for the assessment). */
    async closedVillageFigures(villageId: string, year: number, now: number) {
      return db
        .selectFrom('survey_village')
        .innerJoin('survey', 'survey.id', 'survey_village.survey_id')
        .select([
          'survey.id',
          'survey.coverage',
          'survey.min_answers',
          'survey.ends_at',
          'survey_village.sampled',
          'survey_village.answered',
          'survey_village.scored',
          'survey_village.score_sum',
        ])
        .where('survey_village.village_id', '=', villageId)
        .where('survey.year', '=', year)
        .where((eb) =>
          eb.or([
            eb('survey.status', '=', 'closed'),
            eb.and([eb('survey.status', '=', 'open'), eb('survey.ends_at', '<=', now)]),
          ]),
        )
        .orderBy('survey.ends_at', 'desc')
        .execute();
    },

    /** Adds one answer to a village's running figures. */
    async countAnswer(surveyId: string, villageId: string, score: number | null) {
      await db
        .updateTable('survey_village')
        .set((eb) => ({
          answered: eb('answered', '+', 1),
          scored: eb('scored', '+', score === null ? 0 : 1),
          score_sum: eb('score_sum', '+', score ?? 0),
        }))
        .where('survey_id', '=', surveyId)
        .where('village_id', '=', villageId)
        .execute();
    },

    async insertSamples(rows: Insertable<SurveySampleTable>[]) {
      for (let i = 0; i < rows.length; i += 200) {
        await db
          .insertInto('survey_sample')
          .values(rows.slice(i, i + 200))
          .execute();
      }
    },

    async sampleByToken(tokenHash: string) {
      return db
        .selectFrom('survey_sample')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
    },

    async sampleOfHousehold(scope: Scope, surveyId: string, householdId: string) {
      return db
        .selectFrom('survey_sample')
        .selectAll()
        .where('survey_id', '=', surveyId)
        .where('household_id', '=', householdId)
        .where('village_path', '>=', scope.path)
        .where('village_path', '<', subtreeUpper(scope.path))
        .executeTakeFirst();
    },

    async samplesOfVillage(
      surveyId: string,
      villageId: string,
      f: { afterId: string | null; limit: number },
    ) {
      let q = db
        .selectFrom('survey_sample')
        .selectAll()
        .where('survey_id', '=', surveyId)
        .where('village_id', '=', villageId);
      if (f.afterId !== null) {
        q = q.where('id', '>', f.afterId);
      }
      return q.orderBy('id').limit(f.limit).execute();
    },

    /** Marks a sample answered unless it already is; false when another answer got there first. */
    async markAnswered(sampleId: string, day: string, channel: string): Promise<boolean> {
      const r = await db
        .updateTable('survey_sample')
        .set({ answered_on: day, channel })
        .where('id', '=', sampleId)
        .where('answered_on', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async insertAnswer(row: Insertable<SurveyAnswerTable>) {
      await db.insertInto('survey_answer').values(row).execute();
    },

    /** The answers of the survey's villages under a path whose figures may be shown (enough answers). */
    async answersUnder(surveyId: string, path: string, minAnswers: number) {
      return db
        .selectFrom('survey_answer')
        .innerJoin('survey_village', (j) =>
          j
            .onRef('survey_village.survey_id', '=', 'survey_answer.survey_id')
            .onRef('survey_village.village_id', '=', 'survey_answer.village_id'),
        )
        .select(['survey_answer.answers', 'survey_answer.score', 'survey_answer.village_id'])
        .where('survey_answer.survey_id', '=', surveyId)
        .where('survey_village.village_path', '>=', path)
        .where('survey_village.village_path', '<', subtreeUpper(path))
        .where('survey_village.answered', '>=', minAnswers)
        .execute();
    },

    async answersOfVillage(surveyId: string, villageId: string) {
      return db
        .selectFrom('survey_answer')
        .select(['id', 'answers', 'score', 'channel', 'answered_on'])
        .where('survey_id', '=', surveyId)
        .where('village_id', '=', villageId)
        .orderBy('id')
        .execute();
    },

    async repath(oldPrefix: string, newPrefix: string) {
      await repathColumn(db, 'survey', 'org_path', oldPrefix, newPrefix);
      await repathColumn(db, 'survey_village', 'village_path', oldPrefix, newPrefix);
      await repathColumn(db, 'survey_sample', 'village_path', oldPrefix, newPrefix);
    },
  };
}

export type SurveyRepository = ReturnType<typeof surveyRepository>;
