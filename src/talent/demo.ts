// Demo stage 'talent': the district's talent pool (人才资源库) — a few hundred capable residents and party members
// filed in every town and village (more in 金沙街道, where the demo accounts work): industry leaders, entrepreneurs,
// 田秀才/土专家, e-commerce talents, heads of mass organisations and volunteer leads, with their skills as tags, the
// grid they live in, consent for most, phones encrypted, blind-indexed and masked as saveProfile files them, about
// one in ten not confirmed for over a year; and a year of assignments — to the alliance's demands, the volunteer
// posts, the consultation topics and grassroots posts (放到基层岗位锻炼培养) — chosen by the same ranking the
// suggestions use, with their records, the finished ones with an outcome and a rating. Deterministic for a seed;
// bulk inserts, well under a second for the district.
import { chineseName, pickOne, type Random } from '../demo/chineseNames.js';
import { allianceDemandsForMatching } from '../alliance/index.js';
import { consultationTopicsForMatching } from '../consultations/index.js';
import { gridDirectory } from '../grids/index.js';
import { maskPhone, memberDirectory, type MemberListRow } from '../members/index.js';
import { orgDirectory, type OrgRow } from '../orgs/index.js';
import type { FieldCipher } from '../platform/crypto.js';
import { bulkInsert, type Database } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';
import { seededRandom } from '../platform/random.js';
import { DAY_MS, localDate } from '../platform/time.js';
import { volunteerPostsForMatching } from '../volunteers/index.js';
import { needOfDemand, needOfPost, needOfTopic, type NeedRef } from './needs.js';
import { rankTalents } from './rankTalents.js';
import type { AssignmentRow, ProfileRow } from './repository.js';
import { normaliseTags } from './skills.js';
import type { TalentKind, TargetKind } from './vocabulary.js';

export type TalentDemoOptions = { seed: number; now: number; cipher: FieldCipher };

const DISTRICT = { path: '/' };
const JINSHA = '320612001';
const DONGSHI = '320612001001';
const HOUR = 3_600_000;

/** Skills each kind of talent is known for, and the words its summary is made of. */
const KINDS: Record<TalentKind, { skills: string[]; lines: string[]; weight: number }> = {
  industryLeader: {
    skills: [
      '家纺生产',
      '家庭农场经营',
      '水产养殖',
      '葡萄种植',
      '合作社管理',
      '农产品加工',
      '苗木花卉',
      '生猪养殖',
    ],
    lines: ['带动周边农户共同增收', '领办专业合作社，吸纳本村劳动力就业', '建成标准化种养基地'],
    weight: 3,
  },
  entrepreneur: {
    skills: ['企业管理', '返乡创业', '市场营销', '财务管理', '物流运输', '建筑施工', '餐饮经营', '外贸业务'],
    lines: ['返乡创办企业，带动就业', '经营实体多年，熟悉市场', '热心公益，资助困难学生'],
    weight: 3,
  },
  localExpert: {
    skills: [
      '水稻栽培',
      '病虫害防治',
      '果树修剪',
      '大棚蔬菜',
      '畜禽防疫',
      '农机维修',
      '中医推拿',
      '食用菌栽培',
    ],
    lines: [
      '种田几十年的“田秀才”，常为村民解答技术难题',
      '农技经验丰富，多次获评优秀农技员',
      '乡土人才，乐于传授技艺',
    ],
    weight: 4,
  },
  ecommerce: {
    skills: ['直播带货', '网店运营', '短视频拍摄', '电商客服', '农产品包装设计', '社群营销', '电脑操作'],
    lines: ['帮助村民在网上销售农产品', '运营家纺网店，年销售额可观', '擅长短视频推广本地特产'],
    weight: 2,
  },
  massOrgHead: {
    skills: [
      '妇女儿童工作',
      '青年志愿服务',
      '老年协会工作',
      '纠纷调解',
      '工会工作',
      '残疾人帮扶',
      '关心下一代工作',
    ],
    lines: [
      '担任群团组织负责人多年，群众基础好',
      '善于做群众工作，调解邻里矛盾',
      '组织开展文体活动，凝聚居民',
    ],
    weight: 2,
  },
  volunteerLead: {
    skills: [
      '法律咨询',
      '健康义诊',
      '心理疏导',
      '文艺演出',
      '青少年辅导',
      '环境整治',
      '助老服务',
      '消防安全',
      '医疗护理',
    ],
    lines: ['长期参加社区志愿服务', '志愿服务队骨干，组织能力强', '退休后坚持为居民服务'],
    weight: 4,
  },
};

