// The demo stage 'consultations': a council in every town and village, standing members, two years of the branch's
// own topics and their meetings in every council (about one every four months), and a year of residents' and party
// members' topics, meetings, decisions and outcomes in a plausible share of the councils (about one in three villages
// and every town), written in bulk. Deterministic for a seed; a few seconds for the whole district.
import { seededRandom } from '../platform/random.js';
import { orgDirectory } from '../orgs/index.js';
import type { Database } from '../platform/db/database.js';
import { toDbJson } from '../platform/db/database.js';
import type { FieldCipher } from '../platform/crypto.js';
import { newId } from '../platform/ids.js';
import { DAY_MS } from '../platform/time.js';
import { establishCouncils } from './establishCouncils.js';
import { proposeHotspotTopics } from './hotspots.js';
import {
  consultationRepository,
  type CouncilMemberRow,
  type MeetingRow,
  type OutcomeRow,
  type ParticipantRow,
  type TopicRow,
} from './repository.js';
import { tallyRuleOf, defaultConfig } from './tally/index.js';

const SURNAMES = Array.from(
  '张王李刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
);
const GIVEN = Array.from('建国秀英桂兰海峰志强玉梅红霞德明雪芳春华丽娟晓东俊杰文静国平');

/** The branch's own topics every council takes up, about one every four months. */
const ROUTINE_TOPICS = 6;

const TOPICS: [string, string, string][] = [
  ['老旧小区加装电梯', '多栋楼老人上下楼困难，希望协商加装电梯及费用分摊办法。', 'unitRep'],
  ['村内道路拓宽与停车', '主干道狭窄，晚间乱停车严重，建议划定停车位。', 'residentRep'],
  ['河道保洁与垃圾分类', '河边堆放垃圾，夏季有异味，希望增设分类点并落实保洁。', 'residentRep'],
  ['广场舞噪音扰民', '晚间广场舞音量过大，影响周边居民休息。', 'residentRep'],
  ['农贸市场周边占道经营', '早市摊位占用道路，通行困难。', 'unitRep'],
  ['小区路灯维修', '部分路灯长期不亮，夜间出行不便。', 'residentRep'],
  ['村级集体经济项目选址', '拟建设标准厂房，选址需征求村民意见。', 'partyMember'],
  ['老年食堂运营', '希望开办老年助餐点，协商场地与补贴标准。', 'partyMember'],
  ['电动车集中充电棚', '楼道内充电存在火灾隐患，建议建设集中充电棚。', 'unitRep'],
  ['农田灌溉渠修复', '灌溉渠破损漏水，影响春耕。', 'residentRep'],
];

const UNITS = ['村（居）委会', '镇城管中队', '镇农业农村局', '物业公司', '镇社会事业局', '区住建局'];

