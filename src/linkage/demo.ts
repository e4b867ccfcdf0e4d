// Demo stage 'linkage': a year of visits and appeals along the chain for a share of the demo district's central
// households (most settled low, some passed up, a few turned into cases), and the demo head account 'zxh', two of
// whose households' appeals became a case and a consultation topic at the village.
import { seededRandom } from '../platform/random.js';
import pino from 'pino';
import { reportCase } from '../cases/index.js';
import { householdDirectory } from '../households/index.js';
import { hashPassword, seedMemberLink, seedUser } from '../identity/index.js';
import { orgDirectory } from '../orgs/index.js';
import type { FieldCipher } from '../platform/crypto.js';
import type { Database } from '../platform/db/database.js';
import { newId } from '../platform/ids.js';
import { DAY_MS, startOfLocalDay } from '../platform/time.js';
import { chainAbove, dueAtLevel, levelRank, type ChainLevel, type ChainStop } from './chain.js';
import { linkageRepository, type AppealRow, type AppealStepRow, type VisitRow } from './repository.js';
import { proposeAppealTopic } from '../consultations/index.js';
import { APPEAL_CATEGORY } from './turnAppealIntoCase.js';
import { newAppealCode, syncTimer, type AppealAction } from './transition.js';

export type DemoLinkageOptions = {
  seed: number;
  password: string;
  cipher: FieldCipher;
  now: number;
  /** Share of central households with a year of records (the rest have none, as a young system would). */
  share?: number;
  /** At most this many appeals become cases (each goes through the cases module's intake). */
  maxCases?: number;
};

const HEARD = [
  '家中老人身体尚好，希望社区多组织义诊。',
  '反映楼道灯不亮，已告知物业。',
  '询问医保缴费时间，已当面解答。',
  '邻里之间因停车有些矛盾，已劝解。',
  '孩子上学接送不便，希望增设公交站点。',
  '对近期环境整治表示满意。',
];
const APPEALS = [
  '门前道路破损，雨天积水出行不便。',
  '与邻居因院墙界线发生争执，请求调解。',
  '家中老人申请居家养老服务，不知如何办理。',
  '村口垃圾清运不及时，气味较大。',
  '反映附近工地夜间施工噪声扰民。',
  '低保资格复核进度咨询。',
  '河道边护栏缺失，存在安全隐患。',
];

/** Where an appeal ends: the level it is concluded at, and how (weights sum to 1). */
const ENDINGS: readonly (readonly [
  ChainLevel,
  'settled' | 'answered' | 'case' | 'topic' | 'open',
  number,
])[] = [
  ['central', 'settled', 0.12],
  ['central', 'answered', 0.04],
  ['group', 'settled', 0.26],
  ['group', 'answered', 0.08],
  ['branch', 'settled', 0.14],
  ['branch', 'answered', 0.04],
  ['village', 'settled', 0.11],
  ['village', 'answered', 0.02],
  ['village', 'topic', 0.03],
  ['village', 'case', 0.06],
  ['town', 'settled', 0.05],
  ['town', 'case', 0.02],
  ['district', 'settled', 0.01],
  ['group', 'open', 0.02],
];

/** How the appeals of the demo head's second and third households end (the first keeps its own chance). */
const DEMO_HEAD_ENDINGS: readonly (readonly [ChainLevel, 'case' | 'topic'] | undefined)[] = [
  undefined,
  ['village', 'case'],
  ['village', 'topic'],
];

