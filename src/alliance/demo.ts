// The alliance's demo: 金沙街道's regional party-building alliance (金沙街道区域党建共同体) with its communities and the
// units in them (schools, a hospital, agencies, state firms, enterprises, social organisations), each with what it
// committed to; their resources, the communities' demands and two joint projects; agreements at every stage (met and
// rated, delivered and waiting for the rating, agreed and under way) and demands still waiting for a match.
// Its joint meetings (three held with minutes, the next planned) and three brand projects at different stages.
import type { Kysely } from 'kysely';
import pino from 'pino';
import type { UserActor } from '../access/index.js';
import { seedingActorAt } from '../identity/index.js';
import { orgDirectory } from '../orgs/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database, Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { DAY_MS } from '../platform/time.js';
import { agreeMatch } from './agreeMatch.js';
import { conveneAlliance } from './conveneAlliance.js';
import { evaluateDelivery, recordDelivery } from './deliverMatch.js';
import { postItem, type ItemInput } from './postItem.js';
import {
  addMilestone,
  addPartner,
  completeMilestone,
  declareBrand,
  moveBrand,
  reviewBrand,
} from './brands.js';
import { holdMeeting, scheduleMeeting } from './meetings.js';
import { allianceRepository, type AllianceRow } from './repository.js';
import { signMember } from './signMember.js';

const silentLog = pino({ level: 'silent' });
const TOWN_CODE = '320612001';

/** Members by name, with what each signed up to. */
const MEMBERS: [string, string][] = [
  ['东市社区', '开放党群服务中心，收集居民需求，组织居民参与共建项目'],
  ['南山社区', '开放社区活动室，组织志愿者参与共建活动'],
  ['新村社区', '收集老旧小区改造中的居民诉求，提供议事场地'],
  ['东市中心小学', '节假日开放操场和多功能厅，教师志愿者参与社区托管'],
  ['南山实验小学', '开放图书室，组织师生志愿服务'],
  ['北山中医院分院', '每月一次进社区义诊，开展健康讲座'],
  ['金沙街道司法所', '每周一次法律咨询，参与矛盾纠纷调解'],
  ['金沙街道供电所', '为困难家庭免费检修线路，开展安全用电宣传'],
  ['金沙街道农商银行支行', '设立共建基金，开展防范电信诈骗宣传'],
  ['东市志愿者协会', '组织志愿者参与社区治理和帮扶'],
  ['金沙电子企业', '提供就业岗位信息，资助困难学生'],
];

type Item = Omit<
  ItemInput,
  'ownerOrgId' | 'availableFrom' | 'availableTo' | 'neededBy' | 'source' | 'sourceId'
> & {
  owner: string;
  availableInDays?: [number, number];
  neededInDays?: number;
  source?: ItemInput['source'];
};

const RESOURCES: Item[] = [
  {
    owner: '东市中心小学',
    list: 'resource',
    kind: 'venue',
    title: '多功能厅（暑期及周末）',
    detail: '可容纳 200 人，配投影和音响',
    quantity: 8,
    availableInDays: [-30, 180],
  },
  {
    owner: '南山实验小学',
    list: 'resource',
    kind: 'venue',
    title: '图书室',
    detail: '40 个座位，周六上午开放',
    quantity: 4,
    availableInDays: [-30, 120],
  },
  {
    owner: '北山中医院分院',
    list: 'resource',
    kind: 'expert',
    title: '义诊医生',
    detail: '内科、中医科医生，每次 3 人',
    quantity: 6,
    availableInDays: [-60, 240],
  },
  {
    owner: '金沙街道司法所',
    list: 'resource',
    kind: 'expert',
    title: '法律咨询律师',
    detail: '每周三下午，司法所工作人员及签约律师',
    quantity: 12,
    availableInDays: [-60, 300],
  },
  {
    owner: '金沙街道农商银行支行',
    list: 'resource',
    kind: 'funds',
    title: '社区共建基金',
    detail: '用于社区微更新和困难帮扶，单位：元',
    quantity: 50000,
    availableInDays: [-90, 270],
  },
  {
    owner: '东市志愿者协会',
    list: 'resource',
    kind: 'volunteers',
    title: '社区志愿者',
    detail: '可参与环境整治、助老服务',
    quantity: 30,
    availableInDays: [-90, 270],
  },
  {
    owner: '金沙街道供电所',
    list: 'resource',
    kind: 'service',
    title: '困难家庭线路检修',
    detail: '免费检修室内线路，更换老化插座',
    quantity: 20,
    availableInDays: [-30, 200],
  },
];

