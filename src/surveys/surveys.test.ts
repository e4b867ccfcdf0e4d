import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { orgDirectory } from '../orgs/index.js';
import { manualClock, type ManualClock } from '../platform/clock.js';
import { runDueJobs } from '../platform/jobs/jobs.js';
import { DAY_MS, instantOfLocalDate } from '../platform/time.js';
import {
  call,
  loginAs,
  startTestPlatform,
  type Session,
  type TestPlatform,
} from '../testing/testPlatform.js';
import { surveyAssessmentSources } from './assessmentSources.js';
import { drawSample, sampleSize } from './openSurvey.js';
import { answerErrors, answerScore, questionnaireErrors, type Questionnaire } from './questionnaire.js';
import { seededRandom } from '../platform/random.js';
import { surveyJobHandlers } from './openSurvey.js';

type Json = Record<string, unknown>;

// Monday 2 March 2026, 09:00 in the district.
const START = instantOfLocalDate('2026-03-02') + 9 * 3_600_000;

const Q: Questionnaire = {
  questions: [
    {
      code: 'overall',
      kind: 'single',
      text: '总体评价',
      required: true,
      scored: true,
      options: [
        { code: 'good', label: '满意', score: 100 },
        { code: 'fair', label: '一般', score: 50 },
        { code: 'bad', label: '不满意', score: 0 },
        { code: 'dk', label: '不了解', dontKnow: true },
      ],
    },
    {
      code: 'why',
      kind: 'multiple',
      text: '原因',
      required: true,
      scored: false,
      showIf: { question: 'overall', anyOf: ['bad'] },
      options: [
        { code: 'slow', label: '慢' },
        { code: 'rude', label: '态度' },
      ],
    },
    {
      code: 'cadres',
      kind: 'scale',
      text: '干部走访',
      required: true,
      scored: true,
      scale: { min: 1, max: 5, dontKnow: true },
    },
    { code: 'note', kind: 'text', text: '建议', required: false, scored: false },
  ],
};

describe('surveys: the questionnaire as data', () => {
  it('refuses a condition on a later or unknown question, duplicate codes and unscorable scored questions', () => {
    assert.deepEqual(questionnaireErrors(Q), []);
    const bad: Questionnaire = {
      questions: [
        { ...Q.questions[1]!, showIf: { question: 'overall', anyOf: ['bad'] } },
        Q.questions[0]!,
        { ...Q.questions[0]! },
        { ...Q.questions[3]!, code: 'note2', scored: true },
      ],
    };
    const fields = questionnaireErrors(bad).map((e) => e.field);
    assert.deepEqual(fields, ['questions/0/showIf', 'questions/2/code', 'questions/3/scored']);
  });

  it('asks a conditional question only after the answer it depends on', () => {
    assert.deepEqual(answerErrors(Q, { overall: { options: ['good'] }, cadres: { value: 4 } }), []);
    assert.deepEqual(
      answerErrors(Q, {
        overall: { options: ['good'] },
        why: { options: ['slow'] },
        cadres: { value: 4 },
      }).map((e) => e.field),
      ['answers/why'],
    );
    assert.deepEqual(
      answerErrors(Q, { overall: { options: ['bad'] }, cadres: { value: 4 } }).map((e) => e.field),
      ['answers/why'],
    );
    assert.deepEqual(
      answerErrors(Q, { overall: { options: ['bad', 'good'] }, cadres: { value: 9 }, extra: {} }).map(
        (e) => e.field,
      ),
      ['answers/extra', 'answers/overall', 'answers/why', 'answers/cadres'],
    );
  });

  it('scores the mean of the scored answers, with "don\'t know" left out or counted lowest by rule', () => {
    // good (100) and a 4 on 1–5 (75): 87.5.
    assert.equal(answerScore(Q, { overall: { options: ['good'] }, cadres: { value: 4 } }, 'exclude'), 87.5);
    // Don't know on the first: only the scale counts, or it counts as 0.
    const a = { overall: { options: ['dk'] }, cadres: { value: 5 } };
    assert.equal(answerScore(Q, a, 'exclude'), 100);
    assert.equal(answerScore(Q, a, 'lowest'), 50);
    assert.equal(
      answerScore(Q, { overall: { options: ['dk'] }, cadres: { dontKnow: true } }, 'exclude'),
      null,
    );
  });

  it('samples a share of a village, at least the fewest, never more than it has, each household once', () => {
    assert.equal(sampleSize(12, 0.5, 4), 6);
    assert.equal(sampleSize(6, 0.5, 4), 4);
    assert.equal(sampleSize(3, 0.5, 4), 3);
    const rand = seededRandom(7);
    const drawn = drawSample(
      Array.from({ length: 50 }, (_, i) => i),
      20,
      (n) => Math.floor(rand() * n),
    );
    assert.equal(drawn.length, 20);
    assert.equal(new Set(drawn).size, 20);
  });
});