export async function seedConsultationDemo(
  database: Database,
  options: { seed: number; now: number; cipher: FieldCipher; withActivity: boolean },
): Promise<void> {
  const { now } = options;
  const rand = seededRandom(options.seed * 7919 + 12);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const person = () => `${pick(SURNAMES)}${pick(GIVEN)}${rand() < 0.5 ? pick(GIVEN) : ''}`;

  await database.db.transaction().execute(async (trx) => {
    const repo = consultationRepository(trx, database.dialect);
    const root = await orgDirectory(trx, database.dialect).findRoot();
    if (root === undefined) {
      return;
    }
    const councils = await establishCouncils(trx, database.dialect, { path: root.path }, now);
    const members: CouncilMemberRow[] = [];
    const membersByCouncil = new Map<string, CouncilMemberRow[]>();
    for (const c of councils) {
      const convener = person();
      await repo.updateCouncil(c.id, { convener_name: convener });
      const kinds = [
        'convener',
        'partyMember',
        'partyMember',
        'residentRep',
        'residentRep',
        'residentRep',
        'unitRep',
        'deputy',
      ];
      const list = kinds.map((kind, i) => ({
        id: newId(now),
        council_id: c.id,
        org_path: c.org_path,
        name: i === 0 ? convener : person(),
        kind,
        unit: kind === 'unitRep' ? pick(UNITS) : null,
        user_id: null,
        phone_enc: null,
        phone_masked: null,
        phone_key: null,
        is_convener: i === 0 ? 1 : 0,
        active: 1,
        created_at: now,
      }));
      members.push(...list);
      membersByCouncil.set(c.id, list);
    }
    await repo.insertMembers(members);
    if (!options.withActivity) {
      return;
    }

    const topics: TopicRow[] = [];
    const meetings: MeetingRow[] = [];
    const agenda: { meeting_id: string; topic_id: string; position: number }[] = [];
    const participants: ParticipantRow[] = [];
    const decisions: Parameters<typeof repo.insertDecision>[0][] = [];
    const votes: Parameters<typeof repo.insertVotes>[0] = [];
    const outcomes: OutcomeRow[] = [];
    const progress: Parameters<typeof repo.insertProgress>[0][] = [];
    const ratingsRows: {
      id: string;
      outcome_id: string;
      rater_key: string;
      round: number;
      rating: string;
      comment: string | null;
      at: number;
    }[] = [];
    for (const c of councils) {
      const list = membersByCouncil.get(c.id) ?? [];
      // Every council meets about every four months (the branch's own topics, two years back, so any twelve months
      // hold at least two meetings); every town and about a third of the villages are busier, with residents' and
      // party members' topics over the last year.
      const isBusy = c.level === 'town' || rand() < 0.35;
      const routine = Array.from({ length: ROUTINE_TOPICS }, (_, k) => ({
        created: now - (45 + k * 120 + Math.floor(rand() * 30)) * DAY_MS - Math.floor(rand() * DAY_MS),
        isRoutine: true,
      }));
      const busy = Array.from({ length: isBusy ? 2 + Math.floor(rand() * 4) : 0 }, () => ({
        created: now - Math.floor(rand() * 360) * DAY_MS - Math.floor(rand() * DAY_MS),
        isRoutine: false,
      }));
      for (const { created, isRoutine } of [...routine, ...busy]) {
        const [title, body] = pick(TOPICS);
        const age = (now - created) / DAY_MS;
        const source = isRoutine
          ? 'branch'
          : pick(['resident', 'resident', 'partyMember', 'branch'] as const);
        const isOld = age > 45;
        const status = !isOld
          ? source === 'resident'
            ? 'collecting'
            : 'submitted'
          : !isRoutine && rand() < 0.12
            ? 'declined'
            : 'decided';
        const topic: TopicRow = {
          id: newId(created),
          council_id: c.id,
          org_path: c.org_path,
          title,
          body,
          source,
          proposer_user_id: null,
          proposer_name_enc: null,
          proposer_public:
            source === 'resident'
              ? rand() < 0.3
                ? '匿名'
                : '居民'
              : source === 'partyMember'
                ? '党员'
                : '党组织',
          is_anonymous: 0,
          case_id: null,
          status,
          support_count: source === 'resident' ? Math.floor(rand() * (c.support_threshold + 5)) : 0,
          support_threshold: c.support_threshold,
          support_until: source === 'resident' ? created + c.support_days * DAY_MS : null,
          reason: status === 'declined' ? '不属于本议事会协商范围，已转相关部门答复。' : null,
          merged_into_id: null,
          reviewed_at: isOld ? created + 7 * DAY_MS : null,
          created_at: created,
          updated_at: created,
        };
        topics.push(topic);
        if (status !== 'decided') {
          continue;
        }
        const startsAt = created + (14 + Math.floor(rand() * 20)) * DAY_MS;
        const meeting: MeetingRow = {
          id: newId(startsAt),
          council_id: c.id,
          org_path: c.org_path,
          kind: rand() < 0.1 ? 'hearing' : 'council',
          title: `${title}协商会`,
          place: c.place,
          starts_at: startsAt,
          quorum: Math.floor(list.length / 2) + 1,
          decides_body: null,
          status: 'closed',
          checkin_token: newId(startsAt),
          minutes: `会议围绕“${title}”进行协商，与会人员充分发表意见，形成协商意见并明确责任单位和完成时限。`,
          minutes_at: startsAt + 3 * 3_600_000,
          closed_at: startsAt + 3 * 3_600_000,
          created_at: created + 7 * DAY_MS,
          updated_at: startsAt,
        };
        if (meeting.kind === 'hearing') {
          meeting.decides_body = '村民代表会议';
        }
        meetings.push(meeting);
        agenda.push({ meeting_id: meeting.id, topic_id: topic.id, position: 0 });
        const ps = list.map((m) => {
          const isPresent = rand() < 0.85;
          return {
            id: newId(startsAt),
            meeting_id: meeting.id,
            member_id: m.id,
            user_id: null,
            name: m.name,
            role: m.kind,
            phone_key: null,
            invited_at: meeting.created_at,
            registered_at: meeting.created_at + DAY_MS,
            attended_at: isPresent ? startsAt + 600_000 : null,
            attended_via: isPresent ? (rand() < 0.6 ? 'qr' : 'clerk') : null,
          };
        });
        participants.push(...ps);
        const decisionId = newId(startsAt);
        const rule = tallyRuleOf('approval');
        const ballots = ps
          .filter((p) => p.attended_at !== null)
          .map((p) => ({ p, choice: rand() < 0.75 ? 'approve' : rand() < 0.5 ? 'oppose' : 'abstain' }));
        const config = { ...defaultConfig, quorum: meeting.quorum };
        const result = rule.tally(
          ballots.map((b) => ({ ballot: { choice: b.choice }, viaProxy: false })),
          [],
          config,
        );
        decisions.push({
          id: decisionId,
          meeting_id: meeting.id,
          topic_id: topic.id,
          org_path: c.org_path,
          type: 'approval',
          question: `是否同意“${title}”的协商方案`,
          options: '[]',
          config: toDbJson(config) ?? '{}',
          is_recommendation: meeting.kind === 'hearing' ? 1 : 0,
          status: 'closed',
          opened_at: startsAt + 3_600_000,
          closed_at: startsAt + 2 * 3_600_000,
          result: toDbJson(result),
        });
        for (const b of ballots) {
          votes.push({
            id: newId(startsAt),
            decision_id: decisionId,
            participant_id: b.p.id,
            proxy_participant_id: null,
            recorded_by: null,
            origin: rand() < 0.5 ? 'device' : rand() < 0.5 ? 'online' : 'paper',
            ballot: toDbJson({ choice: b.choice }) ?? '{}',
            at: startsAt + 1.5 * 3_600_000,
          });
        }
        if (result.outcome !== 'passed') {
          continue;
        }
        const n = 1 + Math.floor(rand() * 3);
        for (let j = 0; j < n; j++) {
          const deadline = startsAt + (20 + Math.floor(rand() * 90)) * DAY_MS;
          const isPast = deadline < now;
          const isDone = isPast ? rand() < 0.85 : rand() < 0.3;
          const doneAt = isDone
            ? Math.min(now - DAY_MS, deadline + Math.floor((rand() - 0.75) * 30) * DAY_MS)
            : null;
          const p = isDone ? 100 : Math.floor(rand() * 9) * 10;
          const o: OutcomeRow = {
            id: newId(startsAt),
            council_id: c.id,
            topic_id: topic.id,
            decision_id: decisionId,
            org_path: c.org_path,
            title: `${title}：第${j + 1}项落实措施`,
            owner_unit: pick(UNITS),
            deadline_at: deadline,
            weight: 1 + Math.floor(rand() * 3),
            progress: p,
            status: isDone ? 'done' : p === 0 ? 'open' : 'inProgress',
            case_id: null,
            case_state: null,
            done_at: doneAt === null ? null : Math.max(doneAt, startsAt + DAY_MS),
            reopen_count: 0,
            created_at: startsAt + 3 * 3_600_000,
            updated_at: startsAt + 3 * 3_600_000,
          };
          outcomes.push(o);
          progress.push({
            id: newId(o.created_at),
            outcome_id: o.id,
            at: o.created_at,
            kind: 'assigned',
            progress: 0,
            note: null,
            evidence: null,
            by_name: null,
          });
          if (p > 0) {
            progress.push({
              id: newId(o.done_at ?? now - DAY_MS),
              outcome_id: o.id,
              at: o.done_at ?? now - DAY_MS,
              kind: isDone ? 'done' : 'progress',
              progress: p,
              note: isDone ? '已完成，现场照片存档。' : '正在推进。',
              evidence: null,
              by_name: null,
            });
          }
          if (isDone) {
            const raters = Math.floor(rand() * 6);
            for (let r = 0; r < raters; r++) {
              ratingsRows.push({
                id: newId(now),
                outcome_id: o.id,
                rater_key: `demo-${o.id}-${r}`,
                round: 0,
                rating: pick(['verySatisfied', 'verySatisfied', 'satisfied', 'satisfied', 'basic'] as const),
                comment: null,
                at: Math.min(now, (o.done_at ?? now) + DAY_MS),
              });
            }
          }
        }
      }
    }
    await repo.insertTopics(topics);
    for (const m of meetings) {
      await repo.insertMeeting(m);
    }
    for (const a of agenda) {
      await repo.setAgenda(a.meeting_id, [a.topic_id]);
    }
    await repo.insertParticipants(participants);
    for (const d of decisions) {
      await repo.insertDecision(d);
    }
    await repo.insertVotes(votes);
    for (const o of outcomes) {
      await repo.insertOutcome(o);
    }
    for (const p of progress) {
      await repo.insertProgress(p);
    }
    for (const r of ratingsRows) {
      await repo.insertRating(r);
    }
    // A few topics the platform proposed from recurring appeals in the past month, waiting for their branches.
    if (options.withActivity) {
      await proposeHotspotTopics(trx, database, now, { rule: { count: 3, days: 30 }, limit: 3 });
    }
  });
}