const PROJECTS: Item[] = [
  {
    owner: '东市社区',
    list: 'project',
    kind: 'service',
    title: '“小橘灯”暑期托管',
    detail: '社区、学校、志愿者协会共办，双职工家庭子女暑期托管',
    quantity: null,
    availableInDays: [-10, 90],
  },
  {
    owner: '金沙街道司法所',
    list: 'project',
    kind: 'expert',
    title: '“法润金沙”法律服务进社区',
    detail: '法律咨询、以案释法、矛盾调解',
    quantity: null,
    availableInDays: [-60, 300],
  },
];

const DEMANDS: Item[] = [
  {
    owner: '东市社区',
    list: 'demand',
    kind: 'venue',
    title: '暑期托管班需要活动场地',
    detail: '约 60 名学生，需要可容纳 80 人的场地 4 次',
    quantity: 4,
    neededInDays: 40,
  },
  {
    owner: '东市社区',
    list: 'demand',
    kind: 'expert',
    title: '老年人健康义诊',
    detail: '社区 60 岁以上老人约 800 人，希望每季度义诊一次',
    quantity: 3,
    neededInDays: 30,
    source: 'appeal',
  },
  {
    owner: '南山社区',
    list: 'demand',
    kind: 'funds',
    title: '南山花园楼道照明改造',
    detail: '协商议事会议定的项目，缺口资金约 1.2 万元',
    quantity: 12000,
    neededInDays: 60,
    source: 'consultation',
  },
  {
    owner: '新村社区',
    list: 'demand',
    kind: 'expert',
    title: '物业纠纷法律咨询',
    detail: '老旧小区物业费调整引发纠纷，需要律师现场答疑',
    quantity: 2,
    neededInDays: 20,
    source: 'appeal',
  },
  {
    owner: '南山社区',
    list: 'demand',
    kind: 'volunteers',
    title: '河道沿线环境整治志愿者',
    detail: '周末两次，每次约 10 人',
    quantity: 10,
    neededInDays: 25,
  },
  {
    owner: '新村社区',
    list: 'demand',
    kind: 'service',
    title: '独居老人家中线路老化',
    detail: '12 户独居老人家中线路需要检修',
    quantity: 12,
    neededInDays: 45,
  },
  {
    owner: '东市社区',
    list: 'demand',
    kind: 'equipment',
    title: '社区活动室需要投影设备',
    detail: '居民议事和培训使用',
    quantity: 1,
    neededInDays: 50,
  },
];

/** Which demand is met by which offer, and how far the agreement has come. */
const AGREEMENTS: {
  demand: string;
  offer: string;
  quantity: number | null;
  agreedDaysAgo: number;
  dueInDays: number;
  stage: 'evaluated' | 'delivered' | 'agreed';
  note: string;
  rating?: number;
}[] = [
  {
    demand: '老年人健康义诊',
    offer: '义诊医生',
    quantity: 3,
    agreedDaysAgo: 40,
    dueInDays: -10,
    stage: 'evaluated',
    note: '已在东市社区党群服务中心开展义诊两次，服务老人 236 人次',
    rating: 5,
  },
  {
    demand: '物业纠纷法律咨询',
    offer: '法律咨询律师',
    quantity: 2,
    agreedDaysAgo: 12,
    dueInDays: 5,
    stage: 'delivered',
    note: '律师到新村社区现场答疑，接待居民 40 余人',
  },
  {
    demand: '南山花园楼道照明改造',
    offer: '社区共建基金',
    quantity: 12000,
    agreedDaysAgo: 6,
    dueInDays: 30,
    stage: 'agreed',
    note: '',
  },
  {
    demand: '河道沿线环境整治志愿者',
    offer: '社区志愿者',
    quantity: 10,
    agreedDaysAgo: 20,
    dueInDays: -2,
    stage: 'evaluated',
    note: '两次共 22 人次参与，清理河岸垃圾 1.5 吨',
    rating: 4,
  },
];

const MEETINGS: [string, string, string][] = [
  [
    '区域党建共同体第一次联席会议',
    '通报需求清单；研究暑期托管场地',
    '议定：学校暑期开放操场和多功能厅；卫生院每月进社区义诊；下次会议重点对接老旧小区改造需求。',
  ],
  [
    '区域党建共同体第二次联席会议',
    '审议品牌项目申报；资源清单更新',
    '议定：“一老一小”邻里守望项目进入孵化；各成员单位月底前更新资源清单。',
  ],
  [
    '区域党建共同体第三次联席会议',
    '品牌项目评审；未对接需求督办',
    '议定：针对评审发现的师资短板，由中学补充志愿教师；两项超期需求由街道督办。',
  ],
  ['区域党建共同体第四次联席会议', '共建成效总结；下一阶段项目清单', ''],
];

