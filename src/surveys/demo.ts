// Demo stage 'surveys': last year's district satisfaction survey (人民满意度测评), sampled, answered and closed
// before last year's five-star cycle computed its items, and this year's survey open with part of its answers in.
// The samples are drawn by the real use case (with the demo's seeded draw); the answers are written in bulk.
import pino from 'pino';
import { seedingActorAt } from '../identity/index.js';
import { orgDirectory } from '../orgs/index.js';
import type { RequestContext } from '../platform/context.js';
import type { FieldCipher } from '../platform/crypto.js';
import { bulkInsert, type Database } from '../platform/db/database.js';
import { newSecret } from '../platform/ids.js';
import { seededRandom } from '../platform/random.js';
import { DAY_MS, localDate, localYear, startOfLocalDay } from '../platform/time.js';
import type { SurveyDeps } from './deps.js';
import { closeSurvey, openSurvey } from './openSurvey.js';
import { answerScore, defaultQuestionnaire, type Answers, type Questionnaire } from './questionnaire.js';
import { surveyRepository } from './repository.js';
import { createSurvey } from './saveSurvey.js';

const silentLog = pino({ level: 'silent' });

const SUGGESTIONS = [
  '希望村里路灯能再多装几盏，晚上出行不方便。',
  '垃圾分类点位太远，老年人投放不便。',
  '网格员经常上门，服务很好。',
  '建议多组织一些文体活动。',
  '河道保洁要常态化。',
];

/** One household's answers: a village's mood (0–1) tilts every question the same way. */
function answersOf(q: Questionnaire, mood: number, rand: () => number): Answers {
  const out: Answers = {};
  const pickSatisfaction = () => {
    const x = rand();
    if (x < 0.06) {
      return 'dontKnow';
    }
    const y = rand() * 0.6 + mood * 0.4;
    return y > 0.62 ? 'very' : y > 0.42 ? 'fairly' : y > 0.25 ? 'neutral' : 'not';
  };
  for (const question of q.questions) {
    if (question.showIf !== undefined) {
      const earlier = out[question.showIf.question]?.options ?? [];
      if (!earlier.some((c) => question.showIf!.anyOf.includes(c))) {
        continue;
      }
    }
    if (question.kind === 'single') {
      out[question.code] = { options: [pickSatisfaction()] };
    } else if (question.kind === 'multiple') {
      const codes = (question.options ?? []).map((o) => o.code);
      out[question.code] = { options: [codes[Math.floor(rand() * codes.length)]!] };
    } else if (question.kind === 'scale') {
      const s = question.scale!;
      out[question.code] =
        rand() < 0.05 && s.dontKnow
          ? { dontKnow: true }
          : { value: Math.min(s.max, s.min + Math.floor((rand() * 0.5 + mood * 0.5) * (s.max - s.min + 1))) };
    } else if (rand() < 0.15) {
      out[question.code] = { text: SUGGESTIONS[Math.floor(rand() * SUGGESTIONS.length)]! };
    }
  }
  return out;
}

