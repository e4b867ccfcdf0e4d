// The command view's demo: the district's standing early-warning rules and 金沙街道's own, a few days of reports in
// three 金沙街道 communities that such rules exist to catch (street vending piling up in one community, many
// households of one estate calling about their property company within hours, one resident calling again and
// again), one run of the rules at the demo's present so the screen has alerts, one alert turned into a
// consultation topic and one put under supervision and finished, and the busiest screens' stored tiles counted once.
import type { Kysely } from 'kysely';
import pino from 'pino';
import { reportCase } from '../cases/index.js';
import { seedingActorAt } from '../identity/index.js';
import { orgDirectory } from '../orgs/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database, Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import type { FieldCipher } from '../platform/crypto.js';
import { actOnAlert, finishAlert } from './actOnAlert.js';
import { createRule, type RuleInput } from './saveRule.js';
import { runWarnings, warmBusiestScreens } from './warnings.js';

const silentLog = pino({ level: 'silent' });

const DISTRICT_RULES: RuleInput[] = [
  {
    name: '同一村（社区）同类诉求一周多发',
    kind: 'cluster',
    categoryCode: null,
    area: 'village',
    windowHours: 7 * 24,
    threshold: 4,
    ratio: null,
    severity: 'normal',
  },
  {
    name: '同类诉求同比明显上升',
    kind: 'trend',
    categoryCode: null,
    area: 'village',
    windowHours: 28 * 24,
    threshold: 6,
    ratio: 2,
    severity: 'normal',
  },
  {
    name: '同一人反复信访',
    kind: 'repeat',
    categoryCode: null,
    area: 'village',
    windowHours: 30 * 24,
    threshold: 3,
    ratio: null,
    severity: 'normal',
  },
  {
    name: '群体性事件苗头：短时多人反映同一问题',
    kind: 'surge',
    categoryCode: null,
    area: 'village',
    windowHours: 6,
    threshold: 5,
    ratio: null,
    severity: 'high',
  },
];

const TOWN_RULES: RuleInput[] = [
  {
    name: '网格内同类问题三天三次',
    kind: 'cluster',
    categoryCode: null,
    area: 'grid',
    windowHours: 3 * 24,
    threshold: 3,
    ratio: null,
    severity: 'normal',
  },
];

const HOUR_MS = 3_600_000;

type Sign = {
  village: string;
  categoryCode: string;
  /** Hours before the present of each report. */
  hoursAgo: number[];
  descriptions: string[];
  /** One caller for every report (a repeated petition), or a different household each time. */
  isOneCaller: boolean;
};

const SIGNS: Sign[] = [
  {
    village: '320612001001', // 东市社区
    categoryCode: '070102', // 占道经营
    hoursAgo: [118, 93, 70, 45, 22, 4],
    descriptions: [
      '菜场东门早市流动摊贩占用人行道，行人只能走机动车道',
      '东市街口又有三轮车摆摊卖水果，堵住了小区出入口',
      '傍晚烧烤摊占道经营，油烟大，桌椅摆到路中间',
      '早上六点起流动摊贩沿街叫卖，占道严重',
      '菜场门口摊点越摆越多，消防通道被堵',
      '今天上午又有人在小区门口摆摊，劝说无效',
    ],
    isOneCaller: false,
  },
  {
    village: '320612001002', // 南山社区
    categoryCode: '030105', // 物业纠纷
    hoursAgo: [5.5, 4.8, 4.1, 3.6, 2.9, 2.2, 1.4, 0.6],
    descriptions: [
      '南山花园物业公司突然通知下月起物业费上涨一倍，业主不同意',
      '物业费涨价没有开业主大会，很多业主准备集体去物业讨说法',
      '南山花园业主群里在约明天去物业办公室，担心发生冲突',
      '物业公司说不交新标准的物业费就停止服务，电梯已经没人管了',
      '小区物业涨价问题，几十户业主很气愤，希望社区出面',
      '物业把小区门禁卡停了，要求先交涨价后的物业费',
      '业主和物业人员在门岗发生争执，情绪比较激动',
      '物业涨价纠纷越闹越大，请尽快协调，避免群体上访',
    ],
    isOneCaller: false,
  },
  {
    village: '320612001003', // 新村社区
    categoryCode: '030101', // 邻里纠纷
    hoursAgo: [520, 300, 150, 30],
    descriptions: [
      '楼上住户长期在楼道堆放杂物，多次沟通无果',
      '反映过的楼道堆物问题还没有解决，邻居态度很差',
      '楼上又把杂物堆到我家门口，社区调解后没有改变',
      '第四次反映楼道堆物和邻里矛盾，希望街道来人处理',
    ],
    isOneCaller: true,
  },
];