export async function seedDemoLinkage(database: Database, options: DemoLinkageOptions): Promise<void> {
  const { db, dialect } = database;
  const rand = seededRandom(options.seed * 7919 + 20);
  const share = options.share ?? 0.1;
  const maxCases = options.maxCases ?? 60;
  const orgs = orgDirectory(db, dialect);
  const households = householdDirectory(db, dialect);
  const root = await orgs.findRoot();
  if (root === undefined) {
    return;
  }
  const all = await households.listCentral({ path: root.path }, root.path, null, 1_000_000);
  if (all.length === 0) {
    return;
  }
  // The demo head: the first central household of 东市社区 (whose cadre is the demo account 'dongshi').
  const dongshi = await orgs.findByCode('320612001001');
  const demoHead =
    dongshi === undefined
      ? all[0]!
      : ((await households.listCentral({ path: dongshi.path }, dongshi.path, null, 1))[0] ?? all[0]!);
  const chosen = all.filter((c) => c.id === demoHead.id || rand() < share);
  const yearAgo = startOfLocalDay(options.now) - 365 * DAY_MS;
  const chains = new Map<string, ChainStop[]>();
  const visits: VisitRow[] = [];
  const appeals: AppealRow[] = [];
  const steps: AppealStepRow[] = [];
  const toCase: AppealRow[] = [];
  const toTopic: AppealRow[] = [];
  let idSeq = 0;
  const id = (at: number) => `${newId(at).slice(0, 20)}${(idSeq++).toString(36).padStart(6, '0')}`;
  for (const c of chosen) {
    const central = await households.findCentral({ path: root.path }, c.id);
    if (central === undefined) {
      continue;
    }
    let chain = chains.get(central.group_path);
    if (chain === undefined) {
      chain = await chainAbove(db, dialect, central.group_path);
      chains.set(central.group_path, chain);
    }
    const linked = await households.householdsOfCentral({ path: central.group_path }, central.id);
    for (const [index, h] of linked.entries()) {
      // The demo head's record shows the household across modules: one appeal of his became a case at the village,
      // another a topic of its consultation room (his relief-paired households come with the volunteers stage).
      const forced = central.id === demoHead.id ? DEMO_HEAD_ENDINGS[index] : undefined;
      // Three to five visits a year; one household in eight is missed in the last quarter.
      const n = 3 + Math.floor(rand() * 3);
      const isMissedLately = rand() < 0.125;
      for (let i = 0; i < n; i++) {
        const span = isMissedLately ? 270 : 365;
        const at = yearAgo + Math.floor(rand() * span) * DAY_MS;
        visits.push({
          id: id(at),
          household_id: h.id,
          central_household_id: central.id,
          org_path: central.group_path,
          visited_at: at,
          kind: rand() < 0.7 ? 'home' : rand() < 0.6 ? 'phone' : 'meeting',
          heard: HEARD[Math.floor(rand() * HEARD.length)]!,
          lng: null,
          lat: null,
          recorded_by: null,
          created_at: at + 3 * 3_600_000,
        });
      }
      // About one appeal a year for every third household.
      if (rand() >= 0.35 && forced === undefined) {
        continue;
      }
      let pick = rand();
      let ending = ENDINGS[0]!;
      for (const e of ENDINGS) {
        ending = e;
        pick -= e[2];
        if (pick <= 0) {
          break;
        }
      }
      const endLevel = forced?.[0] ?? ending[0];
      let endStatus = forced?.[1] ?? ending[1];
      if (endStatus === 'case') {
        if ((toCase.length >= maxCases && forced === undefined) || !chain.some((s) => s.level === endLevel)) {
          endStatus = 'settled';
        }
      }
      if (endStatus === 'topic' && !chain.some((s) => s.level === endLevel)) {
        endStatus = 'settled';
      }
      const stops: ChainStop[] = [
        { level: 'central', orgId: central.id, orgPath: central.group_path },
        ...chain.filter((s) => levelRank(s.level) <= levelRank(endLevel)),
      ];
      const last = stops.at(-1)!;
      const recordedAt =
        endStatus === 'open'
          ? options.now - Math.floor(rand() * 2) * DAY_MS - 3_600_000
          : yearAgo + Math.floor(rand() * 350) * DAY_MS + 9 * 3_600_000;
      const isKept = endLevel === 'central';
      const path = isKept ? stops.slice(0, 1) : stops.slice(1);
      const appealId = id(recordedAt);
      let at = recordedAt;
      let isOverdue = false;
      let seq = 0;
      const step = (
        action: AppealAction,
        from: ChainLevel | null,
        to: ChainLevel,
        fromStatus: string | null,
        toStatus: string,
        reason: string | null,
      ) => {
        steps.push({
          appeal_id: appealId,
          seq: ++seq,
          at,
          actor_id: null,
          actor_name: action === 'escalate' ? null : '演示',
          action,
          from_level: from,
          to_level: to,
          from_status: fromStatus,
          to_status: toStatus,
          reason,
        });
      };
      step('record', null, path[0]!.level, null, 'open', null);
      for (let i = 1; i < path.length; i++) {
        const overdueHere = rand() < 0.08;
        isOverdue ||= overdueHere;
        at += (overdueHere ? 6 : 1 + Math.floor(rand() * 3)) * DAY_MS;
        step(
          overdueHere ? 'escalate' : 'passUp',
          path[i - 1]!.level,
          path[i]!.level,
          'open',
          'open',
          overdueHere ? 'overdue' : '超出本级化解能力，上交上级',
        );
      }
      at += (1 + Math.floor(rand() * 3)) * DAY_MS;
      let outcome: string | null = null;
      if (endStatus === 'settled') {
        outcome = '已协调相关方当面化解';
        step('settle', last.level, last.level, 'open', 'awaitingConfirmation', outcome);
        at += DAY_MS;
        step('confirm', last.level, last.level, 'awaitingConfirmation', 'settled', null);
      } else if (endStatus === 'answered') {
        outcome = '已解释相关政策，无需另行处置';
        step('answer', last.level, last.level, 'open', 'answered', outcome);
      } else if (endStatus === 'case') {
        step('toCase', last.level, last.level, 'open', 'case', '需职能部门处置，转入四个平台');
      } else if (endStatus === 'topic') {
        step('toTopic', last.level, last.level, 'open', 'topic', '涉及全体居民，交议事会协商');
      }
      const isOpen = endStatus === 'open';
      const row: AppealRow = {
        id: appealId,
        tracking_code: newAppealCode(recordedAt),
        household_id: h.id,
        central_household_id: central.id,
        org_path: central.group_path,
        text: APPEALS[Math.floor(rand() * APPEALS.length)]!,
        status: endStatus,
        level: last.level,
        level_org_id: last.orgId,
        highest_level: last.level,
        concluded_level: isOpen ? null : last.level,
        outcome,
        case_id: null,
        topic_id: null,
        is_overdue: isOverdue ? 1 : 0,
        level_since: isOpen ? recordedAt : at - DAY_MS,
        due_at: isOpen ? await dueAtLevel(db, last.level, recordedAt) : null,
        recorded_at: recordedAt,
        concluded_at: isOpen ? null : at,
        updated_at: at,
      };
      appeals.push(row);
      if (endStatus === 'case') {
        toCase.push(row);
      } else if (endStatus === 'topic') {
        toTopic.push(row);
      }
    }
  }
  const passwordHash = await hashPassword(options.password);
  await db.transaction().execute(async (trx) => {
    const repo = linkageRepository(trx, dialect);
    for (const a of toCase) {
      const ctx = {
        actor: { kind: 'anonymous' as const },
        ip: '127.0.0.1',
        requestId: 'demo-linkage',
        locale: 'zh-CN' as const,
        log: silentLog,
        now: a.concluded_at ?? options.now,
      };
      const opened = await reportCase(
        trx,
        { dialect, cipher: options.cipher, locate: () => null },
        ctx,
        null,
        {
          categoryCode: APPEAL_CATEGORY,
          description: `【党员中心户诉求】${a.text}`,
          orgId: a.level_org_id,
          source: 'centralHousehold',
        },
      );
      a.case_id = opened.id;
      a.outcome = opened.tracking_code;
    }
    // An appeal the village took to its consultation room is a topic there, waiting for the branch's review.
    for (const a of toTopic) {
      const topic = await proposeAppealTopic(trx, { dialect }, a.concluded_at ?? options.now, {
        orgId: a.level_org_id,
        title: `居民诉求：${a.text.slice(0, 20)}`,
        body: a.text,
        proposerUserId: null,
      });
      if (topic === null) {
        throw new Error(
          'demo stage "linkage": a village has no council (the consultations stage runs first)',
        );
      }
      a.topic_id = topic.topicId;
    }
    await repo.insertVisits(visits);
    await repo.insertAppeals(appeals);
    await repo.insertSteps(steps);
    for (const a of appeals) {
      if (a.status === 'open') {
        await syncTimer(trx, a, options.now);
      }
    }
    const userId = await seedUser(trx, {
      username: 'zxh',
      displayName: `中心户户主${demoHead.head_name}`,
      passwordHash,
      roles: [{ role: 'partyMember', orgId: demoHead.group_id }],
      now: options.now,
    });
    if (userId !== null) {
      await seedMemberLink(trx, dialect, userId, demoHead.head_member_id, options.now);
    }
  });
}

const silentLog = pino({ level: 'silent' });