type BrandSeed = {
  lead: string;
  title: string;
  summary: string;
  declaredDaysAgo: number;
  reach: 'declared' | 'filling' | 'strengthening';
  partners: [string, string][];
  gaps: string;
  milestones: [string, number][];
};

const BRANDS: BrandSeed[] = [
  {
    lead: MEMBERS[0]![0],
    title: '“一老一小”邻里守望',
    summary: '整合学校、卫生院和志愿者资源，为社区老人和放学后的孩子提供托管、陪伴和健康服务。',
    declaredDaysAgo: 110,
    reach: 'strengthening',
    partners: MEMBERS.slice(1, 3).map(([name]) => [name, '开放场地，派出专业人员']),
    gaps: '缺少专业师资和固定活动场地',
    milestones: [
      ['招募志愿教师 20 名', 10],
      ['建成托管点 2 个', 20],
    ],
  },
  {
    lead: MEMBERS[1]![0],
    title: '红色物业进小区',
    summary: '驻区单位党员与物业、业委会共商共治，解决小区停车、加装电梯等难题。',
    declaredDaysAgo: 70,
    reach: 'filling',
    partners: MEMBERS.slice(2, 4).map(([name]) => [name, '派出党员参与议事']),
    gaps: '业委会参与不足，议事规则未成文',
    milestones: [['议事规则成文并公示', 60]],
  },
  {
    lead: MEMBERS[2]![0],
    title: '金沙电商助农直播间',
    summary: '两新组织提供直播设备和运营人才，带动村里农产品线上销售。',
    declaredDaysAgo: 8,
    reach: 'declared',
    partners: [],
    gaps: '',
    milestones: [],
  },
];

export async function seedAllianceDemo(database: Database, options: { now: number }): Promise<void> {
  const { db, dialect } = database;
  const town = await orgDirectory(db, dialect).findByCode(TOWN_CODE);
  if (town === undefined) {
    return;
  }
  const actor = await seedingActorAt(db, dialect, town.id, 'townCommand', '金沙街道党工委');
  if (actor === null) {
    return;
  }
  await db.transaction().execute((trx) => seedTown(trx, dialect, actor, town, options.now));
}

async function seedTown(
  trx: Kysely<DB>,
  dialect: Dialect,
  actor: UserActor,
  town: { id: string; path: string },
  now: number,
): Promise<void> {
  const ctx = (at: number): RequestContext => ({
    actor,
    ip: '127.0.0.1',
    requestId: 'demo-alliance',
    locale: 'zh-CN',
    log: silentLog,
    now: at,
  });
  const start = now - 120 * DAY_MS;
  const alliance = await conveneAlliance(trx, dialect, ctx(start), actor, {
    orgId: town.id,
    name: '金沙街道区域党建共同体',
    charter: '组织联动、文明联创、发展联心：街道、社区、驻区单位和两新组织资源共享、需求共商、项目共建。',
  });
  const subtree = await orgDirectory(trx, dialect).subtree({ path: town.path }, town.path);
  const byName = new Map(subtree.map((o) => [o.name, o]));
  for (const [i, [name, commitment]] of MEMBERS.entries()) {
    const org = byName.get(name);
    if (org !== undefined) {
      await signMember(trx, dialect, ctx(start + (i + 1) * 3_600_000), actor, alliance, {
        orgId: org.id,
        commitment,
      });
    }
  }
  const posted = new Map<string, string>();
  const day = (d: number) => Math.round((now + d * DAY_MS) / 60_000) * 60_000;
  for (const [i, item] of [...RESOURCES, ...PROJECTS, ...DEMANDS].entries()) {
    const owner = byName.get(item.owner);
    if (owner === undefined) {
      continue;
    }
    const at = now - (90 - i * 2) * DAY_MS;
    const row = await postItem(trx, dialect, ctx(at), actor, alliance, {
      ownerOrgId: owner.id,
      list: item.list,
      kind: item.kind,
      title: item.title,
      detail: item.detail,
      quantity: item.quantity,
      availableFrom: item.availableInDays === undefined ? null : day(item.availableInDays[0]),
      availableTo: item.availableInDays === undefined ? null : day(item.availableInDays[1]),
      neededBy: item.neededInDays === undefined ? null : day(item.neededInDays),
      source: item.source ?? 'own',
      sourceId: null,
    });
    posted.set(item.title, row.id);
  }
  for (const a of AGREEMENTS) {
    const demandId = posted.get(a.demand);
    const offerId = posted.get(a.offer);
    if (demandId === undefined || offerId === undefined) {
      continue;
    }
    const agreedAt = now - a.agreedDaysAgo * DAY_MS;
    const match = await agreeMatch(trx, ctx(agreedAt), actor, alliance, demandId, {
      offerId,
      quantity: a.quantity,
      dueAt: day(a.dueInDays),
      commitment: `${a.offer}对接“${a.demand}”，按约定时间落实`,
    });
    if (a.stage === 'agreed') {
      continue;
    }
    const deliveredAt = Math.min(now - DAY_MS, match.due_at - DAY_MS);
    await recordDelivery(trx, ctx(deliveredAt), actor, alliance, match.id, { note: a.note });
    if (a.stage === 'evaluated') {
      await evaluateDelivery(trx, ctx(deliveredAt + DAY_MS / 2), actor, alliance, match.id, {
        rating: a.rating ?? 5,
        note: '居民反映很好，希望长期开展',
      });
    }
  }
  await seedMeetings(trx, ctx, actor, alliance, now, [...byName.values()]);
  await seedBrands(trx, ctx, actor, alliance, now, byName);
}