/** Eleven digits that look like a mobile number: a fixed prefix and a running tail. */
const demoPhone = (n: number) => `1390513${String(4000 + n).padStart(4, '0')}`;

/** The reports behind the demo's alerts, filed as the hotline took them (phones sealed and blind-indexed). */
async function plantSigns(
  trx: Kysely<DB>,
  dialect: Dialect,
  cipher: FieldCipher,
  now: number,
  orgIdOf: (code: string) => Promise<string | null>,
): Promise<void> {
  let caller = 0;
  for (const sign of SIGNS) {
    const orgId = await orgIdOf(sign.village);
    if (orgId === null) {
      continue;
    }
    const repeatPhone = demoPhone(caller++);
    for (const [i, hours] of sign.hoursAgo.entries()) {
      await reportCase(
        trx,
        { dialect, cipher, locate: () => null },
        {
          actor: { kind: 'anonymous' },
          ip: '127.0.0.1',
          requestId: 'demo-command',
          locale: 'zh-CN',
          log: silentLog,
          now: Math.round(now - hours * HOUR_MS),
        },
        null,
        {
          categoryCode: sign.categoryCode,
          description: sign.descriptions[i % sign.descriptions.length]!,
          orgId,
          source: 'hotline',
          reporterPhone: sign.isOneCaller ? repeatPhone : demoPhone(caller++),
        },
      );
    }
  }
}

export async function seedCommandDemo(
  database: Database,
  options: { now: number; cipher: FieldCipher },
): Promise<void> {
  const { db, dialect } = database;
  const orgs = orgDirectory(db, dialect);
  const root = await orgs.findRoot();
  if (root === undefined) {
    return;
  }
  const town = await orgs.findByCode('320612001');
  const district = await seedingActorAt(db, dialect, root.id, 'districtCommand', '区社会治理现代化指挥中心');
  if (district === null) {
    return;
  }
  const ctx = (actor: typeof district, at: number): RequestContext => ({
    actor,
    ip: '127.0.0.1',
    requestId: 'demo-command',
    locale: 'zh-CN',
    log: silentLog,
    now: at,
  });
  const now = options.now;
  await db.transaction().execute(async (trx) => {
    await plantSigns(
      trx,
      dialect,
      options.cipher,
      now,
      async (code) => (await orgDirectory(trx, dialect).findByCode(code))?.id ?? null,
    );
    for (const rule of DISTRICT_RULES) {
      await createRule(trx, ctx(district, now), district, rule);
    }
    const townActor =
      town === undefined ? null : await seedingActorAt(trx, dialect, town.id, 'townCommand', town.name);
    if (townActor !== null) {
      for (const rule of TOWN_RULES) {
        await createRule(trx, ctx(townActor, now), townActor, rule);
      }
    }
    const raised = await runWarnings(trx, dialect, now);
    // One village alert turned into a topic for its council, one supervised and finished; the rest stay open.
    const topicable = raised.find(
      (a) => a.category_code !== null && a.grid_id === null && a.subject.includes('|'),
    );
    if (topicable !== undefined) {
      await actOnAlert(trx, dialect, ctx(district, now), district, topicable.id, {
        kind: 'topic',
        note: '同类诉求集中，提请村（社区）议事会协商解决',
      });
    }
    const supervisable = raised.find((a) => a !== topicable && a.severity === 'normal');
    if (supervisable !== undefined) {
      await actOnAlert(trx, dialect, ctx(district, now), district, supervisable.id, {
        kind: 'supervise',
        note: '请镇（街道）指挥中心跟踪督办',
      });
      await finishAlert(trx, ctx(district, now), district, supervisable.id, {
        note: '相关事件已督办，责任部门已到现场处置',
      });
    }
  });
  await warmBusiestScreens(database, now, silentLog);
}