describe('surveys: sampling, one answer per household, anonymity, coverage and the assessment item', () => {
  let p: TestPlatform;
  let clock: ManualClock;
  let zzb: Session;
  let jinsha: Session;
  let shigang: Session;
  let dongshi: Session;
  const village = {} as Record<'dongshi' | 'other' | 'shigang', { id: string; households: string[] }>;
  let surveyId = '';
  let dongshiSamples: { householdId: string; token: string }[] = [];

  const ok = async (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) => {
    const res = await s.request(method, url, body);
    assert.ok(
      res.status === 200 || res.status === 204,
      `${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`,
    );
    return res.body;
  };
  const input = (over: Json = {}) => ({
    title: '2026年度满意度测评',
    year: 2026,
    questionnaire: Q,
    share: 0.5,
    minPerVillage: 4,
    coverage: 0.8,
    dontKnowRule: 'exclude',
    minAnswers: 3,
    endsOn: '2026-03-31',
    ...over,
  });
  const results = async (s: Session) => (await ok(s, 'GET', `/api/surveys/${surveyId}/results`)) as Json;
  const villageOf = (r: Json, id: string) => (r.villages as Json[]).find((v) => v.villageId === id)!;
  const publicAnswer = (token: string, answers: unknown) =>
    call(p.app, 'POST', `/api/public/surveys/${token}`, { body: { answers } });

  before(async () => {
    clock = manualClock(START);
    p = await startTestPlatform({ SESSION_TTL_HOURS: '720' }, { clock });
    const admin = await loginAs(p.app, 'admin');
    zzb = await loginAs(p.app, 'zzb');
    jinsha = await loginAs(p.app, 'jinsha');
    shigang = await loginAs(p.app, 'shigang');
    dongshi = await loginAs(p.app, 'dongshi');
    const orgs = orgDirectory(p.database.db, p.database.dialect);
    const codes = { dongshi: '320612001001', other: '320612001002', shigang: '320612110001' } as const;
    const sizes = { dongshi: 12, other: 6, shigang: 5 };
    for (const key of ['dongshi', 'other', 'shigang'] as const) {
      const org = await orgs.findByCode(codes[key]);
      assert.ok(org, codes[key]);
      village[key] = { id: org.id, households: [] };
      for (let i = 0; i < sizes[key]; i++) {
        const res = await ok(admin, 'POST', '/api/households', {
          villageId: org.id,
          headName: `户主${key}${i}`,
          address: `${org.name}${i + 1}号`,
          size: 3,
        });
        village[key].households.push(((res.item as Json).id as string) ?? '');
      }
    }
  });
  after(async () => {
    await p.close();
  });

  it('creates a draft owned by the district, refusing a malformed questionnaire and rules whole', async () => {
    const bad = await zzb.request('POST', '/api/surveys', {
      ...input(),
      questionnaire: { questions: [{ ...Q.questions[1], showIf: { question: 'nope', anyOf: ['x'] } }] },
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.code, 'request.invalid');
    const share = await zzb.request('POST', '/api/surveys', input({ share: 0 }));
    assert.equal(share.status, 400);
    const past = await zzb.request('POST', '/api/surveys', input({ endsOn: '2026-03-01' }));
    assert.equal(past.body.code, 'request.invalid');
    const none = await p.database.db
      .selectFrom('survey')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirst();
    assert.equal(Number(none?.n), 0);

    const created = (await ok(zzb, 'POST', '/api/surveys', input())).item as Json;
    surveyId = created.id as string;
    assert.equal(created.state, 'draft');
    assert.equal(created.endsOn, '2026-03-31');
    // A town sees the district's survey but may not change it.
    const seen = (await ok(jinsha, 'GET', '/api/surveys')).items as Json[];
    assert.ok(seen.some((s) => s.id === surveyId && s.isOwnedHere === false));
    const change = await jinsha.request('PUT', `/api/surveys/${surveyId}`, input({ title: '改个名字' }));
    assert.equal(change.status, 404);
  });

  it('opens by drawing each village’s sample; a town lists only its own villages’ households', async () => {
    const opened = (await ok(zzb, 'POST', `/api/surveys/${surveyId}/open`)).item as Json;
    assert.equal(opened.state, 'open');
    const again = await zzb.request('PUT', `/api/surveys/${surveyId}`, input());
    assert.equal(again.body.code, 'survey.not_editable');
    const r = await results(zzb);
    assert.equal(villageOf(r, village.dongshi.id).sampled, 6);
    assert.equal(villageOf(r, village.other.id).sampled, 4);
    assert.equal(villageOf(r, village.shigang.id).sampled, 4);
    assert.equal((r.total as Json).sampled, 14);

    const list = (await ok(
      jinsha,
      'GET',
      `/api/surveys/${surveyId}/villages/${village.dongshi.id}/samples`,
    )) as Json;
    dongshiSamples = list.items as { householdId: string; token: string }[];
    assert.equal(dongshiSamples.length, 6);
    assert.equal(new Set(dongshiSamples.map((s) => s.householdId)).size, 6);
    assert.ok(dongshiSamples.every((s) => village.dongshi.households.includes(s.householdId)));
    assert.ok((list.items as Json[]).every((s) => (s.headName as string).includes('*')));
    const other = await shigang.request(
      'GET',
      `/api/surveys/${surveyId}/villages/${village.dongshi.id}/samples`,
    );
    assert.equal(other.status, 404);
    // A town's results hold only its own villages.
    const town = await results(shigang);
    assert.ok((town.villages as Json[]).every((v) => v.villageId !== village.dongshi.id));
  });

  it('takes one answer per household through its link, refusing a bad one without writing anything', async () => {
    const [first] = dongshiSamples;
    const page = await call(p.app, 'GET', `/api/public/surveys/${first!.token}`);
    assert.equal(page.status, 200);
    assert.equal(page.body.villageName, '东市社区');
    assert.equal(page.body.isOpen, true);
    assert.ok(!JSON.stringify(page.body).includes(first!.householdId));

    const wrong = await publicAnswer(first!.token, { overall: { options: ['bad'] }, cadres: { value: 3 } });
    assert.equal(wrong.status, 400);
    assert.equal(villageOf(await results(zzb), village.dongshi.id).answered, 0);

    const good = await publicAnswer(first!.token, {
      overall: { options: ['good'] },
      cadres: { value: 5 },
      note: { text: '有事请打我电话 13912345678' },
    });
    assert.equal(good.status, 204);
    const twice = await publicAnswer(first!.token, { overall: { options: ['fair'] }, cadres: { value: 1 } });
    assert.equal(twice.status, 409);
    assert.equal(twice.body.code, 'survey.already_answered');
    const unknown = await publicAnswer('x'.repeat(22), {
      overall: { options: ['good'] },
      cadres: { value: 5 },
    });
    assert.equal(unknown.status, 404);
    assert.equal(villageOf(await results(zzb), village.dongshi.id).answered, 1);
  });

  it('keeps answers apart from households, with typed numbers masked', async () => {
    const row = await p.database.db.selectFrom('survey_answer').selectAll().executeTakeFirstOrThrow();
    assert.deepEqual(Object.keys(row).sort(), [
      'answered_on',
      'answers',
      'channel',
      'id',
      'score',
      'survey_id',
      'village_id',
    ]);
    assert.equal(row.answered_on, '2026-03-02');
    assert.ok(!row.answers.includes('13912345678'));
    assert.ok(row.answers.includes('139****5678'));
  });

  it('takes an interviewer’s entry for a sampled household of the town only', async () => {
    const sampled = new Set(dongshiSamples.map((s) => s.householdId));
    const notSampled = village.dongshi.households.find((h) => !sampled.has(h))!;
    const refused = await jinsha.request('POST', `/api/surveys/${surveyId}/interviews`, {
      householdId: notSampled,
      answers: { overall: { options: ['good'] }, cadres: { value: 5 } },
    });
    assert.equal(refused.body.code, 'survey.not_sampled');
    const outside = await shigang.request('POST', `/api/surveys/${surveyId}/interviews`, {
      householdId: dongshiSamples[1]!.householdId,
      answers: { overall: { options: ['good'] }, cadres: { value: 5 } },
    });
    assert.equal(outside.status, 404);
    // The second to fifth households: fair + 3 (50, 50), bad/slow + 1 (0, 0), don't know + 5 (–, 100), good + 2 (100, 25).
    const entries = [
      { overall: { options: ['fair'] }, cadres: { value: 3 } },
      { overall: { options: ['bad'] }, why: { options: ['slow'] }, cadres: { value: 1 } },
      { overall: { options: ['dk'] }, cadres: { value: 5 } },
      { overall: { options: ['good'] }, cadres: { value: 2 } },
    ];
    for (const [i, answers] of entries.entries()) {
      await ok(jinsha, 'POST', `/api/surveys/${surveyId}/interviews`, {
        householdId: dongshiSamples[i + 1]!.householdId,
        answers,
      });
    }
    const audit = await p.database.db
      .selectFrom('audit_log')
      .select(sql<number>`count(*)`.as('n'))
      .where('action', '=', 'survey.interview')
      .executeTakeFirst();
    assert.equal(Number(audit?.n), 4);
  });

  it('hides a village’s figures from the village until the survey closes, and shows few answers to nobody', async () => {
    // Two answers in the other village: below the fewest (3), so no score and left out of the tallies.
    const other = (await ok(jinsha, 'GET', `/api/surveys/${surveyId}/villages/${village.other.id}/samples`))
      .items as { token: string }[];
    for (const s of other.slice(0, 2)) {
      assert.equal(
        (
          await publicAnswer(s.token, {
            overall: { options: ['bad'] },
            why: { options: ['rude'] },
            cadres: { value: 1 },
          })
        ).status,
        204,
      );
    }
    const whileOpen = await results(dongshi);
    assert.equal(whileOpen.isShown, false);
    assert.equal((whileOpen.total as Json).answered, 0);

    const r = await results(zzb);
    const d = villageOf(r, village.dongshi.id);
    assert.equal(d.answered, 5);
    assert.equal(d.coverage, 0.8333);
    assert.equal(d.isCoverageMet, true);
    // Household scores: 87.5 isn't here — the first was good + 5 (100, 100) = 100; then 50, 0, 100, 62.5.
    assert.equal(d.score, Math.round(((100 + 50 + 0 + 100 + 62.5) / 5) * 10) / 10);
    const o = villageOf(r, village.other.id);
    assert.equal(o.answered, 2);
    assert.equal(o.score, null);
    const overall = (r.tallies as Json[]).find((t) => t.code === 'overall')!;
    assert.equal(overall.answered, 5);
    assert.deepEqual(overall.counts, { good: 2, fair: 1, bad: 1, dk: 1 });
    const why = (r.tallies as Json[]).find((t) => t.code === 'why')!;
    assert.deepEqual(why.counts, { slow: 1 });
    const texts = (await ok(
      zzb,
      'GET',
      `/api/surveys/${surveyId}/villages/${village.dongshi.id}/texts`,
    )) as Json;
    assert.deepEqual(texts.items, [{ question: 'note', text: '有事请打我电话 139****5678', on: '2026-03' }]);
  });

  it('closes at its end by the job; then answers are refused, the village sees its figures, the item computes', async () => {
    clock.set(instantOfLocalDate('2026-04-01') + 60_000);
    await runDueJobs(p.database, surveyJobHandlers(), { now: () => clock.now() });
    const row = await p.database.db.selectFrom('survey').select(['status']).executeTakeFirstOrThrow();
    assert.equal(row.status, 'closed');
    const late = await publicAnswer(dongshiSamples[5]!.token, {
      overall: { options: ['good'] },
      cadres: { value: 5 },
    });
    assert.equal(late.body.code, 'survey.not_open');
    dongshi = await loginAs(p.app, 'dongshi');
    const mine = await results(dongshi);
    assert.equal(mine.isShown, true);
    assert.deepEqual(
      (mine.villages as Json[]).map((v) => v.villageId),
      [village.dongshi.id],
    );

    const [source] = surveyAssessmentSources;
    const ctx = {
      database: p.database,
      now: clock.now(),
      once: <T>(_k: string, f: () => Promise<T>) => f(),
    };
    const period = {
      year: 2026,
      from: instantOfLocalDate('2026-01-01'),
      to: instantOfLocalDate('2027-01-01'),
    };
    const org = (id: string) => ({ id, path: '', name: '', level: 'village' });
    const d = await source!.compute(ctx, org(village.dongshi.id), period);
    assert.equal(d.value, Math.round(((100 + 50 + 0 + 100 + 62.5) / 5 / 100) * 10_000) / 10_000);
    // Two of four answered: below coverage, no figure.
    assert.equal((await source!.compute(ctx, org(village.other.id), period)).value, null);
    // Another year has no survey.
    assert.equal(
      (await source!.compute(ctx, org(village.dongshi.id), { ...period, year: 2025 })).value,
      null,
    );
    assert.ok(clock.now() > START + 29 * DAY_MS);
  });
});
