// Topics from recurring appeals (诉求热点转议题): when one category of appeal recurs in a village (by default 5 cases in
// 30 days), the platform proposes a topic to that village's council with the cases linked, and tells its cadres;
// the branch then approves, merges or declines it like any other. One hotspot is proposed once per window.
//
// Job 'consultations.hotspots', once a day at 06:00 district time under the key 'consultations.hotspots:<date>';
// each run schedules the next day's, and the server ensures the next one at every start.
import type { Kysely } from 'kysely';
import { findCategory, recurringCaseClusters } from '../cases/index.js';
import { userIdsWithRole } from '../identity/index.js';
import { notify } from '../notifications/index.js';
import type { Database } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { msg } from '../platform/i18n.js';
import { ensureJob, type JobHandler } from '../platform/jobs/jobs.js';
import { getSetting } from '../platform/settings.js';
import { DAY_MS, localDate, startOfLocalDay } from '../platform/time.js';
import { submittedTopic } from './openTopic.js';
import { consultationRepository } from './repository.js';

export const HOTSPOT_JOB = 'consultations.hotspots';
/** app_setting key: `{"count":5,"days":30}` overrides the defaults. */
export const HOTSPOT_SETTING = 'consultations.hotspot';
const RUN_AT_MS = 6 * 3_600_000;

export type HotspotRule = { count: number; days: number };
export const DEFAULT_HOTSPOT_RULE: HotspotRule = { count: 5, days: 30 };

export async function hotspotRule(db: Kysely<DB>): Promise<HotspotRule> {
  const raw = await getSetting(db, HOTSPOT_SETTING);
  if (raw === null) {
    return DEFAULT_HOTSPOT_RULE;
  }
  try {
    const v = JSON.parse(raw) as Partial<HotspotRule>;
    const count = Number.isInteger(v.count) && v.count! >= 2 ? v.count! : DEFAULT_HOTSPOT_RULE.count;
    const days =
      Number.isInteger(v.days) && v.days! >= 1 && v.days! <= 365 ? v.days! : DEFAULT_HOTSPOT_RULE.days;
    return { count, days };
  } catch {
    return DEFAULT_HOTSPOT_RULE;
  }
}

/** The next 06:00 in the district after `now`. */
export function nextHotspotRun(now: number): number {
  const today = startOfLocalDay(now) + RUN_AT_MS;
  return today > now ? today : today + DAY_MS;
}

export async function ensureHotspotJob(db: Kysely<DB>, now: number): Promise<void> {
  const dueAt = nextHotspotRun(now);
  await ensureJob(db, { kind: HOTSPOT_JOB, key: `${HOTSPOT_JOB}:${localDate(dueAt)}`, dueAt, now });
}

export type ProposedHotspot = { topicId: string; councilId: string; categoryCode: string; caseCount: number };

/**
 * Proposes a topic for every village whose council has no topic on that category's hotspot inside the window yet.
 * Runs in the caller's transaction (the job's): topics, links, the hotspot record and the notices commit together.
 */
export async function proposeHotspotTopics(
  trx: Kysely<DB>,
  database: Pick<Database, 'dialect'>,
  now: number,
  /** The demo proposes its few busiest hotspots by a rule of its own; the job uses the district's setting. */
  options: { rule?: HotspotRule; limit?: number } = {},
): Promise<ProposedHotspot[]> {
  const rule = options.rule ?? (await hotspotRule(trx));
  const from = now - rule.days * DAY_MS;
  const found = await recurringCaseClusters(trx, { from, to: now, minCount: rule.count });
  const clusters =
    options.limit === undefined
      ? found
      : [...found].sort((a, b) => b.count - a.count).slice(0, options.limit);
  const proposed: ProposedHotspot[] = [];
  for (const cluster of clusters) {
    const topic = await proposeCaseTopic(trx, database, now, {
      villageId: cluster.villageId,
      categoryCode: cluster.categoryCode,
      caseIds: cluster.caseIds,
      caseCount: cluster.count,
      window: { from, to: now, days: rule.days },
    });
    if (topic !== null && topic.isNew) {
      proposed.push({
        topicId: topic.topicId,
        councilId: topic.councilId,
        categoryCode: topic.categoryCode,
        caseCount: topic.caseCount,
      });
    }
  }
  return proposed;
}

export type CaseTopicInput = {
  /** The village (or town) whose council takes the topic. */
  villageId: string;
  categoryCode: string;
  caseIds: readonly string[];
  caseCount: number;
  window: { from: number; to: number; days: number };
};

/**
 * Proposes a topic from a cluster of cases to the council of the village (a recurring-appeal hotspot, or an early
 * warning the command view turns into a topic), with the cases linked, and tells the village's cadres. When the
 * council already has a hotspot topic on the category inside the window, that one is answered (isNew false) and
 * nothing is written; without a council, null. Runs in the caller's transaction.
 */
export async function proposeCaseTopic(
  trx: Kysely<DB>,
  database: Pick<Database, 'dialect'>,
  now: number,
  input: CaseTopicInput,
): Promise<(ProposedHotspot & { isNew: boolean }) | null> {
  const repo = consultationRepository(trx, database.dialect);
  const council = await repo.councilOfOrg(input.villageId);
  if (council === undefined) {
    return null;
  }
  const existing = await repo.hotspotSince(council.id, input.categoryCode, input.window.from);
  if (existing !== undefined) {
    return {
      topicId: existing.topic_id,
      councilId: council.id,
      categoryCode: input.categoryCode,
      caseCount: existing.case_count,
      isNew: false,
    };
  }
  const category = await findCategory(trx, input.categoryCode);
  const name = category?.name.zh ?? input.categoryCode;
  const days = input.window.days;
  const row = submittedTopic(council, now, {
    title: `“${name}”类诉求反复出现，提请协商`,
    body:
      `近 ${days} 天本辖区共收到 ${input.caseCount} 件“${name}”类群众诉求，` +
      '平台按诉求热点规则自动提请议事会研究，关联诉求见下。',
    source: 'hotspot',
    proposerUserId: null,
    proposerPublic: '诉求热点',
  });
  await repo.insertTopic(row);
  await repo.insertHotspot(
    {
      topic_id: row.id,
      council_id: council.id,
      category_code: input.categoryCode,
      case_count: input.caseCount,
      window_from: input.window.from,
      window_to: input.window.to,
      created_at: now,
    },
    input.caseIds,
  );
  const cadres = await userIdsWithRole(trx, [council.org_id], ['villageCadre']);
  if (cadres.length > 0) {
    await notify(trx, {
      event: 'consultation.hotspot',
      userIds: cadres,
      title: msg(`诉求热点提请协商：${name}`, `A recurring appeal proposed for consultation: ${name}`),
      body: msg(
        `近 ${days} 天收到 ${input.caseCount} 件同类诉求，已作为议题提交党组织审核。`,
        `${input.caseCount} appeals of this kind in ${days} days; proposed as a topic for the branch to review.`,
      ),
      data: { topicId: row.id, councilId: council.id, link: `/consultations/topics/${row.id}` },
      now,
    });
  }
  return {
    topicId: row.id,
    councilId: council.id,
    categoryCode: input.categoryCode,
    caseCount: input.caseCount,
    isNew: true,
  };
}

export function consultationJobHandlers(database: Database): Record<string, JobHandler> {
  return {
    [HOTSPOT_JOB]: {
      async run(trx, _job, now) {
        await proposeHotspotTopics(trx, database, now);
        await ensureHotspotJob(trx, now + 60_000);
      },
    },
  };
}