const AVAILABILITY: { text: string; weekdays: boolean; weekends: boolean }[] = [
  { text: '周末全天可参加', weekdays: false, weekends: true },
  { text: '工作日下午、周末均可', weekdays: true, weekends: true },
  { text: '工作日白天', weekdays: true, weekends: false },
  { text: '农闲时节时间充裕', weekdays: true, weekends: true },
  { text: '晚上和周末', weekdays: false, weekends: true },
  { text: '近期外出务工，暂不方便', weekdays: false, weekends: false },
];

const GRASSROOTS = [
  '村（社区）后备干部岗位锻炼',
  '网格员助理',
  '村务监督委员会委员',
  '乡村振兴项目联络员',
  '新时代文明实践站讲师',
  '协商议事会特邀成员',
];

const OUTCOMES: Record<TargetKind, string[]> = {
  demand: ['按约定完成对接，居民反映良好', '到现场提供服务 3 次，问题已解决', '提出的方案被采纳并落实'],
  post: ['按时到岗服务，完成岗位任务', '带领志愿者开展服务 5 次', '服务期满，表现突出'],
  topic: ['在议事会上提供专业意见，被写入协商成果', '参与现场调研并发言', '协助起草实施方案'],
  grassroots: ['岗位锻炼期满，考核合格', '协助处理群众诉求 20 余件', '熟悉村务工作，可进一步培养'],
};

/**
 * Profiles the console's walkthrough relies on, filed in 东市社区 and left free of demo assignments: the lawyer the
 * community puts to its property dispute, and one who has not agreed to be contacted.
 */
const FIXED: {
  name: string;
  kind: TalentKind;
  skills: string[];
  summary: string;
  availability: number;
  consent: boolean;
}[] = [
  {
    name: '施建华',
    kind: 'volunteerLead',
    skills: ['法律咨询', '纠纷调解', '普法宣传'],
    summary: '退休法官，东市社区“法润金沙”志愿服务队队长，常年为居民提供法律咨询、调解物业纠纷。',
    availability: 1,
    consent: true,
  },
  {
    name: '陆美琴',
    kind: 'ecommerce',
    skills: ['直播带货', '网店运营', '家纺设计'],
    summary: '经营家纺网店十余年，愿意为社区电商培训出力，但暂不希望被陌生来电打扰。',
    availability: 0,
    consent: false,
  },
];

