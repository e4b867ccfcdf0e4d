// Opening a survey draws its sample: in every village below the owner, a share of the households (at least the
// survey's fewest per village, or all of them when fewer), each with a link token for the phone page or QR slip.
// The draw uses the platform's cryptographic randomness, so nobody can foresee or steer which households are asked.
// Closing ends the answers; an open survey past its end is closed by the job (and reads as closed before it runs).
import { randomInt } from 'node:crypto';
import { isInScope, type Scope } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { householdDirectory } from '../households/index.js';
import { orgDirectory } from '../orgs/index.js';
import type { RequestContext } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { sha256 } from '../platform/hash.js';
import { newId, newSecret } from '../platform/ids.js';
import { jobPayload, scheduleJob, type JobHandler } from '../platform/jobs/jobs.js';
import { assertOwnerScope, surveyOrThrow, type SurveyDeps } from './deps.js';
import { surveyRepository, type SurveyRow } from './repository.js';

/** How many of a village's households are asked. */
export function sampleSize(households: number, share: number, minPerVillage: number): number {
  return Math.min(households, Math.max(minPerVillage, Math.ceil(households * share)));
}

/** k distinct items of a list, uniformly (a partial Fisher–Yates shuffle). */
export function drawSample<T>(items: readonly T[], k: number, random: (n: number) => number): T[] {
  const copy = [...items];
  const n = Math.min(k, copy.length);
  for (let i = 0; i < n; i++) {
    const j = i + random(copy.length - i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

export async function openSurvey(
  deps: SurveyDeps,
  ctx: RequestContext,
  scope: Scope,
  id: string,
  random: (n: number) => number = (n) => randomInt(n),
): Promise<SurveyRow> {
  const { db, dialect } = deps.database;
  return db.transaction().execute(async (trx) => {
    const repo = surveyRepository(trx);
    const survey = await surveyOrThrow(repo, scope, id);
    assertOwnerScope(scope, survey);
    if (survey.status !== 'draft') {
      throw new AppError('workflow.transition_not_allowed');
    }
    const orgs = orgDirectory(trx, dialect);
    const villages = (await orgs.activeAtLevel('village')).filter((o) =>
      isInScope({ path: survey.org_path }, o.path),
    );
    const towns = new Map((await orgs.activeAtLevel('town')).map((t) => [t.id, t.name] as const));
    const byVillage = new Map<string, string[]>();
    for (const h of await householdDirectory(trx, dialect).householdsOfVillagesUnder(survey.org_path)) {
      const list = byVillage.get(h.village_id);
      if (list === undefined) {
        byVillage.set(h.village_id, [h.id]);
      } else {
        list.push(h.id);
      }
    }
    const villageRows = [];
    const sampleRows = [];
    for (const v of villages) {
      const households = byVillage.get(v.id) ?? [];
      const chosen = drawSample(
        households,
        sampleSize(households.length, survey.share, survey.min_per_village),
        random,
      );
      villageRows.push({
        survey_id: id,
        village_id: v.id,
        village_path: v.path,
        village_name: v.name,
        town_name: towns.get(v.parent_id ?? '') ?? '',
        households: households.length,
        sampled: chosen.length,
        answered: 0,
        scored: 0,
        score_sum: 0,
      });
      for (const householdId of chosen) {
        const token = newSecret(16);
        sampleRows.push({
          id: newId(ctx.now),
          survey_id: id,
          household_id: householdId,
          village_id: v.id,
          village_path: v.path,
          token_hash: sha256(token),
          token_enc: deps.cipher.encrypt(token),
          answered_on: null,
          channel: null,
        });
      }
    }
    if (sampleRows.length === 0) {
      throw new AppError('survey.no_households');
    }
    await repo.insertVillages(villageRows);
    await repo.insertSamples(sampleRows);
    await repo.updateSurvey(id, { status: 'open', opened_at: ctx.now, updated_at: ctx.now });
    await scheduleJob(trx, {
      kind: CLOSE_JOB,
      key: `survey:${id}`,
      dueAt: survey.ends_at,
      payload: { surveyId: id },
      now: ctx.now,
    });
    await recordAudit(trx, ctx, {
      action: 'survey.open',
      entityType: 'survey',
      entityId: id,
      orgPath: survey.org_path,
      detail: { villages: villageRows.length, sampled: sampleRows.length },
    });
    return (await repo.findSurvey(scope, id))!;
  });
}

export async function closeSurvey(
  deps: SurveyDeps,
  ctx: RequestContext,
  scope: Scope,
  id: string,
): Promise<SurveyRow> {
  return deps.database.db.transaction().execute(async (trx) => {
    const repo = surveyRepository(trx);
    const survey = await surveyOrThrow(repo, scope, id);
    assertOwnerScope(scope, survey);
    if (survey.status !== 'open') {
      throw new AppError('workflow.transition_not_allowed');
    }
    await repo.updateSurvey(id, { status: 'closed', closed_at: ctx.now, updated_at: ctx.now });
    await recordAudit(trx, ctx, {
      action: 'survey.close',
      entityType: 'survey',
      entityId: id,
      orgPath: survey.org_path,
    });
    return (await repo.findSurvey(scope, id))!;
  });
}

export const CLOSE_JOB = 'surveys.close';

/** Job 'surveys.close': the survey's end has come; closes it if it is still open and its end has not moved. */
export function surveyJobHandlers(): Record<string, JobHandler> {
  return {
    [CLOSE_JOB]: {
      async run(trx, job, now) {
        const p = jobPayload<{ surveyId: string }>(job);
        if (p === null) {
          return;
        }
        const repo = surveyRepository(trx);
        const survey = await repo.findSurvey({ path: '/' }, p.surveyId);
        if (survey === undefined || survey.status !== 'open' || survey.ends_at > now) {
          return;
        }
        await repo.updateSurvey(survey.id, { status: 'closed', closed_at: now, updated_at: now });
      },
    },
  };
}