/** A joint meeting about every six weeks: three held, with minutes and the members present, and the next planned. */
async function seedMeetings(
  trx: Kysely<DB>,
  ctx: (at: number) => RequestContext,
  actor: UserActor,
  alliance: AllianceRow,
  now: number,
  orgs: readonly { id: string; name: string }[],
): Promise<void> {
  const members = new Set((await allianceRepository(trx).members(alliance.id)).map((m) => m.org_id));
  const present = orgs.filter((o) => members.has(o.id)).map((o) => o.id);
  for (const [k, [title, agenda, minutes]] of MEETINGS.entries()) {
    const at =
      Math.round((now + (k - MEETINGS.length + 1) * 40 * DAY_MS + 20 * DAY_MS) / 3_600_000) * 3_600_000;
    const meeting = await scheduleMeeting(trx, ctx(at - 14 * DAY_MS), actor, alliance, {
      title,
      place: '金沙街道党群服务中心三楼会议室',
      agenda,
      scheduledAt: at,
    });
    if (at < now) {
      await holdMeeting(trx, ctx(at + 3 * 3_600_000), actor, alliance, meeting.id, {
        minutes,
        attendeeOrgIds: present.filter((_, i) => (i + k) % 5 !== 0),
      });
    }
  }
}

/** Three brand projects: one scaled up (强链), one filling its gaps (补链), one just declared. */
async function seedBrands(
  trx: Kysely<DB>,
  ctx: (at: number) => RequestContext,
  actor: UserActor,
  alliance: AllianceRow,
  now: number,
  byName: ReadonlyMap<string, { id: string; name: string }>,
): Promise<void> {
  for (const b of BRANDS) {
    const lead = byName.get(b.lead);
    if (lead === undefined) {
      continue;
    }
    let at = now - b.declaredDaysAgo * DAY_MS;
    const step = () => (at += 5 * DAY_MS);
    const brand = await declareBrand(trx, ctx(at), actor, alliance, {
      leadOrgId: lead.id,
      title: b.title,
      summary: b.summary,
    });
    if (b.reach === 'declared') {
      continue;
    }
    await moveBrand(trx, ctx(step()), actor, alliance, brand.id, {
      stage: 'incubating',
      reason: '同意进入孵化',
    });
    for (const [name, contribution] of b.partners) {
      const partner = byName.get(name);
      if (partner !== undefined && partner.id !== lead.id) {
        await addPartner(trx, ctx(step()), actor, alliance, brand.id, { orgId: partner.id, contribution });
      }
    }
    await reviewBrand(trx, ctx(step()), actor, alliance, brand.id, { score: 3, note: b.gaps });
    await moveBrand(trx, ctx(step()), actor, alliance, brand.id, {
      stage: 'filling',
      reason: '按评审意见补链',
    });
    const milestones = [];
    for (const [title, dueInDays] of b.milestones) {
      milestones.push(
        await addMilestone(trx, ctx(step()), actor, alliance, brand.id, {
          title,
          note: '',
          dueAt: at + dueInDays * DAY_MS,
        }),
      );
    }
    if (b.reach === 'filling') {
      continue;
    }
    for (const m of milestones) {
      await completeMilestone(trx, ctx(step()), actor, alliance, brand.id, m.id, { note: '按期完成' });
    }
    await reviewBrand(trx, ctx(step()), actor, alliance, brand.id, { score: 5, note: '短板已补齐，可推广' });
    await moveBrand(trx, ctx(step()), actor, alliance, brand.id, {
      stage: 'strengthening',
      reason: '推广复制',
    });
  }
}