export async function seedTalentDemo(database: Database, options: TalentDemoOptions): Promise<void> {
  const { db, dialect } = database;
  const { now, cipher } = options;
  const rand = seededRandom(options.seed * 31_337 + 24);
  const orgs = orgDirectory(db, dialect);
  const root = await orgs.findRoot();
  if (root === undefined) {
    return;
  }
  const tree = (await orgs.subtree(DISTRICT, root.path)).filter((o) => o.status === 'active');
  const towns = tree.filter((o) => o.level === 'town');
  const villages = tree.filter((o) => o.level === 'village');
  if (villages.length === 0) {
    return;
  }
  const gridsOf = new Map<string, string[]>();
  for (const g of await gridDirectory(db).list(DISTRICT, { status: 'active' }, 100_000, null)) {
    if (g.village_id !== null) {
      gridsOf.set(g.village_id, [...(gridsOf.get(g.village_id) ?? []), g.id]);
    }
  }

  let seq = 0;
  const id = (at: number) => `${newId(at).slice(0, 20)}${(seq++).toString(36).padStart(6, '0')}`;
  const phones = new Set<string>();
  const phone = (): string => {
    for (;;) {
      const p = `1${pickOne(rand, ['39', '38', '37', '36', '35', '51', '52', '58', '59', '88', '87', '80'])}${String(
        Math.floor(rand() * 100_000_000),
      ).padStart(8, '0')}`;
      if (!phones.has(p)) {
        phones.add(p);
        return p;
      }
    }
  };
  const kindEntries = Object.entries(KINDS) as [TalentKind, (typeof KINDS)[TalentKind]][];
  const kindOf = (r: Random): TalentKind => {
    let x = r() * kindEntries.reduce((s, [, k]) => s + k.weight, 0);
    for (const [kind, k] of kindEntries) {
      x -= k.weight;
      if (x < 0) {
        return kind;
      }
    }
    return 'volunteerLead';
  };

  const profiles: ProfileRow[] = [];
  const tags: { profile_id: string; tag: string; org_path: string }[] = [];
  const fixedIds = new Set<string>();
  const file = (
    place: OrgRow,
    p: {
      name: string;
      kind: TalentKind;
      skills: string[];
      summary: string;
      availability: (typeof AVAILABILITY)[number];
      consent: boolean;
      member: MemberListRow | null;
      isStale: boolean;
    },
  ): ProfileRow => {
    const confirmed = p.isStale
      ? now - (380 + Math.floor(rand() * 340)) * DAY_MS - Math.floor(rand() * 8) * HOUR
      : now - (3 + Math.floor(rand() * 320)) * DAY_MS - Math.floor(rand() * 8) * HOUR;
    const created = confirmed - Math.floor(rand() * 400) * DAY_MS;
    const number = rand() < 0.95 ? phone() : null;
    const grids = gridsOf.get(place.id) ?? [];
    const skills = normaliseTags(p.skills);
    const row: ProfileRow = {
      id: id(created),
      org_id: place.id,
      org_path: place.path,
      grid_id: place.level === 'village' && grids.length > 0 && rand() < 0.8 ? pickOne(rand, grids) : null,
      member_id: p.member?.id ?? null,
      name: p.name,
      kind: p.kind,
      skills: JSON.stringify(skills),
      summary: p.summary,
      availability: p.availability.text,
      weekdays: p.availability.weekdays ? 1 : 0,
      weekends: p.availability.weekends ? 1 : 0,
      consent: p.consent ? 1 : 0,
      consent_at: p.consent ? created : null,
      phone_enc: number === null ? null : cipher.encrypt(number),
      phone_idx: number === null ? null : cipher.blindIndex(number),
      phone_masked: number === null ? null : maskPhone(number),
      confirmed_at: confirmed,
      created_by: null,
      created_at: created,
      updated_at: confirmed,
    };
    profiles.push(row);
    tags.push(...skills.map((tag) => ({ profile_id: row.id, tag, org_path: place.path })));
    return row;
  };

  const members = memberDirectory(db, dialect);
  const usedMembers = new Set<string>();
  const jinsha = towns.find((t) => t.code === JINSHA);
  for (const place of [...towns, ...villages]) {
    const isJinsha = jinsha !== undefined && place.path.startsWith(jinsha.path);
    const count =
      place.level === 'town' ? 2 : isJinsha ? 4 + Math.floor(rand() * 3) : 1 + (rand() < 0.5 ? 1 : 0);
    const local =
      place.level === 'village'
        ? (await members.list(DISTRICT, { underPath: place.path, limit: 12 })).filter(
            (m) => m.status === 'active' && !usedMembers.has(m.id),
          )
        : [];
    if (place.code === DONGSHI) {
      for (const f of FIXED) {
        const row = file(place, {
          name: f.name,
          kind: f.kind,
          skills: f.skills,
          summary: f.summary,
          availability: AVAILABILITY[f.availability]!,
          consent: f.consent,
          member: null,
          isStale: false,
        });
        row.confirmed_at = now - 20 * DAY_MS;
        row.updated_at = row.confirmed_at;
        row.created_at = row.confirmed_at - 200 * DAY_MS;
        row.consent_at = row.consent === 1 ? row.created_at : null;
        fixedIds.add(row.id);
      }
    }
    for (let i = 0; i < count; i++) {
      const kind = kindOf(rand);
      const k = KINDS[kind];
      const asMember =
        local.length > 0 && rand() < 0.35 ? local.splice(Math.floor(rand() * local.length), 1)[0]! : null;
      if (asMember !== null) {
        usedMembers.add(asMember.id);
      }
      const name = asMember?.name ?? chineseName(rand, rand() < 0.6 ? 'male' : 'female');
      const chosen = new Set<string>();
      const n = 2 + Math.floor(rand() * 3);
      while (chosen.size < n) {
        chosen.add(pickOne(rand, k.skills));
      }
      if (rand() < 0.25) {
        const other = KINDS[kindOf(rand)].skills;
        chosen.add(pickOne(rand, other));
      }
      const years = 3 + Math.floor(rand() * 25);
      const skillList = [...chosen];
      file(place, {
        name,
        kind,
        skills: skillList,
        summary: `${asMember === null ? '' : '中共党员，'}从事${skillList[0]!}${years}年，${pickOne(rand, k.lines)}。`,
        availability: pickOne(rand, AVAILABILITY),
        consent: rand() < 0.86,
        member: asMember,
        isStale: rand() < 0.1,
      });
    }
  }

  // Assignments: each need takes the best one or two talents the suggestions rank for it, among those filed by then.
  const assignments: AssignmentRow[] = [];
  const busy = new Map<string, number>();
  const suggestible = profiles.filter((p) => !fixedIds.has(p.id));
  const townPathOf = (path: string): string => {
    const parts = path.split('/').filter((s) => s !== '');
    return parts.length >= 2 ? `/${parts[0]}/${parts[1]}/` : path;
  };
  const assign = (
    target: { kind: TargetKind; id: string | null; title: string },
    p: Pick<ProfileRow, 'id' | 'org_path'>,
    isDone: boolean,
    startsAt: number,
  ) => {
    const length = (14 + Math.floor(rand() * 80)) * DAY_MS;
    const endsAt = isDone
      ? Math.min(startsAt + length, now - DAY_MS)
      : rand() < 0.5
        ? startsAt + length
        : null;
    const day = localDate(startsAt);
    const outcome = isDone ? pickOne(rand, OUTCOMES[target.kind]) : null;
    assignments.push({
      id: id(startsAt),
      profile_id: p.id,
      org_path: p.org_path,
      target_kind: target.kind,
      target_id: target.id,
      title: target.title,
      starts_at: startsAt,
      ends_at: endsAt !== null && endsAt <= startsAt ? startsAt + DAY_MS : endsAt,
      status: isDone ? 'completed' : 'active',
      outcome,
      rating: isDone ? 3 + Math.floor(rand() * 3) : null,
      record: isDone
        ? `${day} 到岗，与负责同志对接任务。\n${outcome ?? ''}`
        : `${day} 到岗，与负责同志对接任务，按计划开展工作。`,
      created_by: null,
      created_at: startsAt,
      updated_at: isDone && endsAt !== null ? endsAt : startsAt,
    });
    if (!isDone) {
      busy.set(p.id, (busy.get(p.id) ?? 0) + 1);
    }
  };
  const putTo = (need: NeedRef, howMany: number) => {
    const target = { kind: need.kind, id: need.id, title: need.title };
    const under = townPathOf(need.orgPath);
    const startsAt = Math.min(now - DAY_MS, need.createdAt + (2 + Math.floor(rand() * 10)) * DAY_MS);
    const pool = suggestible.filter((p) => p.org_path.startsWith(under) && p.created_at < startsAt);
    const ranked = rankTalents(need, pool, busy, new Set(), now, howMany);
    for (const s of ranked) {
      assign(target, s.profile, startsAt < now - 45 * DAY_MS && rand() < 0.6, startsAt);
    }
  };

  for (const d of await allianceDemandsForMatching(db, DISTRICT, 200)) {
    putTo(needOfDemand(d), 1 + (rand() < 0.4 ? 1 : 0));
  }
  const posts =
    jinsha === undefined ? [] : await volunteerPostsForMatching(db, dialect, { path: jinsha.path }, 300);
  for (const p of posts.filter(() => rand() < 0.5)) {
    putTo(needOfPost(p), 1);
  }
  for (const t of (await consultationTopicsForMatching(db, DISTRICT, 400)).filter(() => rand() < 0.35)) {
    putTo(needOfTopic(t), 1);
  }
  // Grassroots posts: about one talent in six is trained on a post of their village or town this year.
  for (const p of suggestible.filter((x) => x.consent === 1 && rand() < 0.17)) {
    const startsAt = now - (10 + Math.floor(rand() * 300)) * DAY_MS;
    if (startsAt > p.created_at) {
      assign({ kind: 'grassroots', id: null, title: pickOne(rand, GRASSROOTS) }, p, rand() < 0.55, startsAt);
    }
  }

  await db.transaction().execute(async (trx) => {
    const insert = <T extends keyof DB>(table: T, rows: readonly DB[T][]) =>
      bulkInsert(database, trx, table, rows);
    await insert('talent_profile', profiles);
    await insert('talent_skill', tags);
    await insert('talent_assignment', assignments);
  });
}