/** Answers a share of each village's sample, in bulk, with the figures the use case would have counted. */
async function answerSample(
  database: Database,
  surveyId: string,
  q: Questionnaire,
  share: (villageIndex: number) => number,
  day: (rand: () => number) => number,
  rand: () => number,
): Promise<void> {
  const { db } = database;
  const repo = surveyRepository(db);
  const villages = await repo.villages({ path: '/' }, surveyId);
  await db.transaction().execute(async (trx) => {
    const inTrx = surveyRepository(trx);
    const answers: Record<string, unknown>[] = [];
    /** Samples answered, by day and channel: one update per group instead of one per household. */
    const marked = new Map<string, string[]>();
    for (const [i, v] of villages.entries()) {
      const mood = 0.35 + rand() * 0.6;
      const samples = await inTrx.samplesOfVillage(surveyId, v.village_id, { afterId: null, limit: 100_000 });
      const answering = samples.filter(() => rand() < share(i));
      let scored = 0;
      let sum = 0;
      for (const sample of answering) {
        const a = answersOf(q, mood, rand);
        const score = answerScore(q, a, 'exclude');
        const on = localDate(day(rand));
        const channel = rand() < 0.7 ? 'link' : 'interview';
        const key = `${on}|${channel}`;
        marked.set(key, [...(marked.get(key) ?? []), sample.id]);
        answers.push({
          id: newSecret(15),
          survey_id: surveyId,
          village_id: v.village_id,
          answers: JSON.stringify(a),
          score,
          channel,
          answered_on: on,
        });
        if (score !== null) {
          scored++;
          sum += score;
        }
      }
      await trx
        .updateTable('survey_village')
        .set({ answered: answering.length, scored, score_sum: sum })
        .where('survey_id', '=', surveyId)
        .where('village_id', '=', v.village_id)
        .execute();
    }
    for (const [key, ids] of marked) {
      const [on, channel] = key.split('|') as [string, string];
      for (let i = 0; i < ids.length; i += 500) {
        await trx
          .updateTable('survey_sample')
          .set({ answered_on: on, channel })
          .where('id', 'in', ids.slice(i, i + 500))
          .execute();
      }
    }
    await bulkInsert(database, trx, 'survey_answer', answers);
  });
}

export async function seedSurveyDemo(
  database: Database,
  options: { seed: number; now: number; cipher: FieldCipher },
): Promise<void> {
  const { now } = options;
  const root = await orgDirectory(database.db, database.dialect).findRoot();
  const actor =
    root === undefined
      ? null
      : await seedingActorAt(database.db, database.dialect, root.id, 'orgDepartment', '区委组织部');
  if (actor === null) {
    return;
  }
  const deps: SurveyDeps = { database, cipher: options.cipher };
  const rand = seededRandom(options.seed * 104_729 + 20);
  const draw = (n: number) => Math.floor(rand() * n);
  const ctx = (at: number): RequestContext => ({
    actor,
    ip: '127.0.0.1',
    requestId: 'demo-surveys',
    locale: 'zh-CN',
    log: silentLog,
    now: at,
  });
  const scope = { path: actor.active.orgPath };
  const owner = { id: actor.active.orgId, path: actor.active.orgPath };
  const q = defaultQuestionnaire();
  const thisYear = localYear(now);
  const today = startOfLocalDay(now);
  const rules = {
    questionnaire: q,
    share: 0.05,
    minPerVillage: 20,
    coverage: 0.8,
    dontKnowRule: 'exclude' as const,
    minAnswers: 5,
  };

  // Last year's: ended 80 days ago, before last year's five-star items were computed from it.
  const lastStart = today - 110 * DAY_MS;
  const last = await createSurvey(deps, ctx(lastStart), owner, {
    ...rules,
    title: `${thisYear - 1}年度人民群众满意度测评`,
    year: thisYear - 1,
    endsAt: today - 80 * DAY_MS,
  });
  await openSurvey(deps, ctx(lastStart + DAY_MS), scope, last.id, draw);
  await answerSample(
    database,
    last.id,
    q,
    (i) => (i % 23 === 7 ? 0.6 : 0.93),
    (r) => lastStart + (2 + Math.floor(r() * 25)) * DAY_MS,
    rand,
  );
  await closeSurvey(deps, ctx(today - 80 * DAY_MS), scope, last.id);

  // This year's: opened ten days ago, open for three more weeks, about half answered so far.
  const start = today - 10 * DAY_MS;
  const current = await createSurvey(deps, ctx(start), owner, {
    ...rules,
    title: `${thisYear}年度人民群众满意度测评`,
    year: thisYear,
    endsAt: today + 21 * DAY_MS,
  });
  await openSurvey(deps, ctx(start), scope, current.id, draw);
  await answerSample(
    database,
    current.id,
    q,
    () => 0.45,
    (r) => start + Math.floor(r() * 10) * DAY_MS,
    rand,
  );
}
